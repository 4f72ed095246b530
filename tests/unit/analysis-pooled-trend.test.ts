import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooledFit, strataOf, theilSen, type RomPoint } from '../../shared/analysis';
import { dayDiff } from '../../shared/analysis/day-number';
import { daysBetween } from '../../shared/domain/dates';

const pt = (date: string, value: number, raterId: string | null = 'A', instrument: string | null = 'goniometer'): RomPoint => ({ date, value, raterId, instrument });

describe('pooled like-with-like trend', () => {
  it('equals plain Theil-Sen, with Sen\'s 90 % interval, for one therapist with one instrument', () => {
    const points = [pt('2026-01-05', 120), pt('2026-01-12', 118), pt('2026-01-19', 119), pt('2026-01-26', 114), pt('2026-02-02', 112), pt('2026-02-09', 113), pt('2026-02-16', 108)];
    const fit = pooledFit(points, strataOf(points), 0.9)!;
    const plain = theilSen(points.map((p, i) => ({ x: 7 * i, y: p.value })), 0.9)!;
    expect(fit.slopePerDay).toBeCloseTo(plain.slope, 12);
    expect(fit.lowerPerDay).toBeCloseTo(plain.lower, 12);
    expect(fit.upperPerDay).toBeCloseTo(plain.upper, 12);
    expect(fit).toMatchObject({ pairs: 21, strata: 1, readings: 7, spanDays: 42, fromDate: '2026-01-05', toDate: '2026-02-16' });
    expect(fit.fittedChange).toBeCloseTo(plain.slope * 42, 12);
  });

  it('pairs readings only within a stratum, so an offset between therapists cancels', () => {
    // A reads 120 flat, B reads 135 flat: across therapists the series zig-zags by 15°.
    const points = [pt('2026-01-05', 120), pt('2026-01-12', 135, 'B'), pt('2026-01-19', 120), pt('2026-01-26', 135, 'B'), pt('2026-02-02', 120), pt('2026-02-09', 135, 'B')];
    const fit = pooledFit(points, strataOf(points))!;
    expect(fit.slopePerDay).toBe(0);
    expect(fit.pairs).toBe(6);
    expect(fit.strata).toBe(2);
  });

  it('leaves a side of the interval open (null) rather than clamping it to the extreme slope', () => {
    // Three readings falling: every pair falls, but three readings cannot make a 90 % interval exclude 0.
    const three = [pt('2026-01-05', 120), pt('2026-01-19', 110), pt('2026-02-02', 100)];
    const fit = pooledFit(three, strataOf(three))!;
    expect(fit.allPairsFalling).toBe(true);
    expect(fit.upperPerDay).toBeNull();
    expect(fit.lowerPerDay).toBeNull();
    // Two therapists with two readings each: var(S) = 1 + 1, still open.
    const abab = [pt('2026-01-05', 120), pt('2026-01-12', 130, 'B'), pt('2026-01-19', 110), pt('2026-01-26', 120, 'B')];
    const two = pooledFit(abab, strataOf(abab))!;
    expect(two).toMatchObject({ pairs: 2, strata: 2, lowerPerDay: null, upperPerDay: null });
  });

  it('skips readings with no therapist or instrument, and same-day pairs', () => {
    const points = [pt('2026-01-05', 120, null), pt('2026-01-05', 121), pt('2026-01-05', 119), pt('2026-01-19', 110, 'A', null)];
    expect(pooledFit(points, strataOf(points))).toBeNull();
  });
});

describe('day numbers', () => {
  it('agree with daysBetween for any two calendar dates', () => {
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(date, date, (a, b) => {
      expect(dayDiff(a, b)).toBe(daysBetween(a, b));
    }), { numRuns: 2000 });
    expect(dayDiff('2024-02-28', '2024-03-01')).toBe(2);
    expect(dayDiff('1970-01-01', '2000-03-01')).toBe(11017);
  });
});
