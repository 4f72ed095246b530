import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { parseDateInput, type DateFormat } from './dates';
import { isoInstant, optionalName, pastCalendarDate, paging, personName, searchFold, uuid } from './schema-parts';
import { message, said } from '../i18n/message';

// FHIR's administrative gender, so an export maps one to one.
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

export const patientFields = {
  familyName: personName('Family name', 100),
  givenNames: personName('Given names', 100),
  clinicId: optionalName('Clinic id', 40),
  dateOfBirth: pastCalendarDate('Date of birth'),
  sex: z.enum(SEXES, { error: said(message('domain.patient.sex')) }),
  /**
   * The language the patient's printed documents are in (report, home sheet, referral letter); null: the
   * clinic's. Left out of an update, it stays as it was, so a caller that does not know it cannot clear it.
   */
  documentLanguage: z.enum(LANGUAGES, { error: said(message('domain.patient.documentLanguage')) }).nullable().optional(),
};

export const PatientInput = z.strictObject({
  ...patientFields,
  /**
   * A patient with the same names and date of birth already exists: the back end refuses until the user has
   * seen that patient and says this is someone else.
   */
  confirmDuplicate: z.boolean().optional(),
});
export type PatientInput = z.input<typeof PatientInput>;

export const PatientUpdateInput = z.strictObject({
  id: uuid,
  /** The version the user edited: a stale one is refused rather than overwriting someone else's change. */
  version: z.number().int().min(1),
  ...patientFields,
});

export const Patient = z.strictObject({
  id: z.string(),
  familyName: z.string(),
  givenNames: z.string(),
  clinicId: z.string().nullable(),
  dateOfBirth: z.string(),
  sex: z.enum(SEXES),
  documentLanguage: z.enum(LANGUAGES).nullable(),
  version: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Patient = z.infer<typeof Patient>;

export const PatientListInput = z.strictObject({
  query: z.string().trim().max(100, { error: said(message('domain.patient.searchLong')) }).default(''),
  ...paging,
});

export const PatientPage = z.strictObject({
  items: z.array(Patient),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

export function patientDisplayName(p: Pick<Patient, 'familyName' | 'givenNames'>): string {
  return `${p.familyName.toUpperCase()}, ${p.givenNames}`;
}

// A date inside a search: ISO, slashed or dotted digits, or a spelled month ("17 Mar 1992").
const DATE_IN_QUERY = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b|\b\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b/g;

/**
 * What a search asks: parts of words (folded: accents and case ignored; any order) that must all be found in
 * the patient's names or clinic id, and dates of birth, typed in ISO or the clinic's format.
 */
export function parsePatientQuery(query: string, format: DateFormat): { parts: string[]; dates: string[] } {
  const dates: string[] = [];
  const rest = query.replace(DATE_IN_QUERY, (text) => {
    const iso = parseDateInput(text, format);
    if (!iso) return text;
    dates.push(iso);
    return ' ';
  });
  const parts = searchFold(rest).split(/[\s,;]+/).filter(Boolean);
  return { parts, dates };
}

export function matchesPatientQuery(words: readonly string[], dateOfBirth: string, q: { parts: string[]; dates: string[] }): boolean {
  return q.dates.every((d) => d === dateOfBirth) && q.parts.every((part) => words.some((w) => w.includes(part)));
}
