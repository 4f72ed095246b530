import { summaryRef } from '../../../shared/api/issues';
import { addDays } from '../../../shared/domain/plan-periods';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import { alreadyMetMessage, goalSeries, planIdOf, readPlan, statusOf, today } from '../plan-reads';
import { requireActor } from '../session';
import { assertNotBeforeBirth, correctionOf, firstVersion, requirePatient } from '../versions';
import { adherenceHandlers } from './plan-adherence';
import { goalHandlers } from './plan-goals';
import type { HandlerTable } from './types';
import { message, type MessageRef } from '../../../shared/i18n/message';

type PlanOps = 'plans.create' | 'plans.revise' | 'plans.end' | 'plans.get' | 'plans.list';

const planHandlersOnly: HandlerTable<PlanOps> = {
  /** The plan's first version with its items and goals, in dispatch's one transaction. */
  'plans.create': (input, ctx) => {
    const patient = requirePatient(ctx, input.patientId);
    assertNotBeforeBirth(patient.dateOfBirth, input.startDate, 'startDate', 'The start date');
    const series = goalSeries(ctx, patient.id);
    const on = today(ctx);
    const goals = input.goals.map((g) => ({ ...g, target: g.target as number }));
    const statuses = goals.map((g) => statusOf(g, input.startDate, series, on));
    const fields: Record<string, MessageRef> = {};
    goals.forEach((g, i) => {
      if (statuses[i]!.kind === 'met' && !g.acknowledgeMet) fields[`goals.${i}.target`] = alreadyMetMessage(g, statuses[i]!);
    });
    if (Object.keys(fields).length) throw new AppError('invalid_input', summaryRef(fields), fields);

    const { plans, goals: goalRepo } = ctx.repos;
    const at = ctx.now();
    const version = firstVersion(ctx, at);
    plans.insertVersion(
      version,
      { patientId: patient.id, title: input.title, effectiveFrom: input.startDate, endDate: input.endDate, sites: input.sites, passiveRomAllowed: input.passiveRomAllowed, precautions: input.precautions },
      input.items,
    );
    const saved = goals.map((g, i) =>
      goalRepo.insertGoal(firstVersion(ctx, at), {
        planId: version.id,
        patientId: patient.id,
        motion: g.motion,
        side: g.side,
        mode: g.mode,
        target: g.target,
        targetDate: g.targetDate,
        setWhenMet: statuses[i]!.kind === 'met',
      }),
    );
    const plan = readPlan(ctx, version.id, series);
    audit(ctx, { at, operation: 'plans.create', entity: 'therapy_plan', entityId: version.id, before: null, after: plan.versions[0] });
    for (const g of saved) audit(ctx, { at, operation: 'plans.create', entity: 'plan_goal', entityId: g.lineageId, before: null, after: g });
    return plan;
  },

  /**
   * A new version in force from `effectiveFrom`; the version it replaces stays readable and is in force until
   * the day before. Versions never overlap, and a revision cannot leave a gap after the plan's end.
   */
  'plans.revise': (input, ctx) => {
    const { plans } = ctx.repos;
    const old = plans.versions.current(input.id);
    if (old.ended_on) {
      throw new AppError('conflict', message('domain.plans.stopped', { date: { date: old.ended_on } }), {
        effectiveFrom: message('domain.plans.stoppedNoRevise', { date: { date: old.ended_on } }),
      });
    }
    if (input.effectiveFrom <= old.effective_from) {
      throw new AppError('invalid_input', message('domain.plans.overlap'), {
        effectiveFrom: message('domain.plans.overlapField', { from: { date: old.effective_from }, next: { date: addDays(old.effective_from, 1) } }),
      });
    }
    if (old.end_date !== null && input.effectiveFrom > addDays(old.end_date, 1)) {
      throw new AppError('invalid_input', message('domain.plans.afterEnd'), {
        effectiveFrom: message('domain.plans.afterEndField', { end: { date: old.end_date }, latest: { date: addDays(old.end_date, 1) } }),
      });
    }
    const planId = old.lineage_id;
    const before = plans.versionsOf(planId).find((v) => v.id === old.id)!;
    const at = ctx.now();
    // Marked superseded first: the unique index allows one current version per plan.
    const version = correctionOf(ctx, old, at, input.reason);
    plans.versions.markSuperseded(old.id, version.id);
    plans.insertVersion(
      version,
      { patientId: old.patient_id, title: input.title, effectiveFrom: input.effectiveFrom, endDate: input.endDate, sites: input.sites, passiveRomAllowed: input.passiveRomAllowed, precautions: input.precautions },
      input.items,
    );
    const plan = readPlan(ctx, planId);
    audit(ctx, { at, operation: 'plans.revise', entity: 'therapy_plan', entityId: planId, before, after: plan.versions[plan.versions.length - 1] });
    return plan;
  },

  /** Stops the plan after `endedOn`, its last day in force; the versions and their items stay as they were. */
  'plans.end': (input, ctx) => {
    const { plans } = ctx.repos;
    const old = plans.versions.current(input.id);
    if (old.ended_on) throw new AppError('conflict', message('domain.plans.alreadyStopped', { date: { date: old.ended_on } }));
    if (input.endedOn < old.effective_from) {
      throw new AppError('invalid_input', message('domain.plans.stopBeforeVersion'), {
        endedOn: message('domain.plans.stopBeforeVersionField', { from: { date: old.effective_from } }),
      });
    }
    if (old.end_date !== null && input.endedOn > old.end_date) {
      throw new AppError('invalid_input', message('domain.plans.endsEarlier'), {
        endedOn: message('domain.plans.endsEarlierField', { end: { date: old.end_date } }),
      });
    }
    const planId = old.lineage_id;
    const before = plans.versionsOf(planId).find((v) => v.id === old.id)!;
    const at = ctx.now();
    plans.end(old.id, input.endedOn, at, requireActor(ctx), input.reason);
    const plan = readPlan(ctx, planId);
    audit(ctx, { at, operation: 'plans.end', entity: 'therapy_plan', entityId: planId, before, after: plan.versions[plan.versions.length - 1] });
    return plan;
  },

  /** One read transaction, so a plan is never seen half revised. */
  'plans.get': (input, ctx) => ctx.transaction(() => readPlan(ctx, planIdOf(ctx, input.id))),

  'plans.list': (input, ctx) =>
    ctx.transaction(() => {
      requirePatient(ctx, input.patientId);
      const series = goalSeries(ctx, input.patientId);
      return ctx.repos.plans.plansOf(input.patientId).map((id) => readPlan(ctx, id, series));
    }),
};

export const planHandlers = { ...planHandlersOnly, ...goalHandlers, ...adherenceHandlers };
