import { z } from 'zod';
import { isCalendarDate, parseDateInput, todayLocal, type DateFormat } from './dates';
import { fieldLabel } from '../i18n/field-labels';
import { dateFormatRef, ISO_FORMAT_REF } from '../i18n/date-format-words';
import type { DisplayLanguage } from '../i18n/languages';
import { message, said, saidIssue, type MessageRef } from '../i18n/message';

/** Messages say what is wrong and how to fix it: they are shown next to the field. */

// Each message is said by its id (shared/i18n/messages/<lang>/errors.ts, domain.ts), carried in the zod issue
// (said), so a screen shows it in its language.
export const uuid = z.string().uuid({ error: said(message('errors.badId')) });

const required = (label: string) => said(message('errors.field.required', { field: fieldLabel(label) }));
const tooLong = (label: string, max: number) =>
  said(message('errors.field.tooLong', { field: fieldLabel(label), size: { message: message('errors.unit.character', { count: max }) } }));
/** "{{field}} must be text." for a field of this label. */
export const mustBeText = (label: string) => said(message('errors.field.mustBeText', { field: fieldLabel(label) }));

export function requiredText(label: string, max: number) {
  return z
    .string({ error: required(label) })
    .trim()
    .min(1, { error: required(label) })
    .max(max, { error: tooLong(label, max) });
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: mustBeText(label) })
    .trim()
    .max(max, { error: tooLong(label, max) })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);
}

export function calendarDate(label: string) {
  return z
    .string({ error: said(message('errors.field.requiredDate', { field: fieldLabel(label) })) })
    .trim()
    .refine(isCalendarDate, { error: said(message('errors.field.realDate', { field: fieldLabel(label) })) });
}

/** A date that has already happened (or is today), not absurdly far back. */
export function pastCalendarDate(label: string, earliest = '1900-01-01') {
  return calendarDate(label)
    .refine((d) => d <= todayLocal(), { error: said(message('errors.field.future', { field: fieldLabel(label) })) })
    .refine((d) => d >= earliest, { error: said(message('errors.field.notBefore', { field: fieldLabel(label), value: { date: earliest } })) });
}

/**
 * The one rule for a date a person types, in every date box of the app: ISO always, or the clinic's own format
 * (04/03/2026 in a DD/MM/YYYY clinic), as parseDateInput reads them. Gives the ISO date the contract takes, which
 * then checks it (in the past, after birth...). An empty box passes as '' for the field's own schema to judge,
 * since some dates are optional; its message, used where that schema refuses it, names the clinic's format too.
 */
export function typedDate(format: DateFormat, language: DisplayLanguage = 'en') {
  // The box's hint gives an example; the message names the forms only, in the person's letters ("JJ/MM/AAAA").
  const iso = { message: ISO_FORMAT_REF };
  const how = format === 'YYYY-MM-DD' ? iso : { message: message('errors.date.formatOrIso', { format: { message: dateFormatRef(format) }, iso }) };
  return z.string().transform((text, ctx) => {
    const t = text.trim();
    if (t === '') {
      ctx.addIssue(saidIssue(message('errors.date.enter', { how })));
      return '';
    }
    const read = parseDateInput(t, format, language);
    if (read !== null) return read;
    ctx.addIssue(saidIssue(message('errors.date.notReal', { text: t.slice(0, 20), how })));
    return t;
  });
}

export const isoInstant = z.string();

export const paging = {
  offset: z.number().int().min(0, { error: said(message('domain.paging.offset')) }).default(0),
  limit: z.number().int().min(1).max(200, { error: said(message('domain.paging.limit', { max: 200 })) }).default(50),
};

// Names are compared, searched and printed; characters a person cannot see make two equal-looking names differ,
// and a bidirectional override can make a printed name read backwards. They arrive by pasting, never by typing.
const INVISIBLE: [RegExp, MessageRef][] = [
  [/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/u, message('domain.invisible.direction')],
  [/[\u200B-\u200D\uFEFF\u2060]/u, message('domain.invisible.zeroWidth')],
  // eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern
  [/[\u0000-\u001F\u007F-\u009F]/u, message('domain.invisible.control')],
];

/** What invisible character a text holds, said so a person can fix it; null when there is none. */
export function invisibleCharacterProblem(label: string, text: string): MessageRef | null {
  for (const [pattern, what] of INVISIBLE) {
    const m = pattern.exec(text);
    if (!m) continue;
    const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const before = text.slice(0, m.index).trim();
    const field = fieldLabel(label);
    const where = before ? message('domain.invisible.after', { field, what: { message: what }, before: before.slice(-12), code }) : message('domain.invisible.atStart', { field, what: { message: what }, code });
    return where;
  }
  return null;
}

function refusingInvisible(label: string, missing: (issue: object) => string) {
  return z.string({ error: missing }).superRefine((value, ctx) => {
    const problem = invisibleCharacterProblem(label, value);
    if (problem) ctx.addIssue(saidIssue(problem));
  });
}

/** Names are stored composed (NFC): "é" typed on a Mac and "é" from a Windows paste are then the same text. */
const nfc = (s: string) => s.normalize('NFC');

/** A required name (patients, therapists, the clinic): no invisible characters, stored in NFC. */
export function personName(label: string, max: number) {
  return refusingInvisible(label, required(label))
    .trim()
    .min(1, { error: required(label) })
    .max(max, { error: tooLong(label, max) })
    .transform(nfc);
}

/** An optional name or identifier (a clinic id): empty becomes null; otherwise as personName. */
export function optionalName(label: string, max: number) {
  return refusingInvisible(label, mustBeText(label))
    .trim()
    .max(max, { error: tooLong(label, max) })
    .transform((s) => (s === '' ? null : nfc(s)))
    .nullable()
    .optional()
    .transform((v) => v ?? null);
}

/** Compatibility form, case folded: a full-width "Ａ" or "a" is the same clinic id as "A". */
const ASCII = /^[\x20-\x7E]*$/;

export function identifierKey(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').toUpperCase().toLowerCase();
}

/** For searching: compatibility-decomposed, accents removed, case folded ("Müller" finds "muller"). */
export function searchFold(text: string): string {
  // Most names are plain ASCII: skip the Unicode work (it is most of the cost of indexing 10,000 patients).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase();
}
