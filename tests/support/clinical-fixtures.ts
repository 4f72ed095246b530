import type { OperationInput } from '../../shared/api/contract';
import type { TestBackend } from './backend';

export async function makePatient(api: TestBackend, overrides: Partial<OperationInput<'patients.create'>> = {}) {
  return api.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male', ...overrides });
}

/** Twelve measurements of a right elbow (with forearm) and a left hip, active and passive. */
export function twelveMeasurements(): OperationInput<'visits.record'>['measurements'] {
  return [
    { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 112 },
    { motion: 'elbow.flexion', side: 'right', mode: 'passive', degrees: 118 },
    { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -25 },
    { motion: 'elbow.extension', side: 'right', mode: 'passive', degrees: -20 },
    { motion: 'forearm.pronation', side: 'right', mode: 'active', degrees: 60 },
    { motion: 'forearm.supination', side: 'right', mode: 'active', degrees: 45, endFeel: 'hard', pain: 4, note: 'Bony block' },
    { motion: 'hip.flexion', side: 'left', mode: 'active', degrees: 95 },
    { motion: 'hip.flexion', side: 'left', mode: 'passive', degrees: 100 },
    { motion: 'hip.extension', side: 'left', mode: 'active', degrees: -5 },
    { motion: 'hip.abduction', side: 'left', mode: 'active', degrees: 30 },
    { motion: 'hip.internal_rotation', side: 'left', mode: 'active', degrees: 20 },
    { motion: 'hip.external_rotation', side: 'left', mode: 'active', degrees: 35 },
  ];
}
