import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../shared/api/contract';
import { todayLocal } from '../../shared/domain/dates';
import { addDays, inForceOn, mondayOf } from '../../shared/domain/plan-periods';
import { auditFor } from '../../electron/db/audit-repository';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const today = todayLocal();
const day = (n: number) => addDays(today, n);
const count = (table: string) => (api.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => ({ versions: count('plan_versions'), items: count('plan_items'), goals: count('plan_goals'), adherence: count('plan_adherence') });

type PlanCreate = OperationInput<'plans.create'>;
type Item = PlanCreate['items'][number];

const activeRom: Item = {
  intervention: 'active_rom',
  motions: ['elbow.flexion', 'elbow.extension'],
  doseKind: 'sets_reps',
  sets: 3,
  repetitions: 10,
  frequencyCount: 2,
  frequencyPer: 'day',
  instructions: 'Bend and straighten the elbow slowly, to the end of the comfortable range.',
};
const homeProgram: Item = {
  intervention: 'home_program',
  motions: ['forearm.supination'],
  doseKind: 'minutes',
  minutes: 15,
  frequencyCount: 3,
  frequencyPer: 'week',
};

function planInput(patientId: string, overrides: Partial<PlanCreate> = {}): PlanCreate {
  return {
    patientId,
    title: 'Right elbow after excision',
    startDate: day(-60),
    sites: [{ joint: 'elbow', side: 'right' }],
    passiveRomAllowed: false,
    precautions: 'No forced end-range movement.',
    items: [activeRom, homeProgram],
    ...overrides,
  };
}

function revision(id: string, effectiveFrom: string, overrides: Partial<OperationInput<'plans.revise'>> = {}): OperationInput<'plans.revise'> {
  return {
    id,
    effectiveFrom,
    reason: 'Progressed after review',
    title: 'Right elbow, progressed',
    sites: [{ joint: 'elbow', side: 'right' }],
    passiveRomAllowed: true,
    items: [{ ...activeRom, sets: 4 }, { ...homeProgram, intervention: 'stretching' }],
    ...overrides,
  };
}

async function refused<K extends 'plans.create' | 'plans.revise' | 'plans.end' | 'goals.add' | 'adherence.record'>(op: K, input: OperationInput<K>, field: string, message: RegExp) {
  const before = counts();
  const auditRows = count('audit_log');
  const r = await api.call(op, input);
  expect(r.ok, `${op} should be refused`).toBe(false);
  if (!r.ok) expect(r.error.fields?.[field], JSON.stringify(r.error)).toMatch(message);
  expect(counts()).toEqual(before);
  expect(count('audit_log')).toBe(auditRows);
}

describe('creating a plan', () => {
  it('saves the plan with its items, precautions and goals, with audit rows', async () => {
    const p = await makePatient(api);
    const plan = await api.ok('plans.create', {
      ...planInput(p.id),
      goals: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', target: 130, targetDate: day(120) }],
    });
    expect(plan).toMatchObject({ patientId: p.id, startDate: day(-60), endDate: null });
    expect(plan.versions).toHaveLength(1);
    const v = plan.versions[0]!;
    expect(v).toMatchObject({ number: 1, effectiveFrom: day(-60), inForceUntil: null, passiveRomAllowed: false, precautions: 'No forced end-range movement.' });
    expect(v.items.map((i) => [i.position, i.intervention, i.sets, i.repetitions, i.minutes, i.frequencyCount, i.frequencyPer])).toEqual([
      [1, 'active_rom', 3, 10, null, 2, 'day'],
      [2, 'home_program', null, null, 15, 3, 'week'],
    ]);
    expect(plan.goals).toMatchObject([{ motion: 'elbow.flexion', side: 'right', mode: 'active', target: 130, setWhenMet: false, status: { kind: 'not_started' } }]);
    expect(auditFor(api.context.db, 'therapy_plan', plan.id).map((a) => a.operation)).toEqual(['plans.create']);
    expect(auditFor(api.context.db, 'plan_goal', plan.goals[0]!.id)).toHaveLength(1);
    expect(await api.ok('plans.list', { patientId: p.id })).toEqual([plan]);
  });
});

describe('versions', () => {
  it('a revision from D ends the previous version on D - 1; exactly one version is in force on any date', async () => {
    const p = await makePatient(api);
    const v1 = await api.ok('plans.create', planInput(p.id, { startDate: day(-90) }));
    const v2 = await api.ok('plans.revise', revision(v1.versions[0]!.id, day(-60)));
    const v3 = await api.ok('plans.revise', revision(v2.versions[1]!.id, day(-30), { endDate: day(30), title: 'Right elbow, maintenance' }));
    expect(v3.id).toBe(v1.id);
    expect(v3.versions.map((v) => [v.number, v.effectiveFrom, v.inForceUntil, v.correctionReason])).toEqual([
      [1, day(-90), day(-61), null],
      [2, day(-60), day(-31), 'Progressed after review'],
      [3, day(-30), day(30), 'Progressed after review'],
    ]);
    expect(v3.endDate).toBe(day(30));
    const periods = v3.versions.map((v) => ({ from: v.effectiveFrom, until: v.inForceUntil }));
    for (let n = -100; n <= 40; n++) {
      const inForce = periods.filter((q) => day(n) >= q.from && (q.until === null || day(n) <= q.until)).length;
      expect(inForce, day(n)).toBe(n >= -90 && n <= 30 ? 1 : 0);
    }
    expect(inForceOn(periods, day(-61))).toBe(0);
    expect(inForceOn(periods, day(-60))).toBe(1);
    // Earlier versions stay readable exactly as prescribed, from the plan id or any version's id.
    const again = await api.ok('plans.get', { id: v1.versions[0]!.id });
    expect(again.versions[0]).toMatchObject({ title: 'Right elbow after excision', passiveRomAllowed: false });
    expect(again.versions[0]!.items.map((i) => i.intervention)).toEqual(['active_rom', 'home_program']);
    expect(again.versions[1]!.items.map((i) => [i.intervention, i.sets])).toEqual([['active_rom', 4], ['stretching', null]]);
    expect(auditFor(api.context.db, 'therapy_plan', v1.id).map((a) => a.operation)).toEqual(['plans.create', 'plans.revise', 'plans.revise']);
  });

  it('refuses overlapping versions, saving nothing, and a stale revision of a replaced version', async () => {
    const p = await makePatient(api);
    const plan = await api.ok('plans.create', planInput(p.id, { startDate: day(-30) }));
    const id = plan.versions[0]!.id;
    await refused('plans.revise', revision(id, day(-30)), 'effectiveFrom', /Versions cannot overlap: the current version is in force from .* on .* or later/);
    await refused('plans.revise', revision(id, day(-45)), 'effectiveFrom', /Versions cannot overlap/);
    await api.ok('plans.revise', revision(id, day(-10)));
    const stale = await api.call('plans.revise', revision(id, day(-5)));
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already been corrected/) } });
  });

  it('the database itself refuses an overlapping version and edits or deletes of plans', async () => {
    const p = await makePatient(api);
    const plan = await api.ok('plans.create', planInput(p.id));
    api.close();
    const raw = new Database(api.dbPath);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO plan_versions (id, lineage_id, supersedes_id, recorded_at, correction_reason, patient_id, title, effective_from, sites_json, passive_rom_allowed)
           VALUES ('x', ?, ?, '2026-01-01T00:00:00Z', 'r', ?, 't', ?, '[]', 0)`,
        )
        .run(plan.id, plan.id, p.id, plan.startDate),
    ).toThrow(/must start after the version it replaces/);
    expect(() => raw.prepare('DELETE FROM plan_versions').run()).toThrow(/never deleted/);
    expect(() => raw.prepare("UPDATE plan_versions SET title = 'changed'").run()).toThrow(/never edited in place/);
    expect(() => raw.prepare('UPDATE plan_items SET sets = 9').run()).toThrow(/never edited in place/);
    expect(() => raw.prepare('DELETE FROM plan_items').run()).toThrow(/never deleted/);
    raw.close();
  });

  it('stops a plan on a date; it cannot then be revised or stopped again', async () => {
    const p = await makePatient(api);
    const plan = await api.ok('plans.create', planInput(p.id, { startDate: day(-30), endDate: day(60) }));
    const id = plan.versions[0]!.id;
    await refused('plans.end', { id, endedOn: day(-31), reason: 'Excision surgery' }, 'endedOn', /can stop on that day or later/);
    await refused('plans.end', { id, endedOn: day(61), reason: 'Excision surgery' }, 'endedOn', /already ends on/);
    const ended = await api.ok('plans.end', { id, endedOn: day(-1), reason: 'Excision surgery planned' });
    expect(ended.endDate).toBe(day(-1));
    expect(ended.versions[0]!.ended).toMatchObject({ on: day(-1), reason: 'Excision surgery planned' });
    const again = await api.call('plans.end', { id, endedOn: day(-2), reason: 'Twice' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const revised = await api.call('plans.revise', revision(id, day(-2)));
    expect(revised.ok || revised.error.fields?.effectiveFrom).toMatch(/was stopped on/);
  });
});

describe('bad input is refused with a message on the field, and nothing is saved', () => {
  it('an end before the start', async () => {
    const p = await makePatient(api);
    await refused('plans.create', planInput(p.id, { startDate: day(-10), endDate: day(-20) }), 'endDate', /cannot end .* before it starts/);
    const plan = await api.ok('plans.create', planInput(p.id, { startDate: day(-30) }));
    await refused('plans.revise', revision(plan.versions[0]!.id, day(-5), { endDate: day(-6) }), 'endDate', /cannot end .* before it starts/);
  });

  it('a target date before the plan starts, at creation and when a goal is added', async () => {
    const p = await makePatient(api);
    const early = { motion: 'elbow.flexion', side: 'right', mode: 'active', target: 130, targetDate: day(-61) } as const;
    await refused('plans.create', planInput(p.id, { goals: [early] }), 'goals.0.targetDate', /before the plan starts/);
    const plan = await api.ok('plans.create', planInput(p.id));
    await refused('goals.add', { planId: plan.id, ...early }, 'targetDate', /before the plan starts \(.*\)\. Choose a date on or after the start/);
  });

  it('a frequency of zero', async () => {
    const p = await makePatient(api);
    await refused('plans.create', planInput(p.id, { items: [{ ...activeRom, frequencyCount: 0 }] }), 'items.0.frequencyCount', /a frequency of 0 prescribes nothing/);
  });

  it('a passive-ROM or stretching item in a plan whose precautions forbid passive ROM', async () => {
    const p = await makePatient(api);
    for (const intervention of ['passive_rom', 'stretching'] as const) {
      await refused('plans.create', planInput(p.id, { items: [activeRom, { ...activeRom, intervention }] }), 'items.1.intervention', /do not allow passive range of motion or stretching/);
    }
    // Allowed when the precautions allow it.
    await api.ok('plans.create', planInput(p.id, { passiveRomAllowed: true, items: [{ ...activeRom, intervention: 'passive_rom' }] }));
  });

  it('a plan that does not say whether passive ROM is allowed, and motions at sites the plan does not target', async () => {
    const p = await makePatient(api);
    const { passiveRomAllowed: _omitted, ...withoutPrecaution } = planInput(p.id);
    await refused('plans.create', withoutPrecaution as PlanCreate, 'passiveRomAllowed', /Record whether passive range of motion and stretching are allowed/);
    await refused('plans.create', planInput(p.id, { items: [{ ...activeRom, motions: ['knee.flexion'] }] }), 'items.0.motions', /Knee flexion is not at a site this plan targets \(Right elbow\)/);
  });

  it('a goal already met: refused with the way forward, saved only when confirmed as a goal to maintain', async () => {
    const p = await makePatient(api);
    const plan = await api.ok('plans.create', planInput(p.id));
    await api.ok('visits.record', { patientId: p.id, date: day(-2), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 135 }] });
    const goal = { planId: plan.id, motion: 'elbow.flexion', side: 'right', mode: 'active', target: 130, targetDate: day(60) } as const;
    await refused('goals.add', goal, 'target', /Right elbow flexion \(active\) already reaches 135° .* Raise the target .* or tick “Keep as a goal to maintain”/);
    const { planId: _p, ...fields } = goal;
    await refused('plans.create', planInput(p.id, { goals: [fields] }), 'goals.0.target', /already reaches 135°/);
    const kept = await api.ok('goals.add', { ...goal, acknowledgeMet: true });
    expect(kept).toMatchObject({ setWhenMet: true, status: { kind: 'met' } });
  });

  it('a target outside the motion’s plausible range, and a second goal for the same series', async () => {
    const p = await makePatient(api);
    const plan = await api.ok('plans.create', planInput(p.id));
    const goal = { planId: plan.id, motion: 'elbow.flexion', side: 'right', mode: 'active', targetDate: day(60) } as const;
    await refused('goals.add', { ...goal, target: 400 }, 'target', /from -10 to 170/);
    await api.ok('goals.add', { ...goal, target: 130 });
    await refused('goals.add', { ...goal, target: 140 }, 'motion', /already has a goal/);
  });
});

describe('goal status from the measurements (visits.record)', () => {
  it('met, on track, off track and not started', async () => {
    const p = await makePatient(api);
    const goal = (motion: string, mode: 'active' | 'passive', target: number, targetDate: string) => ({ motion, side: 'right', mode, target, targetDate }) as never;
    const plan = await api.ok('plans.create', {
      ...planInput(p.id),
      goals: [
        goal('elbow.flexion', 'active', 115, day(60)), // met: latest 120
        goal('elbow.extension', 'active', -20, day(30)), // off track: -40 -> -37 projects to about -35
        goal('forearm.pronation', 'active', 80, day(-5)), // off track: the date passed at 45
        goal('forearm.supination', 'active', 60, day(60)), // not started: never measured
        goal('elbow.flexion', 'passive', 140, day(60)), // not started: one reading only
        goal('forearm.pronation', 'passive', 70, day(90)), // on track: 50 -> 60 -> 65 projects past 70
      ],
    });
    expect(plan.goals.map((g) => g.status.kind)).toEqual(Array(6).fill('not_started'));
    const m = (motion: string, mode: 'active' | 'passive', degrees: number) => ({ motion, side: 'right', mode, degrees }) as never;
    await api.ok('visits.record', {
      patientId: p.id,
      date: day(-60),
      measurements: [m('elbow.flexion', 'active', 100), m('elbow.extension', 'active', -40), m('forearm.pronation', 'active', 40), m('forearm.pronation', 'passive', 50)],
    });
    await api.ok('visits.record', {
      patientId: p.id,
      date: day(-30),
      measurements: [m('elbow.flexion', 'active', 110), m('elbow.extension', 'active', -38), m('forearm.pronation', 'active', 45), m('forearm.pronation', 'passive', 60)],
    });
    await api.ok('visits.record', {
      patientId: p.id,
      date: day(-1),
      measurements: [m('elbow.flexion', 'active', 120), m('elbow.flexion', 'passive', 125), m('elbow.extension', 'active', -37), m('forearm.pronation', 'passive', 65)],
    });
    const read = await api.ok('plans.get', { id: plan.id });
    const status = (motion: string, mode: string) => read.goals.find((g) => g.motion === motion && g.mode === mode)!.status;
    expect(status('elbow.flexion', 'active')).toMatchObject({ kind: 'met', latest: { date: day(-1), value: 120 } });
    expect(status('elbow.extension', 'active').kind).toBe('off_track');
    expect(status('elbow.extension', 'active').projected).toBeLessThan(-20);
    expect(status('forearm.pronation', 'active')).toMatchObject({ kind: 'off_track', reason: expect.stringMatching(/target date has passed/) });
    expect(status('forearm.supination', 'active')).toMatchObject({ kind: 'not_started', latest: null });
    expect(status('elbow.flexion', 'passive')).toMatchObject({ kind: 'not_started', latest: { value: 125 } });
    expect(status('forearm.pronation', 'passive').kind).toBe('on_track');
    expect(status('forearm.pronation', 'passive').projected).toBeGreaterThanOrEqual(70);

    // A correction of the latest reading changes the status: it is derived, never stored.
    const visits = await api.ok('visits.list', { patientId: p.id });
    const latestFlexion = visits[0]!.measurements.find((x) => x.motion === 'elbow.flexion' && x.mode === 'active')!;
    await api.ok('measurements.correct', { id: latestFlexion.id, degrees: 112, instrument: 'goniometer', endFeel: null, pain: null, note: null, reason: 'Misread' });
    expect((await api.ok('plans.get', { id: plan.id })).goals.find((g) => g.motion === 'elbow.flexion' && g.mode === 'active')!.status.kind).not.toBe('met');
  });
});

describe('adherence', () => {
  it('records sessions per item and week against the sessions prescribed; a change needs a reason and keeps the history', async () => {
    const p = await makePatient(api);
    const plan = await api.ok('plans.create', planInput(p.id, { startDate: day(-21) }));
    const [exercise, home] = plan.versions[0]!.items;
    const week = mondayOf(day(-7));
    const first = await api.ok('adherence.record', { itemId: home!.id, weekStart: week, sessionsDone: 2 });
    expect(first).toMatchObject({ sessionsDone: 2, prescribed: 3, planId: plan.id, weekStart: week });
    const daily = await api.ok('adherence.record', { itemId: exercise!.id, weekStart: week, sessionsDone: 12, note: 'Missed the weekend' });
    expect(daily.prescribed).toBe(14);

    await refused('adherence.record', { itemId: home!.id, weekStart: week, sessionsDone: 3 }, 'reason', /already has a count \(2 of 3\)/);
    const changed = await api.ok('adherence.record', { itemId: home!.id, weekStart: week, sessionsDone: 3, reason: 'Diary found' });
    expect(changed).toMatchObject({ lineageId: first.id, supersedesId: first.id, correctionReason: 'Diary found' });
    const list = await api.ok('adherence.list', { planId: plan.id });
    expect(list.map((a) => [a.itemId, a.sessionsDone, a.prescribed])).toEqual(
      expect.arrayContaining([
        [home!.id, 3, 3],
        [exercise!.id, 12, 14],
      ]),
    );
    expect(list).toHaveLength(2);

    await refused('adherence.record', { itemId: exercise!.id, weekStart: mondayOf(day(-60)), sessionsDone: 1 }, 'weekStart', /is outside it/);
    await refused('adherence.record', { itemId: exercise!.id, weekStart: mondayOf(day(-14)), sessionsDone: 70 }, 'sessionsDone', /more than twice the 14 sessions/);
    await refused('adherence.record', { itemId: exercise!.id, weekStart: addDays(mondayOf(today), 1), sessionsDone: 1 }, 'weekStart', /Monday/);
    await refused('adherence.record', { itemId: exercise!.id, weekStart: mondayOf(day(14)), sessionsDone: 1 }, 'weekStart', /has not started yet/);
  });

  it('counts only the days a version was in force in a week split by a revision', async () => {
    const p = await makePatient(api);
    const monday = mondayOf(day(-30));
    const plan = await api.ok('plans.create', planInput(p.id, { startDate: monday }));
    // In force Monday to Wednesday; the revision takes over on Thursday.
    const revised = await api.ok('plans.revise', revision(plan.versions[0]!.id, addDays(monday, 3)));
    const oldDaily = revised.versions[0]!.items[0]!;
    const newDaily = revised.versions[1]!.items[0]!;
    expect((await api.ok('adherence.record', { itemId: oldDaily.id, weekStart: monday, sessionsDone: 6 })).prescribed).toBe(2 * 3);
    expect((await api.ok('adherence.record', { itemId: newDaily.id, weekStart: monday, sessionsDone: 8 })).prescribed).toBe(2 * 4);
  });
});
