import { describe, expect, it } from 'vitest';
import { planResponses, type PlanPeriodInput, type RomPoint } from '../../shared/analysis';
import { analysePatient, type MeasurementLike } from '../../shared/analysis/patient-series';

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const START = '2026-01-05';
const PLAN_DAY = 42; // 16 Feb 2026

/** Weekly readings; two therapists take turns, the second reading 5° higher (an offset, not a change). */
function weekly(values: readonly number[]): RomPoint[] {
  return values.map((v, w) => ({ id: `p${w}`, date: addDays(START, 7 * w), value: v + (w % 2 ? 5 : 0), raterId: w % 2 ? 'B' : 'A', instrument: 'goniometer' }));
}

const stretching: PlanPeriodInput = {
  planId: 'plan-1',
  versionId: 'v-1',
  from: addDays(START, PLAN_DAY),
  to: null,
  label: 'stretching 3 times a day',
  adherencePercent: 80,
};

const respond = (values: readonly number[], periods: PlanPeriodInput[] = [stretching], today = '2026-06-01') =>
  planResponses({ label: 'Right elbow flexion', points: weekly(values), threshold: 8, today }, periods);

describe('plan responses', () => {
  it('a loss that stops after stretching starts', () => {
    // -2°/week for six weeks, then flat from the plan's start.
    const [r] = respond([130, 128, 126, 124, 122, 120, 118, 118, 119, 118, 117, 118, 118, 119]);
    expect(r!.enough).toBe(true);
    expect(r!.before).toMatchObject({ kind: 'losing', readings: 6 });
    expect(r!.before.slopePerWeek).toBeCloseTo(-2, 10);
    expect(r!.during.kind).toBe('holding');
    expect(Math.abs(r!.during.slopePerWeek!)).toBeLessThan(0.5);
    expect(r!.sentence).toBe(
      'Since the plan of 16 Feb 2026 (stretching 3 times a day, 80 % of sessions done): right elbow flexion holding, 0°/week, against -2°/week before.',
    );
  });

  it('a loss that goes on despite it', () => {
    const [r] = respond([130, 128, 126, 124, 122, 120, 118, 116, 114, 112, 110, 108, 106, 104]);
    expect(r!.enough).toBe(true);
    expect(r!.during.kind).toBe('losing');
    expect(r!.sentence).toBe(
      'Since the plan of 16 Feb 2026 (stretching 3 times a day, 80 % of sessions done): right elbow flexion losing, -2°/week, against -2°/week before.',
    );
  });

  it('a period with two readings: not enough to say', () => {
    const [r] = respond([130, 128, 126, 124, 122, 120, 118, 118], [stretching], addDays(START, 49));
    expect(r!.enough).toBe(false);
    expect(r!.during).toMatchObject({ readings: 2, enough: false, kind: null });
    expect(r!.sentence).toBe('2 readings since the plan of 16 Feb 2026: not enough to say.');
  });

  it('says when the plan has ended, when adherence is unknown, and when there is nothing before it', () => {
    const ended = { ...stretching, to: addDays(START, 84), adherencePercent: null };
    const [r] = respond([130, 128, 126, 124, 122, 120, 118, 118, 119, 118, 117, 118, 118, 119, 110, 100], [ended]);
    expect(r!.during.toDate).toBe(addDays(START, 84));
    expect(r!.sentence).toMatch(/^During the plan of 16 Feb 2026 to 30 Mar 2026 \(stretching 3 times a day\): right elbow flexion holding/);
    const early = { ...stretching, from: START };
    const [e] = respond([130, 128, 126, 124, 122], [early]);
    expect(e!.enough).toBe(false);
    expect(e!.sentence).toMatch(/; too few readings before it to compare\.$/);
  });

  it('is attached to each watched series by analysePatient, for the series the plan names', () => {
    const visits = [130, 128, 126, 124, 122, 120, 118, 118, 119, 118, 117, 118]
      .map((v, w): { measurements: MeasurementLike[] } => ({
        measurements: [{ id: `m${w}`, visitId: `v${w}`, date: addDays(START, 7 * w), motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: v, raterId: 'A', instrument: 'goniometer', endFeel: null, pain: null, note: null }],
      }))
      .reverse();
    const file = { sites: [{ joint: 'elbow' as const, side: 'right' as const, voided: null }], visits, events: [] };
    const a = analysePatient(file, '2026-06-01', { planPeriods: [{ ...stretching, seriesKeys: ['right.elbow.flexion.active'] }] });
    const flexion = a.series.find((s) => s.key === 'right.elbow.flexion.active')!;
    expect(flexion.planResponses).toHaveLength(1);
    expect(flexion.planResponses[0]).not.toHaveProperty('seriesKeys');
    expect(flexion.planResponses[0]!.sentence).toMatch(/^Since the plan of 16 Feb 2026 .*right elbow flexion holding/);
    expect(a.unmeasured.find((s) => s.key === 'right.elbow.extension.active')!.planResponses).toEqual([]);
    // Plain data: it survives the trip over the API unchanged.
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
