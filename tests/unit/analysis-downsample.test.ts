import { describe, expect, it } from 'vitest';
import { downsampleLttb, downsampleSeries, type RomPoint } from '../../shared/analysis';

const xy = (n: number, f: (x: number) => number) => Array.from({ length: n }, (_, x) => ({ x, y: f(x), id: `i${x}` }));
const access = { x: (p: { x: number }) => p.x, y: (p: { y: number }) => p.y, id: (p: { id: string }) => p.id };

describe('downsample', () => {
  it('returns everything when there are no more points than asked for', () => {
    const pts = xy(5, (x) => x);
    expect(downsampleLttb(pts, 5, access)).toEqual(pts);
    expect(downsampleLttb(pts, 50, access)).toEqual(pts);
  });

  it('keeps the first and last points and the requested count', () => {
    const pts = xy(100, (x) => Math.sin(x / 5) * 20 + 100);
    const out = downsampleLttb(pts, 10, access);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out[0]!.id).toBe('i0');
    expect(out[out.length - 1]!.id).toBe('i99');
    // Time order is kept.
    expect(out.map((p) => p.x)).toEqual([...out.map((p) => p.x)].sort((a, b) => a - b));
  });

  it('keeps a single spike (the max) and a single dip (the min)', () => {
    const pts = xy(200, () => 100);
    pts[77]!.y = 160;
    pts[133]!.y = 40;
    const ids = downsampleLttb(pts, 6, access).map((p) => p.id);
    expect(ids).toContain('i77');
    expect(ids).toContain('i133');
  });

  it('keeps must-keep ids and stays within n plus the must-keeps', () => {
    const pts = xy(300, (x) => (x * 37) % 101);
    const keep = ['i5', 'i150', 'i151', 'i298', 'not-there'];
    const out = downsampleLttb(pts, 12, access, keep);
    const ids = out.map((p) => p.id);
    for (const id of keep.slice(0, 4)) expect(ids).toContain(id);
    expect(out.length).toBeLessThanOrEqual(12 + 4);
  });

  it('downsamples a dated ROM series by date, whatever the input order', () => {
    const pts: RomPoint[] = Array.from({ length: 40 }, (_, i) => ({
      id: `m${i}`,
      date: new Date(Date.UTC(2026, 0, 1 + 3 * i)).toISOString().slice(0, 10),
      value: 100 + ((i * 7) % 11),
      raterId: 'A',
      instrument: 'goniometer',
    })).reverse();
    const out = downsampleSeries(pts, 8, ['m20']);
    expect(out.map((p) => p.id)).toContain('m20');
    expect(out[0]!.id).toBe('m0');
    expect(out[out.length - 1]!.id).toBe('m39');
    expect(out.length).toBeLessThanOrEqual(9);
  });

  it('refuses a target below 2', () => {
    expect(() => downsampleLttb(xy(10, (x) => x), 1, access)).toThrow(RangeError);
  });
});
