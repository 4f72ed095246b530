import { z } from 'zod';
import { Empty } from './common';

const count = z.number().int().min(0);

/** What sampleData.create made: shown in one line by the command and after the button. */
export const SampleDataSummary = z.strictObject({ patients: count, visits: count, measurements: count, events: count });
export type SampleDataSummary = z.infer<typeof SampleDataSummary>;

export const sampleDataOperations = {
  /** Six sample patients with their stories; refused (conflict) when the database has any patient. */
  'sampleData.create': { kind: 'change', transaction: 'own', input: Empty, output: SampleDataSummary },
} as const;
