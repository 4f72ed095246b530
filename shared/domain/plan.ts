import { z } from 'zod';
import { JOINTS, MODES, SIDES, findMotionSpec, isMotionKey, motionKeySchema, sideLabel, type JointId, type MotionKey, type Side } from './catalogue';
import { validateDegrees } from './catalogue/measurement-value';
import { formatDate, todayLocal } from './dates';
import { siteMotionJoints } from './ho';
import { addDays } from './plan-periods';
import { reason } from './record-meta';
import { calendarDate, optionalText, requiredText, uuid } from './schema-parts';

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

const motion = motionKeySchema('Choose a joint motion from the list.');
const side = z.enum(SIDES, { error: 'Choose the side: left or right.' });
const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what}: enter a whole number from ${min} to ${max}.` })
    .int({ error: `${what}: enter a whole number from ${min} to ${max}.` })
    .min(min, { error: `${what}: enter a whole number from ${min} to ${max}.` })
    .max(max, { error: `${what}: enter a whole number from ${min} to ${max}.` });

/**
 * Plans are written ahead, but a start more than a year away (an end more than five) is a slip in the year.
 * HO therapy can run past a year in severe cases, hence the longer reach for the end.
 */
function planDate(label: string, yearsAhead = 1) {
  return calendarDate(label)
    .refine((d) => d >= '1900-01-01', { error: `${label} cannot be before 1900-01-01.` })
    .refine((d) => d <= addDays(todayLocal(), 366 * yearsAhead), { error: `${label} is more than ${yearsAhead === 1 ? 'a year' : `${yearsAhead} years`} from today. Check the year.` });
}

export const PlanItemInput = z
  .strictObject({
    intervention: z.enum(INTERVENTIONS, { error: 'Choose the intervention from the list.' }),
    motions: z
      .array(motion)
      .min(1, { error: 'Choose at least one motion this item works, so it can be followed on the charts.' })
      .max(12, { error: 'At most 12 motions in one item; split it into two items.' }),
    doseKind: z.enum(DOSE_KINDS, { error: 'Choose how the dose is given: sets and repetitions, or minutes.' }),
    sets: wholeNumber('Sets', 1, 20).nullable().default(null),
    repetitions: wholeNumber('Repetitions', 1, 200).nullable().default(null),
    minutes: wholeNumber('Minutes', 1, 1440).nullable().default(null),
    frequencyCount: z
      .number({ error: 'How often: enter a whole number of times, at least 1.' })
      .int({ error: 'How often: enter a whole number of times, at least 1.' })
      .min(1, { error: 'How often must be at least once a day or once a week; a frequency of 0 prescribes nothing. Remove the item instead.' }),
    frequencyPer: z.enum(FREQUENCY_PERS, { error: 'Choose per day or per week.' }),
    instructions: optionalText('Instructions', 1000),
  })
  .superRefine((item, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (item.doseKind === 'sets_reps') {
      if (item.sets === null) issue('sets', 'Enter the number of sets.');
      if (item.repetitions === null) issue('repetitions', 'Enter the repetitions in each set.');
      if (item.minutes !== null) issue('minutes', 'The dose is in sets and repetitions: leave minutes empty.');
    } else {
      if (item.minutes === null) issue('minutes', 'Enter the minutes of each session.');
      if (item.sets !== null || item.repetitions !== null) issue(item.sets !== null ? 'sets' : 'repetitions', 'The dose is in minutes: leave sets and repetitions empty.');
    }
    const max = MAX_FREQUENCY[item.frequencyPer];
    if (item.frequencyCount > max) issue('frequencyCount', `At most ${max} times a ${item.frequencyPer}; check the number.`);
    const seen = new Set<string>();
    item.motions.forEach((m, i) => {
      if (seen.has(m)) issue(`motions.${i}`, `${findMotionSpec(m)?.label ?? m} is chosen twice. Keep one.`);
      seen.add(m);
    });
  });
export type PlanItemInput = z.input<typeof PlanItemInput>;

export const PlanSite = z.strictObject({
  joint: z.enum(JOINTS, { error: 'Choose a joint from the list.' }),
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
    .min(1, { error: 'Choose at least one site (joint and side) this plan targets.' })
    .max(14, { error: 'At most 14 sites: every joint on both sides.' }),
  /** Required, never defaulted: the plan must say which way the team decided (see PASSIVE_INTERVENTIONS). */
  passiveRomAllowed: z.boolean({ error: 'Record whether passive range of motion and stretching are allowed for this patient.' }),
  precautions: optionalText('Other precautions', 1000),
  items: z
    .array(PlanItemInput)
    .min(1, { error: 'Add at least one item: what the patient does, how much and how often.' })
    .max(20, { error: 'At most 20 items in one plan.' }),
};

type PlanContent = {
  endDate: string | null;
  sites: PlanSite[];
  passiveRomAllowed: boolean;
  items: { intervention: Intervention; motions: MotionKey[] }[];
};

/** The rules across fields, with each message on the field that must change; `start` is the start date or the in-force date. */
export function checkPlanContent(plan: PlanContent, start: string, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (plan.endDate !== null && plan.endDate < start) issue(['endDate'], `The plan cannot end (${formatDate(plan.endDate)}) before it starts (${formatDate(start)}). Check both dates.`);
  const seen = new Set<string>();
  plan.sites.forEach((s, i) => {
    const key = `${s.side} ${s.joint}`;
    if (seen.has(key)) issue(['sites', i, 'joint'], `The ${key} is listed twice. Keep one.`);
    seen.add(key);
  });
  const covered = siteJoints(plan.sites);
  plan.items.forEach((item, i) => {
    if (!plan.passiveRomAllowed && PASSIVE_INTERVENTIONS.includes(item.intervention)) {
      issue(
        ['items', i, 'intervention'],
        `${INTERVENTION_LABELS[item.intervention]} moves the joint passively, and this plan's precautions do not allow passive range of motion or stretching. Choose an active intervention, or change the precaution if the team now allows passive motion.`,
      );
    }
    const outside = item.motions.find((m) => isMotionKey(m) && !covered.has(findMotionSpec(m)!.joint));
    if (outside && plan.sites.length) {
      issue(['items', i, 'motions'], `${findMotionSpec(outside)!.label} is not at a site this plan targets (${sitesLabel(plan.sites)}). Add the site, or choose a motion of a targeted joint.`);
    }
  });
}

