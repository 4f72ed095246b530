import { z } from 'zod';
import { ClinicalEvent, EventCorrection, EventInput } from '../../domain/event';
import { RiskFactor, RiskFactorCorrection, RiskFactorInput, WatchedSite, WatchedSiteInput, WatchedSiteStatusChange } from '../../domain/ho';
import { Patient } from '../../domain/patient';
import { HistoryInput, VoidInput, VoidMark } from '../../domain/record-meta';
import { uuid } from '../../domain/schema-parts';
import { Therapist } from '../../domain/therapist';
import { Measurement, Visit } from '../../domain/visit';

const ByPatient = z.strictObject({ patientId: uuid });

export const HoProfile = z.strictObject({ riskFactors: z.array(RiskFactor), sites: z.array(WatchedSite) });

/** Everything the patient's pages need, in one call: current versions only, newest first. */
export const PatientFile = z.strictObject({
  patient: Patient,
  riskFactors: z.array(RiskFactor),
  sites: z.array(WatchedSite),
  visits: z.array(Visit),
  events: z.array(ClinicalEvent),
  /** Every therapist of the clinic, active or not, to name raters and recorders. */
  therapists: z.array(Therapist),
});
export type PatientFile = z.infer<typeof PatientFile>;

/** What was voided: never deleted, so it can always be read again, with who voided it and why. */
export const VoidedRecords = z.strictObject({
  /** Visits voided whole, with what they said; their measurements are in `measurements`. */
  visits: z.array(z.strictObject({ visit: Visit, voided: VoidMark })),
  measurements: z.array(Measurement),
  events: z.array(ClinicalEvent),
  riskFactors: z.array(RiskFactor),
  sites: z.array(WatchedSite),
});

export const clinicalOperations = {
  'patients.voided': { kind: 'read', input: ByPatient, output: VoidedRecords },
  'patients.file': { kind: 'read', access: 'file', input: ByPatient, output: PatientFile },
  'profile.get': { kind: 'read', input: ByPatient, output: HoProfile },
  'riskFactors.add': { kind: 'change', input: RiskFactorInput, output: RiskFactor },
  'riskFactors.correct': { kind: 'change', input: RiskFactorCorrection, output: RiskFactor },
  'riskFactors.void': { kind: 'change', input: VoidInput, output: RiskFactor },
  'sites.add': { kind: 'change', input: WatchedSiteInput, output: WatchedSite },
  'sites.changeStatus': { kind: 'change', input: WatchedSiteStatusChange, output: WatchedSite },
  'sites.void': { kind: 'change', input: VoidInput, output: WatchedSite },
  'events.record': { kind: 'change', input: EventInput, output: ClinicalEvent },
  'events.correct': { kind: 'change', input: EventCorrection, output: ClinicalEvent },
  'events.void': { kind: 'change', input: VoidInput, output: ClinicalEvent },
  'events.list': { kind: 'read', input: ByPatient, output: z.array(ClinicalEvent) },
  'events.history': { kind: 'read', input: HistoryInput, output: z.array(ClinicalEvent) },
} as const;
