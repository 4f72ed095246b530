import { z } from 'zod';
import type { PatientAnalysis, PatientArc, PatientSeries, SeriesPoint } from '../../analysis/patient-series';
import type { SeriesSummary } from '../../analysis/series-summary';
import type { Verdict } from '../../analysis/verdict';
import { MODES, motionKeySchema, SIDES } from '../../domain/catalogue';
import { SeriesKeySchema } from '../../domain/series';
import { calendarDate, uuid } from '../../domain/schema-parts';
import { MessageRefSchema } from '../../i18n/message';

export const VERDICT_KINDS = ['improving', 'holding', 'losing', 'insufficient'] as const;

/**
 * How many readings of each series 'analysis.sparklines' sends: a 280-pixel card cannot show more apart. The
 * verdict's points, the first, last, lowest and highest stay in (shared/analysis/downsample.ts), so a card can
 * have a few more.
 */
export const SPARKLINE_POINTS = 80;

/**
 * A reading as a small chart draws it: its day (whole days since 1970-01-01) and its degrees. Two numbers, where
 * a reading with its ids and details is about 240 bytes of JSON: the largest patient's dashboard answer was a
 * quarter of a megabyte, three quarters of it readings no card shows apart (issue 21).
 */
export type SparklinePoint = readonly [day: number, degrees: number];

/** What every answer says of one series: who it is, its summary and its verdict (once), and how many readings. */
export type AnalysedSeriesBase = Omit<PatientSeries, 'analysis' | 'points'> & {
  analysis: { summary: Omit<SeriesSummary, 'points'> };
  verdict: Verdict;
  /** How many readings the series has. */
  readings: number;
};
/** One series as 'analysis.patient' sends it: every reading once (the pure analysis keeps a second copy in its summary). */
export type AnalysedSeries = AnalysedSeriesBase & { points: SeriesPoint[] };
/** One series as 'analysis.sparklines' sends it: about SPARKLINE_POINTS of its readings, as [day, degrees]. */
export type SparklineSeries = AnalysedSeriesBase & { sparkline: SparklinePoint[] };

/** An arc's latest assessment, without every paired reading behind it (no screen lists those). */
export type AnalysedArc = Omit<PatientArc, 'assessment'> & { assessment: Omit<PatientArc['assessment'], 'arcs'> };
/** The verdicts of a patient, whichever answer carries them: what a screen showing only verdicts reads. */
export type PatientVerdicts<S extends AnalysedSeriesBase = AnalysedSeriesBase> = Omit<PatientAnalysis, 'series' | 'unmeasured' | 'arcs'> & {
  series: S[];
  unmeasured: S[];
  arcs: AnalysedArc[];
};
/** For the screens that draw or list every reading: the detail chart, the report, letters. */
export type PatientAnalysisResult = PatientVerdicts<AnalysedSeries>;
/** For the screens that show the verdicts and a small picture: the dashboard, the patient page. */
export type PatientSparklines = PatientVerdicts<SparklineSeries>;

// The analysis is computed by one pure function in shared/, so its full shape is its TypeScript type; the
// output check guards what every screen relies on (the series identity and the verdict) without a second
// copy of every field as a schema.
const seriesIdentity = {
  key: SeriesKeySchema,
  motion: motionKeySchema(),
  side: z.enum(SIDES),
  mode: z.enum(MODES),
  verdict: z.looseObject({ kind: z.enum(VERDICT_KINDS), reason: z.string().min(1), reasonRef: MessageRefSchema }),
  readings: z.number().int().nonnegative(),
};
// Not each reading: checking thousands of points would cost more than reading them.
const SeriesWithPoints = z.looseObject({ ...seriesIdentity, points: z.array(z.unknown()) });
const SeriesWithSparkline = z.looseObject({ ...seriesIdentity, sparkline: z.array(z.unknown()) });
const AnalysisShape = z.looseObject({ today: z.string(), series: z.array(SeriesWithPoints), unmeasured: z.array(SeriesWithPoints) });
const SparklinesShape = z.looseObject({ today: z.string(), series: z.array(SeriesWithSparkline), unmeasured: z.array(SeriesWithSparkline) });

export const PatientAnalysisOutput = z.custom<PatientAnalysisResult>((v) => AnalysisShape.safeParse(v).success, {
  error: 'The analysis did not have the expected shape.',
});
export const PatientSparklinesOutput = z.custom<PatientSparklines>((v) => SparklinesShape.safeParse(v).success, {
  error: 'The analysis did not have the expected shape.',
});

export const AnalysisPatientInput = z.strictObject({
  patientId: uuid,
  /** The date the analysis is for (default: today on this workstation); later readings are left out. */
  today: calendarDate('The analysis date').optional(),
});

export const analysisOperations = {
  /** Every series with every reading. */
  'analysis.patient': { kind: 'read', input: AnalysisPatientInput, output: PatientAnalysisOutput },
  /** The same verdicts, each series with a sparkline's worth of readings (SparklinePoint). */
  'analysis.sparklines': { kind: 'read', input: AnalysisPatientInput, output: PatientSparklinesOutput },
} as const;
