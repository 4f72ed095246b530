import { z } from 'zod';
import type { PatientAnalysis, PatientSeries } from '../../analysis/patient-series';
import type { Verdict } from '../../analysis/verdict';
import { MODES, motionKeySchema, SIDES } from '../../domain/catalogue';
import { SeriesKeySchema } from '../../domain/series';
import { calendarDate, uuid } from '../../domain/schema-parts';

export const VERDICT_KINDS = ['improving', 'holding', 'losing', 'insufficient'] as const;

/** One series as `analysis.patient` returns it: the analysis of patient-series.ts with its verdict at the top. */
export type AnalysedSeries = PatientSeries & { verdict: Verdict };
export type PatientAnalysisResult = Omit<PatientAnalysis, 'series' | 'unmeasured'> & {
  series: AnalysedSeries[];
  unmeasured: AnalysedSeries[];
};

// The analysis is computed by one pure function in shared/, so its full shape is its TypeScript type; the
// output check guards what every screen relies on (the series identity and the verdict) without a second
// copy of every field as a schema.
const SeriesIdentity = z.looseObject({
  key: SeriesKeySchema,
  motion: motionKeySchema(),
  side: z.enum(SIDES),
  mode: z.enum(MODES),
  verdict: z.looseObject({ kind: z.enum(VERDICT_KINDS), reason: z.string().min(1) }),
});
const AnalysisShape = z.looseObject({ today: z.string(), series: z.array(SeriesIdentity), unmeasured: z.array(SeriesIdentity) });

export const PatientAnalysisOutput = z.custom<PatientAnalysisResult>((v) => AnalysisShape.safeParse(v).success, {
  error: 'The analysis did not have the expected shape.',
});

export const AnalysisPatientInput = z.strictObject({
  patientId: uuid,
  /** The date the analysis is for (default: today on this workstation); later readings are left out. */
  today: calendarDate('The analysis date').optional(),
});

export const analysisOperations = {
  'analysis.patient': { kind: 'read', input: AnalysisPatientInput, output: PatientAnalysisOutput },
} as const;
