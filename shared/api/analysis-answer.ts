// What analysis.patient sends for a patient's analysis (shared/analysis/patient-series.ts): the handler's answer,
// and what tests build to stand in for it, made the one way.
import { downsampleSeries } from '../analysis/downsample';
import type { PatientAnalysis, PatientArc, PatientSeries } from '../analysis/patient-series';
import { SPARKLINE_POINTS, type AnalysedArc, type AnalysedSeries, type AnalysisPoints, type PatientAnalysisResult } from './operations/analysis';

/**
 * One series over the wire: each reading once, the verdict once, and with 'sparkline' only the readings a small
 * picture can show (the verdict's among them). The largest patient's answer was 1.7 MB, most of it the same
 * readings twice and every arc's pairs, and reading it was most of the dashboard's wait (issue 21).
 */
export function analysedSeries(s: PatientSeries, points: AnalysisPoints): AnalysedSeries {
  const { analysis, ...rest } = s;
  const { points: _counted, ...summary } = analysis.summary;
  const { verdict } = analysis;
  const shown = points === 'sparkline' && s.points.length > SPARKLINE_POINTS ? downsampleSeries(s.points, SPARKLINE_POINTS, verdict.keepIds) : s.points;
  return { ...rest, points: shown, readings: s.points.length, analysis: { summary }, verdict };
}

/** An arc's assessment without the pairs of readings behind it: the screens show its latest and shortfalls. */
export function analysedArc(a: PatientArc): AnalysedArc {
  const { arcs: _pairs, ...assessment } = a.assessment;
  return { ...a, assessment };
}

export function analysisAnswer(analysis: PatientAnalysis, points: AnalysisPoints): PatientAnalysisResult {
  return {
    today: analysis.today,
    points,
    series: analysis.series.map((s) => analysedSeries(s, points)),
    unmeasured: analysis.unmeasured.map((s) => analysedSeries(s, points)),
    arcs: analysis.arcs.map(analysedArc),
  };
}
