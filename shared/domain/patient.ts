import { z } from 'zod';
import { isoInstant, optionalText, pastCalendarDate, paging, requiredText, uuid } from './schema-parts';

// FHIR's administrative gender, so an export maps one to one.
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

export const patientFields = {
  familyName: requiredText('Family name', 100),
  givenNames: requiredText('Given names', 100),
  clinicId: optionalText('Clinic id', 40),
  dateOfBirth: pastCalendarDate('Date of birth'),
  sex: z.enum(SEXES, { error: 'Choose female, male, other or unknown.' }),
};

export const PatientInput = z.strictObject(patientFields);
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
  version: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Patient = z.infer<typeof Patient>;

export const PatientListInput = z.strictObject({
  query: z.string().trim().max(100, { error: 'Search text is too long.' }).default(''),
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
