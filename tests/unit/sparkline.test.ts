import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../shared/analysis/patient-series';
import { SPARKLINE_POINTS, sparklineModel } from '../../renderer/src/charts/Sparkline';

const point = (i: number, value: number): SeriesPoint => ({
  id: `p${i}`,
  visitId: `v${i}`,
  date: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
  value,
  raterId: null,
  instrument: null,
  endFeel: null,
  pain: null,
  note: null,
});

describe('the dashboard card’s small chart', () => {
  it('draws a long series with at most its budget of points, keeping the verdict’s and the extremes', () => {
    const points = Array.from({ length: 1000 }, (_, i) => point(i, 90 + Math.round(10 * Math.sin(i / 7))));
    points[500] = point(500, 40); // the lowest reading, mid-series
    const model = sparklineModel({ points, normal: 145, resetDate: null, keepIds: ['p3', 'p998'] });
    expect(model.dots.length).toBeLessThanOrEqual(SPARKLINE_POINTS + 2);
    expect(model.dots.length).toBeGreaterThan(SPARKLINE_POINTS / 2);
    // The lone low reading (40°, the others 80° and up) survives the downsampling: one dot far below the rest.
    const ys = model.dots.map((d) => d.y).sort((a, b) => b - a);
    expect(ys[0]! - ys[1]!).toBeGreaterThan(15);
    expect(model.line.split(' ')).toHaveLength(model.dots.length);
    // Time runs left to right.
    const xs = model.dots.map((d) => d.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('puts the normal inside its two ticks, higher values higher, and the reset line where the reset is', () => {
    const points = [point(0, 100), point(10, 120), point(20, 110)];
    const model = sparklineModel({ points, normal: 145, resetDate: points[1]!.date, keepIds: [] });
    const [low, high] = model.ticks;
    expect(low!.value).toBeLessThanOrEqual(100);
    expect(high!.value).toBeGreaterThanOrEqual(145);
    expect(model.normalY).toBeLessThan(low!.y);
    expect(model.normalY).toBeGreaterThan(high!.y);
    expect(model.dots[1]!.y).toBeLessThan(model.dots[0]!.y);
    expect(model.resetX).toBe(model.dots[1]!.x);
  });

  it('draws a single reading without dividing by zero, and no reset line outside the drawn days', () => {
    const model = sparklineModel({ points: [point(5, 90)], normal: 150, resetDate: '2020-01-01', keepIds: [] });
    expect(model.dots).toHaveLength(1);
    expect(Number.isFinite(model.dots[0]!.x) && Number.isFinite(model.dots[0]!.y)).toBe(true);
    expect(model.resetX).toBeNull();
  });
});
