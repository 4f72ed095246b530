// From a patient's file to every series the mobility screens draw: one per joint motion x side x mode of
// the watched sites, each with its verdict, and the arcs of each plane. Pure: the file and "today" come in,
// numbers and sentences go out, so the dashboard, the detail chart and (later) the report agree.
//
// Decisions worth knowing:
//  - An elbow site brings the forearm's motions (siteMotionJoints). A motion that was measured but belongs
//    to no current site (its site was voided, or the unaffected side measured as a reference) still gets a
//    series, marked watched: false, so recorded data never silently disappears from the screens.
//  - Resets are the current HO excisions of the same side whose joint is the motion's joint or brings it
//    (an elbow excision restarts the forearm series too; a forearm excision only the forearm's).
//  - Arcs pair points on or before today and after the plane's latest reset (arcs.ts leaves that filter to
//    its caller). The first motion of an arc is the one written first in the clinic's form: extension
//    before flexion ("-10/130"); other planes keep the catalogue's order.

import {
  JOINTS,
  MODES,
  PLANES,
  SIDES,
  findMotionSpec,
  modeLabel,
  motionSpec,
  motionsOfJoint,
  seriesLabel as displayLabel,
  sideLabel,
  type JointId,
  type Mode,
  type MotionKey,
  type MotionSpec,
  type PlaneSpec,
  type Side,
} from '../domain/catalogue';
import type { ClinicalEvent } from '../domain/event';
import { siteMotionJoints, type WatchedSite } from '../domain/ho';
import type { Measurement } from '../domain/visit';
import { assessArc, type ArcAssessment } from './arcs';
import { seriesLabel as reasonLabel } from './format';
import type { AnalysisOptions, RomPoint } from './series-summary';
import { analyseSeries, type SeriesAnalysis, type Verdict } from './verdict';

/** The parts of 'patients.file' this needs; PatientFile fits it. */
export interface PatientSeriesSource {
  sites: readonly Pick<WatchedSite, 'joint' | 'side' | 'voided'>[];
  /** Newest first, as 'patients.file' returns them; each with its current measurements. */
  visits: readonly { measurements: readonly MeasurementLike[] }[];
  events: readonly EventLike[];
}
export type MeasurementLike = Pick<Measurement, 'id' | 'visitId' | 'date' | 'motion' | 'side' | 'mode' | 'degrees' | 'raterId' | 'instrument' | 'endFeel' | 'pain' | 'note'>;
export type EventLike = Pick<ClinicalEvent, 'id' | 'kind' | 'date' | 'endDate' | 'joint' | 'side' | 'title' | 'classification' | 'note' | 'voided'>;

/** One measurement as a point of its series, with what a tooltip shows. */
export interface SeriesPoint extends RomPoint {
  id: string;
  visitId: string;
  endFeel: MeasurementLike['endFeel'];
  pain: number | null;
  note: string | null;
}

export interface PatientSeries {
  /** URL-safe: "right.elbow.flexion.active" (see seriesKeyOf). */
  key: string;
  motion: MotionKey;
  joint: JointId;
  side: Side;
  mode: Mode;
  /** "Right elbow flexion (active)", the catalogue's form for screens. */
  label: string;
  /** False when no current site brings this motion but it was measured. */
  watched: boolean;
  threshold: number;
  normal: number;
  functional: number | null;
  /** Every measurement, oldest first (same-day entries in the order recorded), before any reset included. */
  points: SeriesPoint[];
  resetDates: string[];
  otherSideLatest: number | null;
  analysis: SeriesAnalysis;
}

export interface PatientArc {
  /** "right.elbow.flexion_extension.active" */
  key: string;
  plane: PlaneSpec;
  side: Side;
  mode: Mode;
  /** The motions in the order the arc is written (extension first). */
  first: MotionKey;
  second: MotionKey;
  assessment: ArcAssessment;
}

export interface PatientAnalysis {
  today: string;
  /** Measured series in verdict order (see VERDICT_ORDER), then clinical order. */
  series: PatientSeries[];
  /** Watched series with no measurement on or before today, in clinical order. */
  unmeasured: PatientSeries[];
  /** Planes where at least one of the two motions was measured; clinical order, then side and mode. */
  arcs: PatientArc[];
}

