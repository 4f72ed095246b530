import { describe, expect, it } from 'vitest';
import { chartStrata } from '../../renderer/src/mobility/chart-strata';
import { analyseSeries } from '../../shared/analysis/verdict';
import { seriesLabelRef } from '../../shared/domain/message-words';
import { englishText, type MessageRef } from '../../shared/i18n/message';
import { otherSideWords, reasonBody, thresholdSentence, type VerdictView } from '../../renderer/src/clinical/verdict-text';

/** The English of a message, or null: what an English screen shows. */
const english = (ref: MessageRef | null) => (ref ? englishText(ref) : null);

// The words the screens add to a verdict, and the marker shapes of the detail chart: pure, so checked here.

const verdict = (extra: Partial<VerdictView> = {}): VerdictView => ({ kind: 'losing', reason: 'r', needsConfirmation: false, ...extra });

describe('the threshold line', () => {
  it('names the threshold applied, its instrument and where it comes from', () => {
    const v = verdict({
      basis: 'stratum',
      threshold: { degrees: 12, basis: 'like-with-like', source: 'catalogue' },
      comparison: { to: { instrument: 'goniometer' } } as VerdictView['comparison'],
    });
    expect(english(thresholdSentence(v))).toBe('Threshold 12°, same therapist and goniometer (catalogue default)');
    expect(english(thresholdSentence({ ...v, threshold: { degrees: 6, basis: 'like-with-like', source: 'clinic' } }))).toBe("Threshold 6°, same therapist and goniometer (clinic's setting)");
  });

  it('says why a threshold was doubled', () => {
    const v = verdict({ basis: 'doubled', threshold: { degrees: 16, basis: 'doubled', source: 'catalogue' } });
    expect(english(thresholdSentence(v))).toBe('Threshold 16°: 8° doubled, as no two readings are by the same therapist with the same instrument (catalogue default)');
  });

  it('says less, not something wrong, when the analysis gives no threshold', () => {
    expect(thresholdSentence(verdict())).toBeNull();
    expect(english(thresholdSentence(verdict(), 8))).toBe('Threshold 8°, same therapist and instrument');
  });
});

describe('the other side', () => {
  it('gives a percentage only when the analysis does, otherwise the difference in degrees', () => {
    expect(english(otherSideWords({ percentOfOtherSide: 67, otherSideDifference: -37 }, 'right'))).toBe('67% of the left');
    expect(english(otherSideWords({ percentOfOtherSide: null, otherSideDifference: -12 }, 'right'))).toBe('12° less than the left');
    expect(english(otherSideWords({ percentOfOtherSide: null, otherSideDifference: 5 }, 'left'))).toBe('5° more than the right');
    expect(english(otherSideWords({ percentOfOtherSide: null, otherSideDifference: 0 }, 'left'))).toBe('same as the right');
    expect(english(otherSideWords({ percentOfOtherSide: null, otherSideDifference: null }, 'left'))).toBeNull();
    expect(english(otherSideWords({}, 'left'))).toBeNull();
  });
});

describe('a reason after its series name', () => {
  const rows = [
    { date: '2026-01-05', value: 130, raterId: 'a', instrument: 'goniometer' },
    { date: '2026-01-26', value: 118, raterId: 'a', instrument: 'goniometer' },
    { date: '2026-02-09', value: 110, raterId: 'a', instrument: 'goniometer' },
  ];
  const judged = (label: string) =>
    analyseSeries({ label, labelRef: seriesLabelRef('right', 'elbow.flexion'), points: rows, threshold: 8, today: '2026-02-10' }).verdict;

  it('drops the name the screen already shows, and raises the next word to start the sentence', () => {
    const v = judged('Right elbow flexion');
    expect(v.reason.startsWith('Right elbow flexion: 130° → 110° over 5 weeks')).toBe(true);
    const body = reasonBody(v.reasonRef);
    expect(body.capital).toBe(true);
    expect(englishText(body.ref, { date: (d) => d, degrees: (n) => `${n}°`, change: (n) => `${n}°`, number: String })).toMatch(/^130° → 110° over 5 weeks, measured by the same therapist/);
  });

  it('leaves a reason whole when it does not start with the series name', () => {
    const insufficient = analyseSeries({ label: 'Right elbow flexion', points: rows.slice(0, 1), threshold: 8, today: '2026-02-10' }).verdict;
    expect(reasonBody(insufficient.reasonRef)).toEqual({ ref: insufficient.reasonRef, capital: false });
  });
});

describe('marker shapes by therapist and instrument', () => {
  const a = { raterId: 'a', instrument: 'goniometer' };
  const b = { raterId: 'b', instrument: 'goniometer' };
  const c = { raterId: 'a', instrument: 'inclinometer' };

  it('are not drawn when one therapist used one instrument throughout', () => {
    expect(chartStrata([a, a, a], 'circle')).toBeNull();
  });

  it('keep the series’ own shape for the first group, then other shapes, and a cross for unrecorded readings', () => {
    const s = chartStrata([a, b, a, c, { raterId: null, instrument: 'goniometer' }], 'triangle', [
      { raterId: 'a', instrument: 'inclinometer', readings: 1, threshold: 6, thresholdSource: 'clinic', fromDate: '2026-01-01', toDate: '2026-01-01' },
    ])!;
    expect(s.strata.map((x) => [x.raterId, x.instrument, x.shape, x.readings])).toEqual([
      ['a', 'goniometer', 'triangle', 2],
      ['b', 'goniometer', 'square', 1],
      ['a', 'inclinometer', 'diamond', 1],
      [null, null, 'cross', 1],
    ]);
    expect(s.strata[2]!.threshold).toBe(6);
    expect(s.shapeOf(b)).toBe('square');
    expect(s.shapeOf({ raterId: 'a', instrument: null })).toBe('cross');
  });
});
