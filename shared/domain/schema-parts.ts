import { z } from 'zod';
import { isCalendarDate, todayLocal } from './dates';

/** Messages say what is wrong and how to fix it: they are shown next to the field. */

export const uuid = z.string().uuid({ error: 'This id is not valid. Reload the page and try again.' });

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is too long: keep it to ${max} characters.` });
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} is too long: keep it to ${max} characters.` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);
}

export function calendarDate(label: string) {
  return z
    .string({ error: `${label} is required, as a date like 2026-03-14.` })
    .trim()
    .refine(isCalendarDate, { error: `${label} must be a real date written YYYY-MM-DD, for example 2026-03-14.` });
}

/** A date that has already happened (or is today), not absurdly far back. */
export function pastCalendarDate(label: string, earliest = '1900-01-01') {
  return calendarDate(label)
    .refine((d) => d <= todayLocal(), { error: `${label} cannot be in the future.` })
    .refine((d) => d >= earliest, { error: `${label} cannot be before ${earliest}.` });
}

export const isoInstant = z.string();

export const paging = {
  offset: z.number().int().min(0, { error: 'Offset cannot be negative.' }).default(0),
  limit: z.number().int().min(1).max(200, { error: 'Ask for at most 200 rows at a time.' }).default(50),
};
