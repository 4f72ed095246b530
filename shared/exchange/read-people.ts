import { isOneOf } from '../domain/one-of';
import { SEXES, type Patient } from '../domain/patient';
import { isLanguage, type Language } from '../i18n/languages';
import { BCP47 } from './codes';
import { codeIn, obj, objs, str, type Json } from './json-read';
import { message } from '../i18n/message';
import type { Entry } from './read-entry';
import { atEntry, type Problem } from './read-problems';

// The people of an import file: its patient (Patient) and the therapists named in it (Practitioner).

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportedPatient = Pick<Patient, 'id' | 'familyName' | 'givenNames' | 'clinicId' | 'dateOfBirth' | 'sex' | 'documentLanguage'>;
export interface ImportedTherapist {
  id: string;
  name: string;
  title: string | null;
  registrationNumber: string | null;
  active: boolean;
}

export function readPatient(e: Entry, problems: Problem[]): ImportedPatient | null {
  const name = objs(e.resource, 'name')[0];
  const familyName = str(name, 'family')?.trim();
  const givenNames = Array.isArray(name?.['given']) ? name['given'].filter((g): g is string => typeof g === 'string').join(' ') : '';
  const dateOfBirth = str(e.resource, 'birthDate');
  const sex = e.resource['gender'];
  const clinicIdentifier = objs(e.resource, 'identifier').find((i) => /^urn:romtrack:clinic:.+:patient-id$/.test(str(i, 'system') ?? ''));
  const before = problems.length;
  if (!familyName) problems.push(atEntry(e, message('exchange.read.patient.familyName')));
  if (!dateOfBirth || !ISO_DATE.test(dateOfBirth)) problems.push(atEntry(e, message('exchange.read.patient.birthDate')));
  if (!isOneOf(SEXES, sex)) problems.push(atEntry(e, message('exchange.read.patient.gender', { values: SEXES.join(', ') })));
  if (e.uuid !== e.lineageId || !UUID.test(e.uuid)) problems.push(atEntry(e, message('exchange.read.patient.identifier')));
  if (problems.length > before || !familyName || !dateOfBirth || !isOneOf(SEXES, sex)) return null;
  return { id: e.lineageId, familyName, givenNames, clinicId: str(clinicIdentifier, 'value') ?? null, dateOfBirth, sex, documentLanguage: documentLanguage(e.resource) };
}

/**
 * The patient's preferred language (Patient.communication with preferred true, else the only one), when it is one
 * ROMtrack prints documents in: a BCP 47 tag whose primary language is ours ("fr-CA" is French). Any other
 * language is left out (the documents then follow the clinic's language), never refused.
 */
function documentLanguage(patient: Json): Language | null {
  const spoken = objs(patient, 'communication');
  const chosen = spoken.find((c) => c['preferred'] === true) ?? (spoken.length === 1 ? spoken[0] : undefined);
  const primary = codeIn(obj(chosen, 'language'), BCP47)?.split('-')[0]?.toLowerCase();
  return isLanguage(primary) ? primary : null;
}

export function readTherapist(e: Entry, problems: Problem[]): ImportedTherapist {
  const name = objs(e.resource, 'name')[0];
  const text = str(name, 'text')?.trim() ?? '';
  if (!text) problems.push(atEntry(e, message('exchange.read.therapist.name')));
  const suffix = Array.isArray(name?.['suffix']) && typeof name['suffix'][0] === 'string' ? name['suffix'][0] : null;
  const registration = objs(e.resource, 'identifier').find((i) => /^urn:romtrack:clinic:.+:registration-number$/.test(str(i, 'system') ?? ''));
  return { id: e.lineageId, name: text, title: suffix, registrationNumber: str(registration, 'value') ?? null, active: e.resource['active'] !== false };
}
