// Progression analysis: pure functions from measurements to numbers, verdicts and chart-ready series.
// No I/O and no platform APIs, so the main process, the server and the renderer can all call it.

export { theilSen, median, normalQuantile, type XY, type TheilSenFit } from './theil-sen';
export {
  summariseSeries,
  trendOf,
  resolveOptions,
  DEFAULT_ANALYSIS_OPTIONS,
  type RomPoint,
  type SeriesInput,
  type AnalysisOptions,
  type PointRef,
  type Trend,
  type SeriesSummary,
} from './series-summary';
export { analyseSeries, judgeSeries, type Verdict, type VerdictKind, type Comparison, type SeriesAnalysis } from './verdict';
export { arcSeries, assessArc, formatArc, type ArcPoint, type ArcInput, type ArcAssessment, type FunctionalArc } from './arcs';
export { downsampleLttb, downsampleSeries, type LttbAccessors } from './downsample';
export { seriesLabel, formatDegrees, formatDuration, formatSlope } from './format';
