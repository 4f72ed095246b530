import { describe, expect, it } from 'vitest';
import { downsampleSeries } from '../../shared/analysis/downsample';
import type { SeriesPoint } from '../../shared/analysis/series-points';
import { SPARKLINE_POINTS } from '../../shared/api/operations/analysis';

// The dashboard's cards get about SPARKLINE_POINTS readings per series (analysis.patient with points:
// 'sparkline'). Whatever the budget and however many readings the verdict names, the picture must still start
// and end where the series does and show its lowest and highest reading, or it could contradict the sentence.

const point = (i: number, value: number): SeriesPoint => ({
  id: `m${i}`,
  visitId: `v${i}`,
  date: new Date(Date.UTC(2024, 0, 1 + 2 * i)).toISOString().slice(0, 10),
  value,
  raterId: 't1',
  instrument: 'goniometer',
  endFeel: null,
  pain: null,
  note: null,
});

describe('downsampling a series for its card', () => {
  const series = Array.from({ length: 1000 }, (_, i) => point(i, 100 + Math.round(10 * Math.sin(i / 9)) + (i % 7)));
  series[400] = point(400, 60); // one dip
  series[700] = point(700, 150); // one peak

  it('keeps the first, last, lowest and highest readings within the budget', () => {
    const out = downsampleSeries(series, SPARKLINE_POINTS);
    const ids = out.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['m0', 'm999', 'm400', 'm700']));
    expect(out.length).toBeLessThanOrEqual(SPARKLINE_POINTS);
    expect(out.map((p) => p.date)).toEqual([...out.map((p) => p.date)].sort());
  });

  it('still keeps them when the verdict names more readings than the budget', () => {
    // 100 must-keep readings in the middle: the line-shape budget shrinks to nothing, the ends must not go.
    const keep = series.slice(450, 550).map((p) => p.id);
    const ids = downsampleSeries(series, SPARKLINE_POINTS, keep).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['m0', 'm999', 'm400', 'm700', ...keep]));
  });

  it('leaves a series the budget holds as it is', () => {
    const short = series.slice(0, SPARKLINE_POINTS);
    expect(downsampleSeries(short, SPARKLINE_POINTS)).toEqual(short);
  });
});
