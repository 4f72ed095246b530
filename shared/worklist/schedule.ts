// When is a watched site due to be measured again? Weekly from week 2 to week 12 after its risk event, then every
// 4 weeks until week 26 (the clinic's settings), for sites at risk or suspected. The dates are stored, never a
// "due" flag: whether a site is due depends on the day the worklist is read, so the reader compares them with
// today (reasonsOn in today.ts).
import { siteMotionJoints } from '../domain/ho';
import type { JointId, Side } from '../domain/catalogue';
import { addDays } from '../domain/plan-periods';
import { RISK_FACTOR_LABELS, type RiskFactorKind } from '../domain/ho';
import { MONTHLY_DAYS, WEEKLY_DAYS, type WorklistSettings } from './settings';

/** What started a site's clock: the latest dated risk event that concerns it. */
export interface ScheduleAnchor {
  date: string;
  /** "the injury", "the operation", "spinal cord injury": words for "weeks after …". */
  what: string;
}

export interface DueDates {
  /** Measured on or after this date, the site is on time; from it, it is due. */
  dueOn: string;
  /** From this date a whole interval has passed since it fell due: one measurement was missed. */
  overdueOn: string;
  /** The schedule's last day: after it the site is no longer due, whatever happened. */
  endsOn: string;
  /** Days between measurements at the due date: 7 (weekly) or 28 (monthly). */
  intervalDays: number;
}

interface EventLike {
  kind: string;
  date: string;
  joint: JointId | null;
  side: Side | null;
  voided: unknown;
}
interface RiskFactorLike {
  kind: RiskFactorKind;
  onsetDate: string | null;
  voided: unknown;
}

const EVENT_WORDS: Record<string, string> = { injury: 'the injury', surgery: 'the operation', excision: 'the excision' };

/**
 * The latest dated risk event of a site: an injury or operation of its joint and side or of no joint in
 * particular, an excision of the site (HO can recur), or any risk factor's onset (a burn, a brain injury).
 * The latest, because a new operation restarts the period in which HO forms. Without any, the date the site
 * took its current status stands in, so a site marked at risk is never left off the schedule.
 */
export function scheduleAnchor(
  site: { joint: JointId; side: Side; since: string },
  events: readonly EventLike[],
  riskFactors: readonly RiskFactorLike[],
): ScheduleAnchor {
  const joints = siteMotionJoints(site.joint);
  let best: ScheduleAnchor | null = null;
  const consider = (date: string, what: string) => {
    if (best === null || date > best.date) best = { date, what };
  };
  for (const e of events) {
    const words = EVENT_WORDS[e.kind];
    if (e.voided !== null || !words) continue;
    const concerns = e.joint === null ? e.kind !== 'excision' : joints.includes(e.joint) && e.side === site.side;
    if (concerns) consider(e.date, words);
  }
  for (const r of riskFactors) {
    // A kind this version does not know (a row from an older one) still dates the risk.
    if (r.voided === null && r.onsetDate !== null) consider(r.onsetDate, (RISK_FACTOR_LABELS[r.kind] ?? 'the risk factor').toLowerCase());
  }
  return best ?? { date: site.since, what: 'the site was marked' };
}

/**
 * The next due date after the last measurement, with the day it becomes overdue. Null when the schedule has no
 * further measurement (the next one would fall after its end). A measurement before the weekly phase starts
 * does not count as the first weekly one, but a site just measured is not due again the next day either.
 */
export function dueDates(anchor: string, lastMeasured: string | null, s: WorklistSettings): DueDates | null {
  const start = addDays(anchor, s.weeklyFromWeek * 7);
  const weeklyEnd = addDays(anchor, s.weeklyUntilWeek * 7);
  const end = addDays(anchor, s.monthlyUntilWeek * 7);
  const interval = (d: string) => (d < weeklyEnd ? WEEKLY_DAYS : MONTHLY_DAYS);
  let due = start;
  if (lastMeasured !== null) {
    const next = addDays(lastMeasured, interval(lastMeasured));
    if (next > due) due = next;
  }
  if (due > end) return null;
  const intervalDays = interval(due);
  return { dueOn: due, overdueOn: addDays(due, intervalDays), endsOn: end, intervalDays };
}

/** "weekly" or "every 4 weeks", for the reason's sentence. */
export function intervalWords(days: number): string {
  return days === WEEKLY_DAYS ? 'weekly' : days === MONTHLY_DAYS ? 'every 4 weeks' : `every ${days} days`;
}
