import { findMotionSpec } from '../domain/catalogue';
import { validateDegrees } from '../domain/catalogue/measurement-value';
import { MODES, SIDES } from '../domain/catalogue/types';
import { isOneOf } from '../domain/one-of';
import { SEXES, type Patient } from '../domain/patient';
import { END_FEELS, INSTRUMENTS, VISIT_SETTING_LABELS, VISIT_SETTINGS, type Measurement, type Visit } from '../domain/visit';
import { LATERALITY, PAIN_SCORE, STRUCTURE_LATERALITY_URL, SYSTEM } from './codes';
import type { RecordState } from './identifiers';
import { codeIn, identifierValue, isJson, num, obj, objs, referencedUuid, str, type Json } from './json-read';
import { SYMPTOMS } from './observations';
import type { Entry } from './read-entry';
import { readGoal, readPlans, type ImportedGoal, type ImportedPlanVersion } from './read-plans';
import { isDose, isEventResource, readEvent, readRiskFactor, readSite, type ImportedEvent, type ImportedRiskFactor, type ImportedSite } from './read-records';

// The reverse of bundle.ts: the patient, the therapists, visits with their symptoms, measurements, watched sites,
// risk factors, events, plans and goals (read-records.ts, read-plans.ts). Pure, and all of it checked before anything is written: a file that is not a ROMtrack
// transaction Bundle of one patient is refused whole, each problem naming its entry.

export type ImportedPatient = Pick<Patient, 'id' | 'familyName' | 'givenNames' | 'clinicId' | 'dateOfBirth' | 'sex'>;
export interface ImportedTherapist {
  id: string;
  name: string;
  title: string | null;
  registrationNumber: string | null;
  active: boolean;
}
export type ImportedVisit = Pick<Visit, 'id' | 'date' | 'therapistId' | 'setting' | 'symptoms'> & { voided: boolean };
export type ImportedMeasurement = Pick<Measurement, 'id' | 'lineageId' | 'visitId' | 'motion' | 'side' | 'mode' | 'degrees' | 'raterId' | 'instrument' | 'endFeel' | 'pain' | 'note' | 'recordedAt'> & {
  state: RecordState;
  /** When it was voided, for a voided record (the note's time). */
  voidedAt: string | null;
};

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

export type ReadResult = { ok: true; contents: BundleContents } | { ok: false; problems: string[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads an import file's text. Never throws: every problem comes back as a sentence naming its entry. */
export function readBundle(text: string): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['The file is not JSON. Choose a .json file exported by ROMtrack (a FHIR Bundle of one patient).'] };
  }
  return readBundleObject(parsed);
}

