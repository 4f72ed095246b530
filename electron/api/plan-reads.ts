import type { MotionKey } from '../../shared/domain/catalogue';
import { todayLocal } from '../../shared/domain/dates';
import { goalStatus, type GoalPoint, type GoalStatus } from '../../shared/domain/goal-status';
import { groupBySeries, seriesKeyOf, type SeriesKey } from '../../shared/domain/series';
import type { Goal, Plan } from '../../shared/domain/plan-records';
import type { GoalRecord } from '../db/plan-goal-repository';
import { AppError } from '../db/errors';
import type { ApiContext } from './context';
import { capital, inner, message, type MessageRef } from '../../shared/i18n/message';
import { siteMotionName } from '../../shared/domain/message-words';

/** Today in the clinic's calendar, from the context's clock (the one seam tests can move). */
export function today(ctx: ApiContext): string {
  return todayLocal(new Date(ctx.now()));
}

/** The plan (lineage) id for a plan id or the id of any of its versions. */
export function planIdOf(ctx: ApiContext, id: string, field = 'id'): string {
  const row = ctx.repos.plans.versions.get(id);
  if (!row) throw new AppError('not_found', message('domain.plans.unknown'), { [field]: message('domain.plans.unknownField') });
  return row.lineage_id;
}

/** A patient's current measurements as goal series, by series key. */
export function goalSeries(ctx: ApiContext, patientId: string): Map<SeriesKey, GoalPoint[]> {
  // visitsOf lists newest first; reversed, same-day readings keep the order they were recorded in.
  const readings = [...ctx.repos.visits.visitsOf(patientId)].reverse().flatMap((visit) => visit.measurements);
  const series = new Map<SeriesKey, GoalPoint[]>();
  for (const [key, list] of groupBySeries(readings)) series.set(key, list.map((m) => ({ date: m.date, value: m.degrees })));
  return series;
}

/** The series a goal aims at. */
export function goalSeriesKey(goal: Pick<GoalRecord, 'side' | 'motion' | 'mode'>): SeriesKey {
  return seriesKeyOf(goal.side, goal.motion, goal.mode);
}

export function statusOf(goal: Pick<GoalRecord, 'target' | 'targetDate' | 'side' | 'motion' | 'mode'>, planStart: string, series: Map<SeriesKey, GoalPoint[]>, on: string): GoalStatus {
  return goalStatus({ target: goal.target, targetDate: goal.targetDate, planStart, points: series.get(goalSeriesKey(goal)) ?? [], today: on });
}

export function withStatus(ctx: ApiContext, goal: GoalRecord, planStart: string): Goal {
  return { ...goal, status: statusOf(goal, planStart, goalSeries(ctx, goal.patientId), today(ctx)) };
}

/** A whole plan: every version with its period in force, and the current goals with their derived status. */
export function readPlan(ctx: ApiContext, planId: string, series?: Map<SeriesKey, GoalPoint[]>): Plan {
  const { plans, goals } = ctx.repos;
  const versions = plans.versionsOf(planId);
  const first = versions[0];
  const last = versions[versions.length - 1];
  if (!first || !last) throw new AppError('not_found', message('domain.plans.unknown'));
  const points = series ?? goalSeries(ctx, first.patientId);
  const on = today(ctx);
  return {
    id: planId,
    patientId: first.patientId,
    startDate: first.effectiveFrom,
    endDate: last.inForceUntil,
    versions,
    goals: goals.goalsOf(planId).map((g) => ({ ...g, status: statusOf(g, first.effectiveFrom, points, on) })),
  };
}

/**
 * A goal the latest reading already reaches is refused unless the person confirms it (acknowledgeMet). Refused
 * rather than saved with a warning: a goal met on the day it is set is usually a target typed too low or the
 * wrong side or mode, and saved silently it would show "met" from day one and hide the slip. The message says
 * both ways forward; a confirmed goal is saved marked set when met, a goal to maintain.
 */
export function alreadyMetMessage(goal: { side: 'left' | 'right'; motion: MotionKey; mode: 'active' | 'passive'; target: number }, status: GoalStatus): MessageRef {
  const latest = status.latest!;
  const series = message('seriesName.withMode', { name: { message: siteMotionName(goal.side, goal.motion) }, mode: inner(message(`mode.${goal.mode}`)) });
  return message('domain.goals.alreadyMet', { series: capital(series), latest: { degrees: latest.value }, date: { date: latest.date }, target: { degrees: goal.target } });
}
