import { addDays, prescribedSessions, type Period } from '../../../shared/domain/plan-periods';
import type { PlanVersion } from '../../../shared/domain/plan-records';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import { planIdOf } from '../plan-reads';
import { correctionOf, firstVersion } from '../versions';
import type { HandlerTable } from './types';
import { message } from '../../../shared/i18n/message';

const periodOf = (v: PlanVersion): Period => ({ from: v.effectiveFrom, until: v.inForceUntil });

/** Counts more than this multiple of the prescription are refused as typing slips (70 typed for 7). */
const MAX_TIMES_PRESCRIBED = 2;

export const adherenceHandlers: HandlerTable<'adherence.record' | 'adherence.list'> = {
  /**
   * Sessions done in one week for one item. A second count for the same week replaces the first as a new
   * version, with a reason; the earlier count stays in the history.
   */
  'adherence.record': (input, ctx) => {
    const { plans, goals } = ctx.repos;
    const item = plans.item(input.itemId);
    if (!item) throw new AppError('not_found', message('domain.adherence.unknownItem'), { itemId: message('domain.adherence.unknownItemField') });
    const versionRow = plans.versions.get(item.plan_version_id)!;
    const version = plans.versionsOf(versionRow.lineage_id).find((v) => v.id === item.plan_version_id)!;
    if (version.voided) throw new AppError('conflict', message('domain.adherence.voidedVersion'));
    const prescribed = prescribedSessions({ frequencyCount: item.frequency_count, frequencyPer: item.frequency_per }, input.weekStart, periodOf(version));
    const week = { date: input.weekStart };
    if (prescribed === 0) {
      const period = { number: version.number, from: { date: version.effectiveFrom }, week, weekEnd: { date: addDays(input.weekStart, 6) } };
      throw new AppError('invalid_input', message('domain.adherence.outside'), {
        weekStart: version.inForceUntil
          ? message('domain.adherence.outsideField', { ...period, until: { date: version.inForceUntil } })
          : message('domain.adherence.outsideFieldOpen', period),
      });
    }
    if (input.sessionsDone > MAX_TIMES_PRESCRIBED * prescribed) {
      throw new AppError('invalid_input', message('domain.adherence.tooMany'), {
        sessionsDone: message('domain.adherence.tooManyField', { done: { number: input.sessionsDone }, prescribed: { number: prescribed }, week }),
      });
    }
    const existing = goals.currentAdherence(item.id, input.weekStart);
    if (existing && !input.reason) {
      throw new AppError('invalid_input', message('domain.adherence.hasCount'), {
        reason: message('domain.adherence.hasCountField', { week, done: { number: existing.sessions_done }, prescribed: { number: prescribed } }),
      });
    }
    const at = ctx.now();
    const before = existing ? goals.adherenceOf(versionRow.lineage_id).find((a) => a.id === existing.id)! : null;
    let newVersion = firstVersion(ctx, at);
    if (existing) {
      // Marked superseded first: the unique index allows one current count per item and week.
      newVersion = correctionOf(ctx, existing, at, input.reason!);
      goals.adherenceVersions.markSuperseded(existing.id, newVersion.id);
    }
    const saved = goals.insertAdherence(newVersion, {
      itemId: item.id,
      planId: versionRow.lineage_id,
      patientId: versionRow.patient_id,
      weekStart: input.weekStart,
      sessionsDone: input.sessionsDone,
      note: input.note,
    });
    const after = { ...saved, prescribed };
    audit(ctx, { at, operation: 'adherence.record', entity: 'plan_adherence', entityId: saved.lineageId, before, after });
    return after;
  },

  'adherence.list': (input, ctx) =>
    ctx.transaction(() => {
      const { plans, goals } = ctx.repos;
      const planId = planIdOf(ctx, input.planId, 'planId');
      const versions = plans.versionsOf(planId);
      const itemPeriods = new Map(versions.flatMap((v) => v.items.map((i) => [i.id, { item: i, period: periodOf(v) }] as const)));
      return goals.adherenceOf(planId).map((a) => {
        const found = itemPeriods.get(a.itemId);
        return { ...a, prescribed: found ? prescribedSessions(found.item, a.weekStart, found.period) : 0 };
      });
    }),
};
