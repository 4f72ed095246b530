import { z } from 'zod';
import { Patient, PatientInput, PatientListInput, PatientPage, PatientUpdateInput } from '../domain/patient';
import { uuid } from '../domain/schema-parts';

const Empty = z.strictObject({});
const ById = z.strictObject({ id: uuid });

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  mode: z.enum(['desktop', 'server']),
});

/**
 * The one API contract: operation name -> input and output schemas. Both transports, the
 * back end's dispatcher and the renderer's client take their names and types from here.
 */
export const operations = {
  'app.info': { input: Empty, output: AppInfo },
  'patients.create': { input: PatientInput, output: Patient },
  'patients.update': { input: PatientUpdateInput, output: Patient },
  'patients.get': { input: ById, output: Patient },
  'patients.list': { input: PatientListInput, output: PatientPage },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller passes (defaults may be omitted). */
export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<K extends OperationName> = z.output<Operations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Operations[K]['output']>;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}
