// Plans in words, the same on the plan page, the home exercise sheet and the chart labels: sides spelled out,
// doses and frequencies as a person says them, dates left to the caller's formatDate (the clinic's format).
import { findMotionSpec, formatDegrees, seriesLabel, sideLabel, type Mode, type Side } from '../../../shared/domain/catalogue';
import { frequencyText, siteJoints, type PlanSite } from '../../../shared/domain/plan';

export { frequencyText };
import type { Plan, PlanItem, PlanVersion } from '../../../shared/domain/plan-records';
import { inForceOn } from '../../../shared/domain/plan-periods';
import type { GoalPoint } from '../../../shared/domain/goal-status';

/** "3 sets of 10 repetitions", "15 minutes". */
export function doseText(item: Pick<PlanItem, 'doseKind' | 'sets' | 'repetitions' | 'minutes'>): string {
  if (item.doseKind === 'minutes') return `${item.minutes} ${item.minutes === 1 ? 'minute' : 'minutes'}`;
  const sets = `${item.sets} ${item.sets === 1 ? 'set' : 'sets'}`;
  return `${sets} of ${item.repetitions} ${item.repetitions === 1 ? 'repetition' : 'repetitions'}`;
}


/** Sessions per full week: 2 a day is 14. */
export function sessionsPerWeek(item: Pick<PlanItem, 'frequencyCount' | 'frequencyPer'>): number {
  return item.frequencyPer === 'day' ? item.frequencyCount * 7 : item.frequencyCount;
}

/**
 * An item's motions with the sides the plan targets: "Right elbow flexion", "Left and right knee flexion".
 * Items name motions without a side; the plan's sites say which side is meant.
 */
export function motionsText(motions: readonly string[], sites: readonly PlanSite[]): string {
  return motions
    .map((key) => {
      const spec = findMotionSpec(key);
      if (!spec) return key;
      const sides = (['left', 'right'] as const).filter((side) => siteJoints(sites, side).has(spec.joint));
      const motion = spec.label.toLowerCase();
      if (sides.length === 2) return `Left and right ${motion}`;
      return sides.length === 1 ? `${sideLabel(sides[0]!)} ${motion}` : spec.label;
    })
    .join(', ');
}

/** "Right elbow flexion (active)". */
export function goalSeriesText(motion: string, side: Side, mode: Mode): string {
  const spec = findMotionSpec(motion);
  return spec ? seriesLabel(side, spec.key, mode) : motion;
}

/** "at least 130°": in the neutral-zero convention a goal is always a value to reach or pass. */
export function targetText(target: number): string {
  return `at least ${formatDegrees(target)}`;
}

/** "1 Nov 2026 to 30 Nov 2026", "from 1 Nov 2026 (no end date)". */
export function periodText(from: string, until: string | null, formatDate: (d: string) => string): string {
  return until === null ? `from ${formatDate(from)} (no end date)` : `${formatDate(from)} to ${formatDate(until)}`;
}

/** The version in force on `date`, else the latest (a plan that starts later, or one that has ended). */
export function versionOn(plan: Plan, date: string): PlanVersion {
  const i = inForceOn(
    plan.versions.map((v) => ({ from: v.effectiveFrom, until: v.inForceUntil })),
    date,
  );
  return plan.versions[i ?? plan.versions.length - 1]!;
}

export type PlanState = 'upcoming' | 'active' | 'ended';

export function planState(plan: Plan, today: string): PlanState {
  if (today < plan.startDate) return 'upcoming';
  return plan.endDate !== null && today > plan.endDate ? 'ended' : 'active';
}

export const PLAN_STATE_LABELS: Record<PlanState, string> = { upcoming: 'Starts later', active: 'In force', ended: 'Ended' };

/** A patient's current measurements as goal series, keyed like the back end's ("right elbow.flexion active"). */
export function goalSeriesOf(visits: readonly { measurements: readonly { date: string; motion: string; side: string; mode: string; degrees: number }[] }[]): Map<string, GoalPoint[]> {
  const series = new Map<string, GoalPoint[]>();
  // Visits come newest first; reversed, same-day readings keep the order they were recorded in.
  for (const visit of [...visits].reverse()) {
    for (const m of visit.measurements) {
      const key = goalSeriesKey(m);
      series.set(key, [...(series.get(key) ?? []), { date: m.date, value: m.degrees }]);
    }
  }
  return series;
}

export function goalSeriesKey(g: { side: string; motion: string; mode: string }): string {
  return `${g.side} ${g.motion} ${g.mode}`;
}
