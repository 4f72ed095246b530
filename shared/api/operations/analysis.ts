import { z } from 'zod';
import type { PatientAnalysis, PatientArc, PatientSeries } from '../../analysis/patient-series';
import type { SeriesSummary } from '../../analysis/series-summary';
import type { Verdict } from '../../analysis/verdict';
import { MODES, motionKeySchema, SIDES } from '../../domain/catalogue';
import { SeriesKeySchema } from '../../domain/series';
import { calendarDate, uuid } from '../../domain/schema-parts';
import { MessageRefSchema } from '../../i18n/message';

export const VERDICT_KINDS = ['improving', 'holding', 'losing', 'insufficient'] as const;

/**
 * How many readings of each series `points: 'sparkline'` sends: a 280-pixel card cannot show more apart. The
 * verdict's points, the first, last, lowest and highest stay in (shared/analysis/downsample.ts), so a card can
 * have a few more.
 */
export const SPARKLINE_POINTS = 80;

/**
 * Which readings each series carries. 'all': every one, for the screens that draw or list them (detail chart,
 * report, letters). 'sparkline': about SPARKLINE_POINTS, for screens that only show the verdict, the summary
 * and a small picture (dashboard, patient page): a tenth of the answer for the largest patient.
 */
export const ANALYSIS_POINTS = ['all', 'sparkline'] as const;
export type AnalysisPoints = (typeof ANALYSIS_POINTS)[number];

/**
 * One series as `analysis.patient` sends it: each reading once (in `points`; the pure analysis keeps a second
 * copy in its summary), the verdict once (at the top).
 */
export type AnalysedSeries = Omit<PatientSeries, 'analysis'> & {
  analysis: { summary: Omit<SeriesSummary, 'points'> };
  verdict: Verdict;
  /** How many readings the series has, whether `points` carries them all or a sparkline's worth. */
  readings: number;
};
/** An arc's latest assessment, without every paired reading behind it (no screen lists those). */
export type AnalysedArc = Omit<PatientArc, 'assessment'> & { assessment: Omit<PatientArc['assessment'], 'arcs'> };
export type PatientAnalysisResult = Omit<PatientAnalysis, 'series' | 'unmeasured' | 'arcs'> & {
  points: AnalysisPoints;
  series: AnalysedSeries[];
  unmeasured: AnalysedSeries[];
  arcs: AnalysedArc[];
};

// The analysis is computed by one pure function in shared/, so its full shape is its TypeScript type; the
// output check guards what every screen relies on (the series identity and the verdict) without a second
// copy of every field as a schema.
const SeriesIdentity = z.looseObject({
  key: SeriesKeySchema,
  motion: motionKeySchema(),
  side: z.enum(SIDES),
  mode: z.enum(MODES),
  verdict: z.looseObject({ kind: z.enum(VERDICT_KINDS), reason: z.string().min(1), reasonRef: MessageRefSchema }),
  readings: z.number().int().nonnegative(),
  // Not each reading: checking thousands of points would cost more than reading them.
  points: z.array(z.unknown()),
});
const AnalysisShape = z.looseObject({ today: z.string(), points: z.enum(ANALYSIS_POINTS), series: z.array(SeriesIdentity), unmeasured: z.array(SeriesIdentity) });

export const PatientAnalysisOutput = z.custom<PatientAnalysisResult>((v) => AnalysisShape.safeParse(v).success, {
  error: 'The analysis did not have the expected shape.',
});

export const AnalysisPatientInput = z.strictObject({
  patientId: uuid,
  /** The date the analysis is for (default: today on this workstation); later readings are left out. */
  today: calendarDate('The analysis date').optional(),
  /** Which readings each series carries (default 'all'); see ANALYSIS_POINTS. */
  points: z.enum(ANALYSIS_POINTS).optional(),
});

export const analysisOperations = {
  'analysis.patient': { kind: 'read', input: AnalysisPatientInput, output: PatientAnalysisOutput },
} as const;
