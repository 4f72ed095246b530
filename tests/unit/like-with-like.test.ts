import { describe, expect, it } from 'vitest';
import { comparabilityAdvice, lastReadings } from '../../shared/domain/like-with-like';

const visits = [
  { date: '2026-03-10', measurements: [] },
  { date: '2026-03-03', measurements: [{ raterId: 'ana', instrument: 'goniometer' as const }, { raterId: 'ana', instrument: 'goniometer' as const }] },
  { date: '2026-02-20', measurements: [{ raterId: 'ben', instrument: 'smartphone' as const }] },
];
const nameOf = (id: string) => ({ ana: 'Ana Silva', ben: 'Ben Okafor' })[id] ?? id;
const fmt = (d: string) => d;

describe('like-with-like advice on the visit form', () => {
  it('takes the latest visit that has measurements', () => {
    expect(lastReadings(visits)).toEqual({ date: '2026-03-03', raterIds: ['ana'], instruments: ['goniometer'] });
    expect(lastReadings([])).toBeNull();
  });

  it('says nothing when the same therapist measures with the same instrument', () => {
    expect(comparabilityAdvice(lastReadings(visits), { raterId: 'ana', instrument: 'goniometer' }, nameOf, fmt)).toEqual([]);
  });

  it('suggests a bridge visit with both instruments when the instrument changes', () => {
    const advice = comparabilityAdvice(lastReadings(visits), { raterId: 'ana', instrument: 'smartphone' }, nameOf, fmt);
    expect(advice.map((a) => a.kind)).toEqual(['instrument']);
    expect(advice[0]!.text).toMatch(/universal goniometer.*smartphone app.*both instruments today/);
  });

  it('names the last therapist when another one measures', () => {
    const advice = comparabilityAdvice(lastReadings(visits), { raterId: 'ben', instrument: 'goniometer' }, nameOf, fmt);
    expect(advice.map((a) => a.kind)).toEqual(['rater']);
    expect(advice[0]!.text).toContain('Ana Silva');
  });

  it('has nothing to compare on a first visit', () => {
    expect(comparabilityAdvice(null, { raterId: 'ben', instrument: 'visual' }, nameOf, fmt)).toEqual([]);
  });
});
