// Every measured series of a patient with its verdict, for the worklist: analysePatient's series, each judged by
// the same judgeSeries (the same points, resets, thresholds and other-side values), without the arcs
// and plan responses the worklist never shows. Those are half of analysePatient's time on a five-year history,
// and this runs inside every write. tests/integration/worklist-summaries.test.ts holds the two to the same
// verdicts after every random sequence of writes.
import { catalogueOrder, judgeSeries, verdictRank, watchedMotions, type PatientPointsSource, type PatientSeries, type PatientSeriesSource } from '../analysis/patient-series';
import { seriesPointsOf } from '../analysis/series-points';
import type { AnalysisOptions } from '../analysis/series-summary';
import { MODES, SIDES, seriesLabel as displayLabel } from '../domain/catalogue';
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
  const watched = watchedMotions(source.sites);
  const judged = { points: source.points, events: source.events.filter((e) => e.voided === null) };
  const out: MeasuredSeries[] = [];
  for (const spec of catalogueOrder()) {
    for (const side of SIDES) {
      for (const mode of MODES) {
        const own = source.points.get(seriesKeyOf(side, spec.key, mode));
        if (!own || !own.some((p) => p.date <= today)) continue;
        const { key, analysis } = judgeSeries(judged, spec, side, mode, today, thresholds, analysisOptions);
        out.push({ key, motion: spec.key, joint: spec.joint, side, mode, label: displayLabel(side, spec.key, mode), watched: watched.has(`${side}.${spec.key}`), points: own, analysis });
      }
    }
  }
  const order = new Map(out.map((s, i) => [s.key, i]));
  return out.sort((a, b) => verdictRank(a.analysis.verdict) - verdictRank(b.analysis.verdict) || order.get(a.key)! - order.get(b.key)!);
}
