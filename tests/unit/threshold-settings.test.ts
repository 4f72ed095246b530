import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ThresholdEntry } from '../../shared/api/operations/thresholds';
import { MOTION_SPECS } from '../../shared/domain/catalogue';
import { shortThresholdSource } from '../../shared/domain/thresholds';
import { changesOf, savedMessage, valuesOf } from '../../renderer/src/settings/threshold-model';
import { thresholdWords } from '../../renderer/src/settings/threshold-words';
import { i18next, loadLanguage } from '../../renderer/src/i18n/i18n';
import { catalogueWords } from '../../renderer/src/i18n/catalogue-words';
import { createFormatter } from '../../shared/format';

// The model borrows the renderer's number parsing, whose module pulls in the API client; the client needs a
// browser window, which these pure checks do not.
vi.mock('../../renderer/src/api/client', () => ({ call: vi.fn() }));

describe('shortThresholdSource', () => {
  it('keeps the citations and the "to confirm" of every catalogue threshold, short enough for a table cell', () => {
    for (const spec of MOTION_SPECS) {
      const short = shortThresholdSource(spec.threshold.source);
      expect(short, spec.key).toMatch(/; to confirm$/);
      expect(short.length, spec.key).toBeLessThanOrEqual(40);
    }
    expect(shortThresholdSource('Smallest detectable change 6-8 (Cleffken 2007); goniometer error about 10 (Chapleau 2011), to confirm')).toBe('Cleffken 2007, Chapleau 2011; to confirm');
    expect(shortThresholdSource('SEM 3.4, so MDC95 about 9')).toBe('Clinical reference');
  });
});

describe('the thresholds form model', () => {
  // Languages other than English load when asked for (renderer/src/i18n/i18n.ts).
  beforeAll(() => loadLanguage('fr'));
  const entry: ThresholdEntry = {
    motion: 'hip.extension',
    joint: 'hip',
    label: 'Hip extension',
    catalogueDefault: { degrees: 12, source: 'x', sourceShort: 'x' },
    overrides: [{ instrument: null, degrees: 14, setById: 't', setByName: 'A', setAt: '2026-01-01T00:00:00.000Z' }],
  };

  it('turns the boxes into sets and clears of what changed only', () => {
    const values = valuesOf(entry);
    expect(values).toEqual({ any: '14', goniometer: '', inclinometer: '', smartphone: '', visual: '' });
    expect(changesOf(entry, values)).toEqual([]);
    expect(changesOf(entry, { ...values, any: '', goniometer: ' 10° ', visual: 'ten' })).toEqual([
      { slot: 'any', degrees: null },
      { slot: 'goniometer', degrees: 10 },
      { slot: 'visual', degrees: 'ten' },
    ]);
  });

  function wordsIn(language: 'en' | 'fr') {
    const t = i18next.getFixedT(language);
    return thresholdWords(t, catalogueWords(t), createFormatter({ dateFormat: 'D MMM YYYY', language }).degrees, language);
  }

  it('says what was saved in words', () => {
    const words = wordsIn('en');
    expect(words.motionOnly(entry)).toBe('Extension');
    expect(savedMessage(entry, [{ slot: 'goniometer', degrees: 10 }, { slot: 'any', degrees: null }], words)).toBe(
      'Hip extension saved: universal goniometer 10°; any instrument back to the default. Catalogue default 12°.',
    );
    expect(savedMessage(entry, [], words)).toBe('No change to hip extension.');
    expect(words.source('Cleffken 2007; to confirm')).toBe('Cleffken 2007; to confirm');
    expect(words.source('Clinical reference')).toBe('Clinical reference');
  });

  it('says it in the screen’s language, with its decimal sign and the catalogue’s citations kept', () => {
    const words = wordsIn('fr');
    expect(words.entryName(entry)).toBe('Hanche : extension');
    expect(savedMessage(entry, [{ slot: 'goniometer', degrees: 7.5 }], words)).toBe(
      'Hanche : extension — enregistré : goniomètre universel 7,5°. Valeur par défaut du catalogue : 12°.',
    );
    expect(words.source('Cleffken 2007; to confirm')).toBe('Cleffken 2007 ; à confirmer');
    expect(words.source('Clinical reference; to confirm')).toBe('Référence clinique ; à confirmer');
  });
});
