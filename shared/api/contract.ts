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
