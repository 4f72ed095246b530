import type { Bundle, BundleEntry, Observation } from './fhir';
import { siteCondition, riskFactorCondition } from './conditions';
import { eventResources } from './events';
import { derivedUuid, entryFor, recordIdentifiers, recordState, type RecordState } from './identifiers';
import { encounterResource, measurementResource, symptomResources } from './observations';
import { organizationResource, patientResource, practitionerResource } from './people';
import { carePlanResources, goalResource } from './plans';
import { inRange, overlaps, type DateRange, type ExchangeSource } from './source';

const ORIGINAL: RecordState = { kind: 'original' };

/**
 * One patient's whole record as one FHIR R4 transaction Bundle: the clinic, the therapists it names, the patient,
 * visits, measurements, symptoms, watched sites, risk factors and events, current and voided. Pure: the same
 * record gives the same Bundle (on the same day: plan and goal statuses follow the calendar), so a resend is the
 * same request. `range` keeps only the clinical records dated inside it, and the plans in force during it (whole,
 * every version and goal, so no reference is left dangling); the patient, clinic and therapists always go.
 */
export function patientBundle(src: ExchangeSource, range?: DateRange): Bundle {
  return { resourceType: 'Bundle', type: 'transaction', entry: [...patientEntries(src, range)] };
}

function derivedEntry(resource: Observation, owner: string, part: string, state: RecordState): BundleEntry {
  const id = derivedUuid(owner, part);
  // A record without a row of its own is named under its owner's lineage: `<owner>/<part>`.
  const withIds: Observation = { ...resource, identifier: recordIdentifiers({ lineageId: `${owner}/${part}`, versionId: `${owner}/${part}` }) };
  return entryFor(withIds, { lineageId: `${owner}/${part}`, versionId: id }, state.kind === 'voided' ? state : ORIGINAL);
}

/**
 * The Bundle's entries one at a time, in the Bundle's order: a whole-clinic export writes each as it comes, so a
 * patient's resources never all live at once (electron/api/exchange/export-clinic.ts).
 */
export function* patientEntries(src: ExchangeSource, range?: DateRange): Generator<BundleEntry> {
  const { clinic, file, voided } = src;
  const patient = file.patient;
  const refs = { patient: patient.id, clinic: clinic.id };
  yield entryFor(organizationResource(clinic), { lineageId: clinic.id, versionId: clinic.id }, ORIGINAL);
  yield entryFor(patientResource(patient, clinic.id), { lineageId: patient.id, versionId: patient.id }, ORIGINAL);

  const visits = [
    ...file.visits.map((visit) => ({ visit, voided: null as { reason: string } | null })),
    ...voided.visits.map((v) => ({ visit: v.visit, voided: { reason: v.voided.reason } })),
  ].filter((v) => inRange(v.visit.date, range));
  const measurements = [...file.visits.flatMap((v) => v.measurements), ...voided.measurements].filter((m) => inRange(m.date, range));

  // Only the therapists this record names, so a patient's file does not carry the clinic's whole staff list.
  const named = new Set<string>();
  for (const v of visits) if (v.visit.therapistId) named.add(v.visit.therapistId);
  for (const m of measurements) if (m.raterId) named.add(m.raterId);
  const plans = src.plans.filter((p) => p.versions.some((v) => overlaps(v.effectiveFrom, v.inForceUntil, range)));
  for (const p of plans) for (const v of p.versions) if (v.recordedBy) named.add(v.recordedBy);
  for (const g of [...plans.flatMap((p) => p.goals), ...voided.goals]) if (g.recordedBy) named.add(g.recordedBy);
  const events = [...file.events, ...voided.events].filter((ev) => inRange(ev.date, range));
  const sites = [...file.sites, ...voided.sites];
  const riskFactors = [...file.riskFactors, ...voided.riskFactors];
  for (const r of [...events, ...sites, ...riskFactors]) if (r.recordedBy) named.add(r.recordedBy);
  for (const t of file.therapists) if (named.has(t.id)) yield entryFor(practitionerResource(t, clinic.id), { lineageId: t.id, versionId: t.id }, ORIGINAL);

  for (const { visit, voided: mark } of visits) {
    const state: RecordState = mark ? { kind: 'voided', reason: mark.reason } : ORIGINAL;
    yield entryFor(encounterResource(visit, refs, mark !== null), { lineageId: visit.id, versionId: visit.id }, state);
    for (const s of symptomResources(visit, refs, mark !== null)) yield derivedEntry(s.resource, visit.id, s.key, state);
  }
  for (const m of measurements) yield entryFor(measurementResource(m, refs, recordState(m)), { lineageId: m.lineageId, versionId: m.id }, recordState(m));

  for (const site of sites) {
    const state = recordState(site);
    const c = siteCondition(site, refs, state);
    if (c) yield entryFor(c, { lineageId: site.lineageId, versionId: site.id }, state);
  }
  for (const r of riskFactors) {
    const state = recordState(r);
    yield entryFor(riskFactorCondition(r, refs, state), { lineageId: r.lineageId, versionId: r.id }, state);
  }
  for (const e of events) {
    const state = recordState(e);
    const out = eventResources(e, refs, state);
    yield entryFor(out.main, { lineageId: e.lineageId, versionId: e.id }, state);
    for (const d of out.derived) yield derivedEntry(d.resource, e.lineageId, d.key, state);
  }

  // Goals first, so each CarePlan's references point back to entries already listed.
  const conditions = new Map(file.sites.filter((s) => s.status !== 'at_risk').map((s) => [`${s.side} ${s.joint}`, s.id]));
  for (const plan of plans) {
    const last = plan.versions[plan.versions.length - 1]!;
    const over = last.voided !== null || (last.inForceUntil !== null && last.inForceUntil < src.today);
    for (const g of plan.goals) yield entryFor(goalResource(g, refs, over), { lineageId: g.lineageId, versionId: g.id }, ORIGINAL);
    for (const g of voided.goals.filter((vg) => vg.planId === plan.id)) {
      yield entryFor(goalResource(g, refs, over), { lineageId: g.lineageId, versionId: g.id }, recordState(g));
    }
    for (const c of carePlanResources(plan, { patient: patient.id, conditions }, src.today)) yield entryFor(c.resource, c.key, c.state);
  }
}
