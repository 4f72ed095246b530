import { z } from 'zod';
import { JOINTS, MODES, SIDES, findMotionSpec, isMotionKey, motionKeySchema, sideLabel, type JointId, type MotionKey, type Side } from './catalogue';
import { validateDegrees } from './catalogue/measurement-value';
import { todayLocal } from './dates';
import { siteMotionJoints } from './ho';
import { addDays } from './plan-periods';
import { reason } from './record-meta';
import { calendarDate, optionalText, requiredText, uuid } from './schema-parts';
import { fieldLabel } from '../i18n/field-labels';
import { message, said, saidIssue, type MessageRef } from '../i18n/message';
import { capitalName, interventionWord, motionName, siteMotionName, siteName, sitesList } from './message-words';

// Therapy plans (issue 6): what is prescribed, for which sites, under which precautions, towards which goals.
// Physical therapy for HO is range-of-motion exercise, stretching and strengthening (clinical-reference.md).

export const INTERVENTIONS = [
  'active_rom',
  'active_assisted_rom',
  'passive_rom',
  'stretching',
  'strengthening',
  'cpm',
  'splinting',
  'functional_training',
  'home_program',
] as const;
export type Intervention = (typeof INTERVENTIONS)[number];
export const INTERVENTION_LABELS: Record<Intervention, string> = {
  active_rom: 'Active range-of-motion exercise',
  active_assisted_rom: 'Active-assisted range of motion',
  passive_rom: 'Passive range of motion',
  stretching: 'Stretching',
  strengthening: 'Strengthening',
  cpm: 'Continuous passive motion (CPM)',
  splinting: 'Splinting or positioning',
  functional_training: 'Functional training',
  home_program: 'Home program',
};

/**
 * Interventions that move the joint passively. The evidence on passive stretching in HO is disputed: some
 * surgeons write "no passive ROM", others find gentle ROM prevents ankylosis (clinical-reference.md). A plan
 * records which way its team decided; when passive motion is not allowed, none of these may be prescribed.
 * CPM is here too because a machine moving the joint is passive motion by definition.
 */
export const PASSIVE_INTERVENTIONS: readonly Intervention[] = ['passive_rom', 'stretching', 'cpm'];

export const DOSE_KINDS = ['sets_reps', 'minutes'] as const;
export const FREQUENCY_PERS = ['day', 'week'] as const;
/** More often than this is a typing slip, not a prescription (24 a day is once an hour, awake or not). */
export const MAX_FREQUENCY = { day: 24, week: 50 } as const;

