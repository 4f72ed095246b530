import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { DATE_FORMATS, type DateFormat } from '../../shared/domain/dates';
import { typedDate } from '../../shared/domain/schema-parts';
import { createFormatter } from '../../shared/format';
import { dateFormatRef, ISO_FORMAT_REF } from '../../shared/i18n/date-format-words';
import { message, writeMessage, type MessageRef } from '../../shared/i18n/message';
import { intlLocale, messagesFor, type Language } from '../../shared/i18n';
import { readDateBoxes } from '../../renderer/src/forms/typed-dates';

// Date entry in the clinic's format and the screen's language (issue 20): a date box reads what the person types
// in the clinic's format, with month names in their language, and says how to write a date in their letters
// ("JJ/MM/AAAA" for a French clinic writing DD/MM/YYYY), never in English.

function writer(language: Language, dateFormat: DateFormat) {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { [language]: { translation: messagesFor(language) } }, lng: language, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false }, initAsync: false });
  const format = createFormatter({ dateFormat, language, timeZone: 'UTC' });
  return (ref: MessageRef) => writeMessage(ref, { translate: (id: string, values) => i18n.t(id, { ...values, defaultValue: id }), format, locale: intlLocale(language) });
}

const LETTERS: Record<Language, Record<DateFormat, string>> = {
  en: { 'D MMM YYYY': 'D MMM YYYY', 'DD/MM/YYYY': 'DD/MM/YYYY', 'MM/DD/YYYY': 'MM/DD/YYYY', 'YYYY-MM-DD': 'YYYY-MM-DD' },
  fr: { 'D MMM YYYY': 'J MMM AAAA', 'DD/MM/YYYY': 'JJ/MM/AAAA', 'MM/DD/YYYY': 'MM/JJ/AAAA', 'YYYY-MM-DD': 'AAAA-MM-JJ' },
  es: { 'D MMM YYYY': 'D MMM AAAA', 'DD/MM/YYYY': 'DD/MM/AAAA', 'MM/DD/YYYY': 'MM/DD/AAAA', 'YYYY-MM-DD': 'AAAA-MM-DD' },
  pt: { 'D MMM YYYY': 'D MMM AAAA', 'DD/MM/YYYY': 'DD/MM/AAAA', 'MM/DD/YYYY': 'MM/DD/AAAA', 'YYYY-MM-DD': 'AAAA-MM-DD' },
};

// 14 March 2026 as a person of each language types it in a clinic of each format: the clinic's own form, a
// spelled month in their language (read in any clinic, since it is never ambiguous), and ISO.
const TYPED: Record<Language, Record<DateFormat, string>> = {
  en: { 'D MMM YYYY': '14 Mar 2026', 'DD/MM/YYYY': '14/03/2026', 'MM/DD/YYYY': '03/14/2026', 'YYYY-MM-DD': '2026-03-14' },
  fr: { 'D MMM YYYY': '14 mars 2026', 'DD/MM/YYYY': '14/03/2026', 'MM/DD/YYYY': '03/14/2026', 'YYYY-MM-DD': '2026-03-14' },
  es: { 'D MMM YYYY': '14 de marzo de 2026', 'DD/MM/YYYY': '14/03/2026', 'MM/DD/YYYY': '03/14/2026', 'YYYY-MM-DD': '2026-03-14' },
  pt: { 'D MMM YYYY': '14 de março de 2026', 'DD/MM/YYYY': '14/03/2026', 'MM/DD/YYYY': '03/14/2026', 'YYYY-MM-DD': '2026-03-14' },
};
const SPELLED: Record<Language, string> = { en: '14 March 2026', fr: '14 mars 2026', es: '14 marzo 2026', pt: '14 março 2026' };

describe('a date box in each language and date format', () => {
  for (const language of ['en', 'fr', 'es', 'pt'] as const) {
    for (const format of DATE_FORMATS) {
      it(`${language}, ${format}: reads the clinic's form, the month by name and ISO; says how in the language's letters`, () => {
        const rule = typedDate(format, language);
        expect(rule.parse(TYPED[language][format])).toBe('2026-03-14');
        expect(rule.parse(SPELLED[language])).toBe('2026-03-14');
        expect(rule.parse('2026-03-14')).toBe('2026-03-14');
        // What the box shows a stored date as is read back as the same date.
        expect(rule.parse(createFormatter({ dateFormat: format, language }).date('2026-12-01'))).toBe('2026-12-01');

        const say = writer(language, format);
        expect(say(dateFormatRef(format))).toBe(LETTERS[language][format]);
        const hint = say(message('forms.dateHint', { format: { message: dateFormatRef(format) }, iso: { message: ISO_FORMAT_REF }, example: { date: '2026-03-14' } }));
        expect(hint).toContain(LETTERS[language][format]);
        expect(hint).toContain(LETTERS[language]['YYYY-MM-DD']);
      });
    }
  }

  it('refuses a date that is not real, saying how to write one in the French letters, on a French screen', () => {
    const refused = typedDate('DD/MM/YYYY', 'fr').safeParse('31/02/2026');
    expect(refused.success).toBe(false);
    const say = writer('fr', 'DD/MM/YYYY');
    const how = { message: message('errors.date.formatOrIso', { format: { message: dateFormatRef('DD/MM/YYYY') }, iso: { message: ISO_FORMAT_REF } }) };
    expect(say(message('errors.date.notReal', { text: '31/02/2026', how }))).toBe('« 31/02/2026 » n’est pas une date réelle : écrivez-la JJ/MM/AAAA ou AAAA-MM-JJ.');
  });

  it('a French month name typed in a form is read only when the screen is French, not guessed on an English one', () => {
    const typed = { startDate: '3 févr. 2026' };
    expect(readDateBoxes(typed, { format: 'D MMM YYYY', language: 'fr', paths: ['startDate'] }).values.startDate).toBe('2026-02-03');
    expect(Object.keys(readDateBoxes(typed, { format: 'D MMM YYYY', language: 'en', paths: ['startDate'] }).problems)).toEqual(['startDate']);
  });
});
