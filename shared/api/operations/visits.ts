import { z } from 'zod';
import { HistoryInput, VoidInput } from '../../domain/record-meta';
import { uuid } from '../../domain/schema-parts';
import { Measurement, MeasurementCorrection, MeasurementsAddition, Visit, VisitInput } from '../../domain/visit';

const ByPatient = z.strictObject({ patientId: uuid });

/** Visits and their measurements: recorded whole, extended later, corrected or voided, never edited. */
export const visitOperations = {
  'visits.record': { kind: 'change', input: VisitInput, output: Visit },
  /** Readings added to a visit already recorded; refuses a reading the visit has (correct it instead). */
  'visits.addMeasurements': { kind: 'change', input: MeasurementsAddition, output: Visit },
  'visits.list': { kind: 'read', input: ByPatient, output: z.array(Visit) },
  'visits.void': { kind: 'change', input: VoidInput, output: z.strictObject({ visitId: z.string(), measurementsVoided: z.number().int() }) },
  'measurements.correct': { kind: 'change', input: MeasurementCorrection, output: Measurement },
  'measurements.void': { kind: 'change', input: VoidInput, output: Measurement },
  'measurements.history': { kind: 'read', input: HistoryInput, output: z.array(Measurement) },
} as const;
