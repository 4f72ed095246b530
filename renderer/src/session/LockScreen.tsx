import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { UnlockInput } from '../../../shared/api/operations/settings';
import { call } from '../api/client';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { Field } from '../forms/Field';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { useSession } from './session-context';
import { useApiErrorText } from '../api/failure';

/**
 * Over a locked session: no patient data (the app below is hidden and inert, SignedIn.tsx), only whose session it
 * is. The same person's credential resumes it as it was; anyone else signs in after being told that what the
 * first person typed and did not save is lost.
 */
export function LockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const { state, setState } = useSession();
  const name = state.currentTherapist?.name ?? t('session.lockScreen.lastPerson');
  const form = useSchemaForm(UnlockInput, { credential: '' });
  const { register, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const r = await call('session.unlock', values);
    if (r.ok) {
      setState(r.value);
      if (r.value.currentTherapist && !r.value.locked) onUnlocked();
    } else {
      form.resetField('credential', { keepError: true });
      setFormError(applyServerErrors(form, r.error, ['credential']));
    }
  });

  async function someoneElse() {
    setConfirming(false);
    const r = await call('session.signOut', {});
    if (r.ok) setState(r.value);
    else setFormError(errorText(r.error));
  }

  return (
    <main className="setup lock-screen" aria-labelledby="lock-heading">
      <h1 id="lock-heading">{t('session.lockScreen.heading')}</h1>
      <p>
        <Trans i18nKey="session.lockScreen.intro" values={{ name }} components={[<strong />]} />
      </p>
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('session.lockScreen.unlock')}>
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <Field label={t('session.lockScreen.credentialOf', { name })} error={formState.errors.credential?.message}>
          {(a) => <input {...a} type="password" autoComplete="current-password" autoFocus {...register('credential')} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {t('session.lockScreen.unlock')}
          </button>
          <button type="button" onClick={() => setConfirming(true)}>
            {t('session.lockScreen.someoneElse')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('session.lockScreen.confirmTitle')}
        confirmLabel={t('session.lockScreen.confirmSignOut', { name })}
        cancelLabel={t('session.lockScreen.goBack')}
        onConfirm={() => void someoneElse()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('session.lockScreen.confirmText', { name })}</p>
      </ConfirmDialog>
    </main>
  );
}
