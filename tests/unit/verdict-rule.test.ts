// The verdict rule on hand-made series, one clinical situation per test (shared/analysis/verdict.ts).
import { describe, expect, it } from 'vitest';
import { analyseSeries, type RomPoint, type SeriesInput } from '../../shared/analysis';
import { analysePatient, resetsFor, type EventLike, type MeasurementLike, type PatientSeriesSource } from '../../shared/analysis/patient-series';
import type { JointId, MotionKey, Side } from '../../shared/domain/catalogue';

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const START = '2026-01-05';
type Row = [day: number, value: number, rater?: string | null, instrument?: string | null];

function points(rows: readonly Row[]): RomPoint[] {
  return rows.map(([day, value, rater, instrument], i) => ({
    id: `p${i}`,
    date: addDays(START, day),
    value,
    raterId: rater === undefined ? 'A' : rater,
    instrument: instrument === undefined ? 'goniometer' : instrument,
  }));
}

function judge(rows: readonly Row[], extra: Partial<SeriesInput> = {}) {
  return analyseSeries({ label: 'Right elbow flexion', points: points(rows), threshold: 8, today: '2026-06-01', ...extra });
}

/** Weekly readings from `values`, rater by week. */
function weekly(values: readonly number[], rater: (week: number) => string = () => 'A', instrument: (week: number) => string = () => 'goniometer'): Row[] {
  return values.map((v, w) => [7 * w, v, rater(w), instrument(w)]);
}

describe('like with like', () => {
  it('two therapists taking turns, each seeing a steady loss: losing, on each therapist\'s own readings', () => {
    // B reads 6° higher than A. Each therapist's own readings fall 12° over the weeks.
    const rows = weekly([130, 136, 127, 133, 124, 130, 121, 127, 118, 124], (w) => (w % 2 ? 'B' : 'A'));
    const { verdict } = judge(rows);
    expect(verdict.kind).toBe('losing');
    expect(verdict.basis).toBe('stratum');
    expect(verdict.comparison).toMatchObject({ threshold: 8, doubledBecause: [], change: -12 });
    expect(verdict.reason).toContain('measured by the same therapist with the goniometer: a loss of 12°, beyond the threshold (8°, same therapist and goniometer');
    expect(verdict.reason).toContain('The trend pooled over 2 therapists agrees');
    expect(verdict.strata.map((s) => [s.raterId, s.readings])).toEqual([['A', 5], ['B', 5]]);
  });

  it('two therapists taking turns, a steady loss no single therapist has yet confirmed: losing on the pooled trend', () => {
    // 1.2°/week for 9 weeks; B reads 7° lower. Neither therapist's last two readings are both 8° below their first,
    // but every same-therapist pair falls: the pooled trend shows an 11° loss with its 90 % interval below 0.
    const rows = weekly(
      Array.from({ length: 10 }, (_, w) => 130 - 1.2 * w - (w % 2 ? 7 : 0)),
      (w) => (w % 2 ? 'B' : 'A'),
    );
    const { verdict } = judge(rows);
    expect(verdict.kind).toBe('losing');
    expect(verdict.basis).toBe('pooled');
    expect(verdict.pooled).toMatchObject({ strata: 2, pairs: 20 });
    expect(verdict.pooled!.slopePerWeek).toBeCloseTo(-1.2, 10);
    expect(verdict.pooled!.upperPerWeek).toBeLessThan(0);
    expect(verdict.reason).toBe(
      'Right elbow flexion: falling, pooled over 2 therapists: -1.2°/week, 11° lost since 5 Jan 2026, 90 % interval -1.2 to -1.2°/week; beyond the threshold (8°, same therapist and instrument, catalogue default). Each reading is compared only with readings by the same therapist with the same instrument.',
    );
  });

  it('two therapists taking turns with a constant offset and no change: holding', () => {
    const rows = weekly([130, 141, 131, 139, 129, 140, 130, 141, 129, 140], (w) => (w % 2 ? 'B' : 'A'));
    const { verdict } = judge(rows);
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(false);
    expect(Math.abs(verdict.pooled!.slopePerWeek)).toBeLessThan(0.5);
    // Read across therapists the same readings zig-zag by 11°: never a change of the joint.
    expect(verdict.reason).toContain('within the measurement error');
  });

  it('an instrument change followed by a loss measured with the new instrument: losing', () => {
    const rows = weekly([120, 121, 119, 120, 121, 120, 114, 113, 110, 107, 104, 101], () => 'A', (w) => (w < 6 ? 'goniometer' : 'smartphone'));
    const { verdict } = judge(rows);
    expect(verdict.kind).toBe('losing');
    expect(verdict.comparison).toMatchObject({ against: 'baseline', change: -13 });
    expect(verdict.comparison?.from.instrument).toBe('smartphone');
    expect(verdict.reason).toContain('114° → 101° over 5 weeks, measured by the same therapist with the smartphone');
  });

  it('an instrument change that steps down once and stays flat: holding', () => {
    const rows = weekly([120, 121, 119, 120, 120, 121, 110, 111, 109, 110, 110, 111], () => 'A', (w) => (w < 6 ? 'goniometer' : 'smartphone'));
    const { verdict } = judge(rows);
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(false);
    expect(verdict.strata.map((s) => s.instrument)).toEqual(['goniometer', 'smartphone']);
  });
});