const motion = motionKeySchema(message('domain.plan.motion'));
const side = z.enum(SIDES, { error: said(message('domain.event.side')) });
const wholeNumber = (what: MessageRef, min: number, max: number) => {
  const error = said(message('domain.plan.wholeNumber', { what: { message: what }, min: { number: min }, max: { number: max } }));
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/**
 * Plans are written ahead, but a start more than a year away (an end more than five) is a slip in the year.
 * HO therapy can run past a year in severe cases, hence the longer reach for the end.
 */
function planDate(label: string, yearsAhead = 1) {
  const field = fieldLabel(label);
  return calendarDate(label)
    .refine((d) => d >= '1900-01-01', { error: said(message('domain.plan.before1900', { field, date: { date: '1900-01-01' } })) })
    .refine((d) => d <= addDays(todayLocal(), 366 * yearsAhead), { error: said(message('domain.plan.yearsAhead', { field, count: yearsAhead })) });
}

export const PlanItemInput = z
  .strictObject({
    intervention: z.enum(INTERVENTIONS, { error: said(message('domain.plan.intervention')) }),
    motions: z
      .array(motion)
      .min(1, { error: said(message('domain.plan.motionsMin')) })
      .max(12, { error: said(message('domain.plan.motionsMax', { max: 12 })) }),
    doseKind: z.enum(DOSE_KINDS, { error: said(message('domain.plan.doseKind')) }),
    sets: wholeNumber(message('domain.plan.sets'), 1, 20).nullable().default(null),
    repetitions: wholeNumber(message('domain.plan.repetitions'), 1, 200).nullable().default(null),
    minutes: wholeNumber(message('domain.plan.minutes'), 1, 1440).nullable().default(null),
    frequencyCount: z
      .number({ error: said(message('domain.plan.howOften')) })
      .int({ error: said(message('domain.plan.howOften')) })
      .min(1, { error: said(message('domain.plan.howOftenZero')) }),
    frequencyPer: z.enum(FREQUENCY_PERS, { error: said(message('domain.plan.per')) }),
    instructions: optionalText('Instructions', 1000),
  })
  .superRefine((item, ctx) => {
    const issue = (path: string, ref: MessageRef) => ctx.addIssue({ ...saidIssue(ref), path: [path] });
    if (item.doseKind === 'sets_reps') {
      if (item.sets === null) issue('sets', message('domain.plan.enterSets'));
      if (item.repetitions === null) issue('repetitions', message('domain.plan.enterReps'));
      if (item.minutes !== null) issue('minutes', message('domain.plan.leaveMinutes'));
    } else {
      if (item.minutes === null) issue('minutes', message('domain.plan.enterMinutes'));
      if (item.sets !== null || item.repetitions !== null) issue(item.sets !== null ? 'sets' : 'repetitions', message('domain.plan.leaveSets'));
    }
    const max = MAX_FREQUENCY[item.frequencyPer];
    if (item.frequencyCount > max) issue('frequencyCount', item.frequencyPer === 'day' ? message('domain.plan.maxPerDay', { max: { number: max } }) : message('domain.plan.maxPerWeek', { max: { number: max } }));
    const seen = new Set<string>();
    item.motions.forEach((m, i) => {
      if (seen.has(m)) issue(`motions.${i}`, message('domain.plan.motionTwice', { motion: isMotionKey(m) ? capitalName(motionName(m)) : m }));
      seen.add(m);
    });
  });
export type PlanItemInput = z.input<typeof PlanItemInput>;

export const PlanSite = z.strictObject({
  joint: z.enum(JOINTS, { error: said(message('domain.plan.joint')) }),
  side,
});
export type PlanSite = z.infer<typeof PlanSite>;

/** The joints whose motions a plan's sites cover: an elbow site brings the forearm (as for watched sites). */
export function siteJoints(sites: readonly PlanSite[], onSide?: Side): Set<JointId> {
  return new Set(sites.filter((s) => onSide === undefined || s.side === onSide).flatMap((s) => siteMotionJoints(s.joint)));
}

export function sitesLabel(sites: readonly PlanSite[]): string {
  return sites.map((s) => `${sideLabel(s.side)} ${s.joint}`).join(', ');
}

/** What a plan says, in every version: the start (create) or the in-force date (revise) is added around it. */
const planContent = {
  title: requiredText('Title', 120),
  endDate: planDate('End date', 5).nullable().default(null),
  sites: z
    .array(PlanSite)
    .min(1, { error: said(message('domain.plan.sitesMin')) })
    .max(14, { error: said(message('domain.plan.sitesMax', { max: 14 })) }),
  /** Required, never defaulted: the plan must say which way the team decided (see PASSIVE_INTERVENTIONS). */
  passiveRomAllowed: z.boolean({ error: said(message('domain.plan.passive')) }),
  precautions: optionalText('Other precautions', 1000),
  items: z
    .array(PlanItemInput)
    .min(1, { error: said(message('domain.plan.itemsMin')) })
    .max(20, { error: said(message('domain.plan.itemsMax', { max: 20 })) }),
};

type PlanContent = {
  endDate: string | null;
  sites: PlanSite[];
  passiveRomAllowed: boolean;
  items: { intervention: Intervention; motions: MotionKey[] }[];
};

/** The rules across fields, with each message on the field that must change; `start` is the start date or the in-force date. */
export function checkPlanContent(plan: PlanContent, start: string, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], ref: MessageRef) => ctx.addIssue({ ...saidIssue(ref), path });
  if (plan.endDate !== null && plan.endDate < start) issue(['endDate'], message('domain.plan.endBeforeStart', { end: { date: plan.endDate }, start: { date: start } }));
  const seen = new Set<string>();
  plan.sites.forEach((s, i) => {
    const key = `${s.side} ${s.joint}`;
    if (seen.has(key)) issue(['sites', i, 'joint'], message('domain.plan.siteTwice', { site: { message: siteName(s.side, s.joint) } }));
    seen.add(key);
  });
  const covered = siteJoints(plan.sites);
  plan.items.forEach((item, i) => {
    if (!plan.passiveRomAllowed && PASSIVE_INTERVENTIONS.includes(item.intervention)) {
      issue(['items', i, 'intervention'], message('domain.plan.passiveNotAllowed', { intervention: { message: interventionWord(item.intervention) } }));
    }
    const outside = item.motions.find((m) => isMotionKey(m) && !covered.has(findMotionSpec(m)!.joint));
    if (outside && plan.sites.length) {
      issue(['items', i, 'motions'], message('domain.plan.motionOutside', { motion: capitalName(motionName(outside)), sites: sitesList(plan.sites) }));
    }
  });
}

