import { isOneOf } from '../domain/one-of';
import { SEXES, type Patient } from '../domain/patient';
import { objs, str } from './json-read';
import { where, type Entry } from './read-entry';

// The people of an import file: its patient (Patient) and the therapists named in it (Practitioner).

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportedPatient = Pick<Patient, 'id' | 'familyName' | 'givenNames' | 'clinicId' | 'dateOfBirth' | 'sex'>;
export interface ImportedTherapist {
  id: string;
  name: string;
  title: string | null;
  registrationNumber: string | null;
  active: boolean;
}

export function readPatient(e: Entry, problems: string[]): ImportedPatient | null {
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

export function readTherapist(e: Entry, problems: string[]): ImportedTherapist {
  const name = objs(e.resource, 'name')[0];
  const text = str(name, 'text')?.trim() ?? '';
  if (!text) problems.push(`${where(e)}: the therapist has no name.`);
  const suffix = Array.isArray(name?.['suffix']) && typeof name['suffix'][0] === 'string' ? name['suffix'][0] : null;
  const registration = objs(e.resource, 'identifier').find((i) => /^urn:romtrack:clinic:.+:registration-number$/.test(str(i, 'system') ?? ''));
  return { id: e.lineageId, name: text, title: suffix, registrationNumber: str(registration, 'value') ?? null, active: e.resource['active'] !== false };
}
