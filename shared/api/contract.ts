import type { z } from 'zod';
// Person-readable messages for every schema issue that has none of its own, wherever the contract is used.
import './zod-messages';
import { analysisOperations } from './operations/analysis';
import { appOperations } from './operations/app';
import { backupOperations } from './operations/backups';
import { clinicalOperations } from './operations/clinical';
import { exchangeOperations } from './operations/exchange';
import { patientOperations } from './operations/patients';
import { planOperations } from './operations/plans';
import { reportOperations } from './operations/reports';
import { sampleDataOperations } from './operations/sample-data';
import { settingsOperations } from './operations/settings';
import { referralOperations } from './operations/referrals';
import { thresholdOperations } from './operations/thresholds';
import { visitOperations } from './operations/visits';
import { worklistOperations } from './operations/worklist';

export { AppInfo } from './operations/app';

/**
 * What dispatch needs to know of an operation besides its schemas (electron/api/dispatch.ts). `kind` is required
 * so that no operation can leave unsaid whether it writes:
 * - a 'read' runs as its handler says, with no actor needed;
 * - a 'change' needs a working therapist (unless `actor: 'none'`: first-run set-up and choosing who works come
 *   before there is one) and runs in one transaction with its audit rows, unless `transaction: 'own'` (the
 *   backups, which await file work in workers and keep their own short transactions; sample data, made by
 *   calling other operations).
 */
export type OperationSpec = { input: z.ZodType; output: z.ZodType } & (
  | { kind: 'read' }
  | { kind: 'change'; actor?: 'none'; transaction?: 'own' }
);

/**
 * The one API contract: operation name -> input and output schemas, assembled from one file per
 * domain in ./operations. Both transports, the back end's dispatcher and the renderer's client take
 * their names and types from here.
 */
export const operations = {
  ...appOperations,
  ...patientOperations,
  ...settingsOperations,
  ...clinicalOperations,
  ...visitOperations,
  ...sampleDataOperations,
  ...backupOperations,
  ...planOperations,
  ...reportOperations,
  ...analysisOperations,
  ...thresholdOperations,
  ...worklistOperations,
  ...referralOperations,
  ...exchangeOperations,
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller passes (defaults may be omitted). */
export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<K extends OperationName> = z.output<Operations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Operations[K]['output']>;

/** The operation's write rules, readable without narrowing each literal. */
export function operationRules(name: OperationName): { kind: 'read' | 'change'; needsActor: boolean; ownTransaction: boolean } {
  const spec: OperationSpec = operations[name];
  if (spec.kind === 'read') return { kind: 'read', needsActor: false, ownTransaction: true };
  return { kind: 'change', needsActor: spec.actor !== 'none', ownTransaction: spec.transaction === 'own' };
}

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}
