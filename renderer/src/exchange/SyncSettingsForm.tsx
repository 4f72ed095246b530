import { useState } from 'react';
import { ConfigureSyncInput, type SyncStatus } from '../../../shared/api/operations/sync';
import { call } from '../api/client';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';

interface Boxes {
  baseUrl: string;
  token: string;
}

/**
 * The district server's FHIR base and bearer token, set by an administrator (the back end refuses anyone else).
 * The token box is always empty: the token is never read back, only said to be set; left empty, it stays.
 */
export function SyncSettingsForm({ status }: { status: SyncStatus }) {
  const form = useMappedForm(ConfigureSyncInput, { baseUrl: status.baseUrl ?? '', token: '' }, (v: Boxes) => ({
    baseUrl: v.baseUrl,
    ...(v.token.trim() ? { bearerToken: v.token } : {}),
  }));
  const { register, formState } = form;
  const [message, setMessage] = useState<OutcomeMessage>(null);

  const submit = form.handleSubmit(async (input) => {
    setMessage(null);
    const r = await call('exchange.configureSync', input);
    if (!r.ok) {
      const text = applyServerErrors(form, r.error, ['baseUrl', 'token']);
      if (text) setMessage({ ok: false, text });
      return;
    }
    form.reset({ baseUrl: r.value.baseUrl ?? '', token: '' });
    setMessage({ ok: true, text: 'Saved. The first push starts in a moment; the status above says how it went.' });
  });

  const turnOff = async () => {
    setMessage(null);
    const r = await call('exchange.configureSync', { baseUrl: null });
    setMessage(r.ok ? { ok: true, text: 'Sync is off. Nothing more is sent until a server is set again.' } : { ok: false, text: r.error.message });
    if (r.ok) form.reset({ baseUrl: '', token: '' });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="sync-settings-heading">
      <h4 id="sync-settings-heading">Server (administrators)</h4>
      <Field label="FHIR base address" error={formState.errors.baseUrl?.message} hint="As the district gave it, for example https://fhir.district.example/fhir/R4.">
        {(a) => <input {...a} type="url" autoComplete="off" spellCheck={false} {...register('baseUrl')} />}
      </Field>
      <Field
        label="Bearer token"
        error={formState.errors.token?.message}
        hint={status.bearerToken === 'set' ? 'A token is set. Leave this empty to keep it, or paste a new one.' : 'No token is set. Paste the one the district gave you.'}
      >
        {(a) => <input {...a} type="password" autoComplete="off" spellCheck={false} {...register('token')} />}
      </Field>
      <Outcome message={message} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Save server
        </button>
        {status.configured ? (
          <button type="button" onClick={() => void turnOff()}>
            Turn sync off
          </button>
        ) : null}
      </div>
    </form>
  );
}
