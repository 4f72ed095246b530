// Plans in words, the same on the plan page, the home exercise sheet and the chart labels: sides spelled out,
// doses and frequencies as a person says them, dates and degrees through the formatter (the clinic's format).
// Every phrase is one message per language, not words glued together: French, Spanish and Portuguese put the
// motion first and make the side agree with the joint ("coude droit", "épaule droite").
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { findMotionSpec, type JointId, type Mode, type Side } from '../../../shared/domain/catalogue';
import { siteJoints, type Intervention, type PlanSite } from '../../../shared/domain/plan';
import type { Plan, PlanItem, PlanVersion } from '../../../shared/domain/plan-records';
import { inForceOn } from '../../../shared/domain/plan-periods';
import type { GoalPoint, GoalStatus, GoalStatusKind } from '../../../shared/domain/goal-status';
import type { Formatter } from '../../../shared/format';
import { useFormatter } from '../session/session-context';

export type PlanState = 'upcoming' | 'active' | 'ended';

/** A plan's words in one language: the screen's (usePlanWords), or a printed document's (planWords with getFixedT). */
export interface PlanWords {
  intervention(intervention: Intervention): string;
  /** "Right elbow", "Épaule gauche". */
  site(site: PlanSite): string;
  sites(sites: readonly PlanSite[]): string;
  /** "3 sets of 10 repetitions", "15 minutes". */
  dose(item: Pick<PlanItem, 'doseKind' | 'sets' | 'repetitions' | 'minutes'>): string;
  /** "once a day", "twice a day", "3 times a week". */
  frequency(item: Pick<PlanItem, 'frequencyCount' | 'frequencyPer'>): string;
  /** An item's motions with the sides the plan targets: "Right elbow flexion", "Left and right knee flexion". */
  motions(motions: readonly string[], sites: readonly PlanSite[]): string;
  /** "Right elbow flexion (active)". */
  goalSeries(motion: string, side: Side, mode: Mode): string;
  /** "at least 130°": in the neutral-zero convention a goal is always a value to reach or pass. */
  target(target: number): string;
  /** "1 Nov 2026 to 30 Nov 2026", "from 1 Nov 2026 (no end date)". */
  period(from: string, until: string | null): string;
  state(state: PlanState): string;
  goalStatus(kind: GoalStatusKind): string;
  /** Why a goal has its status, from the same figures the status was decided on (shared/domain/goal-status). */
  goalReason(status: GoalStatus, target: number): string;
}

function interventionText(t: TFunction, intervention: Intervention): string {
  switch (intervention) {
    case 'active_rom':
      return t('plans.intervention.activeRom');
    case 'active_assisted_rom':
      return t('plans.intervention.activeAssistedRom');
    case 'passive_rom':
      return t('plans.intervention.passiveRom');
    case 'stretching':
      return t('plans.intervention.stretching');
    case 'strengthening':
      return t('plans.intervention.strengthening');
    case 'cpm':
      return t('plans.intervention.cpm');
    case 'splinting':
      return t('plans.intervention.splinting');
    case 'functional_training':
      return t('plans.intervention.functionalTraining');
    case 'home_program':
      return t('plans.intervention.homeProgram');
  }
}

// One message per joint and side: the side word agrees with the joint's gender in French, Spanish and Portuguese.
function siteText(t: TFunction, joint: JointId, side: Side): string {
  const left = side === 'left';
  switch (joint) {
    case 'shoulder':
      return left ? t('plans.site.shoulder.left') : t('plans.site.shoulder.right');
    case 'elbow':
      return left ? t('plans.site.elbow.left') : t('plans.site.elbow.right');
    case 'forearm':
      return left ? t('plans.site.forearm.left') : t('plans.site.forearm.right');
    case 'wrist':
      return left ? t('plans.site.wrist.left') : t('plans.site.wrist.right');
    case 'hip':
      return left ? t('plans.site.hip.left') : t('plans.site.hip.right');
    case 'knee':
      return left ? t('plans.site.knee.left') : t('plans.site.knee.right');
    case 'ankle':
      return left ? t('plans.site.ankle.left') : t('plans.site.ankle.right');
  }
}

function stateText(t: TFunction, state: PlanState): string {
  if (state === 'upcoming') return t('plans.state.upcoming');
  return state === 'active' ? t('plans.state.active') : t('plans.state.ended');
}

function goalStatusText(t: TFunction, kind: GoalStatusKind): string {
  switch (kind) {
    case 'met':
      return t('plans.goalStatus.met');
    case 'on_track':
      return t('plans.goalStatus.onTrack');
    case 'off_track':
      return t('plans.goalStatus.offTrack');
    case 'not_started':
      return t('plans.goalStatus.notStarted');
  }
}

