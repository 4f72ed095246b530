// Calendar arithmetic for therapy plans: which version is in force on a date, the weeks adherence is
// counted in, and how many sessions an item prescribes in one week. Pure, so the back end, the screens and
// the tests all count the same way.
import { daysBetween, parseCalendarDate } from './dates';

/** The date n days after (or before, for negative n) a calendar date. */
export function addDays(date: string, n: number): string {
  const d = parseCalendarDate(date);
  if (!d) throw new RangeError(`Not a calendar date: ${date}`);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** Adherence weeks run Monday to Sunday (ISO 8601), as most clinic timetables and home diaries do. */
export function mondayOf(date: string): string {
  const d = parseCalendarDate(date);
  if (!d) throw new RangeError(`Not a calendar date: ${date}`);
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

export function isMonday(date: string): boolean {
  return parseCalendarDate(date) !== null && mondayOf(date) === date;
}

/** A stretch of days, both ends included; `until` null means open-ended (no end date yet). */
export interface Period {
  from: string;
  until: string | null;
}

export interface VersionDates {
  effectiveFrom: string;
  /** The planned end date of the plan, as written in this version. */
  endDate: string | null;
  /** The date the plan was stopped (plans.end), if it was. */
  endedOn?: string | null;
}

/**
 * The periods in force of a plan's versions, oldest first. A revision from date D ends the version before it
 * on D - 1, so the periods follow one another without gap or overlap and exactly one version is in force on
 * any date from the plan's start to its end. The last version runs to its own end date, or to the day the
 * plan was stopped if that is earlier. Versions must be in order of strictly increasing effectiveFrom (the
 * back end and the database refuse anything else).
 */
export function versionPeriods(versions: readonly VersionDates[]): Period[] {
  return versions.map((v, i) => {
    const next = versions[i + 1];
    if (next) return { from: v.effectiveFrom, until: addDays(next.effectiveFrom, -1) };
    const ends = [v.endDate, v.endedOn ?? null].filter((d): d is string => d !== null);
    return { from: v.effectiveFrom, until: ends.length ? ends.reduce((a, b) => (a < b ? a : b)) : null };
  });
}

export function periodContains(p: Period, date: string): boolean {
  return date >= p.from && (p.until === null || date <= p.until);
}

/** The index of the period in force on `date`, or null before the start, after the end, or in no period. */
export function inForceOn(periods: readonly Period[], date: string): number | null {
  const i = periods.findIndex((p) => periodContains(p, date));
  return i < 0 ? null : i;
}

/** Days of the week starting `weekStart` (a Monday) that fall inside the period: 0 to 7. */
export function daysInForce(weekStart: string, period: Period): number {
  const first = weekStart > period.from ? weekStart : period.from;
  const weekEnd = addDays(weekStart, 6);
  const last = period.until !== null && period.until < weekEnd ? period.until : weekEnd;
  return last < first ? 0 : daysBetween(first, last) + 1;
}

export interface Frequency {
  frequencyCount: number;
  frequencyPer: 'day' | 'week';
}

/**
 * Sessions an item prescribes in one week. A week only partly inside the version's period (the plan starts on
 * a Thursday, a revision takes over mid-week) counts only its days in force: per-day items count each such day,
 * per-week items their share of the week rounded up, so a prescribed exercise never counts as zero sessions.
 */
export function prescribedSessions(f: Frequency, weekStart: string, period: Period): number {
  const days = daysInForce(weekStart, period);
  if (days === 0) return 0;
  return f.frequencyPer === 'day' ? f.frequencyCount * days : Math.ceil((f.frequencyCount * days) / 7);
}

/** The Mondays of the weeks that overlap the period, up to `today`'s week for an open or future-ending period. */
export function weeksOf(period: Period, today: string): string[] {
  const lastDay = period.until !== null && period.until < today ? period.until : today;
  if (lastDay < period.from) return [];
  const weeks: string[] = [];
  for (let w = mondayOf(period.from); w <= lastDay; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}
