import type { OperationName } from '../../../shared/api/contract';
import { analysisHandlers } from './analysis';
import { appHandlers } from './app';
import { backupHandlers } from './backups';
import { eventHandlers } from './events';
import { patientFileHandlers } from './patient-file';
import { planHandlers } from './plans';
import { profileHandlers } from './profile';
import { reportHandlers } from './reports';
import { sampleDataHandlers } from './sample-data';
import { visitHandlers } from './visits';
import { patientHandlers } from './patients';
import { settingsHandlers } from './settings';
import { thresholdHandlers } from './thresholds';
import type { HandlerTable } from './types';

/** Every operation in the contract must have a handler: a missing one is a type error here. */
export const handlers: HandlerTable<OperationName> = {
  ...appHandlers,
  ...patientHandlers,
  ...settingsHandlers,
  ...patientFileHandlers,
  ...profileHandlers,
  ...visitHandlers,
  ...eventHandlers,
  ...sampleDataHandlers,
  ...backupHandlers,
  ...planHandlers,
  ...reportHandlers,
  ...analysisHandlers,
  ...thresholdHandlers,
};
