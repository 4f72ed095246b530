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
    expect(verdict.reason).toBe(
      'Right elbow flexion: 128° → 112° over 5 weeks, measured by the same therapist with the goniometer: a loss of 16°, beyond the threshold (8°, same therapist and goniometer, catalogue default); the last two readings both show it and the trend is falling (-3.2°/week).',
    );
    expect(verdict.basis).toBe('stratum');
    expect(verdict.threshold).toEqual({ degrees: 8, basis: 'like-with-like', source: 'catalogue' });
    expect(verdict.comparison?.against).toBe('baseline');
    expect(verdict.comparison?.change).toBe(-16);
    expect(verdict.needsConfirmation).toBe(false);
  });

  it('calls noise within the threshold holding', () => {
    const { verdict } = analyseSeries(input([[0, 120], [7, 125], [14, 118], [21, 124], [28, 119], [42, 123]]));
    expect(verdict.kind).toBe('holding');
    expect(verdict.reason).toBe(
      'Right elbow flexion: 120° → 123° over 6 weeks, measured by the same therapist with the goniometer: changed by 3°, within the measurement error (8°, same therapist and goniometer, catalogue default).',
    );
    expect(verdict.needsConfirmation).toBe(false);
  });

  it('calls a recovery improving', () => {
    const { verdict } = analyseSeries(input([[0, 90], [14, 96], [28, 104], [42, 110]]));
    expect(verdict.kind).toBe('improving');
    expect(verdict.reason).toBe(
      'Right elbow flexion: 90° → 110° over 6 weeks, measured by the same therapist with the goniometer: a gain of 20°, beyond the threshold (8°, same therapist and goniometer, catalogue default); the last two readings both show it and the trend is rising (3.4°/week).',
    );
  });

  it('needs at least 3 points over 2 weeks', () => {
    const two = analyseSeries(input([[0, 120], [28, 90]])).verdict;
    expect(two.kind).toBe('insufficient');
    expect(two.reason).toBe('Only 2 measurements: at least 3 over 2 weeks are needed for a verdict.');
    expect(two.comparison).toBeNull();

    // A slow change under two weeks waits (a fast one does not: see verdict-rule.test.ts).
    const short = analyseSeries(input([[0, 120], [4, 116], [9, 114]])).verdict;
    expect(short.kind).toBe('insufficient');
    expect(short.reason).toBe('3 measurements over 9 days: at least 3 over 2 weeks are needed for a verdict.');

    expect(analyseSeries(input([])).verdict.reason).toBe('No measurements yet: at least 3 over 2 weeks are needed for a verdict.');
  });

  it('takes the minimum points and span as parameters', () => {
    const rows: Row[] = [[0, 120], [5, 111], [10, 110]];
    expect(analyseSeries(input(rows)).verdict.kind).toBe('insufficient');
    expect(analyseSeries(input(rows), { minPoints: 3, minSpanDays: 7 }).verdict.kind).toBe('losing');
    expect(analyseSeries(input(rows), { minPoints: 3, minSpanDays: 7 }).verdict.reason).toContain('over 10 days');
    // Two readings are never enough to call a loss, whatever minPoints says: one reading against another.
    const two = analyseSeries(input([[0, 120], [10, 100]]), { minPoints: 2, minSpanDays: 7 }).verdict;
    expect(two.kind).toBe('holding');
    expect(two.needsConfirmation).toBe(true);
  });

  it('reads elbow extension -20 -> -35 as a loss (neutral-zero: larger is more motion)', () => {
    const { summary, verdict } = analyseSeries(
      input([[0, -20], [14, -25], [28, -30], [42, -35]], { label: 'Right elbow extension', normal: 0 }),
    );
    expect(summary.changeSinceBaseline).toBe(-15);
    expect(summary.percentOfNormal).toBeNull();
    expect(verdict.kind).toBe('losing');
    expect(verdict.reason).toBe(
      'Right elbow extension: -20° → -35° over 6 weeks, measured by the same therapist with the goniometer: a loss of 15°, beyond the threshold (8°, same therapist and goniometer, catalogue default); the last two readings both show it and the trend is falling (-2.5°/week).',
    );
  });

  it('compares like with like: a 12° loss needs two readings by the same therapist; another therapist\'s reading is not compared', () => {
    const same = analyseSeries(input([[0, 120], [14, 110], [28, 108, 'A']])).verdict;
    expect(same.kind).toBe('losing');
    expect(same.comparison?.threshold).toBe(8);

    // Rater B's one reading has nothing of B's to compare with; A's two readings hold.
    const other = analyseSeries(input([[0, 120], [14, 116], [28, 108, 'B']])).verdict;
    expect(other.kind).toBe('holding');
    expect(other.needsConfirmation).toBe(false);
    expect(other.comparison).toMatchObject({ threshold: 8, doubledBecause: [], change: -4 });
    expect(other.reason).toBe(
      'Right elbow flexion: 120° → 116° over 2 weeks, measured by the same therapist with the goniometer: changed by 4°, within the measurement error (8°, same therapist and goniometer, catalogue default). The latest reading, 108° on 2 Feb 2026, has no earlier reading by the same therapist with the same instrument.',
    );
  });

  it('doubles the threshold only when no two readings share therapist and instrument', () => {
    const big = analyseSeries(input([[0, 120, 'A'], [14, 104, 'B', 'inclinometer'], [28, 100, 'C', 'smartphone']])).verdict;
    expect(big.kind).toBe('losing');
    expect(big.basis).toBe('doubled');
    expect(big.threshold).toEqual({ degrees: 16, basis: 'doubled', source: 'catalogue' });
    expect(big.comparison?.doubledBecause).toEqual(['rater', 'instrument']);
    expect(big.reason).toContain('beyond the threshold (16°: doubled, as no two readings are by the same therapist with the same instrument; 8°, catalogue default)');
    const small = analyseSeries(input([[0, 120, 'A'], [14, 116, 'B'], [28, 108, 'C']])).verdict;
    expect(small.kind).toBe('holding');
    expect(small.comparison?.threshold).toBe(16);
    // Not recorded counts as different: all-unknown readings are judged with 2T; told to treat "not recorded"
    // as one more rater, they form one stratum and T applies.
    const unknown: Row[] = [[0, 120, null], [14, 110, null], [28, 100, null]];
    expect(analyseSeries(input(unknown)).verdict).toMatchObject({ kind: 'holding', needsConfirmation: true, basis: 'doubled' });
    expect(analyseSeries(input(unknown), { unknownCountsAsDifferent: false }).verdict).toMatchObject({ kind: 'losing', basis: 'stratum' });
  });

  it('counts a change exactly at the threshold', () => {
    const { verdict } = analyseSeries(input([[0, 120], [14, 112], [28, 112]]));
    expect(verdict.kind).toBe('losing');
    expect(verdict.reason).toContain('a loss of 8°, reaching the threshold (8°');
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
    // Three readings since the reset: no pair of readings before the latest two, so no best yet.
    expect(reset.summary.best).toBeNull();
    expect(reset.verdict.kind).toBe('improving');
    expect(reset.verdict.resetBy).toEqual({ date: addDays(START, 35), kind: null, title: null });
    expect(reset.verdict.reason).toBe(
      'Right elbow flexion: 95° → 115° over 4 weeks since the reset (9 Feb 2026), measured by the same therapist with the goniometer: a gain of 20°, beyond the threshold (8°, same therapist and goniometer, catalogue default); the last two readings both show it and the trend is rising (5°/week).',
    );
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

  it('calls a loss after early gains losing, measured from the best of two consecutive readings', () => {
    const { verdict, summary } = analyseSeries(input([[0, 100], [14, 115], [28, 130], [35, 124], [42, 120], [49, 116], [56, 115]]));
    expect(summary.best).toMatchObject({ id: 'p3', value: 127, date: addDays(START, 35) });
    expect(summary.bestPair?.map((p) => p.id)).toEqual(['p2', 'p3']);
    expect(verdict.kind).toBe('losing');
    expect(verdict.comparison?.against).toBe('best');
    expect(verdict.reason).toBe(
      'Right elbow flexion fell from its best of 127° (average of the readings of 2 Feb 2026 and 9 Feb 2026) to 115° over 3 weeks, measured by the same therapist with the goniometer: a loss of 12°, beyond the threshold (8°, same therapist and goniometer, catalogue default); the last two readings both show it and the trend is falling (-4°/week). It is 15° above the baseline of 100°.',
    );
  });

  it('asks to re-measure a single low reading instead of calling it a loss', () => {
    const once = analyseSeries(input([[0, 120], [14, 120], [28, 120], [42, 120], [56, 105]])).verdict;
    expect(once.kind).toBe('holding');
    expect(once.needsConfirmation).toBe(true);
    expect(once.reason).toBe(
      'Right elbow flexion: the latest reading, 105° on 2 Mar 2026, is 15° below the baseline of 120° on 5 Jan 2026, beyond the threshold (8°, same therapist and goniometer, catalogue default), but one low reading is not enough. Re-measure to confirm.',
    );
    // Confirmed by a second low reading, it is a loss.
    const twice = analyseSeries(input([[0, 120], [14, 120], [28, 120], [42, 120], [56, 105], [63, 106]])).verdict;
    expect(twice.kind).toBe('losing');
  });

  it('asks to re-measure a single low reading after a peak seen twice rather than calling the series improving', () => {
    const { verdict } = analyseSeries(input([[0, 100], [14, 112], [28, 130], [35, 131], [42, 130], [49, 118]]));
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(true);
    expect(verdict.comparison?.against).toBe('best');
    expect(verdict.reason).toBe(
      'Right elbow flexion: the latest reading, 118° on 23 Feb 2026, is 12.5° below the best of 130.5° (average of two readings to 9 Feb 2026), beyond the threshold (8°, same therapist and goniometer, catalogue default), but one low reading is not enough. Re-measure to confirm.',
    );
    // A second reading below the peak confirms it.
    expect(analyseSeries(input([[0, 100], [14, 112], [28, 130], [35, 131], [42, 130], [49, 118], [56, 117]])).verdict.kind).toBe('losing');
    // A peak seen once is not a best: 100, 112, 130, 118 is a gain confirmed by the last two readings.
    expect(analyseSeries(input([[0, 100], [14, 112], [28, 130], [35, 118]])).verdict.kind).toBe('improving');
  });

  it('asks to re-measure a gain the trend does not support', () => {
    const { verdict } = analyseSeries(input([[0, 100], [14, 100], [28, 100], [42, 100], [56, 112]]));
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(true);
    expect(verdict.reason).toContain('is 12° above the baseline of 100° on 5 Jan 2026, beyond the threshold (8°, same therapist and goniometer, catalogue default), but one high reading is not enough');
  });

  it('returns the ids of baseline, best pair and latest for charts to keep', () => {
    const { verdict } = analyseSeries(input([[0, 100], [14, 115], [28, 130], [35, 124], [42, 120], [49, 116], [56, 115]]));
    expect(verdict.keepIds).toEqual(['p0', 'p2', 'p3', 'p6']);
    const flat = analyseSeries(input([[0, 100], [14, 100], [28, 100]])).verdict;
    expect(flat.kind).toBe('holding');
    expect(flat.reason).toContain('no change, within the measurement error (8°');
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
