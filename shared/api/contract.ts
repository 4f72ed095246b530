import type { z } from 'zod';
// Person-readable messages for every schema issue that has none of its own, wherever the contract is used.
import './zod-messages';
import { analysisOperations } from './operations/analysis';
import { appOperations } from './operations/app';
import { backupOperations } from './operations/backups';
import { clinicalOperations } from './operations/clinical';
import { exchangeOperations } from './operations/exchange';
import { syncOperations } from './operations/sync';
import { patientOperations } from './operations/patients';
import { planOperations } from './operations/plans';
import { reportOperations } from './operations/reports';
import { sampleDataOperations } from './operations/sample-data';
import { securityOperations } from './operations/security';
import { settingsOperations, type AccessKind } from './operations/settings';
import { referralOperations } from './operations/referrals';
import { thresholdOperations } from './operations/thresholds';
import { visitOperations } from './operations/visits';
import { worklistOperations } from './operations/worklist';

export { AppInfo } from './operations/app';

/**
 * What dispatch needs to know of an operation besides its schemas (electron/api/dispatch.ts). `kind` is required
 * so that no operation can leave unsaid whether it writes:
 * - a 'read' runs as its handler says;
 * - a 'change' runs in one transaction with its audit rows, unless `transaction: 'own'` (the backups, which await
 *   file work in workers and keep their own short transactions; sample data, made by calling other operations).
 * Who may call it is said here too, once, and checked by electron/api/access.ts before any handler runs:
 * - every operation, reads included, needs a person signed in on this client with an unlocked session, unless
 *   `actor: 'none'` (app info, first-run set-up, and the session operations that come before signing in);
 * - `role: 'administrator'`: the clinic's settings, therapists, thresholds, backups, and who opened a record;
 * - `access`: the operation opens a patient's record, so it leaves an access row naming the person (the patient
 *   is the input's, or else the output's, `patientId`; none, as for a whole-clinic export, leaves no row).
 */
type AccessMarks = { actor?: 'none'; role?: 'administrator'; access?: AccessKind };
export type OperationSpec = { input: z.ZodType; output: z.ZodType } & AccessMarks &
  ({ kind: 'read' } | { kind: 'change'; transaction?: 'own' });

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
  ...securityOperations,
  ...syncOperations,
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller passes (defaults may be omitted). */
export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<K extends OperationName> = z.output<Operations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Operations[K]['output']>;

export interface OperationRules {
  kind: 'read' | 'change';
  /** A signed-in, unlocked session is needed. */
  needsActor: boolean;
  ownTransaction: boolean;
  role: 'administrator' | null;
  access: AccessKind | null;
}

/** The operation's rules, readable without narrowing each literal. */
export function operationRules(name: OperationName): OperationRules {
  const spec: OperationSpec = operations[name];
  return {
    kind: spec.kind,
    needsActor: spec.actor !== 'none',
    ownTransaction: spec.kind === 'read' || spec.transaction === 'own',
    role: spec.role ?? null,
    access: spec.access ?? null,
  };
}

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}
