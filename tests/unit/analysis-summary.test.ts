import { describe, expect, it } from 'vitest';
import { formatDuration, seriesLabel, summariseSeries, type RomPoint } from '../../shared/analysis';

const pt = (date: string, value: number, id?: string, raterId: string | null = 'A'): RomPoint => ({
  date,
  value,
  raterId,
  instrument: 'goniometer',
  ...(id ? { id } : {}),
});

describe('summariseSeries', () => {
  const points = [
    pt('2026-03-02', 110, 'c'),
    pt('2026-01-05', 90, 'a'),
    pt('2026-02-02', 125, 'b'),
    pt('2026-03-16', 120, 'd'),
    pt('2026-03-30', 125, 'e'),
    pt('2026-04-13', 112, 'f'),
  ];
  const s = summariseSeries({
    label: 'Left knee flexion',
    points,
    threshold: 10,
    normal: 135,
    functional: 120,
    otherSideLatest: 140,
    today: '2026-04-20',
  });

  it('sorts by date and finds baseline, best (most recent of equal highs) and latest', () => {
    expect(s.points.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(s.baseline).toMatchObject({ id: 'a', value: 90, index: 0 });
    expect(s.best).toMatchObject({ id: 'e', value: 125, index: 4 });
    expect(s.latest).toMatchObject({ id: 'f', value: 112, index: 5, date: '2026-04-13' });
    expect(s.spanDays).toBe(98);
    expect(s.daysSinceLatest).toBe(7);
  });

  it('reports changes and percentages', () => {
    expect(s.changeSinceBaseline).toBe(22);
    expect(s.changeSinceBest).toBe(-13);
    expect(s.percentOfNormal).toBe(83); // 112 / 135
    expect(s.percentOfOtherSide).toBe(80); // 112 / 140
    expect(s.functionalReached).toBe(false);
    expect(s.functionalShortBy).toBe(8);
  });

  it('gives no percentage against a reference of 0 or none', () => {
    const ext = summariseSeries({ label: 'x', points: [pt('2026-01-05', -10)], threshold: 5, normal: 0, otherSideLatest: 0, today: '2026-01-05' });
    expect(ext.percentOfNormal).toBeNull();
    expect(ext.percentOfOtherSide).toBeNull();
    expect(ext.functionalReached).toBeNull();
    const none = summariseSeries({ label: 'x', points: [], threshold: 5, today: '2026-01-05' });
    expect(none.baseline).toBeNull();
    expect(none.changeSinceBaseline).toBeNull();
    expect(none.trendAll).toBeNull();
    expect(none.daysSinceLatest).toBeNull();
  });

  it('fits the whole-series trend and the recent 8-week trend in degrees per week', () => {
    const line = [0, 14, 28, 42, 56, 70, 84, 98].map((d, i) => {
      const date = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
      // Up 3°/week for 6 weeks, then down 2°/week.
      const value = d <= 42 ? 90 + (3 * d) / 7 : 108 - (2 * (d - 42)) / 7;
      return pt(date, value, `p${i}`);
    });
    const t = summariseSeries({ label: 'x', points: line, threshold: 8, today: '2026-06-01' });
    expect(t.trendAll?.points).toBe(8);
    expect(t.trendRecent?.points).toBe(5); // days 42..98: within 56 days of the latest
    expect(t.trendRecent?.slopePerWeek).toBeCloseTo(-2, 10);
    expect(t.trendRecent?.startValue).toBeCloseTo(108, 10);
    expect(t.trendRecent?.fromDate).toBe('2026-02-16');
    expect(t.trendRecent?.lowerPerWeek).toBeCloseTo(-2, 10);
    expect(t.trendRecent?.upperPerWeek).toBeCloseTo(-2, 10);
    const shorter = summariseSeries({ label: 'x', points: line, threshold: 8, today: '2026-06-01' }, { recentWindowDays: 28 });
    expect(shorter.trendRecent?.points).toBe(3);
  });

  it('keeps same-day readings in entry order', () => {
    const t = summariseSeries({
      label: 'x',
      points: [pt('2026-01-05', 100, 'first'), pt('2026-01-05', 104, 'second'), pt('2026-01-01', 99, 'zero')],
      threshold: 8,
      today: '2026-02-01',
    });
    expect(t.points.map((p) => p.id)).toEqual(['zero', 'first', 'second']);
    expect(t.latest?.id).toBe('second');
  });
});

describe('wording helpers', () => {
  it('names a series as a therapist says it', () => {
    expect(seriesLabel('right', 'Elbow flexion')).toBe('Right elbow flexion');
    expect(seriesLabel('left', 'Hip internal rotation', 'passive')).toBe('Left hip internal rotation (passive)');
  });

  it('speaks of durations in days, weeks, months, years', () => {
    expect(formatDuration(1)).toBe('1 day');
    expect(formatDuration(9)).toBe('9 days');
    expect(formatDuration(14)).toBe('2 weeks');
    expect(formatDuration(35)).toBe('5 weeks');
    expect(formatDuration(200)).toBe('7 months');
    expect(formatDuration(800)).toBe('2 years');
  });
});
