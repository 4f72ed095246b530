import { z } from 'zod';
import { MODES, SIDES, motionKeySchema } from './catalogue';
import { GOAL_STATUSES } from './goal-status';
import { DOSE_KINDS, FREQUENCY_PERS, INTERVENTIONS, PlanSite } from './plan';
import { RecordMeta } from './record-meta';

// What the plan operations return: plans with every version and its period in force, and goals with their
// status derived from the measurements. The input schemas and rules live in ./plan.ts.

export const PlanItem = z.strictObject({
  id: z.string(),
  position: z.number().int(),
  intervention: z.enum(INTERVENTIONS),
  motions: z.array(motionKeySchema()),
  doseKind: z.enum(DOSE_KINDS),
  sets: z.number().int().nullable(),
  repetitions: z.number().int().nullable(),
  minutes: z.number().int().nullable(),
  frequencyCount: z.number().int(),
  frequencyPer: z.enum(FREQUENCY_PERS),
  instructions: z.string().nullable(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanVersion = z.strictObject({
  ...RecordMeta,
  patientId: z.string(),
  /** 1 for the first version, counting up with each revision. */
  number: z.number().int(),
  title: z.string(),
  effectiveFrom: z.string(),
  /** The planned end date written in this version. */
  endDate: z.string().nullable(),
  /** Last day in force: the day before the next version, else the end date or the day the plan was stopped; null while open-ended. */
  inForceUntil: z.string().nullable(),
  sites: z.array(PlanSite),
  passiveRomAllowed: z.boolean(),
  precautions: z.string().nullable(),
  items: z.array(PlanItem),
  /** Set on the last version when the plan was stopped early (plans.end). */
  ended: z.strictObject({ on: z.string(), at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const GoalStatusSchema = z.strictObject({
  kind: z.enum(GOAL_STATUSES),
  latest: z.strictObject({ date: z.string(), value: z.number() }).nullable(),
  projected: z.number().nullable(),
  reason: z.string(),
});

export const Goal = z.strictObject({
  ...RecordMeta,
  planId: z.string(),
  patientId: z.string(),
  motion: motionKeySchema(),
  side: z.enum(SIDES),
  mode: z.enum(MODES),
  target: z.number().int(),
  targetDate: z.string(),
  /** The latest reading already reached the target when it was set, and the person confirmed it as a goal to keep. */
  setWhenMet: z.boolean(),
  /** Derived from the measurements at read time (shared/domain/goal-status.ts), never stored. */
  status: GoalStatusSchema,
});
export type Goal = z.infer<typeof Goal>;

export const Plan = z.strictObject({
  /** The plan's lineage: the first version's id, the same through revisions. */
  id: z.string(),
  patientId: z.string(),
  startDate: z.string(),
  /** Last day of the last version in force, or null while open-ended. */
  endDate: z.string().nullable(),
  /** Oldest first; the last one is the current version. */
  versions: z.array(PlanVersion),
  goals: z.array(Goal),
});
export type Plan = z.infer<typeof Plan>;
