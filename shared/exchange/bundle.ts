import type { Bundle, BundleEntry, Observation, Resource } from './fhir';
import { siteCondition, riskFactorCondition } from './conditions';
import { eventResources } from './events';
import { derivedUuid, entryFor, recordIdentifiers, recordState, type RecordKey, type RecordState } from './identifiers';
import { encounterResource, measurementResource, symptomResources } from './observations';
import { organizationResource, patientResource, practitionerResource } from './people';
import { inRange, type DateRange, type ExchangeSource } from './source';

const ORIGINAL: RecordState = { kind: 'original' };

/**
 * One patient's whole record as one FHIR R4 transaction Bundle: the clinic, the therapists it names, the patient,
 * visits, measurements, symptoms, watched sites, risk factors and events, current and voided. Pure: the same
 * record gives the same Bundle, so a resend is byte for byte the same request. Plans and goals are not mapped yet.
 * `range` keeps only the clinical records dated inside it; the patient, clinic and therapists always go.
 */
export function patientBundle(src: ExchangeSource, range?: DateRange): Bundle {
  const entries: BundleEntry[] = [];
  const add = (resource: Resource, key: RecordKey, state: RecordState): void => {
    entries.push(entryFor(resource, key, state));
  };
  const addDerived = (resource: Observation, owner: string, part: string, state: RecordState): void => {
    const id = derivedUuid(owner, part);
    // A record without a row of its own is named under its owner's lineage: `<owner>/<part>`.
    const withIds: Observation = { ...resource, identifier: recordIdentifiers({ lineageId: `${owner}/${part}`, versionId: `${owner}/${part}` }) };
    entries.push(entryFor(withIds, { lineageId: `${owner}/${part}`, versionId: id }, state.kind === 'voided' ? state : ORIGINAL));
  };

  const { clinic, file, voided } = src;
  const patient = file.patient;
  const refs = { patient: patient.id, clinic: clinic.id };
  add(organizationResource(clinic), { lineageId: clinic.id, versionId: clinic.id }, ORIGINAL);
  add(patientResource(patient, clinic.id), { lineageId: patient.id, versionId: patient.id }, ORIGINAL);

  const visits = [
    ...file.visits.map((visit) => ({ visit, voided: null as { reason: string } | null })),
    ...voided.visits.map((v) => ({ visit: v.visit, voided: { reason: v.voided.reason } })),
  ].filter((v) => inRange(v.visit.date, range));
  const measurements = [...file.visits.flatMap((v) => v.measurements), ...voided.measurements].filter((m) => inRange(m.date, range));

  // Only the therapists this record names, so a patient's file does not carry the clinic's whole staff list.
  const named = new Set<string>();
  for (const v of visits) if (v.visit.therapistId) named.add(v.visit.therapistId);
  for (const m of measurements) if (m.raterId) named.add(m.raterId);
  for (const t of file.therapists) if (named.has(t.id)) add(practitionerResource(t, clinic.id), { lineageId: t.id, versionId: t.id }, ORIGINAL);

  for (const { visit, voided: mark } of visits) {
    const state: RecordState = mark ? { kind: 'voided', reason: mark.reason } : ORIGINAL;
    add(encounterResource(visit, refs, mark !== null), { lineageId: visit.id, versionId: visit.id }, state);
    for (const s of symptomResources(visit, refs, mark !== null)) addDerived(s.resource, visit.id, s.key, state);
  }
  for (const m of measurements) add(measurementResource(m, refs, recordState(m)), { lineageId: m.lineageId, versionId: m.id }, recordState(m));

  for (const site of [...file.sites, ...voided.sites]) {
    const state = recordState(site);
    const c = siteCondition(site, refs, state);
    if (c) add(c, { lineageId: site.lineageId, versionId: site.id }, state);
  }
  for (const r of [...file.riskFactors, ...voided.riskFactors]) {
    const state = recordState(r);
    add(riskFactorCondition(r, refs, state), { lineageId: r.lineageId, versionId: r.id }, state);
  }
  for (const e of [...file.events, ...voided.events].filter((ev) => inRange(ev.date, range))) {
    const state = recordState(e);
    const out = eventResources(e, refs, state);
    add(out.main, { lineageId: e.lineageId, versionId: e.id }, state);
    for (const d of out.derived) addDerived(d.resource, e.lineageId, d.key, state);
  }
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}