/** The same, for a Bundle already parsed (a whole-clinic file is read a patient at a time). */
export function readBundleObject(parsed: unknown): ReadResult {
  if (!isJson(parsed) || str(parsed, 'resourceType') !== 'Bundle' || str(parsed, 'type') !== 'transaction') {
    return { ok: false, problems: ['The file is not a FHIR transaction Bundle. Choose a patient file exported by ROMtrack.'] };
  }
  const problems: string[] = [];
  const entries: Entry[] = [];
  objs(parsed, 'entry').forEach((e, i) => {
    const n = i + 1;
    const resource = obj(e, 'resource');
    const type = str(resource, 'resourceType');
    const fullUrl = str(e, 'fullUrl');
    if (!resource || !type) return void problems.push(`Entry ${n} has no resource.`);
    const lineageId = identifierValue(resource, SYSTEM.record);
    if (!fullUrl?.startsWith('urn:uuid:') || !lineageId) {
      return void problems.push(`Entry ${n} (${type}) has no ROMtrack record identifier: this is not a ROMtrack export.`);
    }
    entries.push({ n, uuid: fullUrl.slice('urn:uuid:'.length), resource, type, lineageId });
  });
  if (entries.length === 0 && problems.length === 0) problems.push('The Bundle has no entries.');
  const of = (type: string) => entries.filter((e) => e.type === type);
  const orgs = of('Organization');
  const patients = of('Patient');
  if (orgs.length !== 1) problems.push(`The Bundle must name one clinic (Organization); it names ${orgs.length}.`);
  if (patients.length !== 1) problems.push(`The Bundle must hold one patient; it holds ${patients.length}. Import a clinic file one patient at a time.`);
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
    if (g && !planIds.has(g.planId)) problems.push(`${where(e)}: the goal's plan is not in the Bundle.`);
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

const where = (e: Entry) => `Entry ${e.n} (${e.type})`;

function keep<T>(list: T[], item: T | null): void {
  if (item !== null) list.push(item);
}

function readPatient(e: Entry, problems: string[]): ImportedPatient | null {
  const name = objs(e.resource, 'name')[0];
  const familyName = str(name, 'family')?.trim();
  const givenNames = Array.isArray(name?.['given']) ? name['given'].filter((g): g is string => typeof g === 'string').join(' ') : '';
  const dateOfBirth = str(e.resource, 'birthDate');
  const sex = e.resource['gender'];
  const clinicIdentifier = objs(e.resource, 'identifier').find((i) => /^urn:romtrack:clinic:.+:patient-id$/.test(str(i, 'system') ?? ''));
  const before = problems.length;
  if (!familyName) problems.push(`${where(e)}: the patient has no family name.`);
  if (!dateOfBirth || !ISO_DATE.test(dateOfBirth)) problems.push(`${where(e)}: the birth date is missing or not a date (YYYY-MM-DD).`);
  if (!isOneOf(SEXES, sex)) problems.push(`${where(e)}: gender must be one of ${SEXES.join(', ')}.`);
  if (e.uuid !== e.lineageId || !UUID.test(e.uuid)) problems.push(`${where(e)}: the patient's record identifier does not match its entry.`);
  if (problems.length > before || !familyName || !dateOfBirth || !isOneOf(SEXES, sex)) return null;
  return { id: e.lineageId, familyName, givenNames, clinicId: str(clinicIdentifier, 'value') ?? null, dateOfBirth, sex };
}

function readTherapist(e: Entry, problems: string[]): ImportedTherapist {
  const name = objs(e.resource, 'name')[0];
  const text = str(name, 'text')?.trim() ?? '';
  if (!text) problems.push(`${where(e)}: the therapist has no name.`);
  const suffix = Array.isArray(name?.['suffix']) && typeof name['suffix'][0] === 'string' ? name['suffix'][0] : null;
  const registration = objs(e.resource, 'identifier').find((i) => /^urn:romtrack:clinic:.+:registration-number$/.test(str(i, 'system') ?? ''));
  return { id: e.lineageId, name: text, title: suffix, registrationNumber: str(registration, 'value') ?? null, active: e.resource['active'] !== false };
}

const CLASS_SETTING: Record<string, Visit['setting']> = { AMB: 'outpatient', IMP: 'inpatient', HH: 'home' };

function readVisit(e: Entry, known: { patient: string; therapists: Set<string> }, problems: string[]): ImportedVisit {
  const r = e.resource;
  const date = str(obj(r, 'period'), 'start');
  const typeText = str(objs(r, 'type')[0], 'text');
  // The setting's own words are in the type's text ("Other" shares AMB's class), so they decide first.
  const setting = VISIT_SETTINGS.find((s) => VISIT_SETTING_LABELS[s] === typeText) ?? CLASS_SETTING[str(obj(r, 'class'), 'code') ?? ''];
  const participant = referencedUuid(obj(objs(r, 'participant')[0], 'individual'));
  const status = str(r, 'status');
  if (!date || !ISO_DATE.test(date)) problems.push(`${where(e)}: the visit has no date (period.start, YYYY-MM-DD).`);
  if (!setting) problems.push(`${where(e)}: the visit's class is not one ROMtrack writes (AMB, IMP or HH).`);
  if (status !== 'finished' && status !== 'entered-in-error') problems.push(`${where(e)}: status must be finished or entered-in-error.`);
  if (referencedUuid(obj(r, 'subject')) !== known.patient) problems.push(`${where(e)}: the visit is not of this Bundle's patient.`);
  if (participant && !known.therapists.has(participant)) problems.push(`${where(e)}: the visit's therapist is not in the Bundle.`);
  if (e.uuid !== e.lineageId) problems.push(`${where(e)}: the visit's record identifier does not match its entry.`);
  const symptoms = { decreasedRange: false, swelling: false, redness: false, warmth: false, fever: false, pain: null };
  return { id: e.lineageId, date: date ?? '', therapistId: participant ?? null, setting: setting ?? 'outpatient', symptoms, voided: status === 'entered-in-error' };
}

function readSymptom(e: Entry, visit: ImportedVisit, problems: string[]): void {
  const key = e.lineageId.slice(visit.id.length + 1);
  if (key === 'pain') {
    const pain = num(e.resource, 'valueInteger');
    if (pain === undefined || !Number.isInteger(pain) || pain < 0 || pain > 10) problems.push(`${where(e)}: the visit's pain must be a whole number from 0 to 10.`);
    else visit.symptoms.pain = pain;
  } else if (isOneOf(SYMPTOMS, key) && e.resource['valueBoolean'] === true) {
    visit.symptoms[key] = true;
  } else {
    problems.push(`${where(e)}: "${key}" is not a symptom ROMtrack records.`);
  }
}

const STATES: Record<string, RecordState['kind']> = { final: 'original', amended: 'corrected', 'entered-in-error': 'voided' };

function readMeasurement(e: Entry, known: { patient: string; therapists: Set<string>; visits: Set<string> }, problems: string[]): ImportedMeasurement {
  const r = e.resource;
  const before = problems.length;
  const code = codeIn(obj(r, 'code'), SYSTEM.motion) ?? '';
  const cut = code.lastIndexOf('.');
  const motion = code.slice(0, cut);
  const mode = code.slice(cut + 1);
  const spec = findMotionSpec(motion);
  if (!spec || !isOneOf(MODES, mode)) problems.push(`${where(e)}: "${code}" is not a joint motion and mode ROMtrack knows.`);
  const lateralityCode = codeIn(obj(objs(obj(r, 'bodySite'), 'extension').find((x) => str(x, 'url') === STRUCTURE_LATERALITY_URL), 'valueCodeableConcept'), LATERALITY.left.system);
  const side = SIDES.find((s) => LATERALITY[s].code === lateralityCode);
  if (!side) problems.push(`${where(e)}: the side (laterality 7771000 or 24028007 on bodySite) is missing.`);
  const quantity = obj(r, 'valueQuantity');
  const degrees = num(quantity, 'value');
  if (str(quantity, 'code') !== 'deg') problems.push(`${where(e)}: the value must be in degrees (UCUM deg).`);
  else if (spec) {
    const checked = validateDegrees(motion, degrees);
    if (!checked.ok) problems.push(`${where(e)}: ${checked.message}`);
  }
  const instrument = codeIn(obj(r, 'method'), SYSTEM.instrument);
  if (!isOneOf(INSTRUMENTS, instrument)) problems.push(`${where(e)}: the instrument (method) is not one ROMtrack knows.`);
  const components = objs(r, 'component');
  const endFeel = codeIn(obj(components.find((c) => codeIn(obj(c, 'code'), SYSTEM.component) === 'end-feel'), 'valueCodeableConcept'), SYSTEM.endFeel) ?? null;
  if (endFeel !== null && !isOneOf(END_FEELS, endFeel)) problems.push(`${where(e)}: end-feel "${endFeel}" is not one ROMtrack knows.`);
  const pain = num(components.find((c) => codeIn(obj(c, 'code'), PAIN_SCORE.system) === PAIN_SCORE.code), 'valueInteger') ?? null;
  if (pain !== null && (!Number.isInteger(pain) || pain < 0 || pain > 10)) problems.push(`${where(e)}: pain must be a whole number from 0 to 10.`);
  const kind = STATES[str(r, 'status') ?? ''];
  if (!kind) problems.push(`${where(e)}: status must be final, amended or entered-in-error.`);
  const visitId = referencedUuid(obj(r, 'encounter'));
  if (!visitId || !known.visits.has(visitId)) problems.push(`${where(e)}: the measurement's visit (encounter) is not in the Bundle.`);
  if (referencedUuid(obj(r, 'subject')) !== known.patient) problems.push(`${where(e)}: the measurement is not of this Bundle's patient.`);
  const raterId = referencedUuid(objs(r, 'performer')[0]) ?? null;
  if (raterId && !known.therapists.has(raterId)) problems.push(`${where(e)}: the measurement's rater is not in the Bundle.`);
  const recordedAt = str(r, 'issued');
  if (!recordedAt) problems.push(`${where(e)}: the time it was recorded (issued) is missing.`);
  const versionId = identifierValue(r, SYSTEM.version) ?? e.lineageId;
  if (versionId !== e.uuid) problems.push(`${where(e)}: the version identifier does not match the entry's fullUrl.`);

  // The reasons travel as notes with a time ("Corrected: …", "Entered in error: …"); the reading's own note has none.
  const notes = objs(r, 'note');
  const reasonNote = (prefix: string) => notes.find((x) => str(x, 'time') && str(x, 'text')?.startsWith(prefix));
  const corrected = reasonNote('Corrected: ');
  const voided = reasonNote('Entered in error: ');
  const own = notes.find((x) => !str(x, 'time'));
  const state: RecordState =
    kind === 'voided'
      ? { kind: 'voided', reason: str(voided, 'text')?.slice('Entered in error: '.length) || 'Entered in error at the sending workstation' }
      : kind === 'corrected'
        ? { kind: 'corrected', reason: str(corrected, 'text')?.slice('Corrected: '.length) || 'Corrected at the sending workstation' }
        : { kind: 'original' };
  if (problems.length > before || !spec || !side || degrees === undefined || !isOneOf(MODES, mode) || !isOneOf(INSTRUMENTS, instrument) || !visitId || !recordedAt) {
    return placeholder;
  }
  return {
    id: versionId,
    lineageId: e.lineageId,
    visitId,
    motion: spec.key,
    side,
    mode,
    degrees,
    raterId,
    instrument,
    endFeel: isOneOf(END_FEELS, endFeel) ? endFeel : null,
    pain,
    note: str(own, 'text') ?? null,
    recordedAt,
    state,
    voidedAt: kind === 'voided' ? (str(voided, 'time') ?? recordedAt) : null,
  };
}

/** Stands in for an entry already reported as wrong: the whole file is refused, so it is never written. */
const placeholder: ImportedMeasurement = {
  id: '', lineageId: '', visitId: '', motion: 'elbow.flexion', side: 'left', mode: 'active', degrees: 0, raterId: null,
  instrument: 'goniometer', endFeel: null, pain: null, note: null, recordedAt: '', state: { kind: 'original' }, voidedAt: null,
};
