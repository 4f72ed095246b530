import { useId, useMemo, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isDisplayLanguage, type DisplayLanguage, type Language } from '../../../shared/i18n';
import { Field } from '../forms/Field';
import { useSession } from '../session/session-context';
import { i18next } from './i18n';
import { Loading } from '../layout/Status';
import { languageOverride } from './language-override';
import { useLanguageLoaded } from './use-clinic-language';

/**
 * A printed document (progress report, home exercise sheet, referral letter) in its own language, which may
 * differ from the screen's: the patient's. Everything rendered inside reads this language through the usual
 * useTranslation(), useFormatter() and catalogue words, because they all ask the i18next instance of the nearest
 * provider: here a clone of the app's, sharing its bundled messages, fixed to the document's language.
 */
export function DocumentLanguage({ language, children }: { language: DisplayLanguage; children: ReactNode }) {
  // A language not yet loaded (i18n.ts) loads first: a document is never half in English.
  const ready = useLanguageLoaded(language);
  const fixed = useMemo(() => (ready ? i18next.cloneInstance({ lng: language, initAsync: false }) : null), [language, ready]);
  return fixed ? <I18nextProvider i18n={fixed}>{children}</I18nextProvider> : <Loading what={language === 'pseudo' ? language : LANGUAGE_NAMES[language]} />;
}

/** The value of the page's lang attribute for a document: the pseudo-locale is English underneath. */
export function langAttribute(language: DisplayLanguage): string {
  return language === 'pseudo' ? 'en' : language;
}

/**
 * The language a patient's document starts in: this browser's override (tests, translators) first, then the
 * patient's own document language, else the clinic's.
 */
export function defaultDocumentLanguage(patient: { documentLanguage: Language | null } | null, clinicLanguage: Language | undefined): DisplayLanguage {
  return languageOverride() ?? patient?.documentLanguage ?? clinicLanguage ?? 'en';
}

/** The document language choice, among a document's options. The names are each language's own. */
export function DocumentLanguageField({ value, onChange }: { value: DisplayLanguage; onChange(language: DisplayLanguage): void }) {
  const { t } = useTranslation();
  const id = useId();
  // The pseudo-locale is offered only when this browser is already in it (tests): never to a clinic.
  const choices: readonly DisplayLanguage[] = value === 'pseudo' ? [...LANGUAGES, 'pseudo'] : LANGUAGES;
  return (
    <div className="field">
      <label htmlFor={id}>{t('documents.language')}</label>
      <select id={id} value={value} onChange={(e) => isDisplayLanguage(e.target.value) && onChange(e.target.value)} aria-describedby={`${id}-hint`}>
        {choices.map((l) => (
          <option key={l} value={l} lang={langAttribute(l)}>
            {l === 'pseudo' ? t('documents.pseudoLanguage') : LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {t('documents.languageHint')}
      </p>
    </div>
  );
}

/**
 * The patient form's choice of the language their printed documents are in; empty means the clinic's, so a
 * clinic that later changes its language changes the documents of every patient who has none of their own.
 */
export function PatientLanguageField({ registration, error }: { registration: UseFormRegisterReturn; error?: string | undefined }) {
  const { t } = useTranslation();
  const clinicLanguage = useSession().state.clinic?.language ?? 'en';
  return (
    <Field label={t('documents.patientLanguage')} hint={t('documents.patientLanguageHint')} error={error}>
      {(a) => (
        <select {...a} {...registration}>
          <option value="">{t('documents.clinicLanguage', { language: LANGUAGE_NAMES[clinicLanguage] })}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The empty choice is the clinic's language: null, which the schema takes, where an empty string is refused. */
export const LANGUAGE_CHOICE = { setValueAs: (value: unknown) => (value === '' ? null : value) } as const;
