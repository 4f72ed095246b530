import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanEnding } from '../../../shared/domain/plan';
import type { Plan, PlanVersion } from '../../../shared/domain/plan-records';
import { call } from '../api/client';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm, type BoxesOf } from '../forms/schema-form';
import { useFormatDate } from '../session/session-context';
import { usePlanWords } from './plan-format';
import { ScrollBox } from '../layout/ScrollBox';
import { RecordForm } from '../forms/RecordForm';

/** Every version with its period in force and why it was written; any of them can be shown in full above. */
export function VersionHistory({ plan, shown, onShow, nameOf }: { plan: Plan; shown: string; onShow(id: string): void; nameOf(id: string | null): string }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('plans.versions')}</h2>
      <ScrollBox label={t('plans.history.tableLabel')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('plans.history.colVersion')}</th>
              <th scope="col">{t('plans.history.colInForce')}</th>
              <th scope="col">{t('plans.form.title')}</th>
              <th scope="col">{t('plans.why')}</th>
              <th scope="col">{t('plans.history.colRecordedBy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('plans.history.colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...plan.versions].reverse().map((v) => (
              <tr key={v.id} aria-current={v.id === shown ? 'true' : undefined}>
                <th scope="row">{t('plans.history.version', { number: v.number })}</th>
                <td>{words.period(v.effectiveFrom, v.inForceUntil)}</td>
                <td>{v.title}</td>
                <td>
                  {v.correctionReason ?? t('plans.history.firstVersion')}
                  {v.ended ? (
                    <>
                      {' '}
                      <span className="tag">{t('plans.history.stopped', { date: formatDate(v.ended.on) })}</span> {v.ended.reason}
                    </>
                  ) : null}
                </td>
                <td>{nameOf(v.recordedBy)}</td>
                <td>
                  {v.id === shown ? (
                    <span className="muted">{t('plans.history.shownAbove')}</span>
                  ) : (
                    <button type="button" onClick={() => onShow(v.id)}>
                      {t('plans.history.show', { number: v.number })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

/** Stopping a plan early: its last day and why. The versions stay as they were. */
export function EndPlanForm({ version, today, onDone }: { version: PlanVersion; today: string; onDone(saved: Plan | null): void }) {
  const { t } = useTranslation();
  const dates = useDateBoxes('endedOn');
  const form = useMappedForm(PlanEnding, { endedOn: dates.shown(today), reason: '' }, (v: BoxesOf<typeof PlanEnding, 'id'>) => ({ id: version.id, ...v }), dates);
  const { register, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (v) => {
    const r = await call('plans.end', v);
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, ['endedOn', 'reason']));
  });
  return (
    <RecordForm
      label={t('plans.end.label')}
      intro={t('plans.end.intro')}
      onSubmit={submit}
      onCancel={() => onDone(null)}
      error={formError}
    >
      <div className="field-row">
        <DateField label={t('plans.end.lastDay')} autoFocus registration={register('endedOn')} error={formState.errors.endedOn?.message} />
        <Field label={t('plans.end.reason')} error={formState.errors.reason?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('reason')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary danger" disabled={formState.isSubmitting}>
          {t('plans.end.label')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('plans.cancel')}
        </button>
      </div>
    </RecordForm>
  );
}
