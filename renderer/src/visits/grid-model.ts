// The entry grid's shape, worked out from the patient's watched sites. Pure functions, so the screen only
// draws what this decides: which motions are rows, which side and mode columns exist, which cells take
// a value, and the order Tab walks them in.
import { JOINTS, MODES, SIDES, findMotionSpec, motionsOfJoint, sideLabel, type JointId, type Mode, type MotionKey, type MotionSpec, type Side } from '../../../shared/domain/catalogue';
import { siteMotionJoints, type WatchedSite } from '../../../shared/domain/ho';
import type { Visit } from '../../../shared/domain/visit';

export interface GridColumn {
  side: Side;
  mode: Mode;
}

/** One box of the grid: a measurement that may be typed. `index` is its place in reading order. */
export interface GridCell extends GridColumn {
  index: number;
  motion: MotionKey;
}

export interface GridRow {
  spec: MotionSpec;
  /** One entry per column; null where the side is not watched for this motion. */
  cells: (GridCell | null)[];
}

export interface GridGroup {
  joint: JointId;
  sites: WatchedSite[];
  rows: GridRow[];
}

export interface GridLayout {
  columns: GridColumn[];
  groups: GridGroup[];
  /** Every cell, in reading order (row by row, left to right), the order Tab moves in. */
  cells: GridCell[];
}

export function buildGrid(sites: readonly WatchedSite[]): GridLayout {
  // Only the sides some site watches get columns: a right elbow alone gives Right active and Right passive.
  const columns: GridColumn[] = SIDES.filter((side) => sites.some((s) => s.side === side)).flatMap((side) => MODES.map((mode) => ({ side, mode })));

  // Which sides each motion is measured on. An elbow site also brings the forearm (siteMotionJoints).
  const sidesOf = new Map<MotionKey, Set<Side>>();
  for (const site of sites) {
    for (const joint of siteMotionJoints(site.joint)) {
      for (const spec of motionsOfJoint(joint)) {
        const set = sidesOf.get(spec.key) ?? new Set<Side>();
        set.add(site.side);
        sidesOf.set(spec.key, set);
      }
    }
  }

  // Grouped by the site's joint, in the catalogue's clinical order; left and right sites of one joint
  // share their rows. A motion appears once, in the first group that brings it (a forearm site next to
  // an elbow site adds no second set of forearm rows).
  const joints = JOINTS.filter((j) => sites.some((s) => s.joint === j));
  const placed = new Set<MotionKey>();
  const cells: GridCell[] = [];
  const groups: GridGroup[] = [];
  for (const joint of joints) {
    const rows: GridRow[] = [];
    for (const spec of siteMotionJoints(joint).flatMap((j) => motionsOfJoint(j))) {
      if (placed.has(spec.key)) continue;
      placed.add(spec.key);
      const sides = sidesOf.get(spec.key) ?? new Set<Side>();
      const rowCells = columns.map((col) => {
        if (!sides.has(col.side)) return null;
        const cell: GridCell = { index: cells.length, motion: spec.key, side: col.side, mode: col.mode };
        cells.push(cell);
        return cell;
      });
      rows.push({ spec, cells: rowCells });
    }
    if (rows.length > 0) groups.push({ joint, sites: sites.filter((s) => s.joint === joint), rows });
  }
  return { columns, groups, cells };
}

export const seriesKey = (motion: string, side: Side, mode: Mode): string => `${motion}|${side}|${mode}`;

export interface SeriesPoint {
  degrees: number;
  date: string;
  visitId: string;
}

/** Every series' values, newest first (the file lists visits newest first). */
export function seriesOf(visits: readonly Visit[]): Map<string, SeriesPoint[]> {
  const out = new Map<string, SeriesPoint[]>();
  for (const visit of visits) {
    for (const m of visit.measurements) {
      const key = seriesKey(m.motion, m.side, m.mode);
      const list = out.get(key) ?? [];
      list.push({ degrees: m.degrees, date: visit.date, visitId: visit.id });
      out.set(key, list);
    }
  }
  return out;
}

/** "Right elbow flexion, active": the accessible name of a box, and how its messages name it. */
export function cellLabel(cell: GridCell): string {
  return `${sideLabel(cell.side)} ${(findMotionSpec(cell.motion)?.label ?? cell.motion).toLowerCase()}, ${cell.mode}`;
}
