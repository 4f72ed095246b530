import { formatDate } from '../../../shared/domain/dates';
import { addDays, prescribedSessions, type Period } from '../../../shared/domain/plan-periods';
import type { PlanVersion } from '../../../shared/domain/plan-records';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import { planIdOf } from '../plan-reads';
import { correctionOf, firstVersion } from '../versions';
import type { HandlerTable } from './types';

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
    if (!item) throw new AppError('not_found', 'This plan item does not exist. Reload the page.', { itemId: 'Unknown plan item.' });
    const versionRow = plans.versions.get(item.plan_version_id)!;
    const version = plans.versionsOf(versionRow.lineage_id).find((v) => v.id === item.plan_version_id)!;
    if (version.voided) throw new AppError('conflict', 'This plan version was voided; record adherence on the current plan.');
    const prescribed = prescribedSessions({ frequencyCount: item.frequency_count, frequencyPer: item.frequency_per }, input.weekStart, periodOf(version));
    const weekName = `the week of ${formatDate(input.weekStart)}`;
    if (prescribed === 0) {
      const until = version.inForceUntil ? formatDate(version.inForceUntil) : 'now';
      throw new AppError('invalid_input', 'This week is outside the plan version.', {
        weekStart: `Version ${version.number} of this plan is in force from ${formatDate(version.effectiveFrom)} to ${until}; ${weekName} (to ${formatDate(addDays(input.weekStart, 6))}) is outside it. Choose a week in that period.`,
      });
    }
    if (input.sessionsDone > MAX_TIMES_PRESCRIBED * prescribed) {
      throw new AppError('invalid_input', 'More sessions than seems possible.', {
        sessionsDone: `${input.sessionsDone} is more than twice the ${prescribed} sessions prescribed in ${weekName}. Check the number.`,
      });
    }
    const existing = goals.currentAdherence(item.id, input.weekStart);
    if (existing && !input.reason) {
      throw new AppError('invalid_input', 'This week already has a count.', {
        reason: `${weekName[0]!.toUpperCase()}${weekName.slice(1)} already has a count (${existing.sessions_done} of ${prescribed}). Give a reason for changing it; the earlier count stays in the history.`,
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
