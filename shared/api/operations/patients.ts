import { Patient, PatientInput, PatientListInput, PatientPage, PatientUpdateInput } from '../../domain/patient';
import { ById } from './common';

export const patientOperations = {
  'patients.create': { kind: 'change', input: PatientInput, output: Patient },
  'patients.update': { kind: 'change', input: PatientUpdateInput, output: Patient },
  'patients.get': { kind: 'read', input: ById, output: Patient },
  'patients.list': { kind: 'read', input: PatientListInput, output: PatientPage },
} as const;
