import { summaryRef } from '../../../shared/api/issues';
import { goalProblems } from '../../../shared/domain/plan';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import { alreadyMetMessage, goalSeries, goalSeriesKey, planIdOf, statusOf, today, withStatus } from '../plan-reads';
import { voidRecord } from '../record-changes';
import { firstVersion } from '../versions';
import type { HandlerTable } from './types';
import { message, type MessageRef } from '../../../shared/i18n/message';

export const goalHandlers: HandlerTable<'goals.add' | 'goals.void'> = {
  /** A goal for a plan: checked against the plan's start and sites, and against the latest reading. */
  'goals.add': (input, ctx) => {
    const { plans, goals } = ctx.repos;
    const planId = planIdOf(ctx, input.planId, 'planId');
    const versions = plans.versionsOf(planId);
    const first = versions[0]!;
    const current = versions[versions.length - 1]!;
    if (current.voided) throw new AppError('conflict', message('domain.goals.voidedPlan'));
    // The schema leaves the target unknown (its range is the motion's); goalProblems refuses anything but a number.
    const target = typeof input.target === 'number' ? input.target : Number.NaN;
    const fields: Record<string, MessageRef> = {};
    for (const p of goalProblems(input, { start: first.effectiveFrom, sites: current.sites })) fields[p.field] ??= p.ref;
    if (goals.goalsOf(planId).some((g) => goalSeriesKey(g) === goalSeriesKey(input))) {
      fields.motion ??= message('domain.goals.exists');
    }
    const status = statusOf({ ...input, target }, first.effectiveFrom, goalSeries(ctx, first.patientId), today(ctx));
    if (status.kind === 'met' && !input.acknowledgeMet) fields.target ??= alreadyMetMessage({ ...input, target }, status);
    if (Object.keys(fields).length) throw new AppError('invalid_input', summaryRef(fields), fields);

    const at = ctx.now();
    const goal = goals.insertGoal(firstVersion(ctx, at), {
      planId,
      patientId: first.patientId,
      motion: input.motion,
      side: input.side,
      mode: input.mode,
      target,
      targetDate: input.targetDate,
      setWhenMet: status.kind === 'met',
    });
    audit(ctx, { at, operation: 'goals.add', entity: 'plan_goal', entityId: goal.lineageId, before: null, after: goal });
    return { ...goal, status };
  },

  'goals.void': (input, ctx) => {
    const { plans, goals } = ctx.repos;
    const { old, after } = voidRecord(ctx, { versions: goals.goalVersions, read: (id) => goals.goal(id), entity: 'plan_goal' }, 'goals.void', input);
    const start = plans.versionsOf(old.plan_id)[0]!.effectiveFrom;
    return withStatus(ctx, after, start);
  },
};
