import type { PatientPointsSource } from '../../shared/analysis/patient-series';
import type { OperationOutput } from '../../shared/api/contract';
import { readLeanSites, readSeriesPoints } from '../db/analysis-reads';
import type { ApiContext } from './context';
import { requirePatient } from './versions';

/** A patient's whole current record: what 'patients.file' returns. */
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

/**
 * What 'analysis.patient' analyses: the same patient's current sites, events and readings, the readings read
 * straight into series points (db/analysis-reads.ts) rather than as the file's visits. Unknown patients are
 * refused as 'patients.file' refuses them.
 */
export function readAnalysisSource(ctx: ApiContext, patientId: string): PatientPointsSource {
  const patient = requirePatient(ctx, patientId);
  return {
    sites: readLeanSites(ctx.db, patient.id),
    events: ctx.repos.events.eventsOf(patient.id),
    points: readSeriesPoints(ctx.db, patient.id),
  };
}
