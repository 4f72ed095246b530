import type { PlanPeriodInput } from '../../shared/analysis/plan-response';
import { MODES, motionsOfJoint } from '../../shared/domain/catalogue';
import { siteMotionJoints } from '../../shared/domain/ho';
import { frequencyText, INTERVENTION_LABELS } from '../../shared/domain/plan';
import type { PlanVersion } from '../../shared/domain/plan-records';
import { prescribedSessions, type Period } from '../../shared/domain/plan-periods';
import { seriesKeyOf } from '../../shared/domain/series';
import type { ApiContext } from './context';

/**
 * The patient's plan versions as periods for the verdict's "is the therapy holding it?": each version's days in
 * force, what it asks (its first item, as a person says it), the share of prescribed sessions done in the weeks
 * where adherence was recorded, and the series of the sites it covers.
 */
export function planPeriodsOf(ctx: ApiContext, patientId: string): PlanPeriodInput[] {
  const { plans, goals } = ctx.repos;
  const out: PlanPeriodInput[] = [];
  for (const planId of plans.plansOf(patientId)) {
    const versions = plans.versionsOf(planId).filter((v) => v.voided === null && (v.inForceUntil === null || v.inForceUntil >= v.effectiveFrom));
    const adherence = goals.adherenceOf(planId);
    for (const v of versions) {
      const period: Period = { from: v.effectiveFrom, until: v.inForceUntil };
      let done = 0;
      let prescribed = 0;
      for (const item of v.items) {
        for (const a of adherence) {
          if (a.itemId !== item.id) continue;
          done += a.sessionsDone;
          prescribed += prescribedSessions(item, a.weekStart, period);
        }
      }
      out.push({
        planId,
        versionId: v.id,
        from: v.effectiveFrom,
        to: v.inForceUntil,
        label: whatItAsks(v),
        adherencePercent: prescribed > 0 ? Math.round((Math.min(done, prescribed) / prescribed) * 100) : null,
        seriesKeys: seriesOfSites(v),
      });
    }
  }
  return out;
}

function whatItAsks(v: PlanVersion): string {
  const first = v.items[0];
  if (!first) return v.title;
  const more = v.items.length > 1 ? ` and ${v.items.length - 1} more` : '';
  return `${INTERVENTION_LABELS[first.intervention].toLowerCase()} ${frequencyText(first)}${more}`;
}

function seriesOfSites(v: PlanVersion): string[] {
  return v.sites.flatMap((site) =>
    siteMotionJoints(site.joint).flatMap((joint) => motionsOfJoint(joint).flatMap((spec) => MODES.map((mode) => seriesKeyOf(site.side, spec.key, mode)))),
  );
}
