import type { OperationOutput } from '../../shared/api/contract';
import type { ApiContext } from './context';
import { requirePatient } from './versions';

/** A patient's whole current record: what 'patients.file' returns and what 'analysis.patient' analyses. */
export function readPatientFile(ctx: ApiContext, patientId: string): OperationOutput<'patients.file'> {
  const patient = requirePatient(ctx, patientId);
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
}
