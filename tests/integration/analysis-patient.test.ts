import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysePatient } from '../../shared/analysis/patient-series';
import { todayLocal } from '../../shared/domain/dates';
import { addDays, mondayOf } from '../../shared/domain/plan-periods';
import { openTestBackend, type TestBackend } from '../support/backend';

// `analysis.patient` is the one verdict every screen shows: through dispatch on a real SQLite file it must give
// exactly what the pure analysis gives on the same patient file.
describe('analysis.patient', () => {
  let api: TestBackend;
  let patients: { id: string; clinicId: string | null; familyName: string }[];
  beforeAll(async () => {
    api = openTestBackend();
    await api.ok('sampleData.create', {});
    patients = (await api.ok('patients.list', {})).items;
  });
  afterAll(() => api.dispose());

  it('gives every sample patient the same series and verdicts as the pure analysis of the patient file', async () => {
    const today = todayLocal();
    for (const p of patients) {
      const result = await api.ok('analysis.patient', { patientId: p.id, today });
      const file = await api.ok('patients.file', { patientId: p.id });
      const pure = analysePatient(file, today);
      expect(result.series.map((s) => [s.key, s.verdict.kind, s.verdict.reason])).toEqual(pure.series.map((s) => [s.key, s.analysis.verdict.kind, s.analysis.verdict.reason]));
      for (const s of result.series) {
        // Each reading once and the verdict once: the summary carries neither a copy of the points nor the verdict.
        expect(s.readings).toBe(s.points.length);
        expect(Object.keys(s.analysis)).toEqual(['summary']);
        expect('points' in s.analysis.summary).toBe(false);
        expect(['left', 'right']).toContain(s.side);
        expect(['active', 'passive']).toContain(s.mode);
        expect(s.motion).toMatch(/^[a-z]+\.[a-z_]+$/);
      }
    }
  });

  it('reads the falling series of NWOSU, Chinedu (recurrence after the right hip excision) as Losing', async () => {
    const nwosu = patients.find((p) => p.familyName === 'Nwosu')!;
    const { series } = await api.ok('analysis.patient', { patientId: nwosu.id });
    const kind = (key: string) => series.find((s) => s.key === key)?.verdict.kind;
    expect(kind('right.hip.extension.passive')).toBe('losing');
    expect(kind('right.hip.internal_rotation.passive')).toBe('losing');
    expect(kind('right.hip.external_rotation.passive')).toBe('losing');
  });

  it('judges as of the date asked for: before the first visit nothing is measured yet', async () => {
    const nwosu = patients.find((p) => p.familyName === 'Nwosu')!;
    const early = await api.ok('analysis.patient', { patientId: nwosu.id, today: '2000-01-01' });
    expect(early.series).toEqual([]);
    expect(early.unmeasured.length).toBeGreaterThan(0);
    expect(early.unmeasured.every((s) => s.verdict.kind === 'insufficient')).toBe(true);
  });

  it('refuses a bad patient id or date with a message for the field, and an unknown patient as not found', async () => {
    const bad = await api.call('analysis.patient', { patientId: 'nope' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.patientId).toMatch(/not valid/);
    const badDate = await api.call('analysis.patient', { patientId: patients[0]!.id, today: '2026-02-30' });
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.error.fields?.today).toMatch(/real date/);
    const unknown = await api.call('analysis.patient', { patientId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('not_found');
  });
  it("uses the clinic's threshold for the motion, and says so in the reason", async () => {
    const nwosu = patients.find((p) => p.familyName === 'Nwosu')!;
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 30 });
    try {
      const { series } = await api.ok('analysis.patient', { patientId: nwosu.id });
      const ext = series.find((s) => s.key === 'right.hip.extension.passive')!;
      expect(ext.verdict.kind).not.toBe('losing');
      expect(ext.verdict.threshold.source).toBe('clinic');
      expect(ext.verdict.reason).toMatch(/30°/);
    } finally {
      await api.ok('thresholds.clear', { motion: 'hip.extension', instrument: null });
    }
    const { series } = await api.ok('analysis.patient', { patientId: nwosu.id });
    expect(series.find((s) => s.key === 'right.hip.extension.passive')!.verdict.kind).toBe('losing');
  });

  it('answers "is the therapy holding it?" for each plan version in force on a series, with the adherence recorded', async () => {
    const today = todayLocal();
    const p = await api.ok('patients.create', { familyName: 'Quaye', givenNames: 'Esi', clinicId: 'AP-0001', dateOfBirth: '1975-01-01', sex: 'female' });
    const start = addDays(today, -16 * 7);
    await api.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'suspected', since: start });
    // Losing 3°/week for eight weeks, then flat once stretching starts.
    for (let w = 0; w <= 16; w++) {
      const degrees = w <= 8 ? 130 - 3 * w : 106 + (w % 2);
      await api.ok('visits.record', { patientId: p.id, date: addDays(start, 7 * w), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees }] });
    }
    const planStart = addDays(start, 7 * 8 + 1);
    const plan = await api.ok('plans.create', {
      patientId: p.id,
      title: 'Stretching the right elbow',
      startDate: planStart,
      sites: [{ joint: 'elbow', side: 'right' }],
      passiveRomAllowed: true,
      items: [{ intervention: 'stretching', motions: ['elbow.flexion'], doseKind: 'minutes', minutes: 10, frequencyCount: 3, frequencyPer: 'day' }],
    });
    const item = plan.versions[0]!.items[0]!;
    const week = mondayOf(addDays(planStart, 14));
    await api.ok('adherence.record', { itemId: item.id, weekStart: week, sessionsDone: 17 });

    const { series } = await api.ok('analysis.patient', { patientId: p.id, today });
    const flexion = series.find((s) => s.key === 'right.elbow.flexion.active')!;
    expect(flexion.planResponses).toHaveLength(1);
    const response = flexion.planResponses[0]!;
    expect(response.enough).toBe(true);
    expect(response.adherencePercent).toBe(81);
    expect(response.before.slopePerWeek!).toBeLessThan(-2);
    expect(Math.abs(response.during.slopePerWeek!)).toBeLessThan(1);
    expect(response.sentence).toMatch(/stretching 3 times a day/);
    expect(response.sentence).toMatch(/81 %/);
  });
});
