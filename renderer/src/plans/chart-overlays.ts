// Therapy plans on the mobility charts: which plan versions and goals concern one series. The detail chart
// draws the versions as hatched periods (charts/plan-periods.tsx) and the goals as target lines; the route
// (SeriesDetailWithPlans.tsx) hands them to it, so the chart itself knows nothing of plans.
import type { GoalLine } from '../charts/chart-model';
import type { PlanPeriod } from '../charts/plan-periods';
import { findMotionSpec, type Mode, type Side } from '../../../shared/domain/catalogue';
import { siteJoints } from '../../../shared/domain/plan';
import type { Plan } from '../../../shared/domain/plan-records';
// The screen's i18next instance, not a hook, so the chart's route calls this as before; the labels are read in
// the screen's language at each of its renders.
import { i18next } from '../i18n/i18n';

function shortTitle(title: string): string {
  return title.length > 28 ? `${title.slice(0, 27)}…` : title;
}

/** The plans' versions and goals that concern one series (a motion of a side, in a mode). */
export function planOverlays(plans: readonly Plan[], series: { side: Side; motion: string; mode: Mode }): { periods: PlanPeriod[]; goals: GoalLine[] } {
  const joint = findMotionSpec(series.motion)?.joint;
  const periods: PlanPeriod[] = [];
  const goals: GoalLine[] = [];
  for (const plan of plans) {
    const concerns = plan.versions.some((v) => joint !== undefined && siteJoints(v.sites, series.side).has(joint));
    if (!concerns) continue;
    plan.versions.forEach((v, i) => {
      if (v.inForceUntil !== null && v.inForceUntil < v.effectiveFrom) return;
      periods.push({ key: v.id, from: v.effectiveFrom, until: v.inForceUntil, label: i18next.t('plans.chart.period', { number: v.number, title: shortTitle(v.title) }), hatch: (i % 2) as 0 | 1 });
    });
    for (const g of plan.goals) {
      if (g.motion === series.motion && g.side === series.side && g.mode === series.mode) {
        // The chart writes "<label> 130° by 1 Feb 2027".
        goals.push({ value: g.target, date: g.targetDate, label: i18next.t('plans.chart.goal') });
      }
    }
  }
  return { periods, goals };
}