export const GoalFields = z.strictObject({
  motion,
  side,
  mode: z.enum(MODES, { error: 'Choose active or passive.' }),
  /** Degrees, neutral-zero; the goal is to reach at least this. Checked against the motion's plausible range. */
  target: z.unknown(),
  targetDate: calendarDate('Target date').refine((d) => d <= addDays(todayLocal(), 5 * 366), { error: 'The target date is more than five years from today. Check the year.' }),
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
): { field: 'target' | 'targetDate' | 'motion'; message: string }[] {
  if (!isMotionKey(goal.motion)) return [];
  const problems: { field: 'target' | 'targetDate' | 'motion'; message: string }[] = [];
  const degrees = validateDegrees(goal.motion, goal.target);
  if (!degrees.ok) problems.push({ field: 'target', message: degrees.message });
  if (goal.targetDate < plan.start) {
    problems.push({ field: 'targetDate', message: `The target date (${formatDate(goal.targetDate)}) is before the plan starts (${formatDate(plan.start)}). Choose a date on or after the start.` });
  }
  const spec = findMotionSpec(goal.motion)!;
  if (plan.sites.length && !siteJoints(plan.sites, goal.side).has(spec.joint)) {
    problems.push({ field: 'motion', message: `${sideLabel(goal.side)} ${spec.label.toLowerCase()} is not at a site this plan targets (${sitesLabel(plan.sites)}).` });
  }
  return problems;
}

export const PlanInput = z
  .strictObject({ patientId: uuid, startDate: planDate('Start date'), ...planContent, goals: z.array(GoalFields).max(20, { error: 'At most 20 goals.' }).default([]) })
  .superRefine((p, ctx) => {
    checkPlanContent(p, p.startDate, ctx);
    const seen = new Set<string>();
    p.goals.forEach((g, i) => {
      for (const problem of goalProblems(g, { start: p.startDate, sites: p.sites })) {
        ctx.addIssue({ code: 'custom', path: ['goals', i, problem.field], message: problem.message });
      }
      const key = `${g.side} ${g.motion} ${g.mode}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['goals', i, 'motion'], message: 'This motion, side and mode already has a goal in this plan. Keep one.' });
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
  if (!degrees.ok) ctx.addIssue({ code: 'custom', path: ['target'], message: degrees.message });
});
export type GoalInput = z.input<typeof GoalInput>;

/** "once a day", "twice a day", "3 times a week": the plan page, the home sheet and the verdict's plan sentences. */
export function frequencyText(item: { frequencyCount: number; frequencyPer: string }): string {
  const n = item.frequencyCount;
  const times = n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
  return `${times} a ${item.frequencyPer}`;
}
