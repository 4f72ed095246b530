import type { Therapist } from '../../../shared/domain/therapist';
import { requirePatient } from '../versions';
import type { HandlerTable } from './types';

export const patientFileHandlers: HandlerTable<'patients.file'> = {
  /** One read transaction, so the pages never see half of a visit being saved meanwhile. */
  'patients.file': (input, ctx) =>
    ctx.transaction(() => {
      const patient = requirePatient(ctx, input.patientId);
      const riskFactors = ctx.repos.profile.riskFactorsOf(patient.id);
      const sites = ctx.repos.profile.sitesOf(patient.id);
      const visits = ctx.repos.visits.visitsOf(patient.id);
      const events = ctx.repos.events.eventsOf(patient.id);
      const ids = new Set<string>();
      const add = (id: string | null) => id && ids.add(id);
      for (const v of visits) {
        add(v.therapistId);
        add(v.recordedBy);
        v.measurements.forEach((m) => (add(m.raterId), add(m.recordedBy)));
      }
      [...riskFactors, ...sites, ...events].forEach((r) => add(r.recordedBy));
      const therapists = [...ids].map((id) => ctx.repos.therapists.get(id)).filter((t): t is Therapist => t !== null);
      return { patient, riskFactors, sites, visits, events, therapists };
    }),
};
