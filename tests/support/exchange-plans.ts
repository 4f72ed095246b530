import { findMotionSpec } from '../../shared/domain/catalogue';
import { todayLocal } from '../../shared/domain/dates';
import { addDays } from '../../shared/domain/plan-periods';
import type { TestBackend } from './backend';

// Plans with every kind of version an export must carry: a plan revised once (two CarePlans, the first revoked),
// a plan stopped early, a goal kept and a goal voided.

export interface PlannedPatient {
  revisedPlanId: string;
  firstVersionId: string;
  currentVersionId: string;
  endedPlanId: string;
  keptGoalId: string;
  voidedGoalId: string;
}

export async function addPlans(api: TestBackend, patientId: string): Promise<PlannedPatient> {
  const today = todayLocal(new Date(api.context.now()));
  const day = (n: number) => addDays(today, n);
  const file = await api.ok('patients.file', { patientId });
  const m = file.visits.flatMap((v) => v.measurements)[0];
  if (!m) throw new Error('addPlans needs a patient with a measurement');
  const joint = findMotionSpec(m.motion)!.joint;
  const item = { intervention: 'active_rom' as const, motions: [m.motion], doseKind: 'sets_reps' as const, sets: 3, repetitions: 10, frequencyCount: 2, frequencyPer: 'day' as const, instructions: 'Slowly, to the end of the comfortable range.' };
  const plan = await api.ok('plans.create', {
    patientId,
    title: 'Range of motion after injury',
    startDate: day(-60),
    sites: [{ joint, side: m.side }],
    passiveRomAllowed: false,
    precautions: 'No forced end-range movement.',
    items: [item],
    goals: [{ motion: m.motion, side: m.side, mode: m.mode, target: m.degrees, targetDate: day(90), acknowledgeMet: true }],
  });
  const other = m.mode === 'active' ? 'passive' : 'active';
  const extra = await api.ok('goals.add', { planId: plan.id, motion: m.motion, side: m.side, mode: other, target: m.degrees, targetDate: day(60), acknowledgeMet: true });
  await api.ok('goals.void', { id: extra.id, reason: 'Set on the wrong mode' });
  const revised = await api.ok('plans.revise', {
    id: plan.versions[0]!.id,
    effectiveFrom: day(-10),
    reason: 'Progressed after review',
    title: 'Range of motion, progressed',
    sites: [{ joint, side: m.side }],
    passiveRomAllowed: true,
    items: [{ ...item, intervention: 'stretching', doseKind: 'minutes', sets: null, repetitions: null, minutes: 10, frequencyCount: 3, frequencyPer: 'week' }],
  });
  const second = await api.ok('plans.create', {
    patientId,
    title: 'Home program',
    startDate: day(-30),
    sites: [{ joint, side: m.side }],
    passiveRomAllowed: true,
    items: [{ ...item, intervention: 'home_program' }],
  });
  await api.ok('plans.end', { id: second.versions[0]!.id, endedOn: day(-2), reason: 'Patient moved away' });
  return {
    revisedPlanId: plan.id,
    firstVersionId: revised.versions[0]!.id,
    currentVersionId: revised.versions[1]!.id,
    endedPlanId: second.id,
    keptGoalId: plan.goals[0]!.id,
    voidedGoalId: extra.id,
  };
}
