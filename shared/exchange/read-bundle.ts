import { SYSTEM } from './codes';
import { codeIn, identifierValue, isJson, obj, objs, referencedUuid, str, type Json } from './json-read';
import { message } from '../i18n/message';
import type { Entry } from './read-entry';
import { atEntry, type Problem } from './read-problems';
import { readPatient, readTherapist, type ImportedPatient, type ImportedTherapist } from './read-people';
import { readGoal, readPlans, type ImportedGoal, type ImportedPlanVersion } from './read-plans';
import { isDose, isEventResource, readEvent, readRiskFactor, readSite, type ImportedEvent, type ImportedRiskFactor, type ImportedSite } from './read-records';
import { readMeasurement, readSymptom, readVisit, type ImportedMeasurement, type ImportedVisit } from './read-visits';

export type { ImportedMeasurement, ImportedPatient, ImportedTherapist, ImportedVisit };

// The reverse of bundle.ts, put together here: the patient and therapists (read-people.ts), visits with their
// symptoms and measurements (read-visits.ts), watched sites, risk factors and events (read-records.ts), plans and
// goals (read-plans.ts). Pure, and all of it checked before anything is written: a file that is not a ROMtrack
// transaction Bundle of one patient is refused whole, each problem naming its entry.

export interface BundleContents {
  /** The sending workstation's identity (its Organization). */
  clinicId: string;
  patient: ImportedPatient;
  therapists: ImportedTherapist[];
  visits: ImportedVisit[];
  measurements: ImportedMeasurement[];
  sites: ImportedSite[];
  riskFactors: ImportedRiskFactor[];
  events: ImportedEvent[];
  /** Every plan's versions, each plan's oldest first. */
  plans: ImportedPlanVersion[];
  goals: ImportedGoal[];
  /** Resources of kinds this import does not write yet, counted by type: listed, never silently dropped. */
  notImported: { resourceType: string; count: number }[];
}

export type ReadResult = { ok: true; contents: BundleContents } | { ok: false; problems: Problem[] };

/** Reads an import file's text. Never throws: every problem comes back as a message naming its entry. */
export function readBundle(text: string): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problems: [message('exchange.read.notJson')] };
  }
  return readBundleObject(parsed);
}

/** The same, for a Bundle already parsed (a whole-clinic file is read a patient at a time). */
export function readBundleObject(parsed: unknown): ReadResult {
  if (!isJson(parsed) || str(parsed, 'resourceType') !== 'Bundle' || str(parsed, 'type') !== 'transaction') {
    return { ok: false, problems: [message('exchange.read.notBundle')] };
  }
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  objs(parsed, 'entry').forEach((e, i) => {
    const n = i + 1;
    const resource = obj(e, 'resource');
    const type = str(resource, 'resourceType');
    const fullUrl = str(e, 'fullUrl');
    if (!resource || !type) return void problems.push(message('exchange.read.noResource', { n }));
    const lineageId = identifierValue(resource, SYSTEM.record);
    if (!fullUrl?.startsWith('urn:uuid:') || !lineageId) {
      return void problems.push(atEntry({ n, type }, message('exchange.read.noRecordIdentifier')));
    }
    entries.push({ n, uuid: fullUrl.slice('urn:uuid:'.length), resource, type, lineageId });
  });
  if (entries.length === 0 && problems.length === 0) problems.push(message('exchange.read.noEntries'));
  const of = (type: string) => entries.filter((e) => e.type === type);
  const orgs = of('Organization');
  const patients = of('Patient');
  if (orgs.length !== 1) problems.push(message('exchange.read.clinics', { n: orgs.length }));
  if (patients.length !== 1) problems.push(message('exchange.read.patients', { n: patients.length }));
  if (problems.length) return { ok: false, problems };

  const patient = readPatient(patients[0]!, problems);
  const therapists = of('Practitioner').map((e) => readTherapist(e, problems));
  const known = { patient: patients[0]!.uuid, therapists: new Set(therapists.map((t) => t.id)) };
  const visits = of('Encounter').map((e) => readVisit(e, known, problems));
  const visitIds = new Set(visits.map((v) => v.id));
  const measurements: ImportedMeasurement[] = [];
  const notImported = new Map<string, number>();
  const skip = (type: string) => notImported.set(type, (notImported.get(type) ?? 0) + 1);
  const doses = new Map<string, Json>();
  const eventEntries: Entry[] = [];
  for (const e of of('Observation')) {
    const owner = e.lineageId.split('/')[0]!;
    if (codeIn(obj(e.resource, 'code'), SYSTEM.motion)) measurements.push(readMeasurement(e, { ...known, visits: visitIds }, problems));
    else if (e.lineageId.includes('/') && visitIds.has(owner)) readSymptom(e, visits.find((v) => v.id === owner)!, problems);
    else if (isDose(e) && e.lineageId.endsWith('/dose')) doses.set(owner, e.resource);
    else if (isEventResource(e)) eventEntries.push(e);
    else skip('Observation');
  }
  const sites: ImportedSite[] = [];
  const riskFactors: ImportedRiskFactor[] = [];
  for (const e of of('Condition')) {
    const code = obj(e.resource, 'code');
    if (codeIn(code, SYSTEM.condition) === 'heterotopic-ossification') keep(sites, readSite(e, known, problems));
    else if (codeIn(code, SYSTEM.riskFactor)) keep(riskFactors, readRiskFactor(e, known, problems));
    else if (isEventResource(e)) eventEntries.push(e);
    else skip('Condition');
  }
  for (const e of entries) {
    if (['Procedure', 'MedicationStatement', 'DiagnosticReport'].includes(e.type)) {
      if (isEventResource(e)) eventEntries.push(e);
      else skip(e.type);
    }
  }
  const events: ImportedEvent[] = [];
  for (const e of eventEntries.sort((x, y) => x.n - y.n)) keep(events, readEvent(e, known, doses, problems));
  const plans = readPlans(of('CarePlan'), known, problems);
  // Files written before goals carried their plan's identifier name them from the plan's last version.
  const planOf = new Map<string, string>();
  for (const e of of('CarePlan')) {
    const planId = identifierValue(e.resource, SYSTEM.plan);
    for (const g of objs(e.resource, 'goal')) {
      const id = referencedUuid(g);
      if (id && planId) planOf.set(id, planId);
    }
  }
  const goals: ImportedGoal[] = [];
  const planIds = new Set(plans.map((p) => p.planId));
  for (const e of of('Goal')) {
    const g = readGoal(e, known, planOf, problems);
    if (g && !planIds.has(g.planId)) problems.push(atEntry(e, message('exchange.read.goal.planMissing')));
    keep(goals, g);
  }
  const handled = ['Organization', 'Patient', 'Practitioner', 'Encounter', 'Observation', 'Condition', 'Procedure', 'MedicationStatement', 'DiagnosticReport', 'CarePlan', 'Goal'];
  for (const e of entries) if (!handled.includes(e.type)) skip(e.type);
  if (problems.length || !patient) return { ok: false, problems };
  return {
    ok: true,
    contents: {
      clinicId: orgs[0]!.lineageId,
      patient,
      therapists,
      visits,
      measurements,
      sites,
      riskFactors,
      events,
      plans,
      goals,
      notImported: [...notImported].map(([resourceType, count]) => ({ resourceType, count })),
    },
  };
}

function keep<T>(list: T[], item: T | null): void {
  if (item !== null) list.push(item);
}
