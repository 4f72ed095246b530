import { findMotionSpec } from '../domain/catalogue';
import { validateDegrees } from '../domain/catalogue/measurement-value';
import { MODES, SIDES } from '../domain/catalogue/types';
import { isOneOf } from '../domain/one-of';
import { END_FEELS, INSTRUMENTS, VISIT_SETTING_LABELS, VISIT_SETTINGS, type Measurement, type Visit } from '../domain/visit';
import { LATERALITY, PAIN_SCORE, STRUCTURE_LATERALITY_URL, SYSTEM } from './codes';
import type { RecordState } from './identifiers';
import { codeIn, identifierValue, num, obj, objs, referencedUuid, str } from './json-read';
import { SYMPTOMS } from './observations';
import { message } from '../i18n/message';
import type { Entry } from './read-entry';
import { atEntry, type Problem } from './read-problems';

// The visits of an import file (Encounter), their symptoms (one Observation each) and their range of motion
// measurements (Observation with ROMtrack's motion code), each checked as the reverse of observations.ts.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ImportedVisit = Pick<Visit, 'id' | 'date' | 'therapistId' | 'setting' | 'symptoms'> & { voided: boolean };
export type ImportedMeasurement = Pick<Measurement, 'id' | 'lineageId' | 'visitId' | 'motion' | 'side' | 'mode' | 'degrees' | 'raterId' | 'instrument' | 'endFeel' | 'pain' | 'note' | 'recordedAt'> & {
  state: RecordState;
  /** When it was voided, for a voided record (the note's time). */
  voidedAt: string | null;
};


const CLASS_SETTING: Record<string, Visit['setting']> = { AMB: 'outpatient', IMP: 'inpatient', HH: 'home' };

export function readVisit(e: Entry, known: { patient: string; therapists: Set<string> }, problems: Problem[]): ImportedVisit {
  const r = e.resource;
  const date = str(obj(r, 'period'), 'start');
  const typeText = str(objs(r, 'type')[0], 'text');
  // The setting's own words are in the type's text ("Other" shares AMB's class), so they decide first.
  const setting = VISIT_SETTINGS.find((s) => VISIT_SETTING_LABELS[s] === typeText) ?? CLASS_SETTING[str(obj(r, 'class'), 'code') ?? ''];
  const participant = referencedUuid(obj(objs(r, 'participant')[0], 'individual'));
  const status = str(r, 'status');
  if (!date || !ISO_DATE.test(date)) problems.push(atEntry(e, message('exchange.read.visit.noDate')));
  if (!setting) problems.push(atEntry(e, message('exchange.read.visit.class')));
  if (status !== 'finished' && status !== 'entered-in-error') problems.push(atEntry(e, message('exchange.read.visit.status')));
  if (referencedUuid(obj(r, 'subject')) !== known.patient) problems.push(atEntry(e, message('exchange.read.visit.notThisPatient')));
  if (participant && !known.therapists.has(participant)) problems.push(atEntry(e, message('exchange.read.visit.therapist')));
  if (e.uuid !== e.lineageId) problems.push(atEntry(e, message('exchange.read.visit.identifier')));
  const symptoms = { decreasedRange: false, swelling: false, redness: false, warmth: false, fever: false, pain: null };
  return { id: e.lineageId, date: date ?? '', therapistId: participant ?? null, setting: setting ?? 'outpatient', symptoms, voided: status === 'entered-in-error' };
}

export function readSymptom(e: Entry, visit: ImportedVisit, problems: Problem[]): void {
  const key = e.lineageId.slice(visit.id.length + 1);
  if (key === 'pain') {
    const pain = num(e.resource, 'valueInteger');
    if (pain === undefined || !Number.isInteger(pain) || pain < 0 || pain > 10) problems.push(atEntry(e, message('exchange.read.visit.pain')));
    else visit.symptoms.pain = pain;
  } else if (isOneOf(SYMPTOMS, key) && e.resource['valueBoolean'] === true) {
    visit.symptoms[key] = true;
  } else {
    problems.push(atEntry(e, message('exchange.read.visit.symptom', { key })));
  }
}

const STATES: Record<string, RecordState['kind']> = { final: 'original', amended: 'corrected', 'entered-in-error': 'voided' };

export function readMeasurement(e: Entry, known: { patient: string; therapists: Set<string>; visits: Set<string> }, problems: Problem[]): ImportedMeasurement {
  const r = e.resource;
  const before = problems.length;
  const code = codeIn(obj(r, 'code'), SYSTEM.motion) ?? '';
  const cut = code.lastIndexOf('.');
  const motion = code.slice(0, cut);
  const mode = code.slice(cut + 1);
  const spec = findMotionSpec(motion);
  if (!spec || !isOneOf(MODES, mode)) problems.push(atEntry(e, message('exchange.read.motion', { code })));
  const lateralityCode = codeIn(obj(objs(obj(r, 'bodySite'), 'extension').find((x) => str(x, 'url') === STRUCTURE_LATERALITY_URL), 'valueCodeableConcept'), LATERALITY.left.system);
  const side = SIDES.find((s) => LATERALITY[s].code === lateralityCode);
  if (!side) problems.push(atEntry(e, message('exchange.read.measurement.side')));
  const quantity = obj(r, 'valueQuantity');
  const degrees = num(quantity, 'value');
  if (str(quantity, 'code') !== 'deg') problems.push(atEntry(e, message('exchange.read.measurement.unit')));
  else if (spec) {
    const checked = validateDegrees(motion, degrees);
    if (!checked.ok) problems.push(atEntry(e, message('exchange.read.issue', { issue: { message: checked.ref, lower: true } })));
  }
  const instrument = codeIn(obj(r, 'method'), SYSTEM.instrument);
  if (!isOneOf(INSTRUMENTS, instrument)) problems.push(atEntry(e, message('exchange.read.measurement.instrument')));
  const components = objs(r, 'component');
  const endFeel = codeIn(obj(components.find((c) => codeIn(obj(c, 'code'), SYSTEM.component) === 'end-feel'), 'valueCodeableConcept'), SYSTEM.endFeel) ?? null;
  if (endFeel !== null && !isOneOf(END_FEELS, endFeel)) problems.push(atEntry(e, message('exchange.read.measurement.endFeel', { endFeel })));
  const pain = num(components.find((c) => codeIn(obj(c, 'code'), PAIN_SCORE.system) === PAIN_SCORE.code), 'valueInteger') ?? null;
  if (pain !== null && (!Number.isInteger(pain) || pain < 0 || pain > 10)) problems.push(atEntry(e, message('exchange.read.measurement.pain')));
  const kind = STATES[str(r, 'status') ?? ''];
  if (!kind) problems.push(atEntry(e, message('exchange.read.measurement.status')));
  const visitId = referencedUuid(obj(r, 'encounter'));
  if (!visitId || !known.visits.has(visitId)) problems.push(atEntry(e, message('exchange.read.measurement.visit')));
  if (referencedUuid(obj(r, 'subject')) !== known.patient) problems.push(atEntry(e, message('exchange.read.measurement.notThisPatient')));
  const raterId = referencedUuid(objs(r, 'performer')[0]) ?? null;
  if (raterId && !known.therapists.has(raterId)) problems.push(atEntry(e, message('exchange.read.measurement.rater')));
  const recordedAt = str(r, 'issued');
  if (!recordedAt) problems.push(atEntry(e, message('exchange.read.measurement.issued')));
  const versionId = identifierValue(r, SYSTEM.version) ?? e.lineageId;
  if (versionId !== e.uuid) problems.push(atEntry(e, message('exchange.read.versionMismatch')));

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
