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
    otherSideLatestDate: '2026-04-06',
    today: '2026-04-20',
  });

  it('sorts by date and finds baseline, best (highest average of two consecutive readings before the latest two) and latest', () => {
    expect(s.points.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(s.baseline).toMatchObject({ id: 'a', value: 90, index: 0 });
    // Pairs a-b 107.5, b-c 117.5, c-d 115 (e and f are the latest two): the best is b-c, dated by c.
    expect(s.best).toMatchObject({ id: 'c', value: 117.5, index: 2, date: '2026-03-02' });
    expect(s.bestPair?.map((p) => p.id)).toEqual(['b', 'c']);
    expect(s.latest).toMatchObject({ id: 'f', value: 112, index: 5, date: '2026-04-13' });
    expect(s.spanDays).toBe(98);
    expect(s.daysSinceLatest).toBe(7);
  });

  it('reports changes and percentages', () => {
    expect(s.changeSinceBaseline).toBe(22);
    expect(s.changeSinceBest).toBe(-5.5);
    expect(s.percentOfNormal).toBe(83); // 112 / 135
    expect(s.percentOfOtherSide).toBe(80); // 112 / 140, measured 14 days apart
    expect(s.otherSideDifference).toBe(-28);
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

describe('percentages that mean something', () => {
  const one = (value: number, extra: Partial<Parameters<typeof summariseSeries>[0]> = {}) =>
    summariseSeries({ label: 'x', points: [pt('2026-03-02', value)], threshold: 8, today: '2026-03-02', ...extra });

  it('gives percent of normal only against a normal of 20° or more, for a latest value above 0, within 0-200 %', () => {
    expect(one(24, { normal: 30 }).percentOfNormal).toBe(80); // hip extension: normal 30 is a real range
    expect(one(-12, { normal: 30 }).percentOfNormal).toBeNull(); // a contracture is not -40 % of normal
    expect(one(0, { normal: 30 }).percentOfNormal).toBeNull();
    expect(one(5, { normal: 0 }).percentOfNormal).toBeNull(); // elbow or knee extension
    expect(one(15, { normal: 15 }).percentOfNormal).toBeNull(); // a normal under 20° swings with every degree
    expect(one(70, { normal: 30 }).percentOfNormal).toBeNull(); // 233 %: outside 0-200, a typo more likely than a joint
    expect(one(60, { normal: 30 }).percentOfNormal).toBe(200);
  });

  it('compares with the other side only when measured within 28 days, else gives nothing', () => {
    const near = one(100, { otherSideLatest: 125, otherSideLatestDate: '2026-02-02' });
    expect(near.percentOfOtherSide).toBe(80);
    expect(near.otherSideDifference).toBe(-25);
    const far = one(100, { otherSideLatest: 125, otherSideLatestDate: '2026-02-01' });
    expect(far.percentOfOtherSide).toBeNull();
    expect(far.otherSideDifference).toBeNull();
    // Without the other side's date we cannot tell the readings are comparable.
    expect(one(100, { otherSideLatest: 125 }).percentOfOtherSide).toBeNull();
  });

  it('gives the difference in degrees where a percentage of the other side would mislead', () => {
    // Elbow extension -12 against the other side's 5: no percentage, 17° less.
    const ext = one(-12, { otherSideLatest: 5, otherSideLatestDate: '2026-03-01' });
    expect(ext.percentOfOtherSide).toBeNull();
    expect(ext.otherSideDifference).toBe(-17);
    // The other side under 20°: a ratio to a small number means little.
    expect(one(10, { otherSideLatest: 15, otherSideLatestDate: '2026-03-01' }).percentOfOtherSide).toBeNull();
    // Over 200 %: null, the difference still given.
    const big = one(100, { otherSideLatest: 40, otherSideLatestDate: '2026-03-01' });
    expect(big.percentOfOtherSide).toBeNull();
    expect(big.otherSideDifference).toBe(60);
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
