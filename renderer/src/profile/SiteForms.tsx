import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOINTS, SIDES } from '../../../shared/domain/catalogue';
import { todayLocal } from '../../../shared/domain/dates';
import { SITE_STATUSES, WatchedSiteInput, WatchedSiteStatusChange, type WatchedSite } from '../../../shared/domain/ho';
import { call } from '../api/client';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm, type BoxesOf } from '../forms/schema-form';
import { RecordForm } from '../forms/RecordForm';
import { FormActions } from '../forms/FormActions';
import { useProfileWords } from './profile-words';

function StatusSelect({ a, register }: { a: object; register: object }) {
  const words = useProfileWords();
  return (
    <select {...a} {...register}>
      {SITE_STATUSES.map((s) => (
        <option key={s} value={s}>
          {words.status(s)}
        </option>
      ))}
    </select>
  );
}

/** Start watching a joint on one side. Used on the patient page and, when none is watched yet, before a visit. */
export function AddSiteForm({ patientId, onDone, autoFocus = true }: { patientId: string; onDone(saved: WatchedSite | null): void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const catalogue = useCatalogueWords();
  const dates = useDateBoxes('since');
  const form = useMappedForm(WatchedSiteInput, { joint: '', side: '', status: 'at_risk', since: dates.shown(todayLocal()), note: '' }, (v: BoxesOf<typeof WatchedSiteInput, 'patientId'>) => ({ patientId, ...v }), dates);
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (v) => {
    const r = await call('sites.add', v);
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, ['joint', 'side', 'status', 'since', 'note']));
  });
  return (
    <RecordForm label={t('profile.sites.add')} onSubmit={submit} onCancel={() => onDone(null)} error={formError}>
      <div className="field-row">
        <Field label={t('profile.sites.joint')} error={e.joint?.message}>
          {(a) => (
            <select {...a} autoFocus={autoFocus} {...register('joint')}>
              <option value="">{t('profile.choose')}</option>
              {JOINTS.map((j) => (
                <option key={j} value={j}>
                  {catalogue.joint(j)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('profile.sites.side')} error={e.side?.message}>
          {(a) => (
            <select {...a} {...register('side')}>
              <option value="">{t('profile.choose')}</option>
              {SIDES.map((s) => (
                <option key={s} value={s}>
                  {catalogue.side(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('profile.sites.status')} error={e.status?.message}>
          {(a) => <StatusSelect a={a} register={register('status')} />}
        </Field>
        <DateField label={t('profile.sites.since')} registration={register('since')} error={e.since?.message} />
      </div>
      <Field label={t('profile.note')} error={e.note?.message}>
        {(a) => <input {...a} autoComplete="off" {...register('note')} />}
      </Field>
      <FormActions submitLabel={t('profile.sites.submit')} busy={formState.isSubmitting} onCancel={() => onDone(null)} />
    </RecordForm>
  );
}


/** A new status is a new fact with its own date; the site's earlier statuses stay in its history. */
export function StatusChangeForm({ site, onDone }: { site: WatchedSite; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const words = useProfileWords();
  const dates = useDateBoxes('since');
  const form = useMappedForm(WatchedSiteStatusChange, { status: site.status, since: dates.shown(todayLocal()), note: site.note ?? '' }, (v: BoxesOf<typeof WatchedSiteStatusChange, 'id'>) => ({ id: site.id, ...v }), dates);
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (v) => {
    const r = await call('sites.changeStatus', v);
    if (r.ok) onDone(true);
    else setFormError(applyServerErrors(form, r.error, ['status', 'since', 'note']));
  });
  return (
    <RecordForm label={t('profile.sites.changeLabel', { site: words.site(site.joint, site.side).toLocaleLowerCase() })} onSubmit={submit} onCancel={() => onDone(false)} error={formError}>
      <div className="field-row">
        <Field label={t('profile.sites.newStatus')} error={e.status?.message}>
          {(a) => <StatusSelect a={{ ...a, autoFocus: true }} register={register('status')} />}
        </Field>
        <DateField label={t('profile.sites.since')} registration={register('since')} error={e.since?.message} />
      </div>
      <Field label={t('profile.note')} error={e.note?.message}>
        {(a) => <input {...a} autoComplete="off" {...register('note')} />}
      </Field>
      <FormActions submitLabel={t('profile.sites.saveStatus')} busy={formState.isSubmitting} onCancel={() => onDone(false)} />
    </RecordForm>
  );
}
