// Verdict reasons in every language: each kind of reason the rule can give, written in French, Spanish and
// Portuguese through i18next as the screens write them, must have every message found (i18next gives back the id
// of a missing one) and no English left; and the English `reason` API callers get must be exactly what i18next
// writes from `reasonRef` in English, so the two can never differ.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatDay, formatDegrees, formatNumber } from '../../shared/analysis/format';
import { seriesLabelRef } from '../../shared/domain/message-words';
import type { ResetInfo, RomPoint } from '../../shared/analysis/series-summary';
import { analyseSeries, type Verdict } from '../../shared/analysis/verdict';
import { MOTION_SPECS } from '../../shared/domain/catalogue';
import { createFormatter, formatChange } from '../../shared/format';
import { intlLocale, messagesFor, type Language } from '../../shared/i18n';
import { writeMessage, type MessageParam, type MessageRef, type MessageWriter } from '../../shared/i18n/message';

function writer(language: Language, format: MessageWriter['format']): (ref: MessageRef) => string {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { [language]: { translation: messagesFor(language) } }, lng: language, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false }, initAsync: false });
  return (ref) => writeMessage(ref, { translate: (id: string, values) => i18n.t(id, { ...values, defaultValue: id }), format, locale: intlLocale(language) });
}

// Seeded, so a failure names the same series every run. A reset's title is the clinic's own text, kept as typed:
// here a word of no one language, so the check for English is not fooled by it.
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const RATERS = ['a', 'b', 'c', null];
const INSTRUMENTS = ['goniometer', 'inclinometer', 'smartphone', 'visual', null];
const RESETS: (ResetInfo | null)[] = [null, { date: '2025-12-20', kind: 'excision', title: null }, { date: '2025-12-20', kind: 'surgery', title: null }, { date: '2025-12-20', kind: 'surgery', title: 'Arthrolyse' }, { date: '2025-12-20', kind: null, title: null }];

/** Series of every shape the rule tells apart: steady, falling, rising, a peak and a fall, a sudden drop, few readings. */
function series(seed: number): Parameters<typeof analyseSeries>[0] {
  const r = random(seed + 1);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const spec = pick(MOTION_SPECS);
  const side = r() < 0.5 ? 'left' : 'right';
  const mode = r() < 0.8 ? 'active' : 'passive';
  const n = Math.floor(r() * 9);
  const step = pick([3, 7, 14]);
  const shape = pick(['steady', 'falling', 'rising', 'peak', 'drop', 'crash']);
  const raters = pick([[pick(RATERS)], ['a', 'b'], ['a', 'b', 'c'], RATERS]);
  const instruments = pick([[pick(INSTRUMENTS)], ['goniometer', 'inclinometer'], INSTRUMENTS]);
  const points: RomPoint[] = Array.from({ length: n }, (_, i) => {
    const trend = shape === 'crash' ? -10 * i : shape === 'falling' ? -3 * i : shape === 'rising' ? 3 * i : shape === 'peak' ? (i < n / 2 ? 5 * i : 5 * (n - i) - 10) : shape === 'drop' && i === n - 1 ? -25 : 0;
    const day = new Date(Date.UTC(2026, 0, 5 + i * step)).toISOString().slice(0, 10);
    return { date: day, value: Math.round(100 + trend + (r() - 0.5) * 6), raterId: raters[i % raters.length]!, instrument: instruments[Math.floor(i / 2) % instruments.length]!, id: `m${i}` };
  });
  const reset = pick(RESETS);
  return {
    label: 'unused in other languages',
    labelRef: seriesLabelRef(side, spec.key, mode),
    points,
    threshold: spec.threshold.value,
    thresholdOverrides: r() < 0.3 ? [{ instrument: 'inclinometer', degrees: 6 }] : [],
    resets: reset ? [reset] : [],
    resetDates: reset ? [reset.date] : [],
    today: '2026-09-01',
  };
}