/** Sort order: losing first, then losses to re-measure, holding, improving, and too little data last. */
export function verdictRank(v: Pick<Verdict, 'kind' | 'needsConfirmation'>): number {
  if (v.kind === 'losing') return 0;
  if (v.needsConfirmation) return 1;
  if (v.kind === 'holding') return 2;
  if (v.kind === 'improving') return 3;
  return 4;
}

export function seriesKeyOf(side: Side, motion: MotionKey, mode: Mode): string {
  return `${side}.${motion}.${mode}`;
}

/** Reads "right.elbow.flexion.active"; the mode may be left off ("right.elbow.flexion" is active). */
export function parseSeriesKey(key: string): { side: Side; motion: MotionKey; mode: Mode } | null {
  const parts = key.split('.');
  if (parts.length !== 3 && parts.length !== 4) return null;
  const [side, joint, motion, mode = 'active'] = parts as [string, string, string, string?];
  const spec = findMotionSpec(`${joint}.${motion}`);
  if (!spec || !(SIDES as readonly string[]).includes(side) || !(MODES as readonly string[]).includes(mode)) return null;
  return { side: side as Side, motion: spec.key, mode: mode as Mode };
}

export function analysePatient(file: PatientSeriesSource, today: string, options?: Partial<AnalysisOptions>): PatientAnalysis {
  const watched = watchedMotions(file.sites);
  const points = pointsBySeries(file.visits);
  const events = file.events.filter((e) => e.voided === null);

  // Every watched series, and every measured one, once each, in clinical order.
  const keys: { spec: MotionSpec; side: Side; mode: Mode }[] = [];
  for (const spec of catalogueOrder()) {
    for (const side of SIDES) {
      for (const mode of MODES) {
        const key = seriesKeyOf(side, spec.key, mode);
        if (watched.has(`${side}.${spec.key}`) || points.has(key)) keys.push({ spec, side, mode });
      }
    }
  }

  const all = keys.map(({ spec, side, mode }): PatientSeries => {
    const key = seriesKeyOf(side, spec.key, mode);
    const own = points.get(key) ?? [];
    const resetDates = resetDatesFor(events, spec.joint, side);
    const otherSideLatest = latestOnOrBefore(points.get(seriesKeyOf(otherSide(side), spec.key, mode)) ?? [], today);
    const functional = spec.functional?.value ?? null;
    const analysis = analyseSeries(
      {
        label: reasonLabel(side, spec.label, mode),
        points: own,
        threshold: spec.threshold.value,
        normal: spec.normal.value,
        functional,
        resetDates,
        otherSideLatest,
        today,
      },
      options,
    );
    return {
      key,
      motion: spec.key,
      joint: spec.joint,
      side,
      mode,
      label: displayLabel(side, spec.key, mode),
      watched: watched.has(`${side}.${spec.key}`),
      threshold: spec.threshold.value,
      normal: spec.normal.value,
      functional,
      points: own,
      resetDates,
      otherSideLatest,
      analysis,
    };
  });

  const measured = all.filter((s) => s.points.some((p) => p.date <= today));
  const order = new Map(all.map((s, i) => [s.key, i]));
  measured.sort((a, b) => verdictRank(a.analysis.verdict) - verdictRank(b.analysis.verdict) || order.get(a.key)! - order.get(b.key)!);

  return { today, series: measured, unmeasured: all.filter((s) => !measured.includes(s)), arcs: arcsOf(all, today) };
}

