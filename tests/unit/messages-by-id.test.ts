import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../shared/api/issues';
import { PatientInput } from '../../shared/domain/patient';
import { createFormatter } from '../../shared/format';
import { englishText, writeMessage, type MessageRef } from '../../shared/i18n/message';
import { intlLocale, messagesFor, type Language } from '../../shared/i18n';
import { DEFAULT_WORKLIST_SETTINGS } from '../../shared/worklist/settings';
import { reasonsOn } from '../../shared/worklist/today';

// The back end sends messages as ids with their values; the English text API callers read is written from the same
// English messages, and a screen writes the id in its own language with the clinic's date format.
function writer(language: Language, dateFormat: 'DD/MM/YYYY' | 'D MMM YYYY') {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { [language]: { translation: messagesFor(language) } }, lng: language, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false }, initAsync: false });
  const format = createFormatter({ dateFormat, language, timeZone: 'UTC' });
  return (ref: MessageRef) => writeMessage(ref, { translate: (id: string, values) => i18n.t(id, { ...values, defaultValue: id }), format, locale: intlLocale(language) });
}

describe('field messages by id', () => {
  const refused = PatientInput.safeParse({ familyName: 'Osei', givenNames: 'Kwame', dateOfBirth: '2999-01-01', sex: 'male', clinicId: null });
  const error = refused.success ? null : refusalOf(refused.error);

  it('carries an id whose English text is the API’s English text', () => {
    expect(error?.fields?.dateOfBirth).toBe('Date of birth cannot be in the future.');
    expect(error?.fieldRefs?.dateOfBirth?.id).toBe('errors.field.future');
    expect(englishText(error!.fieldRefs!.dateOfBirth!)).toBe(error!.fields!.dateOfBirth);
    expect(error?.messageRef && englishText(error.messageRef)).toBe(error?.message);
  });

  it('reads in French, Spanish and Portuguese with the field named in the language', () => {
    expect(writer('fr', 'DD/MM/YYYY')(error!.fieldRefs!.dateOfBirth!)).toBe('Date de naissance : ne peut pas être dans le futur.');
    expect(writer('es', 'DD/MM/YYYY')(error!.fieldRefs!.dateOfBirth!)).toBe('Fecha de nacimiento: no puede ser una fecha futura.');
    expect(writer('pt', 'DD/MM/YYYY')(error!.fieldRefs!.dateOfBirth!)).toBe('Data de nascimento: não pode ser uma data futura.');
    expect(writer('fr', 'DD/MM/YYYY')(error!.messageRef!)).toBe('Un champ est à corriger.');
  });

  it('writes a date in a field message in the clinic’s format', () => {
    const early = PatientInput.safeParse({ familyName: 'Osei', givenNames: 'Kwame', dateOfBirth: '1850-03-14', sex: 'male', clinicId: null });
    const ref = early.success ? null : refusalOf(early.error).fieldRefs?.dateOfBirth;
    expect(ref?.id).toBe('errors.field.notBefore');
    expect(writer('fr', 'DD/MM/YYYY')(ref!)).toBe('Date de naissance : ne peut pas être antérieur au 01/01/1900.');
    expect(writer('en', 'D MMM YYYY')(ref!)).toBe('Date of birth cannot be before 1 Jan 1900.');
  });
});

describe('worklist reasons by id', () => {
  const today = '2026-03-20';
  const site = { joint: 'elbow' as const, side: 'right' as const, status: 'at_risk' as const, anchorDate: '2026-02-10', anchorWhat: 'the operation', lastMeasured: '2026-03-01', dueOn: '2026-03-14', overdueOn: '2026-03-21', endsOn: '2026-08-10', intervalDays: 7 };
  const summary = { patient: { lastMeasured: '2026-03-01', lastTherapistId: null, alpLatest: null, alpPrevious: null }, sites: [site], reasons: [], dateOfBirth: null };
  const [reason] = reasonsOn(summary, today, DEFAULT_WORKLIST_SETTINGS, (d) => createFormatter({ dateFormat: 'DD/MM/YYYY' }).date(d));

  it('carries an id whose English text is the API’s English text, dates in the clinic’s format', () => {
    expect(reason?.message.id).toBe('worklist.reason.dueSince');
    expect(reason?.text).toBe('Right elbow (at risk): due since 14/03/2026; last measured 01/03/2026; measured weekly after the operation (10/02/2026).');
  });

  it('reads in French with the dates in the clinic’s format, never an English month', () => {
    const fr = writer('fr', 'DD/MM/YYYY')(reason!.message);
    expect(fr).toBe('Coude droit (à risque) : mesure à faire depuis le 14/03/2026 ; dernière mesure le 01/03/2026 ; mesuré chaque semaine après l’opération (10/02/2026).');
    expect(writer('fr', 'D MMM YYYY')(reason!.message)).toContain('14 mars 2026');
    expect(writer('pt', 'DD/MM/YYYY')(reason!.message)).toContain('Cotovelo direito (em risco): a medir desde 14/03/2026');
  });
});
