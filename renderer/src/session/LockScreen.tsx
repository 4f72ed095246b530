import { useState } from 'react';
import { UnlockInput } from '../../../shared/api/operations/settings';
import { call } from '../api/client';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { Field } from '../forms/Field';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { useSession } from './session-context';

/**
 * Over a locked session: no patient data (the app below is hidden and inert, SignedIn.tsx), only whose session it
 * is. The same person's credential resumes it as it was; anyone else signs in after being told that what the
 * first person typed and did not save is lost.
 */
export function LockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const { state, setState } = useSession();
  const name = state.currentTherapist?.name ?? 'the last person';
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
    else setFormError(r.error.message);
  }

  return (
    <main className="setup lock-screen" aria-labelledby="lock-heading">
      <h1 id="lock-heading">ROMtrack is locked</h1>
      <p>
        Signed in: <strong>{name}</strong>. Patients’ details are hidden until {name} enters their PIN or password; anything typed
        and not yet saved is kept.
      </p>
      <form className="form" noValidate onSubmit={onSubmit} aria-label="Unlock">
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <Field label={`PIN or password of ${name}`} error={formState.errors.credential?.message}>
          {(a) => <input {...a} type="password" autoComplete="current-password" autoFocus {...register('credential')} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            Unlock
          </button>
          <button type="button" onClick={() => setConfirming(true)}>
            Sign in as someone else
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Sign in as someone else?"
        confirmLabel={`Sign ${name} out`}
        cancelLabel="Go back"
        onConfirm={() => void someoneElse()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {name} is signed out first. Anything {name} typed and did not save is lost.
        </p>
      </ConfirmDialog>
    </main>
  );
}
