import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';
import type { z } from 'zod';
import { refusalOf } from '../../shared/api/issues';
import { ClinicInput } from '../../shared/domain/clinic';
import { PlanInput } from '../../shared/domain/plan';
import { VisitInput } from '../../shared/domain/visit';
import { createFormatter } from '../../shared/format';
import { intlLocale, messagesFor, type Language } from '../../shared/i18n';
import { englishText, writeMessage, type MessageRef } from '../../shared/i18n/message';
import { AppError } from '../../electron/db/errors';

// Issue 20: a domain rule's message travels as an id inside the zod issue itself (shared/i18n/message.ts said), so
// the refusal's field messages are ids, written on the screen in the person's language.

function writer(language: Language, dateFormat: 'DD/MM/YYYY' | 'D MMM YYYY' = 'DD/MM/YYYY') {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { [language]: { translation: messagesFor(language) } }, lng: language, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false }, initAsync: false });
  const format = createFormatter({ dateFormat, language, timeZone: 'UTC' });
  return (ref: MessageRef) => writeMessage(ref, { translate: (id: string, values) => i18n.t(id, { ...values, defaultValue: id }), format, locale: intlLocale(language) });
}
const fr = writer('fr');
const PATIENT = '8f0c6a52-3d0e-4a51-9f57-2b1c4d7e9a10';

function refusal(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return refusalOf(parsed.error);
}

describe('domain refusals carry their messages as ids', () => {
  it('a visit with a date that is not a real date reads in French, its English unchanged', () => {
    const error = refusal(VisitInput, { patientId: PATIENT, date: '2026-02-30', measurements: [] });
    expect(error.fields?.date).toBe('Visit date must be a real date written YYYY-MM-DD, for example 2026-03-14.');
    expect(error.fieldRefs?.date?.id).toBe('errors.field.realDate');
    expect(englishText(error.fieldRefs!.date!)).toBe(error.fields!.date);
    const text = fr(error.fieldRefs!.date!);
    expect(text).toMatch(/^Date de la visite/);
    expect(text).not.toContain('Visit date');
  });

  it('a reading out of its motion’s range names the motion and the range in French', () => {
    const error = refusal(VisitInput, {
      patientId: PATIENT,
      date: '2026-02-10',
      measurements: [{ motion: 'elbow.flexion', side: 'left', mode: 'active', degrees: 400 }],
    });
    const ref = error.fieldRefs?.['measurements.0.degrees'];
    expect(ref?.id).toBe('domain.degrees.outside');
    expect(error.fields?.['measurements.0.degrees']).toMatch(/^Elbow flexion must be a whole number of degrees from -?\d+ to \d+; 400 is outside it\.$/);
    expect(fr(ref!)).toMatch(/^Flexion \(coude\) doit être un nombre entier de degrés de -?\d+ à \d+ ; 400 est en dehors\.$/);
  });

  it('a plan whose goal is out of range, or dated before the plan, is refused in French with the clinic’s dates', () => {
    const error = refusal(PlanInput, {
      patientId: PATIENT,
      startDate: '2026-03-10',
      title: 'Elbow mobility',
      endDate: null,
      sites: [{ joint: 'elbow', side: 'left' }],
      passiveRomAllowed: true,
      precautions: null,
      items: [{ intervention: 'active_rom', motions: ['elbow.flexion'], doseKind: 'minutes', sets: null, repetitions: null, minutes: 10, frequencyCount: 2, frequencyPer: 'day', instructions: null }],
      goals: [{ motion: 'elbow.flexion', side: 'left', mode: 'active', target: 999, targetDate: '2026-03-01' }],
    });
    expect(error.fieldRefs?.['goals.0.target']?.id).toBe('domain.degrees.outside');
    expect(fr(error.fieldRefs!['goals.0.target']!)).toContain('999 est en dehors');
    const dated = error.fieldRefs?.['goals.0.targetDate'];
    expect(dated?.id).toBe('domain.plan.targetBeforeStart');
    expect(error.fields?.['goals.0.targetDate']).toBe('The target date (2026-03-01) is before the plan starts (2026-03-10). Choose a date on or after the start.');
    expect(fr(dated!)).toBe('La date cible (01/03/2026) est avant le début du plan (10/03/2026). Choisissez une date égale ou postérieure au début.');
    expect(writer('pt', 'D MMM YYYY')(dated!)).toContain('1 mar');
    expect(fr(error.messageRef!)).toMatch(/champs? (est|sont) à corriger/);
  });

  it('an enum’s own message (the clinic’s paper size) is an id too', () => {
    const error = refusal(ClinicInput, { name: 'Clinique', address: null, phone: null, logo: null, paperSize: 'A5', dateFormat: 'DD/MM/YYYY', lockAfterMinutes: 5 });
    expect(error.fieldRefs?.paperSize?.id).toBe('domain.clinic.paper');
    expect(fr(error.fieldRefs!.paperSize!)).toBe('Choisissez A4 ou Letter.');
  });
});

describe('AppError', () => {
  it('keeps its message and field messages as ids, with their English text for API callers', () => {
    const err = new AppError('conflict', { id: 'domain.settings.registrationUsed', params: { number: 'PT-1' } }, { registrationNumber: { id: 'domain.settings.registrationBelongs', params: { number: 'PT-1', name: 'Ama' } } });
    const api = err.toApiError();
    expect(api.message).toBe('Registration number PT-1 is already recorded.');
    expect(api.fields?.registrationNumber).toBe('Registration number PT-1 already belongs to Ama. Check the number.');
    expect(fr(api.fieldRefs!.registrationNumber!)).toBe('Le numéro d’inscription PT-1 appartient déjà à Ama. Vérifiez le numéro.');
    expect(fr(api.messageRef!)).toBe('Le numéro d’inscription PT-1 est déjà enregistré.');
  });
});

// Every refusal the back end throws names a message id, so it reaches the screen in the person's language. The
// exchange's files (helper X, issue 19) are converted apart; the backup and desktop-shell errors too (helper M2).
const ROOT = join(__dirname, '..', '..');
const SCANNED = ['electron/api', 'electron/db', 'electron/sample-data', 'electron/auth', 'electron/backup', 'electron/shell'];
// The exchange's files (helpers X, X2, issue 20) are scanned too: none is exempt now.
const NOT_YET: readonly RegExp[] = [];

const files = (dir: string): string[] => sourceFiles(ROOT, dir);

describe('the back end’s refusals', () => {
  it('finds AppErrors to check (the scan itself works)', () => {
    const all = SCANNED.flatMap(files).map((f) => readFileSync(join(ROOT, f), 'utf8'));
    expect(all.join('\n').match(/new AppError\(/g)?.length ?? 0).toBeGreaterThan(60);
  });

  it('never throws an AppError with English text written inline', () => {
    const inline: string[] = [];
    for (const file of SCANNED.flatMap(files).filter((f) => !NOT_YET.some((re) => re.test(f)))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      // The message argument: a string or template literal right after the code, on the same line or the next.
      for (const m of text.matchAll(/new AppError\(\s*[^,]+,\s*(['"`])/g)) inline.push(`${file}: ${m[0]}`);
    }
    expect(inline).toEqual([]);
  });
});
