import { readPatientFile } from '../patient-file';
import { requirePatient } from '../versions';
import type { HandlerTable } from './types';

export const patientFileHandlers: HandlerTable<'patients.file' | 'patients.voided'> = {
  /** One read transaction, so the pages never see half of a visit being saved meanwhile. */
  'patients.file': (input, ctx) => ctx.transaction(() => readPatientFile(ctx, input.patientId)),

  'patients.voided': (input, ctx) => {
    const patient = requirePatient(ctx, input.patientId);
    return {
      visits: ctx.repos.visits.voidedVisitsOf(patient.id),
      measurements: ctx.repos.visits.voidedMeasurementsOf(patient.id),
      events: ctx.repos.events.voidedOf(patient.id),
      riskFactors: ctx.repos.profile.voidedRiskFactorsOf(patient.id),
      sites: ctx.repos.profile.voidedSitesOf(patient.id),
    };
  },
};
