// Every measured series of a patient with its verdict, for the worklist: analysePatient's series, built the same
// way (the same points, resets, thresholds and other-side values into the same analyseSeries), without the arcs
// and plan responses the worklist never shows. Those are half of analysePatient's time on a five-year history,
// and this runs inside every write. tests/integration/worklist-summaries.test.ts holds the two to the same
// verdicts after every random sequence of writes.
import { seriesLabel as reasonLabel } from '../analysis/format';
import { verdictRank, type PatientPointsSource, type PatientSeries, type PatientSeriesSource } from '../analysis/patient-series';
import { latestOnOrBefore, otherSide, seriesPointsOf } from '../analysis/series-points';
import { resetsFor } from '../analysis/series-events';
import type { AnalysisOptions } from '../analysis/series-summary';
import { analyseSeries } from '../analysis/verdict';
import { JOINTS, MODES, SIDES, motionsOfJoint, seriesLabel as displayLabel } from '../domain/catalogue';
import { siteMotionJoints } from '../domain/ho';
import { seriesKeyOf } from '../domain/series';
import type { ThresholdOverride } from '../domain/thresholds';

export type MeasuredSeries = Pick<PatientSeries, 'key' | 'motion' | 'joint' | 'side' | 'mode' | 'label' | 'watched' | 'points' | 'analysis'>;

/** Measured series (a point on or before `today`), losing first as analysePatient orders them, then clinical order. */
export function measuredSeries(file: PatientSeriesSource, today: string, options: MeasuredSeriesOptions = {}): MeasuredSeries[] {
  return measuredSeriesOf({ sites: file.sites, events: file.events, points: seriesPointsOf(file.visits) }, today, options);
}

type MeasuredSeriesOptions = { thresholds?: readonly ThresholdOverride[] } & Partial<AnalysisOptions>;

/** measuredSeries on readings already grouped by series (analysePatientPoints' source). */
export function measuredSeriesOf(source: PatientPointsSource, today: string, options: MeasuredSeriesOptions = {}): MeasuredSeries[] {
  const { thresholds = [], ...analysisOptions } = options;
  const watched = new Set<string>();
  for (const site of source.sites) {
    if (site.voided !== null) continue;
    for (const joint of siteMotionJoints(site.joint)) for (const spec of motionsOfJoint(joint)) watched.add(`${site.side}.${spec.key}`);
  }
  const points = source.points;
  const events = source.events.filter((e) => e.voided === null);
  const out: MeasuredSeries[] = [];
  for (const spec of JOINTS.flatMap((j) => [...motionsOfJoint(j)])) {
    for (const side of SIDES) {
      for (const mode of MODES) {
        const key = seriesKeyOf(side, spec.key, mode);
        const own = points.get(key);
        if (!own || !own.some((p) => p.date <= today)) continue;
        const other = latestOnOrBefore(points.get(seriesKeyOf(otherSide(side), spec.key, mode)) ?? [], today);
        const analysis = analyseSeries(
          {
            label: reasonLabel(side, spec.label, mode),
            points: own,
            threshold: spec.threshold.value,
            thresholdOverrides: thresholds.filter((t) => t.motion === spec.key).map((t) => ({ instrument: t.instrument, degrees: t.degrees })),
            normal: spec.normal.value,
            functional: spec.functional?.value ?? null,
            resets: resetsFor(events, spec.joint, side),
            otherSideLatest: other?.value ?? null,
            otherSideLatestDate: other?.date ?? null,
            today,
          },
          analysisOptions,
        );
        out.push({ key, motion: spec.key, joint: spec.joint, side, mode, label: displayLabel(side, spec.key, mode), watched: watched.has(`${side}.${spec.key}`), points: own, analysis });
      }
    }
  }
  const order = new Map(out.map((s, i) => [s.key, i]));
  return out.sort((a, b) => verdictRank(a.analysis.verdict) - verdictRank(b.analysis.verdict) || order.get(a.key)! - order.get(b.key)!);
}

