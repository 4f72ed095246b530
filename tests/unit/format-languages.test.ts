import { describe, expect, it } from 'vitest';
import { DATE_FORMATS, parseDateInput } from '../../shared/domain/dates';
import { createFormatter } from '../../shared/format';
import { LANGUAGES, intlLocale, type Language } from '../../shared/i18n/languages';

// The formatting module against Intl itself: every language and every clinic date format. Expected month names
// are asked of Intl here, independently of shared/domain/dates.ts, and spot-checked by hand below.
const DAYS = ['2026-01-05', '2026-03-14', '2026-05-01', '2026-09-30', '2026-12-31'];

function intlMonth(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

describe('dates, numbers and degrees through Intl, in each language and date format', () => {
  for (const language of LANGUAGES) {
    for (const dateFormat of DATE_FORMATS) {
      it(`${language}, ${dateFormat}`, () => {
        const f = createFormatter({ dateFormat, language, timeZone: 'UTC' });
        for (const iso of DAYS) {
          const [y, m, d] = iso.split('-');
          const expected = {
            'D MMM YYYY': `${Number(d)} ${intlMonth(language, iso)} ${y}`,
            'DD/MM/YYYY': `${d}/${m}/${y}`,
            'MM/DD/YYYY': `${m}/${d}/${y}`,
            'YYYY-MM-DD': iso,
          }[dateFormat];
          expect(f.date(iso)).toBe(expected);
          expect(f.instant(`${iso}T14:05:00Z`)).toBe(`${expected}, 14:05`);
          // What the screen shows, typed back in the same language and format, is the same day.
          expect(parseDateInput(f.date(iso), dateFormat, language)).toBe(iso);
        }
      });
    }
  }

  it('spells months as each language does, never in English on a French screen', () => {
    const on = (language: (typeof LANGUAGES)[number]) => createFormatter({ dateFormat: 'D MMM YYYY', language }).date('2026-09-04');
    expect(on('en')).toBe('4 Sep 2026');
    expect(on('fr')).toBe('4 sept. 2026');
    expect(on('es')).toBe('4 sept 2026');
    expect(on('pt')).toBe('4 set. 2026');
    expect(createFormatter({ dateFormat: 'D MMM YYYY', language: 'fr' }).date('2026-02-14')).toBe('14 févr. 2026');
  });

  it('reads a month typed in the screen language or in English, and refuses an ambiguous one', () => {
    expect(parseDateInput('14 février 2026', 'D MMM YYYY', 'fr')).toBe('2026-02-14');
    expect(parseDateInput('14 fevr 2026', 'D MMM YYYY', 'fr')).toBe('2026-02-14');
    expect(parseDateInput('14 de março de 2026', 'D MMM YYYY', 'pt')).toBe('2026-03-14');
    expect(parseDateInput('14 diciembre 2026', 'D MMM YYYY', 'es')).toBe('2026-12-14');
    expect(parseDateInput('14 Mar 2026', 'D MMM YYYY', 'fr')).toBe('2026-03-14');
    // "jui" is juin or juillet: refused rather than guessed.
    expect(parseDateInput('14 jui 2026', 'D MMM YYYY', 'fr')).toBeNull();
    // A French month on an English screen is not read.
    expect(parseDateInput('14 février 2026', 'D MMM YYYY', 'en')).toBeNull();
  });

  it('writes degrees and numbers with the language decimal sign, negatives with an ASCII hyphen', () => {
    const en = createFormatter({ dateFormat: 'YYYY-MM-DD', language: 'en' });
    const fr = createFormatter({ dateFormat: 'YYYY-MM-DD', language: 'fr' });
    const pt = createFormatter({ dateFormat: 'YYYY-MM-DD', language: 'pt' });
    expect([en.degrees(12.345), fr.degrees(12.345), pt.degrees(-12.35)]).toEqual(['12.3°', '12,3°', '-12,3°']);
    expect([fr.change(10.25), fr.change(-5), fr.change(-0.04)]).toEqual(['+10,3°', '-5°', '0°']);
    for (const language of LANGUAGES) {
      const f = createFormatter({ dateFormat: 'YYYY-MM-DD', language });
      expect(f.number(1234.5)).toBe(new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 }).format(1234.5));
      expect(f.degrees(-3.5)).not.toContain('\u2212');
    }
  });
});
