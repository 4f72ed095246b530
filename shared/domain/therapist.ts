import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { newCredential, ROLES } from './account';
import { isoInstant, optionalText, personName, uuid } from './schema-parts';
import { message, said } from '../i18n/message';

export const therapistFields = {
  name: personName('Name', 120),
  title: optionalText('Professional title', 80),
  registrationNumber: optionalText('Registration number', 40),
  /** Left empty, the initials are made from the name. */
  initials: z
    .string()
    .trim()
    .max(4, { error: said(message('domain.therapist.initialsLong')) })
    .regex(/^[\p{L}.-]*$/u, { error: said(message('domain.therapist.initialsLetters')) })
    .optional()
    .transform((v) => (v ? v : null)),
};

/** A therapist's name and titles alone: what first-run set-up asks, and what an update may change. */
export const TherapistDetailsInput = z.strictObject(therapistFields);
/**
 * A new therapist (therapists.create, by an administrator): with a role and a first, temporary credential the
 * person must change at their first sign-in, so the administrator never knows the one they go on using.
 */
export const TherapistInput = z.strictObject({
  ...therapistFields,
  role: z.enum(ROLES, { error: said(message('domain.therapist.role')) }).default('therapist'),
  credential: newCredential,
});
export const TherapistUpdateInput = z.strictObject({ id: uuid, version: z.number().int().min(1), ...therapistFields });

export const Therapist = z.strictObject({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  initials: z.string(),
  active: z.boolean(),
  role: z.enum(ROLES),
  /** False only in a database from before accounts, until an administrator sets one. Never the credential itself. */
  hasCredential: z.boolean(),
  /** The credential was set by an administrator (or at set-up of accounts) and must be changed at sign-in. */
  mustChangeCredential: z.boolean(),
  /** The language this person's screens are in, above the clinic's; null: the clinic's (session.setLanguage). */
  language: z.enum(LANGUAGES).nullable(),
  version: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Therapist = z.infer<typeof Therapist>;

export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase())
    .join('')
    .slice(0, 4);
}

export function therapistLabel(t: Pick<Therapist, 'name' | 'title'>): string {
  return t.title ? `${t.name}, ${t.title}` : t.name;
}

/** A person's own choice of screen language (session.setLanguage); null goes back to the clinic's. */
export const LanguagePreferenceInput = z.strictObject({
  language: z.enum(LANGUAGES, { error: said(message('domain.therapist.language')) }).nullable(),
});
