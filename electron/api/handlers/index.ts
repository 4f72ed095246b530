import type { OperationName } from '../../../shared/api/contract';
import { accountHandlers } from './accounts';
import { analysisHandlers } from './analysis';
import { appHandlers } from './app';
import { backupHandlers } from './backups';
import { eventHandlers } from './events';
import { exchangeHandlers } from './exchange';
import { syncHandlers } from '../exchange/sync-handlers';
import { patientFileHandlers } from './patient-file';
import { planHandlers } from './plans';
import { profileHandlers } from './profile';
import { referralHandlers } from './referrals';
import { reportHandlers } from './reports';
import { sampleDataHandlers } from './sample-data';
import { securityHandlers } from './security';
import { visitHandlers } from './visits';
import { patientHandlers } from './patients';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { thresholdHandlers } from './thresholds';
import type { HandlerTable } from './types';
import { worklistHandlers } from './worklist';
import { keepingWorklistCurrent } from '../worklist-refresh';

/**
 * Every operation in the contract must have a handler: a missing one is a type error here. The operations that
 * change what the worklist summarises run inside keepingWorklistCurrent, which refreshes the summaries of the
 * patients the change touched before it commits (worklist-refresh.ts).
 */
export const handlers: HandlerTable<OperationName> = {
  ...appHandlers,
  ...patientHandlers,
  ...sessionHandlers,
  ...settingsHandlers,
  ...accountHandlers,
  ...patientFileHandlers,
  ...keepingWorklistCurrent(profileHandlers, ['riskFactors.add', 'riskFactors.correct', 'riskFactors.void', 'sites.add', 'sites.changeStatus', 'sites.void']),
  ...keepingWorklistCurrent(visitHandlers, ['visits.record', 'visits.addMeasurements', 'visits.void', 'measurements.correct', 'measurements.void']),
  ...keepingWorklistCurrent(eventHandlers, ['events.record', 'events.correct', 'events.void']),
  ...sampleDataHandlers,
  ...backupHandlers,
  ...planHandlers,
  ...reportHandlers,
  ...analysisHandlers,
  ...keepingWorklistCurrent(thresholdHandlers, ['thresholds.set', 'thresholds.clear']),
  ...worklistHandlers,
  ...referralHandlers,
  ...exchangeHandlers,
  ...securityHandlers,
  ...syncHandlers,
};
