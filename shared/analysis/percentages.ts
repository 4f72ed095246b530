// Percent of normal and of the other side, only where a percentage means something; otherwise the screens
// give the difference in degrees (SeriesSummary.otherSideDifference).

import { daysBetween, parseCalendarDate } from '../domain/dates';

/** The other side is compared only when measured within this many days of the latest reading. */
export const OTHER_SIDE_WINDOW_DAYS = 28;
/** Percentages are given only against a reference range of at least this many degrees. */
export const MIN_PERCENT_REFERENCE = 20;

/**
 * Whole percent of a reference range, or null where a percentage would mislead: a reference under 20° (a
 * ratio to the 0 of elbow extension, or to a stiff 5°, swings wildly with each degree), a latest value of 0 or
 * below (a flexion contracture is not "-40 % of normal"), or a result outside 0-200 %.
 */
export function percentOf(value: number | null, reference: number | null | undefined): number | null {
  if (value === null || value <= 0 || !isNumber(reference) || reference < MIN_PERCENT_REFERENCE) return null;
  const percent = Math.round((value / reference) * 100);
  return percent >= 0 && percent <= 200 ? percent : null;
}

/**
 * The other side's latest value when it can be compared with this side's latest (dated `latestDate`): measured
 * within OTHER_SIDE_WINDOW_DAYS of it. Without the other side's date we cannot tell, so nothing is compared.
 * (Same mode is the caller's part: analysePatient only ever pairs active with active, passive with passive.)
 */
export function comparableOtherSide(latestDate: string, value: number | null | undefined, date: string | null | undefined): number | null {
  if (!isNumber(value) || typeof date !== 'string' || parseCalendarDate(date) === null) return null;
  return Math.abs(daysBetween(latestDate, date)) <= OTHER_SIDE_WINDOW_DAYS ? value : null;
}

function isNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
