import { describe, expect, it } from 'vitest';
import type { SparklinePoint } from '../../shared/api/operations/analysis';
import { sparklineModel } from '../../renderer/src/charts/Sparkline';
import { daysBetween } from '../../shared/domain/dates';

// A reading as analysis.sparklines sends it: [day since 1970-01-01, degrees], already downsampled on the server
// (tests/unit/sparkline-points.test.ts); the card draws what it gets.
const JAN_2024 = daysBetween('1970-01-01', '2024-01-01');
const point = (i: number, value: number): SparklinePoint => [JAN_2024 + i, value];

describe('the dashboard card’s small chart', () => {
  it('draws every point it is sent, left to right in time, a lone low reading far below the rest', () => {
    const points = Array.from({ length: 80 }, (_, i) => point(i * 12, 90 + Math.round(10 * Math.sin(i / 7))));
    points[40] = point(480, 40);
    const model = sparklineModel({ points, normal: 145, resetDate: null });
    expect(model.dots).toHaveLength(80);
    const ys = model.dots.map((d) => d.y).sort((a, b) => b - a);
    expect(ys[0]! - ys[1]!).toBeGreaterThan(15);
    expect(model.line.split(' ')).toHaveLength(model.dots.length);
    const xs = model.dots.map((d) => d.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    // The first and last readings at the picture's two edges.
    expect(xs[0]).toBe(34);
    expect(xs.at(-1)).toBe(272);
  });

  it('puts the normal inside its two ticks, higher values higher, and the reset line where the reset is', () => {
    const points = [point(0, 100), point(10, 120), point(20, 110)];
    const model = sparklineModel({ points, normal: 145, resetDate: '2024-01-11' });
    const [low, high] = model.ticks;
    expect(low!.value).toBeLessThanOrEqual(100);
    expect(high!.value).toBeGreaterThanOrEqual(145);
    expect(model.normalY).toBeLessThan(low!.y);
    expect(model.normalY).toBeGreaterThan(high!.y);
    expect(model.dots[1]!.y).toBeLessThan(model.dots[0]!.y);
    expect(model.resetX).toBe(model.dots[1]!.x);
  });

  it('draws a single reading without dividing by zero, and no reset line outside the drawn days', () => {
    const model = sparklineModel({ points: [point(5, 90)], normal: 150, resetDate: '2020-01-01' });
    expect(model.dots).toHaveLength(1);
    expect(Number.isFinite(model.dots[0]!.x) && Number.isFinite(model.dots[0]!.y)).toBe(true);
    expect(model.resetX).toBeNull();
  });
});
