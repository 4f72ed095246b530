// Progression analysis: pure functions from measurements to numbers, verdicts and chart-ready series.
// No I/O and no platform APIs, so the main process, the server and the renderer can all call it.

export { theilSen, median, normalQuantile, kendallVariance, type XY, type TheilSenFit } from './theil-sen';
export {
  summariseSeries,
  trendOf,
  resolveOptions,
  DEFAULT_ANALYSIS_OPTIONS,
  OTHER_SIDE_WINDOW_DAYS,
  MIN_PERCENT_REFERENCE,
  type ResetInfo,
  type RomPoint,
  type SeriesInput,
  type AnalysisOptions,
  type PointRef,
  type Trend,
  type SeriesSummary,
} from './series-summary';
export {
  analyseSeries,
  judgeSeries,
  type Verdict,
  type VerdictKind,
  type VerdictBasis,
  type VerdictThreshold,
  type VerdictStratum,
  type VerdictPooled,
  type Comparison,
  type SeriesAnalysis,
} from './verdict';
export { strataOf, bestOfTwo, thresholdOf, type Stratum, type BestOfTwo, type InstrumentThreshold, type ResolvedThreshold } from './strata';
export { pooledFit, MAX_STRATUM_POINTS, type PooledFit } from './pooled-trend';
export { planResponses, PLAN_MIN_READINGS, PLAN_MIN_SPAN_DAYS, type PlanPeriodInput, type PlanResponse, type PlanTrend, type PlanSeriesInput } from './plan-response';
export { arcSeries, assessArc, formatArc, type ArcPoint, type ArcInput, type ArcAssessment, type FunctionalArc } from './arcs';
export { downsampleLttb, downsampleSeries, type LttbAccessors } from './downsample';
export { seriesLabel, formatDegrees, formatDuration, formatSlope } from './format';
