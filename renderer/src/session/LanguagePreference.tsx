import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../shared/i18n';
import { call } from '../api/client';
import { useSession } from './session-context';
import { useApiErrorText } from '../api/failure';

/**
 * The signed-in person's own screen language, from the account menu: the clinic's (Settings) unless they choose
 * another. Only their screens change; the clinic's setting, other people's screens and the printed documents
 * (in the patient's language) stay as they are. A dialog, so it opens over whatever screen the person is on.
 */
export function LanguagePreference() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const { state, setState } = useSession();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const own = state.currentTherapist?.language ?? null;
  const [chosen, setChosen] = useState<Language | null>(own);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clinicLanguage = state.clinic?.language ?? 'en';

  const open = () => {
    setChosen(own);
    setError(null);
    dialog.current?.showModal();
  };
  const save = async () => {
    setBusy(true);
    const r = await call('session.setLanguage', { language: chosen });
    setBusy(false);
    if (!r.ok) {
      setError(errorText(r.error, 'language'));
      return;
    }
    // The new state carries the language the screens are in; the session provider switches to it.
    setState(r.value);
    dialog.current?.close();
  };
  const choices: { value: Language | null; label: string }[] = [
    { value: null, label: t('languagePreference.clinics', { language: LANGUAGE_NAMES[clinicLanguage] }) },
    ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
  ];

  return (
    <>
      <button type="button" onClick={open}>
        {t('languagePreference.open')}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-heading`} className="confirm-dialog language-preference">
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <h2 id={`${id}-heading`}>{t('languagePreference.heading')}</h2>
          <fieldset>
            <legend>{t('languagePreference.legend')}</legend>
            {choices.map((c) => (
              <label key={c.value ?? 'clinic'} className="choice" lang={c.value ?? undefined}>
                <input type="radio" name={`${id}-language`} checked={chosen === c.value} onChange={() => setChosen(c.value)} />
                {c.label}
              </label>
            ))}
          </fieldset>
          <p className="field-hint">{t('languagePreference.hint')}</p>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('languagePreference.save')}
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('languagePreference.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
