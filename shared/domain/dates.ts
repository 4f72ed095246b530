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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar date as the clinic reads it; the default spells the month so 03/04 is never ambiguous. */
export function formatDate(value: string, format: DateFormat = 'D MMM YYYY'): string {
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
      return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
  }
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const SLASHED_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const SPELLED_RE = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;

/**
 * A date as a person types it: ISO (2026-03-04) always, or the clinic's own format (04/03/2026 in a DD/MM/YYYY
 * clinic, 3 Mar 2026 in a D MMM YYYY one; a spelled month is never ambiguous, so it is read in any clinic).
 * Returns the ISO calendar date, or null when the text is not a real date in one of those forms.
 */
export function parseDateInput(text: string, format: DateFormat = 'YYYY-MM-DD'): string | null {
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  const slashed = SLASHED_RE.exec(t);
  if (slashed && (format === 'DD/MM/YYYY' || format === 'MM/DD/YYYY')) {
    const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    return format === 'DD/MM/YYYY' ? isoOf(year, b, a) : isoOf(year, a, b);
  }
  const spelled = SPELLED_RE.exec(t);
  if (spelled) {
    const month = MONTHS.findIndex((m) => spelled[2]!.toLowerCase().startsWith(m.toLowerCase())) + 1;
    if (month === 0 || !FULL_MONTHS[month - 1]!.toLowerCase().startsWith(spelled[2]!.toLowerCase())) return null;
    return isoOf(Number(spelled[3]), month, Number(spelled[1]));
  }
  return null;
}

const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How to write a date in a clinic's format, for a field's hint: "DD/MM/YYYY, for example 14/03/2026". */
export function dateInputHint(format: DateFormat): string {
  const example = formatDate('2026-03-14', format);
  return format === 'YYYY-MM-DD' ? `YYYY-MM-DD, for example ${example}` : `${format} or YYYY-MM-DD, for example ${example}`;
}
