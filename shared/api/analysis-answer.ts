// What analysis.patient and analysis.sparklines send for a patient's analysis (shared/analysis/patient-series.ts):
// the handlers' answers, and what tests build to stand in for them, made the one way.
import { downsampleSeries } from '../analysis/downsample';
import type { PatientAnalysis, PatientArc, PatientSeries } from '../analysis/patient-series';
import { daysBetween } from '../domain/dates';
import {
  SPARKLINE_POINTS,
  type AnalysedArc,
  type AnalysedSeries,
  type AnalysedSeriesBase,
  type PatientAnalysisResult,
  type PatientSparklines,
  type SparklinePoint,
  type SparklineSeries,
} from './operations/analysis';

/**
 * One series over the wire without its readings: the verdict once. The largest patient's answer was 1.7 MB, most
 * of it the same readings twice and every arc's pairs, and reading it was most of the dashboard's wait (issue 21).
 */
function seriesBase(s: PatientSeries): AnalysedSeriesBase {
  const { analysis, points, ...rest } = s;
  const { points: _counted, ...summary } = analysis.summary;
  return { ...rest, readings: points.length, analysis: { summary }, verdict: analysis.verdict };
}

/** One series with every reading once. */
export function analysedSeries(s: PatientSeries): AnalysedSeries {
  return { ...seriesBase(s), points: s.points };
}

const EPOCH = '1970-01-01';

/** One series with only the readings a small picture can show (the verdict's among them), each as [day, degrees]. */
export function sparklineSeries(s: PatientSeries): SparklineSeries {
  const shown = s.points.length > SPARKLINE_POINTS ? downsampleSeries(s.points, SPARKLINE_POINTS, s.analysis.verdict.keepIds) : s.points;
  return { ...seriesBase(s), sparkline: shown.map((p): SparklinePoint => [daysBetween(EPOCH, p.date), p.value]) };
}

/** An arc's assessment without the pairs of readings behind it: the screens show its latest and shortfalls. */
export function analysedArc(a: PatientArc): AnalysedArc {
  const { arcs: _pairs, ...assessment } = a.assessment;
  return { ...a, assessment };
}

export function analysisAnswer(analysis: PatientAnalysis): PatientAnalysisResult {
  return { today: analysis.today, series: analysis.series.map(analysedSeries), unmeasured: analysis.unmeasured.map(analysedSeries), arcs: analysis.arcs.map(analysedArc) };
}

export function sparklinesAnswer(analysis: PatientAnalysis): PatientSparklines {
  return { today: analysis.today, series: analysis.series.map(sparklineSeries), unmeasured: analysis.unmeasured.map(sparklineSeries), arcs: analysis.arcs.map(analysedArc) };
}
