import { describe, expect, it } from 'vitest';
import { normalQuantile, theilSen } from '../../shared/analysis';

describe('theilSen', () => {
  it('recovers the slope and intercept of an exact line, with a zero-width interval', () => {
    const fit = theilSen([0, 1, 2, 3, 4, 5].map((x) => ({ x, y: 3 + 2 * x })));
    expect(fit).not.toBeNull();
    expect(fit!.slope).toBe(2);
    expect(fit!.intercept).toBe(3);
    expect(fit!.lower).toBe(2);
    expect(fit!.upper).toBe(2);
    expect(fit!.pairs).toBe(15);
  });

  it('is not moved by one wild outlier, where least squares would be', () => {
    const points = [0, 1, 2, 3, 4, 5, 6].map((x) => ({ x, y: 120 - 1.5 * x }));
    points[3] = { x: 3, y: 400 };
    const fit = theilSen(points)!;
    expect(fit.slope).toBe(-1.5);
    expect(fit.intercept).toBe(120);
  });

  it('matches scipy.stats.theilslopes (slope and 95% interval)', () => {
    // scipy 1.17: theilslopes(y, x, 0.95) -> slope 1.5, low 1.0, high 1.6667
    const ys = [10, 12, 11, 15, 14, 18, 17, 21, 19, 24];
    const fit = theilSen(ys.map((y, x) => ({ x, y })))!;
    expect(fit.slope).toBe(1.5);
    expect(fit.lower).toBe(1);
    expect(fit.upper).toBeCloseTo(5 / 3, 12);

    // With ties in x (two readings on one day): slope -1.866071, low -2.5, high -1.3333
    const xs = [0, 1, 1, 2, 3, 5, 8];
    const ys2 = [100, 98, 97, 95, 96, 90, 85];
    const fit2 = theilSen(xs.map((x, i) => ({ x, y: ys2[i]! })))!;
    expect(fit2.slope).toBeCloseTo(-1.8660714285714286, 12);
    expect(fit2.lower).toBe(-2.5);
    expect(fit2.upper).toBeCloseTo(-4 / 3, 12);
    expect(fit2.pairs).toBe(20);
  });

  it('widens the interval to the slope range for very few points', () => {
    const fit = theilSen([
      { x: 0, y: 0 },
      { x: 1, y: 3 },
      { x: 2, y: 2 },
    ])!;
    expect(fit.slope).toBe(1);
    expect(fit.lower).toBe(-1);
    expect(fit.upper).toBe(3);
  });

  it('returns null when no two points differ in x, and refuses non-finite input', () => {
    expect(theilSen([])).toBeNull();
    expect(theilSen([{ x: 1, y: 1 }])).toBeNull();
    expect(theilSen([{ x: 2, y: 1 }, { x: 2, y: 5 }])).toBeNull();
    expect(() => theilSen([{ x: 0, y: Number.NaN }, { x: 1, y: 1 }])).toThrow(RangeError);
  });

  it('inverts the normal distribution', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});
