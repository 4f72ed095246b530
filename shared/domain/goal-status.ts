// Where a goal stands, derived from the measurements alone: never stored, so it can never disagree with them.
//
// THE RULE. A goal is "motion M on side S in mode A reaches at least T degrees by date D"; "at least" because
// in the neutral-zero convention a larger number is always more motion (elbow extension -30 is better than
// -45). Let P be the goal's measurements (same motion, side and mode) dated on or before today, by date, and
// L the latest of P. Let W be the points of P from the plan's baseline onwards: the baseline is the date of the
// last reading on or before the plan's start (the assessment it was written from), or the start itself when
// there is none.
//   1. not_started  when P is empty: nothing has been measured, so nothing can be said.
//   2. met          when L >= T (on any date: a goal reached late is reached). A later lower reading makes it
//                   un-met again, because the status follows the latest measurement.
//   3. off_track    when today is after D and L < T: the date passed without reaching the target.
//   4. not_started  when W has no two readings on different days: no trend since the plan began.
//   5. on_track     when the Theil-Sen trend of W (shared/analysis trendOf, robust to a single odd reading)
//                   projected to D reaches T: startValue + slopePerWeek x weeks(from the trend's first date to D)
//                   >= T.
//   6. off_track    otherwise: at the present rate the target will not be reached by D.
// Why the projection and not the measurement error: the question is "will we get there in time?", which is a
// rate question; the same trend drives the progression verdicts, so the two screens agree on direction.

import { daysBetween } from './dates';
import { trendOf } from '../analysis/series-summary';

export const GOAL_STATUSES = ['met', 'on_track', 'off_track', 'not_started'] as const;
export type GoalStatusKind = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS: Record<GoalStatusKind, string> = {
  met: 'Met',
  on_track: 'On track',
  off_track: 'Off track',
  not_started: 'Not started',
};

export interface GoalPoint {
  date: string;
  value: number;
}

export interface GoalStatusInput {
  target: number;
  targetDate: string;
  /** The plan's start date: the trend runs from the last reading on or before it. */
  planStart: string;
  /** The goal's series in any order; readings after today are ignored. */
  points: readonly GoalPoint[];
  today: string;
}

export interface GoalStatus {
  kind: GoalStatusKind;
  /** The latest reading on or before today, or null. */
  latest: GoalPoint | null;
  /** The trend's value at the target date, rounded to 0.1 degree; null when no trend was needed or possible. */
  projected: number | null;
  /** One sentence for the screen, why this status; it names no date, so the screen can show dates its own way. */
  reason: string;
}

const deg = (n: number) => `${Math.round(n * 10) / 10}°`;

export function goalStatus(input: GoalStatusInput): GoalStatus {
  const { target, targetDate, planStart, today } = input;
  // Stable sort keeps same-day readings in the order they came, so the last one entered is "latest".
  const points = input.points.filter((p) => p.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = points[points.length - 1] ?? null;
  if (!latest) return { kind: 'not_started', latest: null, projected: null, reason: 'Not measured yet.' };
  if (latest.value >= target) {
    return { kind: 'met', latest, projected: null, reason: `Reached: latest reading ${deg(latest.value)}, target ${deg(target)}.` };
  }
  const short = `${deg(target - latest.value)} short`;
  if (today > targetDate) {
    return { kind: 'off_track', latest, projected: null, reason: `The target date has passed; the latest reading is ${deg(latest.value)}, ${short}.` };
  }
  const before = points.filter((p) => p.date <= planStart);
  const baseline = before.length ? before[before.length - 1]!.date : planStart;
  const window = points.filter((p) => p.date >= baseline);
  const trend = trendOf(window.map((p) => ({ date: p.date, value: p.value, raterId: null, instrument: null })));
  if (!trend) {
    return { kind: 'not_started', latest, projected: null, reason: 'Needs readings on two different days since the plan began to show a trend.' };
  }
  const exact = trend.startValue + (trend.slopePerWeek * daysBetween(trend.fromDate, targetDate)) / 7;
  const projected = Math.round(exact * 10) / 10;
  // Decided on the unrounded value, with room for floating-point error only (a line that lands exactly on the
  // target reaches it), so the display rounding never tips a goal from one status to the other.
  if (exact >= target - 1e-9) {
    return { kind: 'on_track', latest, projected, reason: `At the present rate it reaches about ${deg(projected)} by the target date.` };
  }
  return { kind: 'off_track', latest, projected, reason: `At the present rate it reaches only about ${deg(projected)} by the target date; the latest reading is ${short}.` };
}
