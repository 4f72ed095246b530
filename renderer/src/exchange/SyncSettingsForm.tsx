import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigureSyncInput, type SyncStatus } from '../../../shared/api/operations/sync';
import { call } from '../api/client';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { useApiErrorText } from '../api/failure';

interface Boxes {
  baseUrl: string;
  token: string;
  smart: { clientId: string; privateKey: string; tokenUrl: string };
}

const boxesOf = (s: SyncStatus): Boxes => ({ baseUrl: s.baseUrl ?? '', token: '', smart: { clientId: s.smart?.clientId ?? '', privateKey: '', tokenUrl: s.smart?.tokenUrl ?? '' } });

/**
 * The district server's FHIR base, and how ROMtrack signs in there: a bearer token, or SMART Backend Services (a
 * client id and a private key). Set by an administrator (the back end refuses anyone else). The token and key
 * boxes are always empty: secrets are never read back, only said to be set; left empty, they stay.
 */
export function SyncSettingsForm({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const form = useMappedForm(ConfigureSyncInput, boxesOf(status), (v: Boxes) => {
    const clientId = v.smart.clientId.trim();
    const smart = clientId
      ? { smart: { clientId, ...(v.smart.privateKey.trim() ? { privateKey: v.smart.privateKey } : {}), tokenUrl: v.smart.tokenUrl.trim() || null } }
      : status.smart
        ? { smart: null }
        : {};
    return { baseUrl: v.baseUrl, ...(v.token.trim() ? { bearerToken: v.token } : {}), ...smart };
  });
  const { register, formState } = form;
  const [message, setMessage] = useState<OutcomeMessage>(null);

  const submit = form.handleSubmit(async (input) => {
    setMessage(null);
    const r = await call('exchange.configureSync', input);
    if (!r.ok) {
      const text = applyServerErrors(form, r.error, ['baseUrl', 'token', 'smart.clientId', 'smart.privateKey', 'smart.tokenUrl']);
      if (text) setMessage({ ok: false, text });
      return;
    }
    form.reset(boxesOf(r.value));
    setMessage({ ok: true, text: t('exchange.sync.saved') });
  });

  const turnOff = async () => {
    setMessage(null);
    const r = await call('exchange.configureSync', { baseUrl: null });
    setMessage(r.ok ? { ok: true, text: t('exchange.sync.turnedOff') } : { ok: false, text: errorText(r.error) });
    if (r.ok) form.reset(boxesOf(r.value));
  };

  const smart = status.smart;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="sync-settings-heading">
      <h4 id="sync-settings-heading">{t('exchange.sync.serverHeading')}</h4>
      <Field label={t('exchange.sync.baseUrl')} error={formState.errors.baseUrl?.message} hint={t('exchange.sync.baseUrlHint')}>
        {(a) => <input {...a} type="url" autoComplete="off" spellCheck={false} {...register('baseUrl')} />}
      </Field>
      <Field label={t('exchange.sync.token')} error={formState.errors.token?.message} hint={status.bearerToken === 'set' ? t('exchange.sync.tokenSet') : t('exchange.sync.tokenNotSet')}>
        {(a) => <input {...a} type="password" autoComplete="off" spellCheck={false} {...register('token')} />}
      </Field>
      <fieldset className="sync-smart">
        <legend>{t('exchange.sync.smartLegend')}</legend>
        <p className="field-hint">{t('exchange.sync.smartHint')}</p>
        <Field label={t('exchange.sync.clientId')} error={formState.errors.smart?.clientId?.message} hint={t('exchange.sync.clientIdHint')}>
          {(a) => <input {...a} autoComplete="off" spellCheck={false} {...register('smart.clientId')} />}
        </Field>
        <Field
          label={t('exchange.sync.privateKey')}
          error={formState.errors.smart?.privateKey?.message}
          hint={smart ? t('exchange.sync.privateKeySet', { alg: smart.algorithm ?? '—', kid: smart.keyId ?? '—' }) : t('exchange.sync.privateKeyNotSet')}
        >
          {(a) => <textarea {...a} rows={4} autoComplete="off" spellCheck={false} {...register('smart.privateKey')} />}
        </Field>
        <Field label={t('exchange.sync.tokenUrl')} error={formState.errors.smart?.tokenUrl?.message} hint={t('exchange.sync.tokenUrlHint')}>
          {(a) => <input {...a} type="url" autoComplete="off" spellCheck={false} {...register('smart.tokenUrl')} />}
        </Field>
      </fieldset>
      <Outcome message={message} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('exchange.sync.save')}
        </button>
        {status.configured ? (
          <button type="button" onClick={() => void turnOff()}>
            {t('exchange.sync.turnOff')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
