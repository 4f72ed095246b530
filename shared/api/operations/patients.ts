import { Patient, PatientInput, PatientListInput, PatientPage, PatientUpdateInput } from '../../domain/patient';
import { ById } from './common';

export const patientOperations = {
  'patients.create': { input: PatientInput, output: Patient },
  'patients.update': { input: PatientUpdateInput, output: Patient },
  'patients.get': { input: ById, output: Patient },
  'patients.list': { input: PatientListInput, output: PatientPage },
} as const;
