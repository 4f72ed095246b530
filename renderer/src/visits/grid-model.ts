// The entry grid's shape, worked out from the patient's watched sites. Pure functions, so the screen only
// draws what this decides: which motions are rows, grouped by side (all of the right elbow, then the left),
// which groups are open (the watched sites) and the order Enter and Tab walk the boxes in.
import { JOINTS, MODES, SIDES, findMotionSpec, motionSpec, motionsOfJoint, type JointId, type Mode, type MotionKey, type MotionSpec, type Side } from '../../../shared/domain/catalogue';
import { siteMotionJoints, type WatchedSite } from '../../../shared/domain/ho';
import { seriesKeyOf, type SeriesKey } from '../../../shared/domain/series';
import type { Instrument, Visit } from '../../../shared/domain/visit';

/** One box of the grid: a measurement that may be typed. `index` is its place in reading order. */
export interface GridCell {
  index: number;
  motion: MotionKey;
  side: Side;
  mode: Mode;
}

export interface GridRow {
  spec: MotionSpec;
  /** One per mode: active, then passive. */
  cells: GridCell[];
}

/** One joint on one side: "Right elbow and forearm". Open by default when that side of the joint is watched. */
export interface GridGroup {
  key: string;
  joint: JointId;
  side: Side;
  /** The watched sites of this joint on this side (none: the other side, offered for comparison). */
  sites: WatchedSite[];
  watched: boolean;
  rows: GridRow[];
}

export interface EntryGridLayout {
  modes: readonly Mode[];
  /** Right side first, then left; within a side the catalogue's clinical order of joints. */
  groups: GridGroup[];
  /** Every cell, in reading order (group by group, row by row, active then passive), the order Enter moves in. */
  cells: GridCell[];
}

/** The watched motions with a column per watched side and mode: the patient page's latest values use this shape. */
export interface GridColumn {
  side: Side;
  mode: Mode;
}

/** One box of the grid: a measurement that may be typed. `index` is its place in reading order. */
export interface SideGridCell extends GridColumn {
  index: number;
  motion: MotionKey;
}

export interface SideGridRow {
  spec: MotionSpec;
  /** One entry per column; null where the side is not watched for this motion. */
  cells: (SideGridCell | null)[];
}

export interface SideGridGroup {
  joint: JointId;
  sites: WatchedSite[];
  rows: SideGridRow[];
}

export interface SideGridLayout {
  columns: GridColumn[];
  groups: SideGridGroup[];
  /** Every cell, in reading order (row by row, left to right), the order Tab moves in. */
  cells: SideGridCell[];
}

export function buildGrid(sites: readonly WatchedSite[]): SideGridLayout {
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
  const cells: SideGridCell[] = [];
  const groups: SideGridGroup[] = [];
  for (const joint of joints) {
    const rows: SideGridRow[] = [];
    for (const spec of siteMotionJoints(joint).flatMap((j) => motionsOfJoint(j))) {
      if (placed.has(spec.key)) continue;
      placed.add(spec.key);
      const sides = sidesOf.get(spec.key) ?? new Set<Side>();
      const rowCells = columns.map((col) => {
        if (!sides.has(col.side)) return null;
        const cell: SideGridCell = { index: cells.length, motion: spec.key, side: col.side, mode: col.mode };
        cells.push(cell);
        return cell;
      });
      rows.push({ spec, cells: rowCells });
    }
    if (rows.length > 0) groups.push({ joint, sites: sites.filter((s) => s.joint === joint), rows });
  }
  return { columns, groups, cells };
}

/** Right first: the way a therapist reads a chart (and the patient's right is the first side examined). */
const SIDE_ORDER: readonly Side[] = ['right', 'left'];

export function buildEntryGrid(sites: readonly WatchedSite[]): EntryGridLayout {
  const joints = JOINTS.filter((j) => sites.some((s) => s.joint === j));
  const cells: GridCell[] = [];
  const groups: GridGroup[] = [];
  for (const side of SIDE_ORDER) {
    // A motion appears once per side, in the first group that brings it (a forearm site next to an elbow
    // site adds no second set of forearm rows).
    const placed = new Set<MotionKey>();
    for (const joint of joints) {
      const rows: GridRow[] = [];
      for (const spec of siteMotionJoints(joint).flatMap((j) => motionsOfJoint(j))) {
        if (placed.has(spec.key)) continue;
        placed.add(spec.key);
        const rowCells = MODES.map((mode) => {
          const cell: GridCell = { index: cells.length, motion: spec.key, side, mode };
          cells.push(cell);
          return cell;
        });
        rows.push({ spec, cells: rowCells });
      }
      const own = sites.filter((s) => s.joint === joint && s.side === side);
      if (rows.length > 0) groups.push({ key: `${side}-${joint}`, joint, side, sites: own, watched: own.length > 0, rows });
    }
  }
  return { modes: MODES, groups, cells };
}

export interface SeriesPoint {
  degrees: number;
  date: string;
  visitId: string;
  instrument: Instrument;
}

/** Every series' values by its key (shared/domain/series.ts), newest first (the file lists visits newest first). */
export function seriesOf(visits: readonly Visit[]): Map<SeriesKey, SeriesPoint[]> {
  const out = new Map<SeriesKey, SeriesPoint[]>();
  for (const visit of visits) {
    for (const m of visit.measurements) {
      const spec = findMotionSpec(m.motion);
      if (!spec) continue;
      const key = seriesKeyOf(m.side, spec.key, m.mode);
      const list = out.get(key) ?? [];
      list.push({ degrees: m.degrees, date: visit.date, visitId: visit.id, instrument: m.instrument });
      out.set(key, list);
    }
  }
  return out;
}

/** The reading today's is compared with: the newest of the same side, motion and mode, by the same instrument if there is one. */
export function lastComparable(points: readonly SeriesPoint[] | undefined, instrument: Instrument): SeriesPoint | undefined {
  if (!points || points.length === 0) return undefined;
  return points.find((p) => p.instrument === instrument) ?? points[0];
}

/**
 * A value more than twice the motion's change threshold away from the last comparable reading is probably a
 * slip (30 typed for 70): the form asks before saving it. Returns that last reading when it should ask.
 */
export function implausibleAgainst(motion: MotionKey, degrees: number, last: SeriesPoint | undefined): SeriesPoint | undefined {
  if (!last || !Number.isFinite(degrees)) return undefined;
  return Math.abs(degrees - last.degrees) > 2 * motionSpec(motion).threshold.value ? last : undefined;
}

/** Which groups are shown: the watched ones, and those the person opened. */
export function visibleCells(grid: EntryGridLayout, shown: ReadonlySet<string>): GridCell[] {
  return grid.groups.filter((g) => g.watched || shown.has(g.key)).flatMap((g) => g.rows.flatMap((r) => r.cells));
}