function goalReasonText(t: TFunction, f: Formatter, status: GoalStatus, target: number): string {
  const { latest, projected } = status;
  if (!latest) return t('plans.goalReason.notMeasured');
  const short = f.degrees(target - latest.value);
  switch (status.kind) {
    case 'met':
      return t('plans.goalReason.met', { latest: f.degrees(latest.value), target: f.degrees(target) });
    case 'not_started':
      return t('plans.goalReason.needsTrend');
    case 'on_track':
      return t('plans.goalReason.onTrack', { projected: f.degrees(projected ?? latest.value) });
    case 'off_track':
      return projected === null
        ? t('plans.goalReason.datePassed', { latest: f.degrees(latest.value), short })
        : t('plans.goalReason.offTrack', { projected: f.degrees(projected), short });
  }
}

// Inner words go in lower case and the phrase gets its capital at the start, wherever the language puts the
// motion: "Right elbow flexion", "Flexion (coude droit)".
const lower = (s: string) => s.toLowerCase();
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function planWords(t: TFunction, f: Formatter): PlanWords {
  const site = (s: PlanSite) => siteText(t, s.joint, s.side);
  const motion = (key: string, sites: readonly PlanSite[] | null, side?: Side) => {
    const spec = findMotionSpec(key);
    if (!spec) return key;
    const words = { joint: lower(t(`joint.${spec.joint}`)), motion: lower(t(`motion.${spec.motion}`)) };
    const sides = side ? [side] : (['left', 'right'] as const).filter((s) => sites !== null && siteJoints(sites, s).has(spec.joint));
    if (sides.length === 2) return capital(t('plans.motionBothSides', words));
    if (sides.length === 1) return capital(t('plans.motionAtSite', { motion: words.motion, site: lower(siteText(t, spec.joint, sides[0]!)) }));
    return capital(t('plans.motionOfJoint', words));
  };
  return {
    intervention: (i) => interventionText(t, i),
    site,
    sites: (sites) => sites.map(site).join(', '),
    dose(item) {
      if (item.doseKind === 'minutes') return t('plans.dose.minutes', { count: item.minutes ?? 0 });
      return t('plans.dose.setsOfReps', { sets: t('plans.dose.sets', { count: item.sets ?? 0 }), repetitions: t('plans.dose.repetitions', { count: item.repetitions ?? 0 }) });
    },
    frequency(item) {
      const count = item.frequencyCount;
      if (item.frequencyPer === 'day') return count === 2 ? t('plans.frequency.twiceADay') : t('plans.frequency.perDay', { count });
      return count === 2 ? t('plans.frequency.twiceAWeek') : t('plans.frequency.perWeek', { count });
    },
    motions: (motions, sites) => motions.map((key) => motion(key, sites)).join(', '),
    goalSeries(key, side, mode) {
      const series = motion(key, null, side);
      return mode === 'active' ? t('plans.series.active', { series }) : t('plans.series.passive', { series });
    },
    target: (target) => t('plans.atLeast', { degrees: f.degrees(target) }),
    period: (from, until) => (until === null ? t('plans.period.open', { from: f.date(from) }) : t('plans.period.closed', { from: f.date(from), until: f.date(until) })),
    state: (state) => stateText(t, state),
    goalStatus: (kind) => goalStatusText(t, kind),
    goalReason: (status, target) => goalReasonText(t, f, status, target),
  };
}

/** The plan's words in the screen's language, dates and degrees as the clinic writes them. */
export function usePlanWords(): PlanWords {
  const { t } = useTranslation();
  const f = useFormatter();
  return useMemo(() => planWords(t, f), [t, f]);
}

/** Sessions per full week: 2 a day is 14. */
export function sessionsPerWeek(item: Pick<PlanItem, 'frequencyCount' | 'frequencyPer'>): number {
  return item.frequencyPer === 'day' ? item.frequencyCount * 7 : item.frequencyCount;
}

/** The version in force on `date`, else the latest (a plan that starts later, or one that has ended). */
export function versionOn(plan: Plan, date: string): PlanVersion {
  const i = inForceOn(
    plan.versions.map((v) => ({ from: v.effectiveFrom, until: v.inForceUntil })),
    date,
  );
  return plan.versions[i ?? plan.versions.length - 1]!;
}

export function planState(plan: Plan, today: string): PlanState {
  if (today < plan.startDate) return 'upcoming';
  return plan.endDate !== null && today > plan.endDate ? 'ended' : 'active';
}

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