export const GoalFields = z.strictObject({
  motion,
  side,
  mode: z.enum(MODES, { error: said(message('domain.plan.goalMode')) }),
  /** Degrees, neutral-zero; the goal is to reach at least this. Checked against the motion's plausible range. */
  target: z.unknown(),
  targetDate: calendarDate('Target date').refine((d) => d <= addDays(todayLocal(), 5 * 366), { error: said(message('domain.plan.targetFar')) }),
  /**
   * A goal the latest reading already reaches is refused unless this is true: the person confirms it is a goal
   * to keep (maintain the range), not one still to reach. See the goals.add handler.
   */
  acknowledgeMet: z.boolean().default(false),
});

/**
 * What is wrong with a goal for its plan, as messages keyed by field: its degrees, a target date before the
 * plan starts, a site the plan does not target. Used by the schemas and by goals.add, which reads the plan.
 */
export function goalProblems(
  goal: { motion: MotionKey; side: Side; target: unknown; targetDate: string },
  plan: { start: string; sites: readonly PlanSite[] },
): { field: 'target' | 'targetDate' | 'motion'; ref: MessageRef }[] {
  if (!isMotionKey(goal.motion)) return [];
  const problems: { field: 'target' | 'targetDate' | 'motion'; ref: MessageRef }[] = [];
  const degrees = validateDegrees(goal.motion, goal.target);
  if (!degrees.ok) problems.push({ field: 'target', ref: degrees.ref });
  if (goal.targetDate < plan.start) {
    problems.push({ field: 'targetDate', ref: message('domain.plan.targetBeforeStart', { target: { date: goal.targetDate }, start: { date: plan.start } }) });
  }
  const spec = findMotionSpec(goal.motion)!;
  if (plan.sites.length && !siteJoints(plan.sites, goal.side).has(spec.joint)) {
    problems.push({ field: 'motion', ref: message('domain.plan.goalOutside', { motion: capitalName(siteMotionName(goal.side, goal.motion)), sites: sitesList(plan.sites) }) });
  }
  return problems;
}

export const PlanInput = z
  .strictObject({ patientId: uuid, startDate: planDate('Start date'), ...planContent, goals: z.array(GoalFields).max(20, { error: said(message('domain.plan.goalsMax', { max: 20 })) }).default([]) })
  .superRefine((p, ctx) => {
    checkPlanContent(p, p.startDate, ctx);
    const seen = new Set<string>();
    p.goals.forEach((g, i) => {
      for (const problem of goalProblems(g, { start: p.startDate, sites: p.sites })) {
        ctx.addIssue({ ...saidIssue(problem.ref), path: ['goals', i, problem.field] });
      }
      const key = `${g.side} ${g.motion} ${g.mode}`;
      if (seen.has(key)) ctx.addIssue({ ...saidIssue(message('domain.plan.goalTwice')), path: ['goals', i, 'motion'] });
      seen.add(key);
    });
  });
export type PlanInput = z.input<typeof PlanInput>;

/** A new version of the plan, in force from `effectiveFrom`; `id` is the version it replaces (the current one). */
export const PlanRevision = z
  .strictObject({ id: uuid, effectiveFrom: planDate('In force from'), reason: reason('revision'), ...planContent })
  .superRefine((p, ctx) => checkPlanContent(p, p.effectiveFrom, ctx));
export type PlanRevision = z.input<typeof PlanRevision>;

/** Stops the plan on a date (its last day in force), with a reason; `id` is the current version. */
export const PlanEnding = z.strictObject({ id: uuid, endedOn: calendarDate('Last day of the plan'), reason: reason('ending') });

/** The plan's start and sites are checked by the handler (goalProblems); the degrees already here. */
export const GoalInput = GoalFields.extend({ planId: uuid }).superRefine((g, ctx) => {
  if (!isMotionKey(g.motion)) return;
  const degrees = validateDegrees(g.motion, g.target);
  if (!degrees.ok) ctx.addIssue({ ...saidIssue(degrees.ref), path: ['target'] });
});
export type GoalInput = z.input<typeof GoalInput>;

/** "once a day", "twice a day", "3 times a week": the plan page, the home sheet and the verdict's plan sentences. */
export function frequencyText(item: { frequencyCount: number; frequencyPer: string }): string {
  const n = item.frequencyCount;
  const times = n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
  return `${times} a ${item.frequencyPer}`;
}
