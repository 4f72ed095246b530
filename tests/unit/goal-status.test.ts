import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalStatus, type GoalPoint, type GoalStatusInput } from '../../shared/domain/goal-status';
import { addDays } from '../../shared/domain/plan-periods';

const START = '2026-03-02';
const at = (days: number, value: number): GoalPoint => ({ date: addDays(START, days), value });
const goal = (points: GoalPoint[], overrides: Partial<GoalStatusInput> = {}): GoalStatusInput => ({
  target: 130,
  targetDate: addDays(START, 120),
  planStart: START,
  points,
  today: addDays(START, 60),
  ...overrides,
});

describe('goalStatus: the rule in shared/domain/goal-status.ts', () => {
  it('not started: nothing measured', () => {
    expect(goalStatus(goal([]))).toMatchObject({ kind: 'not_started', latest: null, projected: null });
  });

  it('met: the latest reading reaches the target, even exactly, and even after the target date', () => {
    expect(goalStatus(goal([at(0, 100), at(30, 130)]))).toMatchObject({ kind: 'met', latest: { value: 130 } });
    expect(goalStatus(goal([at(0, 140)])).kind).toBe('met');
    expect(goalStatus(goal([at(0, 100), at(150, 131)], { today: addDays(START, 160) })).kind).toBe('met');
  });

  it('met follows the latest reading: a later lower reading un-meets the goal', () => {
    expect(goalStatus(goal([at(0, 100), at(20, 135), at(40, 125)])).kind).not.toBe('met');
  });

  it('off track: the target date passed without reaching the target', () => {
    const s = goalStatus(goal([at(0, 100), at(30, 125)], { targetDate: addDays(START, 45), today: addDays(START, 46) }));
    expect(s).toMatchObject({ kind: 'off_track', projected: null });
    expect(s.reason).toMatch(/target date has passed; the latest reading is 125°, 5° short/);
    // On the target date itself it is still judged by the trend.
    expect(goalStatus(goal([at(0, 100), at(30, 125)], { targetDate: addDays(START, 45), today: addDays(START, 45) })).kind).toBe('on_track');
  });

  it('not started: no readings on two different days since the plan began', () => {
    expect(goalStatus(goal([at(10, 100)])).kind).toBe('not_started');
    expect(goalStatus(goal([at(10, 100), at(10, 102)])).kind).toBe('not_started');
  });

  it('on track: the Theil-Sen trend projected to the target date reaches the target', () => {
    // +1 degree every 3 days from 100: at day 120 the line is at 140.
    const s = goalStatus(goal([at(0, 100), at(30, 110), at(60, 120)]));
    expect(s).toMatchObject({ kind: 'on_track', projected: 140 });
    expect(s.reason).toMatch(/reaches about 140° by the target date/);
  });

  it('off track: the trend falls short of the target by the target date', () => {
    const s = goalStatus(goal([at(0, 100), at(30, 104), at(60, 108)]));
    expect(s).toMatchObject({ kind: 'off_track', projected: 116 });
  });

  it('a single odd reading does not swing the trend (Theil-Sen, not least squares)', () => {
    const steady = [at(0, 100), at(15, 105), at(30, 110), at(45, 115), at(60, 120)];
    const odd = [...steady.slice(0, 2), at(30, 80), ...steady.slice(3)];
    expect(goalStatus(goal(odd)).kind).toBe('on_track');
  });

  it('the trend starts at the last reading on or before the plan start; older readings do not count', () => {
    // Losing motion for months before the plan, then gaining under it.
    const history = [at(-200, 140), at(-100, 120), at(-5, 100), at(30, 110), at(60, 120)];
    // From day -5: slope = median(10/35, 20/65, 10/30) = 20/65 a day, so 100 + 125 x 20/65 = 138.5 at day 120.
    expect(goalStatus(goal(history))).toMatchObject({ kind: 'on_track', projected: 138.5 });
    // Without a reading before the start, the trend uses the readings from the start onwards.
    expect(goalStatus(goal([at(5, 100), at(35, 110), at(60, 120)])).kind).toBe('on_track');
  });

  it('ignores readings dated after today', () => {
    expect(goalStatus(goal([at(0, 100), at(30, 110), at(90, 135)])).kind).not.toBe('met');
  });

  it('works for motions with negative values: elbow extension -45 towards -20', () => {
    const points = [at(0, -45), at(30, -40), at(60, -35)]; // +1 degree every 6 days: -25 at day 120
    expect(goalStatus(goal(points, { target: -25 }))).toMatchObject({ kind: 'on_track', projected: -25 });
    expect(goalStatus(goal(points, { target: -20 })).kind).toBe('off_track');
    expect(goalStatus(goal([at(0, -45), at(60, -19)], { target: -20 })).kind).toBe('met');
  });

  it('adding the same constant to every value and the target never changes the status', () => {
    const day = fc.integer({ min: -60, max: 60 });
    fc.assert(
      fc.property(fc.array(fc.record({ d: day, v: fc.integer({ min: 0, max: 150 }) }), { maxLength: 8 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 80, max: 150 }), (raw, shift, target) => {
        const points = raw.map((r) => at(r.d, r.v));
        const a = goalStatus(goal(points, { target }));
        const b = goalStatus(goal(points.map((p) => ({ ...p, value: p.value + shift })), { target: target + shift }));
        expect(b.kind).toBe(a.kind);
      }),
    );
  });
});
