import { describe, expect, it } from 'vitest';
import { analyseSeries, arcSeries, assessArc, formatArc, type RomPoint } from '../../shared/analysis';

const pt = (date: string, value: number, id: string, raterId: string | null = 'A'): RomPoint => ({ date, value, id, raterId, instrument: 'goniometer' });

const extension = [pt('2026-01-05', -40, 'e1'), pt('2026-01-19', -35, 'e2'), pt('2026-02-02', -25, 'e3'), pt('2026-02-16', -20, 'e4', 'B')];
const flexion = [pt('2026-01-05', 110, 'f1'), pt('2026-01-12', 112, 'fx'), pt('2026-02-02', 120, 'f3'), pt('2026-02-16', 135, 'f4')];

describe('arcs', () => {
  it('adds the two motions on dates where both were measured', () => {
    const arcs = arcSeries(extension, flexion);
    expect(arcs.map((a) => [a.date, a.first, a.second, a.value])).toEqual([
      ['2026-01-05', -40, 110, 70],
      ['2026-02-02', -25, 120, 95],
      ['2026-02-16', -20, 135, 115],
    ]);
    expect(arcs[0]).toMatchObject({ id: 'e1+f1', firstId: 'e1', secondId: 'f1', raterId: 'A' });
    // Different raters for the two halves: no single rater for the arc.
    expect(arcs[2]!.raterId).toBeNull();
  });

  it('uses the last entry when a motion was measured twice in a day', () => {
    const arcs = arcSeries([pt('2026-01-05', -40, 'a'), pt('2026-01-05', -30, 'b')], [pt('2026-01-05', 120, 'c')]);
    expect(arcs).toHaveLength(1);
    expect(arcs[0]).toMatchObject({ first: -30, value: 90, id: 'b+c' });
  });

  it('writes the clinic form', () => {
    expect(formatArc(-10, 130)).toBe('-10/130');
    expect(formatArc(5, 140)).toBe('5/140');
    expect(formatArc(80, 75)).toBe('80/75');
  });

  it('says whether the latest arc reaches the functional arc, motion by motion', () => {
    const base = { label: 'Right elbow arc', firstLabel: 'extension', secondLabel: 'flexion', first: extension, second: flexion };
    const ok = assessArc({ ...base, functional: { first: -30, second: 130 } });
    expect(ok.reached).toBe(true);
    expect(ok.functionalArc).toBe(100);
    expect(ok.reason).toBe('Right elbow arc -20/135 (115°) on 16 Feb 2026 reaches the functional arc -30/130 (100°).');

    const short = assessArc({ ...base, functional: { first: -15, second: 142 } });
    expect(short.reached).toBe(false);
    expect(short.firstShortBy).toBe(5);
    expect(short.secondShortBy).toBe(7);
    expect(short.reason).toBe(
      'Right elbow arc -20/135 (115°) on 16 Feb 2026 falls short of the functional arc -15/142 (127°): extension 5° short, flexion 7° short.',
    );
  });

  it('does not count a wide arc in the wrong place as functional', () => {
    const a = assessArc({
      label: 'Left elbow arc',
      firstLabel: 'extension',
      secondLabel: 'flexion',
      first: [pt('2026-01-05', -60, 'e')],
      second: [pt('2026-01-05', 165, 'f')],
      functional: { first: -30, second: 130 },
    });
    expect(a.arcAtLeastFunctional).toBe(true); // 105 >= 100
    expect(a.reached).toBe(false); // but the elbow cannot straighten past -60
    expect(a.reason).toContain('extension 30° short.');
  });

  it('explains when there is no arc yet, and when no functional arc is given', () => {
    const none = assessArc({ label: 'Right elbow arc', firstLabel: 'extension', secondLabel: 'flexion', first: extension, second: [] });
    expect(none.latest).toBeNull();
    expect(none.reason).toBe('Right elbow arc: extension and flexion have not been measured on the same day yet.');
    const plain = assessArc({ label: 'Right elbow arc', firstLabel: 'extension', secondLabel: 'flexion', first: extension, second: flexion });
    expect(plain.reached).toBeNull();
    expect(plain.reason).toBe('Right elbow arc -20/135 (115°) on 16 Feb 2026.');
  });

  it('can be judged like any series, with an arc threshold, comparing arcs by the same rater only', () => {
    const arcs = arcSeries(extension, flexion);
    const { verdict } = analyseSeries({ label: 'Right elbow arc', points: arcs, threshold: 8.5, today: '2026-03-01' });
    // 70 -> 95 by rater A (one reading after the baseline: not yet a gain); the last arc mixes raters, so it has
    // no rater of its own and nothing of the same rater to compare with. Its 45° from the baseline is beyond even
    // the doubled threshold: re-measure rather than call it.
    expect(verdict.kind).toBe('holding');
    expect(verdict.needsConfirmation).toBe(true);
    expect(verdict.basis).toBe('doubled');
    expect(verdict.reason).toBe(
      'Right elbow arc: 70° → 115° over 6 weeks: a gain of 45°, beyond the threshold (17°: doubled, as the latest reading has no earlier one by the same therapist with the same instrument; 8.5°, catalogue default), but it rests on that one reading. Re-measure to confirm, ideally by the same therapist with the same instrument.',
    );
    // With a third arc by A the gain is confirmed.
    const more = [...arcs.slice(0, 2), { ...arcs[1]!, id: 'x', date: '2026-02-09', value: 100 }];
    expect(analyseSeries({ label: 'Right elbow arc', points: more, threshold: 8.5, today: '2026-03-01' }).verdict.kind).toBe('improving');
  });
});