function ids(ref: MessageRef, into: Set<string> = new Set()): Set<string> {
  into.add(ref.id);
  const visit = (p: MessageParam) => {
    if (typeof p !== 'object') return;
    if ('message' in p) ids(p.message, into);
    if ('list' in p) p.list.forEach(visit);
  };
  Object.values(ref.params ?? {}).forEach(visit);
  return into;
}

const verdicts: Verdict[] = Array.from({ length: 1500 }, (_, seed) => analyseSeries(series(seed)).verdict);
const ENGLISH = /\b(the|threshold|readings?|measured|measurements?|weeks?|days?|since|loss|falling|rising|trend|therapists?|baseline|pooled|same|with|over|only)\b/i;

describe('verdict reasons in every language', () => {
  it('covers every kind of reason the rule gives', () => {
    const seen = new Set(verdicts.flatMap((v) => [...ids(v.reasonRef)]));
    const expected = [
      'verdicts.change',
      'verdicts.stratum.fromBest',
      'verdicts.stratum.fast',
      'verdicts.confirm',
      'verdicts.doubledConfirm',
      'verdicts.holding.within',
      'verdicts.holding.unconfirmed',
      'verdicts.pooled.loss',
      'verdicts.insufficient.noneYet',
      'verdicts.insufficient.none',
      'verdicts.insufficient.only',
      'verdicts.insufficient.short',
      'verdicts.since.excision',
      'verdicts.since.surgery',
      'verdicts.since.titled',
      'verdicts.since.reset',
      'verdicts.threshold.doubled',
      'verdicts.with.visual',
      'verdicts.series.passive',
    ];
    expect(expected.filter((id) => !seen.has(id))).toEqual([]);
    expect(new Set(verdicts.map((v) => `${v.kind}${v.needsConfirmation ? '?' : ''}`))).toEqual(new Set(['improving', 'holding', 'holding?', 'losing', 'insufficient']));
  });

  it('gives API callers the English that i18next writes from the same message', () => {
    const english = writer('en', { date: formatDay, degrees: formatDegrees, change: formatChange, number: formatNumber });
    for (const v of verdicts) expect(english(v.reasonRef)).toBe(v.reason);
  });

  for (const language of ['fr', 'es', 'pt'] as const) {
    it(`writes every reason in ${language}, with no message missing and no English left`, () => {
      const write = writer(language, createFormatter({ dateFormat: 'DD/MM/YYYY', language, timeZone: 'UTC' }));
      const problems: string[] = [];
      for (const v of verdicts) {
        const text = write(v.reasonRef);
        // A missing message comes back as its id; the English words list catches a message left in English.
        if (/verdicts\.|analysis\.|worklist\.|motion\./.test(text) || ENGLISH.test(text)) problems.push(`${v.reasonRef.id}: ${text}`);
        // Dates in the clinic's format, not the English "4 Mar 2026".
        if (/\b\d{1,2} [A-Z][a-z]{2} \d{4}\b/.test(text)) problems.push(`English date in: ${text}`);
      }
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }

  it('reads as a French clinician would write it', () => {
    const write = writer('fr', createFormatter({ dateFormat: 'DD/MM/YYYY', language: 'fr', timeZone: 'UTC' }));
    const v = analyseSeries({
      label: 'Right knee flexion',
      labelRef: seriesLabelRef('right', 'knee.flexion'),
      points: [
        { date: '2026-03-10', value: 120, raterId: 'a', instrument: 'goniometer' },
        { date: '2026-03-31', value: 108, raterId: 'a', instrument: 'goniometer' },
        { date: '2026-04-21', value: 100, raterId: 'a', instrument: 'goniometer' },
      ],
      threshold: 8,
      resets: [{ date: '2026-03-03', kind: 'excision', title: null }],
      resetDates: ['2026-03-03'],
      today: '2026-04-22',
    }).verdict;
    expect(v.kind).toBe('losing');
    expect(write(v.reasonRef)).toMatch(/^Genou droit, flexion : 120° → 100° en 6 semaines depuis l’excision \(03\/03\/2026\), mesuré par le même thérapeute avec le goniomètre : une perte de 20°, au-delà du seuil/);
  });
});
