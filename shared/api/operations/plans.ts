import { z } from 'zod';
import { AdherenceEntry, AdherenceInput, AdherenceListInput } from '../../domain/adherence';
import { GoalInput, PlanEnding, PlanInput, PlanRevision } from '../../domain/plan';
import { Goal, Plan } from '../../domain/plan-records';
import { VoidInput } from '../../domain/record-meta';
import { uuid } from '../../domain/schema-parts';
import { ById } from './common';

const ByPatient = z.strictObject({ patientId: uuid });

/**
 * Therapy plans, their goals and home-program adherence. A plan is read whole (every version with its period
 * in force, every current goal with its derived status); `id` in plans.get is the plan's id (its lineage) or
 * the id of any of its versions.
 */
export const planOperations = {
  'plans.create': { input: PlanInput, output: Plan },
  'plans.revise': { input: PlanRevision, output: Plan },
  'plans.end': { input: PlanEnding, output: Plan },
  'plans.get': { input: ById, output: Plan },
  'plans.list': { input: ByPatient, output: z.array(Plan) },
  'goals.add': { input: GoalInput, output: Goal },
  'goals.void': { input: VoidInput, output: Goal },
  'adherence.record': { input: AdherenceInput, output: AdherenceEntry },
  'adherence.list': { input: AdherenceListInput, output: z.array(AdherenceEntry) },
} as const;
