import { requirePatient } from '../versions';
import type { HandlerTable } from './types';

export const patientFileHandlers: HandlerTable<'patients.file' | 'patients.voided'> = {
  /** One read transaction, so the pages never see half of a visit being saved meanwhile. */
  'patients.file': (input, ctx) =>
    ctx.transaction(() => {
      const patient = requirePatient(ctx, input.patientId);
      return {
        patient,
        riskFactors: ctx.repos.profile.riskFactorsOf(patient.id),
        sites: ctx.repos.profile.sitesOf(patient.id),
        visits: ctx.repos.visits.visitsOf(patient.id),
        events: ctx.repos.events.eventsOf(patient.id),
        // Every therapist, deactivated ones too: any of them may have measured or corrected a version
        // shown in a history, and a clinic has tens of them, not thousands.
        therapists: ctx.repos.therapists.list(true),
      };
    }),

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