describe('one reading is never enough', () => {
  it('a single low reading after a stable series: holding, re-measure', () => {
    const { verdict } = judge(weekly([120, 121, 119, 120, 121, 120, 108]));
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(true);
    expect(verdict.reason).toMatch(/one low reading is not enough\. Re-measure to confirm\.$/);
  });

  it('a much lower reading by a therapist with no earlier reading of their own: holding, re-measure', () => {
    const { verdict } = judge([...weekly([120, 121, 119, 120]), [28, 100, 'B']]);
    expect(verdict).toMatchObject({ kind: 'holding', needsConfirmation: true, basis: 'doubled' });
    expect(verdict.reason).toContain('but it rests on that one reading. Re-measure to confirm, ideally by the same therapist with the same instrument.');
    // Within 2T of the baseline it is simply not compared.
    expect(judge([...weekly([120, 121, 119, 120]), [28, 106, 'B']]).verdict).toMatchObject({ kind: 'holding', needsConfirmation: false });
  });

  it('a single high reading early on does not become the best later readings are judged against', () => {
    // 134 on one day only, 14° above the rest. The old rule measured from the single highest reading and called
    // the steady 120s a loss of 14°. The best is now the highest average of two consecutive readings (134 and
    // 121: 127.5), and the latest two readings are not both 8° below it. (A spike counts half in the average: a
    // single reading 2T high would still lift the best by T, so a re-measure of a surprising high is worth it.)
    const { summary, verdict } = judge(weekly([120, 134, 121, 120, 119, 121, 120, 120]));
    expect(summary.best!.value).toBe(127.5);
    expect(summary.bestPair!.map((p) => p.value)).toEqual([134, 121]);
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(false);
  });
});

describe('a fast early loss is a verdict', () => {
  it('4 readings over 10 days losing 23°: losing, saying how fast', () => {
    const { verdict } = judge([[0, 130], [3, 124], [7, 115], [10, 107]]);
    expect(verdict.kind).toBe('losing');
    expect(verdict.basis).toBe('fast');
    expect(verdict.reason).toContain('23° lost in 10 days');
    expect(verdict.reason).toBe(
      'Right elbow flexion: 23° lost in 10 days (130° → 107°), measured by the same therapist with the goniometer: the latest reading is beyond 1.5 × the threshold (8°, same therapist and goniometer, catalogue default) and the one before it beyond the threshold. A fast loss: act on it rather than wait for more readings.',
    );
  });

  it('a smaller loss under two weeks waits for more readings', () => {
    expect(judge([[0, 130], [3, 126], [7, 122], [10, 120]]).verdict.kind).toBe('insufficient');
  });
});

