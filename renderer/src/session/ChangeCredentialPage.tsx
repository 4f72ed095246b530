import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeCredentialInput } from '../../../shared/api/operations/settings';
import { call } from '../api/client';
import { Field } from '../forms/Field';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { useScreenTitle } from '../layout/use-screen-title';
import { AGAIN, AGAIN_ISSUE, sameTwice, withoutAgain } from './credential-form';
import { useSession } from './session-context';
import { NewCredentialFields } from './NewCredentialFields';
import { useApiErrorText } from '../api/failure';

const ChangeForm = ChangeCredentialInput.extend(AGAIN).refine(sameTwice('next'), AGAIN_ISSUE);

interface Props {
  /** The credential is temporary (set by an administrator): nothing else opens until it is changed. */
  forced: boolean;
  onDone?: () => void;
}

/** Change your own PIN or password: the current one first, then the new one twice. Other sessions of yours end. */
export function ChangeCredentialPage({ forced, onDone }: Props) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const { state, setState } = useSession();
  useScreenTitle(forced ? t('session.change.forcedHeading') : t('session.change.heading'));
  const form = useSchemaForm(ChangeForm, { current: '', next: '', again: '' });
  const { register, formState } = form;
  const e = formState.errors;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const r = await call('session.changeCredential', withoutAgain(values));
    if (r.ok) {
      form.reset();
      setMessage({ ok: true, text: t('session.change.done') });
      setState(r.value);
      onDone?.();
    } else {
      // A wrong current credential comes back on the back end's "credential"; here that box is "current".
      const wrongCurrent = r.error.fields?.credential ? errorText(r.error, 'credential') : null;
      if (wrongCurrent) {
        form.resetField('current', { keepError: true });
        form.setError('current', { type: 'server', message: wrongCurrent }, { shouldFocus: true });
      } else {
        const rest = applyServerErrors(form, r.error, ['current', 'next']);
        if (rest) setMessage({ ok: false, text: rest });
      }
    }
  });

  async function signOut() {
    const r = await call('session.signOut', {});
    if (r.ok) setState(r.value);
    else setMessage({ ok: false, text: errorText(r.error) });
  }

  const page = (
    <>
      <h1 id="change-credential-heading">{forced ? t('session.change.forcedHeading') : t('session.change.heading')}</h1>
      {forced ? (
        <p>{t('session.change.forcedIntro', { name: state.currentTherapist?.name ?? '' })}</p>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="change-credential-heading">
        {message ? (
          <div className={message.ok ? 'ok-box' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </div>
        ) : null}
        <Field label={forced ? t('session.change.given') : t('session.change.current')} error={e.current?.message}>
          {(a) => <input {...a} type="password" autoComplete="current-password" autoFocus={forced} {...register('current')} />}
        </Field>
        <NewCredentialFields
          label={t('session.newCredential')}
          inputs={{ credential: register('next'), again: register('again') }}
          errors={{ credential: e.next?.message, again: e.again?.message }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {forced ? t('session.change.saveForced') : t('session.change.submit')}
          </button>
          {forced ? (
            <button type="button" onClick={() => void signOut()}>
              {t('session.signOut')}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
  // Forced, it is the whole screen (nothing else opens yet); chosen from Settings, it is a screen of the app.
  return forced ? (
    <main id="main" className="setup" tabIndex={-1} aria-labelledby="change-credential-heading">
      {page}
    </main>
  ) : (
    <section className="setup" aria-labelledby="change-credential-heading">
      {page}
    </section>
  );
}
