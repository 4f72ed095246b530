import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessageText } from '../i18n/use-message-text';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../shared/i18n';
import { ClinicInput, LOCK_AFTER_MINUTES_MAX, LOCK_AFTER_MINUTES_MIN, PAPER_SIZES, checkLogo, type Clinic } from '../../../shared/domain/clinic';
import { DATE_FORMATS, formatDate, type DateFormat } from '../../../shared/domain/dates';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { Field } from '../forms/Field';
import { useDisplayLanguage } from '../i18n/use-language';
import { useSession } from '../session/session-context';

const FIELDS = ['name', 'address', 'phone', 'logo', 'paperSize', 'dateFormat', 'language', 'lockAfterMinutes'];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

export function ClinicForm({ clinic }: { clinic: Clinic }) {
  const { reload } = useSession();
  const { t } = useTranslation();
  const say = useMessageText();
  const language = useDisplayLanguage();
  const form = useSchemaForm(ClinicInput, {
    name: clinic.name,
    address: clinic.address ?? '',
    phone: clinic.phone ?? '',
    logo: clinic.logo,
    paperSize: clinic.paperSize,
    dateFormat: clinic.dateFormat,
    language: clinic.language,
    lockAfterMinutes: clinic.lockAfterMinutes,
  });
  const { register, formState, watch, setValue, setError, clearErrors } = form;
  const e = formState.errors;
  const logo = watch('logo');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // The version this form last saw; the next save must name it, so a colleague's change is not overwritten.
  const [version, setVersion] = useState(clinic.version);

  async function onLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const dataUrl = await readAsDataUrl(file).catch(() => '');
    // checkLogo's sentences are the back end's own (field messages, helper L1's area).
    const refused = dataUrl ? checkLogo(dataUrl) : null;
    const problem = dataUrl ? refused && say(refused) : t('clinicForm.logoUnreadable');
    if (problem) {
      setError('logo', { type: 'schema', message: problem });
      return;
    }
    clearErrors('logo');
    setValue('logo', dataUrl, { shouldDirty: true });
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const r = await call('clinic.update', { ...values, version });
    if (r.ok) {
      setMessage({ kind: 'ok', text: t('clinicForm.saved') });
      setVersion(r.value.version);
      await reload();
    } else {
      const rest = applyServerErrors(form, r.error, FIELDS);
      if (rest) setMessage({ kind: 'error', text: rest });
    }
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="clinic-heading">
      <h2 id="clinic-heading">{t('clinicForm.heading')}</h2>
      {message ? (
        <div className={message.kind === 'ok' ? 'ok-box' : 'error-box'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      ) : null}
      <Field label={t('clinicForm.name')} error={e.name?.message}>
        {(a) => <input {...a} {...register('name')} />}
      </Field>
      <Field label={t('clinicForm.address')} error={e.address?.message}>
        {(a) => <textarea {...a} rows={2} {...register('address')} />}
      </Field>
      <Field label={t('clinicForm.phone')} error={e.phone?.message}>
        {(a) => <input {...a} {...register('phone')} />}
      </Field>
      <Field label={t('clinicForm.logo')} hint={t('clinicForm.logoHint')} error={e.logo?.message}>
        {(a) => <input {...a} type="file" accept="image/png,image/jpeg" onChange={onLogo} />}
      </Field>
      {logo ? (
        <div className="logo-preview">
          <img src={logo} alt={t('clinicForm.logoAlt')} />
          <button type="button" onClick={() => setValue('logo', null, { shouldDirty: true })}>
            {t('clinicForm.removeLogo')}
          </button>
        </div>
      ) : null}
      <Field label={t('clinicForm.paperSize')} error={e.paperSize?.message}>
        {(a) => (
          <select {...a} {...register('paperSize')}>
            {PAPER_SIZES.map((p) => (
              <option key={p} value={p}>
                {p === 'A4' ? t('clinicForm.paperA4') : t('clinicForm.paperLetter')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('clinicForm.dateFormat')} error={e.dateFormat?.message}>
        {(a) => (
          <select {...a} {...register('dateFormat')}>
            {DATE_FORMATS.map((f: DateFormat) => (
              <option key={f} value={f}>
                {formatDate('2026-03-04', f, language)} ({f})
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* Each language named in itself, so a person finds their own whatever the screen's language. */}
      <Field label={t('settings.language')} hint={t('settings.languageHint')} error={e.language?.message}>
        {(a) => (
          <select {...a} {...register('language')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('clinicForm.lockAfter')}
        hint={t('clinicForm.lockAfterHint', { min: LOCK_AFTER_MINUTES_MIN, max: LOCK_AFTER_MINUTES_MAX })}
        error={e.lockAfterMinutes?.message}
      >
        {(a) => <input {...a} type="number" inputMode="numeric" min={LOCK_AFTER_MINUTES_MIN} max={LOCK_AFTER_MINUTES_MAX} step={1} className="narrow-number" {...register('lockAfterMinutes', { valueAsNumber: true })} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('clinicForm.save')}
        </button>
      </div>
    </form>
  );
}