describe("the clinic's thresholds", () => {
  it('uses the threshold of each instrument, says whose it is, and doubles only when nothing is comparable', () => {
    const rows: Row[] = weekly([120, 119, 121, 120, 114, 113], () => 'A', () => 'inclinometer');
    expect(judge(rows).verdict.kind).toBe('holding');
    const clinic = judge(rows, { thresholdOverrides: [{ instrument: 'inclinometer', degrees: 6 }] }).verdict;
    expect(clinic.kind).toBe('losing');
    expect(clinic.threshold).toEqual({ degrees: 6, basis: 'like-with-like', source: 'clinic' });
    expect(clinic.thresholdSource).toBe('clinic');
    expect(clinic.reason).toContain("(6°, same therapist and inclinometer, clinic's setting)");
    expect(clinic.strata[0]).toMatchObject({ instrument: 'inclinometer', threshold: 6, thresholdSource: 'clinic' });

    const alone = judge([[0, 120, 'A'], [14, 100, 'B'], [28, 96, 'C']], { thresholdOverrides: [{ instrument: null, degrees: 10 }] }).verdict;
    expect(alone.threshold).toEqual({ degrees: 20, basis: 'doubled', source: 'clinic' });
    expect(alone.reason).toContain("20°: doubled, as no two readings are by the same therapist with the same instrument; 10°, clinic's setting");
  });
});

describe('every operation on the joint restarts its series', () => {
  let seq = 0;
  const measure = (date: string, motion: MotionKey, side: Side, degrees: number): { measurements: MeasurementLike[] } => ({
    measurements: [{ id: `m${++seq}`, visitId: `v${seq}`, date, motion, side, mode: 'active', degrees, raterId: 'A', instrument: 'goniometer', endFeel: null, pain: null, note: null }],
  });
  const event = (kind: EventLike['kind'], date: string, joint: JointId | null, side: Side | null, title: string | null = null, voided: EventLike['voided'] = null): EventLike => ({
    id: `e${++seq}`, kind, date, endDate: null, joint, side, title, classification: null, note: null, voided,
  });
  // Right forearm supination: stiff before the operation, recovering after it.
  const values = [70, 62, 55, 50, 58, 64, 70, 75];
  const visits = values.map((v, w) => measure(addDays(START, 7 * w), 'forearm.supination', 'right', v)).reverse();
  const file = (events: EventLike[]): PatientSeriesSource => ({ sites: [{ joint: 'elbow', side: 'right', voided: null }], visits, events });
  const series = (events: EventLike[]) => analysePatient(file(events), '2026-06-01').series.find((s) => s.key === 'right.forearm.supination.active')!;

  it('a joint surgery of any kind resets, and the reason names it', () => {
    const release = event('surgery', addDays(START, 24), 'elbow', 'right', 'Open release of the elbow');
    const s = series([release]);
    expect(s.resetDates).toEqual([release.date]);
    expect(s.resets).toEqual([{ date: release.date, kind: 'surgery', title: 'Open release of the elbow', eventId: release.id }]);
    expect(s.analysis.verdict.resetBy).toEqual({ date: release.date, kind: 'surgery', title: 'Open release of the elbow', eventId: release.id });
    expect(s.analysis.summary.baseline?.value).toBe(58);
    expect(s.analysis.verdict.kind).toBe('improving');
    expect(s.analysis.verdict.reason).toContain('since the open release of the elbow (29 Jan 2026)');
  });

  it('the excision resets', () => {
    const excision = event('excision', addDays(START, 24), 'elbow', 'right');
    const s = series([excision]);
    expect(s.analysis.summary.resetDate).toBe(excision.date);
    expect(s.analysis.verdict.kind).toBe('improving');
    expect(s.analysis.verdict.reason).toContain('since the excision (29 Jan 2026)');
  });

  it('an operation with no joint, on the other side, voided, or on another joint does not reset', () => {
    const voided = { at: '2026-02-01T10:00:00.000Z', by: null, reason: 'wrong patient' };
    const none = [
      event('surgery', addDays(START, 24), null, null, 'Skin grafts, both arms'),
      event('surgery', addDays(START, 24), 'elbow', 'left', 'Left elbow release'),
      event('surgery', addDays(START, 24), 'elbow', 'right', 'Release', voided),
      event('surgery', addDays(START, 24), 'wrist', 'right', 'Wrist fixation'),
      event('radiation', addDays(START, 25), 'elbow', 'right'),
    ];
    expect(series(none).resetDates).toEqual([]);
    expect(resetsFor(none, 'forearm', 'right')).toEqual([]);
    // A forearm operation restarts the forearm's series but not the elbow's.
    const forearm = [event('surgery', addDays(START, 24), 'forearm', 'right', 'Radial head excision')];
    expect(resetsFor(forearm, 'forearm', 'right')).toHaveLength(1);
    expect(resetsFor(forearm, 'elbow', 'right')).toEqual([]);
  });
});
