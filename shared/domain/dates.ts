import { intlLocale, PSEUDO_LANGUAGE, type DisplayLanguage } from '../i18n/languages';
import { accentLetters } from '../i18n/pseudo';

// Clinical dates are calendar dates (YYYY-MM-DD) in the clinic's local time; instants are UTC ISO strings.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(value: string): { year: number; month: number; day: number } | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Today's calendar date on this workstation's clock, in its local time zone. */
export function todayLocal(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole years between a birth date and a reference date (both YYYY-MM-DD). */
export function ageInYears(dateOfBirth: string, on: string): number | null {
  const b = parseCalendarDate(dateOfBirth);
  const d = parseCalendarDate(on);
  if (!b || !d) return null;
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

/** Days from a to b (b - a), both calendar dates. */
export function daysBetween(a: string, b: string): number {
  const pa = parseCalendarDate(a);
  const pb = parseCalendarDate(b);
  if (!pa || !pb) throw new RangeError(`Not a calendar date: ${pa ? b : a}`);
  return (Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86_400_000;
}

export const DATE_FORMATS = ['D MMM YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A calendar date as the clinic reads it; the default spells the month so 03/04 is never ambiguous. */
export function formatDate(value: string, format: DateFormat = 'D MMM YYYY', language: DisplayLanguage = 'en'): string {
  const d = parseCalendarDate(value);
  if (!d) return value;
  switch (format) {
    case 'DD/MM/YYYY':
      return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
    case 'MM/DD/YYYY':
      return `${pad(d.month)}/${pad(d.day)}/${d.year}`;
    case 'YYYY-MM-DD':
      return value;
    case 'D MMM YYYY':
      return `${d.day} ${monthName(d.month, 'short', language)} ${d.year}`;
  }
}

// Month names come from Intl in the screen's language, never from a list of our own; the clinic's format keeps
// the order (day, month, year) the same in every language. Pseudo is English with its letters accented.
// The twelve names are written once per language and width: Intl's format costs microseconds, and a worklist page
// writes a date in most of its reasons.
const monthNames = new Map<string, string[]>();

export function monthName(month: number, width: 'short' | 'long', language: DisplayLanguage = 'en'): string {
  const key = `${language}.${width}`;
  let names = monthNames.get(key);
  if (!names) {
    const f = new Intl.DateTimeFormat(intlLocale(language), { month: width, timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => {
      const name = f.format(new Date(Date.UTC(2000, i, 1)));
      return language === PSEUDO_LANGUAGE ? accentLetters(name) : name;
    });
    monthNames.set(key, names);
  }
  return names[month - 1] ?? monthNameOutOfRange(month, width, language);
}

/** A month outside 1-12 is written as Intl writes it (it rolls over into the next or previous year). */
function monthNameOutOfRange(month: number, width: 'short' | 'long', language: DisplayLanguage): string {
  const name = new Intl.DateTimeFormat(intlLocale(language), { month: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  return language === PSEUDO_LANGUAGE ? accentLetters(name) : name;
}

/** Lower case, no accents, no dots: "Févr." and "fevr" are the same typed month. */
function monthKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f.]/g, '').toLowerCase();
}

/** The one month whose name (in English or the screen's language) starts with what was typed, or 0. */
function monthFromText(typed: string, language: DisplayLanguage): number {
  const t = monthKey(typed);
  if (t.length < 3) return 0;
  const found = new Set<number>();
  for (const lang of new Set<DisplayLanguage>(['en', language])) {
    for (let m = 1; m <= 12; m += 1) {
      const long = monthKey(monthName(m, 'long', lang));
      if (long.startsWith(t) || monthKey(monthName(m, 'short', lang)) === t) found.add(m);
    }
  }
  return found.size === 1 ? [...found][0]! : 0;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const SLASHED_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
// "3 Mar 2026", "3 mars 2026", "3 de mar. de 2026" (Portuguese and Spanish put "de" around the month).
const SPELLED_RE = /^(\d{1,2})\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?(\d{4})$/iu;

/**
 * A date as a person types it: ISO (2026-03-04) always, or the clinic's own format (04/03/2026 in a DD/MM/YYYY
 * clinic, 3 Mar 2026 in a D MMM YYYY one; a spelled month is never ambiguous, so it is read in any clinic, in
 * English or the screen's language). Returns the ISO calendar date, or null when the text is not a real date in
 * one of those forms.
 */
export function parseDateInput(text: string, format: DateFormat = 'YYYY-MM-DD', language: DisplayLanguage = 'en'): string | null {
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  const slashed = SLASHED_RE.exec(t);
  if (slashed && (format === 'DD/MM/YYYY' || format === 'MM/DD/YYYY')) {
    const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    return format === 'DD/MM/YYYY' ? isoOf(year, b, a) : isoOf(year, a, b);
  }
  const spelled = SPELLED_RE.exec(t);
  if (spelled) {
    const month = monthFromText(spelled[2]!, language);
    return month === 0 ? null : isoOf(Number(spelled[3]), month, Number(spelled[1]));
  }
  return null;
}

/** How to write a date in a clinic's format, for a field's hint: "DD/MM/YYYY, for example 14/03/2026". */
export function dateInputHint(format: DateFormat): string {
  const example = formatDate('2026-03-14', format);
  return format === 'YYYY-MM-DD' ? `YYYY-MM-DD, for example ${example}` : `${format} or YYYY-MM-DD, for example ${example}`;
}
