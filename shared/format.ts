// How values read, everywhere: calendar dates in the clinic's chosen format with month names in the screen's
// language, recorded instants as that date plus a 24-hour local time, degrees with at most one decimal and the
// language's decimal sign. The renderer, the reports and the back end's sentences (worklist reasons, verdicts)
// all format through here, with Intl, so a date never reads two ways and no month name is written by hand.
import { formatDegrees } from './domain/catalogue';
import { formatDate, type DateFormat } from './domain/dates';
import { intlLocale, type DisplayLanguage } from './i18n/languages';

export { formatDegrees } from './domain/catalogue';
export { formatDate, type DateFormat } from './domain/dates';

/** What the clinic chose (Settings) and where the workstation is. */
export interface FormatSettings {
  dateFormat: DateFormat;
  /** The screen's (or a printed document's) language; English when absent. */
  language?: DisplayLanguage | undefined;
  /** An IANA zone; the workstation's own when absent. Tests pin it. */
  timeZone?: string | undefined;
}

export interface Formatter {
  /** A calendar date (YYYY-MM-DD) as the clinic writes it. */
  date(date: string): string;
  /** A recorded instant (ISO 8601) as "4 Mar 2026, 14:05" in the workstation's zone; "—" if unreadable. */
  instant(iso: string): string;
  /** "12.3°" in English, "12,3°" in French, Spanish and Portuguese. */
  degrees(n: number): string;
  /** "+10°", "-5°", "0°": the sign always shown, so a change never reads as an absolute value. */
  change(delta: number): string;
  /** A plain number in the language: "1,234.5" or "1 234,5". */
  number(n: number): string;
}

export function formatChange(delta: number): string {
  return delta > 0 ? `+${formatDegrees(delta)}` : formatDegrees(delta);
}

// en-CA writes dates as YYYY-MM-DD and h23 gives 00-23: the parts are then put in the clinic's format, so
// the workstation's own locale never changes how a record reads.
const DAY = (timeZone: string | undefined) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const TIME = (timeZone: string | undefined) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Degrees in the language's digits and decimal sign, rounded exactly as formatDegrees rounds (so English reads
 * the same as before), with the ASCII hyphen-minus for negatives (some locales use U+2212, which breaks copy-paste
 * into spreadsheets and reads differently to screen readers).
 */
function degreesIn(locale: string): (n: number) => string {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false });
  return (n) => {
    if (!Number.isFinite(n)) return '—';
    const rounded = Math.round(n * 10) / 10;
    return `${f.format(rounded === 0 ? 0 : rounded).replace('\u2212', '-')}°`;
  };
}

export function createFormatter(settings: FormatSettings): Formatter {
  const language = settings.language ?? 'en';
  const locale = intlLocale(language);
  const day = DAY(settings.timeZone);
  const time = TIME(settings.timeZone);
  const date = (d: string) => formatDate(d, settings.dateFormat, language);
  const degrees = degreesIn(locale);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    date,
    instant(iso) {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return '—';
      return `${date(day.format(at))}, ${time.format(at)}`;
    },
    degrees,
    change: (delta) => (delta > 0 ? `+${degrees(delta)}` : degrees(delta)),
    number: (n) => numbers.format(n),
  };
}
