import { z } from 'zod';
import { HistoryInput, VoidInput } from '../../domain/record-meta';
import { uuid } from '../../domain/schema-parts';
import { Measurement, MeasurementCorrection, MeasurementsAddition, Visit, VisitInput } from '../../domain/visit';

const ByPatient = z.strictObject({ patientId: uuid });

/** Visits and their measurements: recorded whole, extended later, corrected or voided, never edited. */
export const visitOperations = {
  'visits.record': { input: VisitInput, output: Visit },
  /** Readings added to a visit already recorded; refuses a reading the visit has (correct it instead). */
  'visits.addMeasurements': { input: MeasurementsAddition, output: Visit },
  'visits.list': { input: ByPatient, output: z.array(Visit) },
  'visits.void': { input: VoidInput, output: z.strictObject({ visitId: z.string(), measurementsVoided: z.number().int() }) },
  'measurements.correct': { input: MeasurementCorrection, output: Measurement },
  'measurements.void': { input: VoidInput, output: Measurement },
  'measurements.history': { input: HistoryInput, output: z.array(Measurement) },
} as const;
