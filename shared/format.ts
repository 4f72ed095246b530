// How values read, everywhere: calendar dates in the clinic's chosen format, recorded instants as that date
// plus a 24-hour local time, degrees with at most one decimal. The renderer, the reports and the back end's
// sentences (worklist reasons, verdicts) all format through here, so a date never reads two ways.
import { formatDegrees } from './domain/catalogue';
import { formatDate, type DateFormat } from './domain/dates';

export { formatDegrees } from './domain/catalogue';
export { formatDate, type DateFormat } from './domain/dates';

/** What the clinic chose (Settings) and where the workstation is. */
export interface FormatSettings {
  dateFormat: DateFormat;
  /** An IANA zone; the workstation's own when absent. Tests pin it. */
  timeZone?: string | undefined;
}

export interface Formatter {
  /** A calendar date (YYYY-MM-DD) as the clinic writes it. */
  date(date: string): string;
  /** A recorded instant (ISO 8601) as "4 Mar 2026, 14:05" in the workstation's zone; "unknown time" if unreadable. */
  instant(iso: string): string;
  degrees(n: number): string;
  /** "+10°", "-5°", "0°": the sign always shown, so a change never reads as an absolute value. */
  change(delta: number): string;
}

export function formatChange(delta: number): string {
  return delta > 0 ? `+${formatDegrees(delta)}` : formatDegrees(delta);
}

// en-CA writes dates as YYYY-MM-DD and h23 gives 00-23: the parts are then put in the clinic's format, so
// the workstation's own locale never changes how a record reads.
const DAY = (timeZone: string | undefined) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const TIME = (timeZone: string | undefined) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function createFormatter(settings: FormatSettings): Formatter {
  const day = DAY(settings.timeZone);
  const time = TIME(settings.timeZone);
  const date = (d: string) => formatDate(d, settings.dateFormat);
  return {
    date,
    instant(iso) {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return 'unknown time';
      return `${date(day.format(at))}, ${time.format(at)}`;
    },
    degrees: formatDegrees,
    change: formatChange,
  };
}
