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
  'plans.create': { kind: 'change', input: PlanInput, output: Plan },
  'plans.revise': { kind: 'change', input: PlanRevision, output: Plan },
  'plans.end': { kind: 'change', input: PlanEnding, output: Plan },
  'plans.get': { kind: 'read', input: ById, output: Plan },
  'plans.list': { kind: 'read', input: ByPatient, output: z.array(Plan) },
  'goals.add': { kind: 'change', input: GoalInput, output: Goal },
  'goals.void': { kind: 'change', input: VoidInput, output: Goal },
  'adherence.record': { kind: 'change', input: AdherenceInput, output: AdherenceEntry },
  'adherence.list': { kind: 'read', input: AdherenceListInput, output: z.array(AdherenceEntry) },
} as const;
