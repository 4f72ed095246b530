import { describe, expect, it } from 'vitest';
import { evenlyThinned, MAX_TREND_POINTS, trendOf } from '../../shared/analysis/series-summary';

function weekly(n: number, value: (i: number) => number) {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2021, 0, 4 + i * 7));
    return { id: `p${i}`, date: d.toISOString().slice(0, 10), value: value(i), raterId: 'a', instrument: 'goniometer' };
  });
}

describe('trends of long histories', () => {
  it('thins evenly, keeping the first and last readings', () => {
    const pts = weekly(1000, (i) => i);
    const thin = evenlyThinned(pts, MAX_TREND_POINTS);
    expect(thin).toHaveLength(MAX_TREND_POINTS);
    expect(thin[0]).toBe(pts[0]);
    expect(thin[thin.length - 1]).toBe(pts[999]);
    expect(evenlyThinned(pts.slice(0, 20), MAX_TREND_POINTS)).toHaveLength(20);
  });

  it('a five-year weekly loss of 0.2° a week, with outliers, is still measured as that loss', () => {
    const pts = weekly(260, (i) => Math.round(130 - 0.2 * i) + (i % 37 === 0 ? 25 : 0));
    const trend = trendOf(pts)!;
    expect(trend.slopePerWeek).toBeCloseTo(-0.2, 1);
    expect(trend.points).toBe(260);
  });
});
