import { describe, expect, it } from 'vitest';
import { analyseSeries, type RomPoint, type SeriesInput } from '../../shared/analysis';

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

type Row = [day: number, value: number, rater?: string | null, instrument?: string | null];
const START = '2026-01-05';

/** Points on day offsets from START, ids p0, p1, ...; rater "A" with a goniometer unless given. */
function series(rows: readonly Row[]): RomPoint[] {
  return rows.map(([day, value, rater, instrument], i) => ({
    id: `p${i}`,
    date: addDays(START, day),
    value,
    raterId: rater === undefined ? 'A' : rater,
    instrument: instrument === undefined ? 'goniometer' : instrument,
  }));
}

function input(rows: readonly Row[], extra: Partial<SeriesInput> = {}): SeriesInput {
  return { label: 'Right elbow flexion', points: series(rows), threshold: 8, normal: 150, today: '2026-06-01', ...extra };
}

describe('verdict', () => {
  it('calls a steady loss beyond the threshold losing, and says so plainly', () => {
    const { verdict } = analyseSeries(input([[0, 128], [7, 124], [14, 121], [21, 118], [28, 114], [35, 112]]));
    expect(verdict.kind).toBe('losing');
    expect(verdict.reason).toBe('Right elbow flexion 128° → 112° over 5 weeks: a loss of 16°, beyond the 8° threshold.');
    expect(verdict.comparison?.against).toBe('baseline');
    expect(verdict.comparison?.change).toBe(-16);
    expect(verdict.needsConfirmation).toBe(false);
  });

  it('calls noise within the threshold holding', () => {
    const { verdict } = analyseSeries(input([[0, 120], [7, 125], [14, 118], [21, 124], [28, 119], [42, 123]]));
    expect(verdict.kind).toBe('holding');
    expect(verdict.reason).toBe('Right elbow flexion 120° → 123° over 6 weeks: changed by 3°, within the 8° measurement error.');
    expect(verdict.needsConfirmation).toBe(false);
  });

  it('calls a recovery improving', () => {
    const { verdict } = analyseSeries(input([[0, 90], [14, 96], [28, 104], [42, 110]]));
    expect(verdict.kind).toBe('improving');
    expect(verdict.reason).toBe('Right elbow flexion 90° → 110° over 6 weeks: a gain of 20°, beyond the 8° threshold.');
  });

  it('needs at least 3 points over 2 weeks', () => {
    const two = analyseSeries(input([[0, 120], [28, 90]])).verdict;
    expect(two.kind).toBe('insufficient');
    expect(two.reason).toBe('Only 2 measurements: at least 3 over 2 weeks are needed for a verdict.');
    expect(two.comparison).toBeNull();

    const short = analyseSeries(input([[0, 120], [4, 110], [9, 100]])).verdict;
    expect(short.kind).toBe('insufficient');
    expect(short.reason).toBe('3 measurements over 9 days: at least 3 over 2 weeks are needed for a verdict.');

    expect(analyseSeries(input([])).verdict.reason).toBe('No measurements yet: at least 3 over 2 weeks are needed for a verdict.');
  });

  it('takes the minimum points and span as parameters', () => {
    const rows: Row[] = [[0, 120], [10, 100]];
    expect(analyseSeries(input(rows), { minPoints: 2, minSpanDays: 7 }).verdict.kind).toBe('losing');
    expect(analyseSeries(input(rows), { minPoints: 2, minSpanDays: 7 }).verdict.reason).toContain('over 10 days');
  });

  it('reads elbow extension -20 -> -35 as a loss (neutral-zero: larger is more motion)', () => {
    const { summary, verdict } = analyseSeries(
      input([[0, -20], [14, -25], [28, -30], [42, -35]], { label: 'Right elbow extension', normal: 0 }),
    );
    expect(summary.changeSinceBaseline).toBe(-15);
    expect(summary.percentOfNormal).toBeNull();
    expect(verdict.kind).toBe('losing');
    expect(verdict.reason).toBe('Right elbow extension -20° → -35° over 6 weeks: a loss of 15°, beyond the 8° threshold.');
  });

  it('doubles the threshold when the rater changes: a 12° loss is losing with one rater, holding with two', () => {
    const same = analyseSeries(input([[0, 120], [14, 116], [28, 108, 'A']])).verdict;
    expect(same.kind).toBe('losing');
    expect(same.comparison?.threshold).toBe(8);

    const other = analyseSeries(input([[0, 120], [14, 116], [28, 108, 'B']])).verdict;
    expect(other.kind).toBe('holding');
    expect(other.comparison?.threshold).toBe(16);
    expect(other.comparison?.doubledBecause).toEqual(['rater']);
    expect(other.reason).toBe(
      'Right elbow flexion 120° → 108° over 4 weeks: changed by 12°, within the 16° measurement error (8° doubled: different rater).',
    );
  });

  it('doubles the threshold when the instrument changes, or when either is not recorded', () => {
    expect(analyseSeries(input([[0, 120], [14, 116], [28, 108, 'A', 'smartphone']])).verdict.kind).toBe('holding');
    const unknown = analyseSeries(input([[0, 120], [14, 116], [28, 108, null]]));
    expect(unknown.verdict.kind).toBe('holding');
    expect(unknown.verdict.reason).toContain('rater not recorded or different');
    expect(analyseSeries(input([[0, 120], [14, 116], [28, 108, null]]), { unknownCountsAsDifferent: false }).verdict.kind).toBe('losing');
    // Doubled, a large enough loss still counts.
    const big = analyseSeries(input([[0, 120], [14, 110], [28, 100, 'B', 'inclinometer']])).verdict;
    expect(big.kind).toBe('losing');
    expect(big.reason).toContain('beyond the 16° threshold (8° doubled: different rater and instrument)');
  });

  it('counts a change exactly at the threshold', () => {
    const { verdict } = analyseSeries(input([[0, 120], [14, 116], [28, 112]]));
    expect(verdict.kind).toBe('losing');
    expect(verdict.reason).toContain('a loss of 8°, reaching the 8° threshold');
  });

  it('restarts the baseline after an excision (reset)', () => {
    // Before surgery the joint was stiffening; after excision it is regaining motion from a new baseline.
    const rows: Row[] = [[0, 80], [14, 70], [28, 60], [40, 95], [54, 105], [68, 115]];
    const plain = analyseSeries(input(rows));
    expect(plain.summary.baseline?.value).toBe(80);

    const reset = analyseSeries(input(rows, { resetDates: [addDays(START, 35), addDays(START, 5)] }));
    expect(reset.summary.resetDate).toBe(addDays(START, 35));
    expect(reset.summary.excludedBeforeReset).toBe(3);
    expect(reset.summary.baseline).toMatchObject({ id: 'p3', value: 95 });
    expect(reset.summary.best).toMatchObject({ id: 'p5', value: 115 });
    expect(reset.verdict.kind).toBe('improving');
    expect(reset.verdict.reason).toBe('Right elbow flexion 95° → 115° over 4 weeks: a gain of 20°, beyond the 8° threshold.');
  });

  it('treats a reading on the day of the reset as before it, and a future reset as not yet', () => {
    const rows: Row[] = [[0, 60], [14, 62], [28, 61]];
    const onDay = analyseSeries(input(rows, { resetDates: [addDays(START, 28)] }));
    expect(onDay.summary.points).toHaveLength(0);
    expect(onDay.verdict.reason).toBe('No measurements since the reset on 2 Feb 2026: at least 3 over 2 weeks are needed for a verdict.');

    const planned = analyseSeries(input(rows, { resetDates: ['2026-09-01'] }));
    expect(planned.summary.resetDate).toBeNull();
    expect(planned.verdict.kind).toBe('holding');
  });

  it('calls a loss after early gains losing, measured from the best', () => {
    const { verdict } = analyseSeries(input([[0, 100], [14, 115], [28, 130], [35, 124], [42, 120], [49, 116]]));
    expect(verdict.kind).toBe('losing');
    expect(verdict.comparison?.against).toBe('best');
    expect(verdict.reason).toBe(
      'Right elbow flexion fell from its best of 130° on 2 Feb 2026 to 116° over 3 weeks: a loss of 14°, beyond the 8° threshold. It is 16° above the baseline of 100°.',
    );
  });

  it('asks to re-measure a single low reading instead of calling it a loss', () => {
    const once = analyseSeries(input([[0, 120], [14, 120], [28, 120], [42, 120], [56, 105]])).verdict;
    expect(once.kind).toBe('holding');
    expect(once.needsConfirmation).toBe(true);
    expect(once.reason).toBe(
      'Right elbow flexion 120° → 105° over 8 weeks: a loss of 15°, beyond the 8° threshold, but the trend is not falling (0°/week). Re-measure to confirm.',
    );
    // Confirmed by a second low reading, it is a loss.
    const twice = analyseSeries(input([[0, 120], [14, 120], [28, 120], [42, 120], [56, 105], [63, 106]])).verdict;
    expect(twice.kind).toBe('losing');
  });

  it('asks to re-measure a single low reading after a peak rather than calling the series improving', () => {
    const { verdict } = analyseSeries(input([[0, 100], [14, 112], [28, 130], [35, 118]]));
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(true);
    expect(verdict.comparison?.against).toBe('best');
    expect(verdict.reason).toBe(
      'Right elbow flexion fell from its best of 130° on 2 Feb 2026 to 118° over 7 days: a loss of 12°, beyond the 8° threshold, but only 1 measurement since the best, too few to confirm a trend. Re-measure to confirm.',
    );
    // A second reading below the peak confirms it.
    expect(analyseSeries(input([[0, 100], [14, 112], [28, 130], [35, 118], [42, 117]])).verdict.kind).toBe('losing');
  });

  it('asks to re-measure a gain the trend does not support', () => {
    const { verdict } = analyseSeries(input([[0, 100], [14, 100], [28, 100], [42, 100], [56, 112]]));
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(true);
    expect(verdict.reason).toContain('a gain of 12°, beyond the 8° threshold, but the trend is not rising (0°/week)');
  });

  it('returns the ids of baseline, best and latest for charts to keep', () => {
    const { verdict } = analyseSeries(input([[0, 100], [14, 115], [28, 130], [35, 124], [42, 120], [49, 116]]));
    expect(verdict.keepIds).toEqual(['p0', 'p2', 'p5']);
    const flat = analyseSeries(input([[0, 100], [14, 100], [28, 100]])).verdict;
    expect(flat.kind).toBe('holding');
    expect(flat.reason).toContain('no change, within the 8° measurement error');
    expect(flat.keepIds).toEqual(['p0', 'p2']);
  });

  it('ignores readings dated after today', () => {
    const { summary, verdict } = analyseSeries(input([[0, 120], [14, 118], [28, 119], [400, 20]]));
    expect(summary.ignoredAfterToday).toBe(1);
    expect(summary.latest?.value).toBe(119);
    expect(verdict.kind).toBe('holding');
  });

  it('refuses nonsense input with a clear error', () => {
    expect(() => analyseSeries(input([[0, 120]], { threshold: 0 }))).toThrow(/threshold/);
    expect(() => analyseSeries({ ...input([]), points: [{ date: '2026-02-30', value: 1, raterId: null, instrument: null }] })).toThrow(
      /YYYY-MM-DD/,
    );
  });
});
