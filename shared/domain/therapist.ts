import { z } from 'zod';
import { isoInstant, optionalText, personName, uuid } from './schema-parts';

export const therapistFields = {
  name: personName('Name', 120),
  title: optionalText('Professional title', 80),
  registrationNumber: optionalText('Registration number', 40),
  /** Left empty, the initials are made from the name. */
  initials: z
    .string()
    .trim()
    .max(4, { error: 'Initials: at most 4 letters.' })
    .regex(/^[\p{L}.-]*$/u, { error: 'Initials: letters only, for example "AO".' })
    .optional()
    .transform((v) => (v ? v : null)),
};

export const TherapistInput = z.strictObject(therapistFields);
export const TherapistUpdateInput = z.strictObject({ id: uuid, version: z.number().int().min(1), ...therapistFields });

export const Therapist = z.strictObject({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  initials: z.string(),
  active: z.boolean(),
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
