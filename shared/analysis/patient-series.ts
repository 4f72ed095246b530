// From a patient's file to every series the mobility screens draw: one per joint motion x side x mode of
// the watched sites, each with its verdict, and the arcs of each plane. Pure: the file and "today" come in,
// numbers and sentences go out, so the dashboard, the detail chart and (later) the report agree.
//
// Decisions worth knowing:
//  - An elbow site brings the forearm's motions (siteMotionJoints). A motion that was measured but belongs
//    to no current site (its site was voided, or the unaffected side measured as a reference) still gets a
//    series, marked watched: false, so recorded data never silently disappears from the screens.
//  - Resets are the current operations (surgery or excision) of the same side whose joint is the motion's
//    joint or brings it (series-events.ts resetsFor); the series records which one restarted it.
//  - Thresholds: the clinic's settings (options.thresholds, domain/thresholds.ts) per motion and instrument,
//    else the catalogue's; each stratum of readings is judged with its instrument's.
//  - Arcs pair points on or before today and after the plane's latest reset (arcs.ts leaves that filter to
//    its caller). The first motion of an arc is the one written first in the clinic's form: extension
//    before flexion ("-10/130"); other planes keep the catalogue's order.

import {
  JOINTS,
  MODES,
  PLANES,
  SIDES,
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
import { siteMotionJoints, type WatchedSite } from '../domain/ho';
import { seriesKeyOf, type SeriesKey } from '../domain/series';
import { thresholdFor, type ThresholdOverride } from '../domain/thresholds';
import { assessArc, type ArcAssessment } from './arcs';
import { seriesLabel as reasonLabel } from './format';
import { arcNameRef, motionWordRef, seriesLabelRef } from '../domain/message-words';
import { planResponses, type PlanPeriodInput, type PlanResponse } from './plan-response';
import { resetsFor, type EventLike, type SeriesReset } from './series-events';
import { latestOnOrBefore, otherSide, seriesPointsOf, type MeasurementLike, type SeriesPoint, type SeriesPoints } from './series-points';
import type { AnalysisOptions } from './series-summary';
import { analyseSeries, type SeriesAnalysis, type Verdict } from './verdict';

export { parseSeriesKey, seriesKeyOf, type SeriesKey } from '../domain/series';
export { eventsForJoint, resetDatesFor, resetsFor, type EventLike, type SeriesReset } from './series-events';
export { seriesPointsOf, type MeasurementLike, type SeriesPoint, type SeriesPoints } from './series-points';

/** The parts of 'patients.file' this needs; PatientFile fits it. */
export interface PatientSeriesSource {
  sites: readonly Pick<WatchedSite, 'joint' | 'side' | 'voided'>[];
  /** Newest first, as 'patients.file' returns them; each with its current measurements. */
  visits: readonly { measurements: readonly MeasurementLike[] }[];
  events: readonly EventLike[];
}

/**
 * The same, with the readings already grouped into series points (series-points.ts): what analysis.patient
 * reads from the database without building the patient file (electron/db/analysis-reads.ts).
 */
export interface PatientPointsSource {
  sites: PatientSeriesSource['sites'];
  events: readonly EventLike[];
  points: SeriesPoints;
}

export interface PatientSeries {
  /** URL-safe: "right.elbow.flexion.active" (see seriesKeyOf). */
  key: SeriesKey;
  motion: MotionKey;
  joint: JointId;
  side: Side;
  mode: Mode;
  /** "Right elbow flexion (active)", the catalogue's form for screens. */
  label: string;
  /** False when no current site brings this motion but it was measured. */
  watched: boolean;
  /** T for any instrument: the clinic's setting, else the catalogue default (strata may use their instrument's). */
  threshold: number;
  thresholdSource: 'clinic' | 'catalogue';
  normal: number;
  functional: number | null;
  /** Every measurement, oldest first (same-day entries in the order recorded), before any reset included. */
  points: SeriesPoint[];
  resetDates: string[];
  /** The operations behind resetDates, oldest first. */
  resets: SeriesReset[];
  /** The same motion and mode on the other side: latest value on or before today, and its date. */
  otherSideLatest: number | null;
  otherSideLatestDate: string | null;
  analysis: SeriesAnalysis;
  /** Response to each plan period (options.planPeriods), for watched series; [] otherwise. */
  planResponses: PlanResponse[];
}

/** analysePatient's options: the verdict's, the clinic's thresholds, and the plan periods to assess. */
export interface PatientAnalysisOptions extends Partial<AnalysisOptions> {
  thresholds?: readonly ThresholdOverride[];
  planPeriods?: readonly PlanPeriodInput[];
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

export function analysePatient(file: PatientSeriesSource, today: string, options: PatientAnalysisOptions = {}): PatientAnalysis {
  return analysePatientPoints({ sites: file.sites, events: file.events, points: seriesPointsOf(file.visits) }, today, options);
}

/** analysePatient on readings already grouped by series: the same result for the same points. */
export function analysePatientPoints(source: PatientPointsSource, today: string, options: PatientAnalysisOptions = {}): PatientAnalysis {
  const { thresholds = [], planPeriods = [], ...analysisOptions } = options;
  const watched = watchedMotions(source.sites);
  const points = source.points;
  const events = source.events.filter((e) => e.voided === null);

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
    const { key, own, resets, other, overrides, label, analysis } = judgeSeries({ points, events }, spec, side, mode, today, thresholds, analysisOptions);
    const resetDates = [...new Set(resets.map((r) => r.date))];
    const functional = spec.functional?.value ?? null;
    const threshold = thresholdFor(thresholds, spec.key, null, spec.threshold.value);
    const isWatched = watched.has(`${side}.${spec.key}`);
    const periods = planPeriods.filter((p) => !p.seriesKeys || p.seriesKeys.includes(key));
    return {
      key,
      motion: spec.key,
      joint: spec.joint,
      side,
      mode,
      label: displayLabel(side, spec.key, mode),
      watched: isWatched,
      threshold,
      thresholdSource: overrides.some((t) => t.instrument === null) ? 'clinic' : 'catalogue',
      normal: spec.normal.value,
      functional,
      points: own,
      resetDates,
      resets,
      otherSideLatest: other?.value ?? null,
      otherSideLatestDate: other?.date ?? null,
      analysis,
      planResponses:
        isWatched && periods.length > 0
          ? planResponses(
              { label, points: analysis.summary.points, threshold: spec.threshold.value, thresholdOverrides: overrides, today, unknownCountsAsDifferent: analysisOptions.unknownCountsAsDifferent ?? true },
              periods,
            )
          : [],
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
            names: {
              arc: arcNameRef(side, plane.joint, [motionSpec(plane.motions[0]!).motion, motionSpec(plane.motions[1]!).motion], mode),
              first: motionWordRef(fa.motion),
              second: motionWordRef(fb.motion),
            },
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

/** One series judged: its readings, resets, the other side's latest value and the verdict, built the one way for
 * the mobility screens (analysePatientPoints) and the worklist (shared/worklist/series.ts). */
export function judgeSeries(
  source: { points: SeriesPoints; events: readonly EventLike[] },
  spec: MotionSpec,
  side: Side,
  mode: Mode,
  today: string,
  thresholds: readonly ThresholdOverride[],
  analysisOptions: Partial<AnalysisOptions>,
) {
  const key = seriesKeyOf(side, spec.key, mode);
  const own = source.points.get(key) ?? [];
  const resets = resetsFor(source.events, spec.joint, side);
  const other = latestOnOrBefore(source.points.get(seriesKeyOf(otherSide(side), spec.key, mode)) ?? [], today);
  const overrides = thresholds.filter((t) => t.motion === spec.key).map((t) => ({ instrument: t.instrument, degrees: t.degrees }));
  const label = reasonLabel(side, spec.label, mode);
  const analysis = analyseSeries(
    {
      label,
      labelRef: seriesLabelRef(side, spec.key, mode),
      points: own,
      threshold: spec.threshold.value,
      thresholdOverrides: overrides,
      normal: spec.normal.value,
      functional: spec.functional?.value ?? null,
      resets,
      otherSideLatest: other?.value ?? null,
      otherSideLatestDate: other?.date ?? null,
      today,
    },
    analysisOptions,
  );
  return { key, own, resets, other, overrides, label, analysis };
}

/** "side.motion" for each motion a current site brings. */
export function watchedMotions(sites: PatientSeriesSource['sites']): Set<string> {
  const out = new Set<string>();
  for (const site of sites) {
    if (site.voided !== null) continue;
    for (const joint of siteMotionJoints(site.joint)) {
      for (const spec of motionsOfJoint(joint)) out.add(`${site.side}.${spec.key}`);
    }
  }
  return out;
}

function latestReset(dates: readonly string[], today: string): string | null {
  return dates.filter((d) => d <= today).reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);
}

export function catalogueOrder(): MotionSpec[] {
  return JOINTS.flatMap((j) => [...motionsOfJoint(j)]);
}