function arcsOf(all: readonly PatientSeries[], today: string): PatientArc[] {
  const byKey = new Map(all.map((s) => [s.key, s]));
  const arcs: PatientArc[] = [];
  for (const plane of PLANES) {
    if (plane.motions.length !== 2) continue;
    const [first, second] = arcOrder(plane);
    for (const side of SIDES) {
      for (const mode of MODES) {
        const a = byKey.get(seriesKeyOf(side, first, mode));
        const b = byKey.get(seriesKeyOf(side, second, mode));
        if (!a?.points.length && !b?.points.length) continue;
        const reset = latestReset([...(a?.resetDates ?? []), ...(b?.resetDates ?? [])], today);
        const usable = (s: PatientSeries | undefined) => (s?.points ?? []).filter((p) => p.date <= today && (reset === null || p.date > reset));
        const fa = motionSpec(first);
        const fb = motionSpec(second);
        arcs.push({
          key: `${side}.${plane.id}.${mode}`,
          plane,
          side,
          mode,
          first,
          second,
          assessment: assessArc({
            label: `${sideLabel(side)} ${plane.label.toLowerCase()} arc${mode === 'passive' ? ` (${modeLabel(mode).toLowerCase()})` : ''}`,
            firstLabel: fa.motion.replace('_', ' '),
            secondLabel: fb.motion.replace('_', ' '),
            first: usable(a),
            second: usable(b),
            functional: fa.functional && fb.functional ? { first: fa.functional.value, second: fb.functional.value } : null,
          }),
        });
      }
    }
  }
  return arcs;
}

/** Extension is written first ("-10/130"); other planes keep the catalogue's order. */
export function arcOrder(plane: PlaneSpec): [MotionKey, MotionKey] {
  const [a, b] = plane.motions as [MotionKey, MotionKey];
  return motionSpec(b).motion === 'extension' ? [b, a] : [a, b];
}

/** "side.motion" for each motion a current site brings. */
function watchedMotions(sites: PatientSeriesSource['sites']): Set<string> {
  const out = new Set<string>();
  for (const site of sites) {
    if (site.voided !== null) continue;
    for (const joint of siteMotionJoints(site.joint)) {
      for (const spec of motionsOfJoint(joint)) out.add(`${site.side}.${spec.key}`);
    }
  }
  return out;
}

/** Points per series key, oldest visit first; unknown motions (stale rows) are skipped. */
function pointsBySeries(visits: PatientSeriesSource['visits']): Map<string, SeriesPoint[]> {
  const out = new Map<string, SeriesPoint[]>();
  for (const visit of [...visits].reverse()) {
    for (const m of visit.measurements) {
      const spec = findMotionSpec(m.motion);
      if (!spec) continue;
      const key = seriesKeyOf(m.side, spec.key, m.mode);
      const list = out.get(key) ?? [];
      list.push({ id: m.id, visitId: m.visitId, date: m.date, value: m.degrees, raterId: m.raterId, instrument: m.instrument, endFeel: m.endFeel, pain: m.pain, note: m.note });
      out.set(key, list);
    }
  }
  // Stable: same-day points keep the order they were recorded in.
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** Dates of current excisions on this side whose joint is this one or brings it (elbow brings forearm). */
export function resetDatesFor(events: readonly EventLike[], joint: JointId, side: Side): string[] {
  const dates = events
    .filter((e) => e.voided === null && e.kind === 'excision' && e.side === side && e.joint !== null && siteMotionJoints(e.joint).includes(joint))
    .map((e) => e.date);
  return [...new Set(dates)].sort();
}

/**
 * Events that belong on a motion's chart: those of either side of a joint that is this motion's joint or
 * brings it, and those with no joint (drug courses, general surgery). Lab results and injuries stay off.
 */
export function eventsForJoint(events: readonly EventLike[], joint: JointId): EventLike[] {
  const charted = new Set<EventLike['kind']>(['surgery', 'excision', 'radiation', 'nsaid_course', 'bisphosphonate_course', 'xray', 'bone_scan']);
  return events
    .filter((e) => e.voided === null && charted.has(e.kind) && (e.joint === null || siteMotionJoints(e.joint).includes(joint)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function latestOnOrBefore(points: readonly RomPoint[], today: string): number | null {
  let latest: RomPoint | null = null;
  for (const p of points) if (p.date <= today && (latest === null || p.date >= latest.date)) latest = p;
  return latest?.value ?? null;
}

function latestReset(dates: readonly string[], today: string): string | null {
  return dates.filter((d) => d <= today).reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);
}

function otherSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

function catalogueOrder(): MotionSpec[] {
  return JOINTS.flatMap((j) => [...motionsOfJoint(j)]);
}
