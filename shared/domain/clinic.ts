import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { DATE_FORMATS } from './dates';
import { isoInstant, optionalText, personName } from './schema-parts';
import { message, said, saidIssue, type MessageRef } from '../i18n/message';

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Reports carry the logo on every page; larger images bloat the PDF and the database for nothing. */
export const MAX_LOGO_BYTES = 256 * 1024;
const LOGO_TYPES = { 'image/png': [0x89, 0x50, 0x4e, 0x47], 'image/jpeg': [0xff, 0xd8, 0xff] } as const;

const DATA_URL_RE = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length * 3) / 4 - padding;
}

/** Checks a logo given as a data URL: its declared type, its real first bytes, and its size. */
export function checkLogo(dataUrl: string): MessageRef | null {
  const m = DATA_URL_RE.exec(dataUrl);
  if (!m) return message('domain.clinic.logoType');
  const [, mime, base64 = ''] = m;
  if (mime !== 'image/png' && mime !== 'image/jpeg') return message('domain.clinic.logoType');
  if (decodedLength(base64) > MAX_LOGO_BYTES) {
    return message('domain.clinic.logoSize', { size: { number: Math.ceil(decodedLength(base64) / 1024) }, limit: { number: MAX_LOGO_BYTES / 1024 } });
  }
  let head: string;
  try {
    head = atob(base64.slice(0, 8));
  } catch {
    return message('domain.clinic.logoDamaged');
  }
  const magic = LOGO_TYPES[mime];
  if (!magic.every((byte, i) => head.charCodeAt(i) === byte)) return message('domain.clinic.logoNotImage');
  return null;
}

export const logoSchema = z
  .string()
  .superRefine((value, ctx) => {
    const problem = checkLogo(value);
    if (problem) ctx.addIssue(saidIssue(problem));
  })
  .nullable();

/** Idle minutes before a workstation's screen locks. Longer than an hour leaves records open on an empty desk. */
export const LOCK_AFTER_MINUTES_MIN = 1;
export const LOCK_AFTER_MINUTES_MAX = 60;
export const DEFAULT_LOCK_AFTER_MINUTES = 5;

export const clinicFields = {
  name: personName('Clinic name', 120),
  address: optionalText('Address', 400),
  phone: optionalText('Phone', 40),
  logo: logoSchema.default(null),
  paperSize: z.enum(PAPER_SIZES, { error: said(message('domain.clinic.paper')) }).default('A4'),
  dateFormat: z.enum(DATE_FORMATS, { error: said(message('domain.clinic.dateFormat')) }).default('D MMM YYYY'),
  lockAfterMinutes: z
    .number({ error: said(message('domain.clinic.lockNumber', { min: LOCK_AFTER_MINUTES_MIN, max: LOCK_AFTER_MINUTES_MAX })) })
    .int({ error: said(message('domain.clinic.lockWhole')) })
    .min(LOCK_AFTER_MINUTES_MIN, { error: said(message('domain.clinic.lockMin', { min: LOCK_AFTER_MINUTES_MIN })) })
    .max(LOCK_AFTER_MINUTES_MAX, { error: said(message('domain.clinic.lockMax', { max: LOCK_AFTER_MINUTES_MAX })) })
    .default(DEFAULT_LOCK_AFTER_MINUTES),
  /** The screens' language (issue 20). Left out: English at set-up, and unchanged by an update. */
  language: z.enum(LANGUAGES, { error: said(message('domain.clinic.language')) }).optional(),
};

export const ClinicInput = z.strictObject(clinicFields);
export const ClinicUpdateInput = z.strictObject({ version: z.number().int().min(1), ...clinicFields });

export const Clinic = z.strictObject({
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  logo: z.string().nullable(),
  paperSize: z.enum(PAPER_SIZES),
  dateFormat: z.enum(DATE_FORMATS),
  lockAfterMinutes: z.number().int(),
  language: z.enum(LANGUAGES),
  version: z.number().int(),
  updatedAt: isoInstant,
});
export type Clinic = z.infer<typeof Clinic>;
