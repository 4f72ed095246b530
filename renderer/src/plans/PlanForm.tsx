import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { JOINTS, SIDES } from '../../../shared/domain/catalogue';
import { PlanInput, PlanRevision } from '../../../shared/domain/plan';
import type { Plan, PlanVersion } from '../../../shared/domain/plan-records';
import { parseDateInput, todayLocal } from '../../../shared/domain/dates';
import { call } from '../api/client';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { useDisplayLanguage } from '../i18n/use-language';
import { DateField, useDateBoxes, useDateFormat } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { useFormatDate } from '../session/session-context';
import { FieldGroup } from './FieldGroup';
import { GoalFields, goalInPlan } from './GoalFields';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { goalSeriesOf, usePlanWords } from './plan-format';
import { createInput, emptyGoal, emptyPlanValues, knownFields, revisionInput, revisionValues, shownDates, siteKey, sitesOf, type PlanFormValues } from './plan-form-model';
import { PlanItemFields } from './PlanItemFields';

/** Joints down, sides across: every site is one tick, reachable with Tab and Space. */
function SitesField<Checked>({ form }: { form: UseFormReturn<PlanFormValues, unknown, Checked> }) {
  const { t } = useTranslation();
  const catalogue = useCatalogueWords();
  const words = usePlanWords();
  const e = form.formState.errors.sites;
  return (
    <Controller
      control={form.control}
      name="sites"
      render={({ field }) => (
        <FieldGroup legend={t('plans.form.sitesLegend')} error={e?.message ?? e?.root?.message} className="plan-sites">
          <div className="plan-site-grid">
            {JOINTS.map((joint) => (
              <div key={joint} className="plan-site-row">
                <span className="plan-site-joint" aria-hidden="true">
                  {catalogue.joint(joint)}
                </span>
                {SIDES.map((side) => {
                  const key = siteKey(side, joint);
                  const checked = field.value.includes(key);
                  return (
                    <label key={side} className="choice">
                      <input
                        type="checkbox"
                        aria-label={words.site({ joint, side })}
                        checked={checked}
                        onBlur={field.onBlur}
                        onChange={(ev) => field.onChange(ev.target.checked ? [...field.value, key] : field.value.filter((k) => k !== key))}
                      />
                      {catalogue.side(side)}
                    </label>
                  );
                })}
              </div>
            ))}
          </div>
        </FieldGroup>
      )}
    />
  );
}

function GoalsField<Checked>({ form, file, today }: { form: UseFormReturn<PlanFormValues, unknown, Checked>; file: PatientFile; today: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const language = useDisplayLanguage();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'goals' });
  const sites = sitesOf(form.watch('sites'));
  const series = useMemo(() => goalSeriesOf(file.visits), [file.visits]);
  const onlySide = new Set(sites.map((s) => s.side)).size === 1 ? sites[0]!.side : '';
  return (
    <FieldGroup legend={t('plans.goals')} hint={t('plans.form.goalsHint')} className="plan-goals">
      {fields.map((f, i) => (
        <GoalFields
          key={f.id}
          goal={goalInPlan(form, i)}
          errors={form.formState.errors.goals?.[i]}
          sites={sites}
          planStart={parseDateInput(form.watch('startDate'), format, language) ?? ''}
          series={series}
          today={today}
          legend={t('plans.form.goalLegend', { number: i + 1 })}
          removeLabel={t('plans.form.removeGoal', { number: i + 1 })}
          onRemove={() => remove(i)}
        />
      ))}
      <div>
        <button type="button" onClick={() => append(emptyGoal(onlySide), { focusName: `goals.${fields.length}.motion` })} disabled={sites.length === 0}>
          {t('plans.goals.add')}
        </button>
        {sites.length === 0 ? <span className="muted small"> {t('plans.form.sitesFirst')}</span> : null}
      </div>
    </FieldGroup>
  );
}

interface PlanFormProps {
  file: PatientFile;
  /** Given: a revision of this version (the current one), in force from a date, with a reason. */
  revising?: PlanVersion;
  onDone(saved: Plan | null): void;
}

/** The plan editor: a new plan with its items and goals, or a new version of one. */
export function PlanForm({ file, revising, onDone }: PlanFormProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const patientId = file.patient.id;
  const today = todayLocal();
  const dates = useDateBoxes('startDate', 'effectiveFrom', 'endDate', 'goals.*.targetDate');
  const form = useMappedForm(
    revising ? PlanRevision : PlanInput,
    shownDates(revising ? revisionValues(revising, today) : emptyPlanValues(today), dates.shown),
    (v: PlanFormValues) => (revising ? revisionInput(v, revising.id) : createInput(v, patientId)),
    dates,
  );
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // A plan is a long form: Escape or Cancel on typed entries asks first, as the visit form does.
  const dirty = formState.isDirty;
  const cancel = () => (dirty ? setConfirming(true) : onDone(null));

  const submit = form.handleSubmit(async (v) => {
    // The checked input is a revision (it names the version it replaces) or a new plan (it names the patient).
    const r = 'id' in v ? await call('plans.revise', v) : await call('plans.create', v);
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, knownFields(form.getValues())));
  });

  return (
    <>
      <form
        className="form plan-form"
        noValidate
        aria-label={revising ? t('plans.form.reviseLabel') : t('plans.title.new')}
        onSubmit={submit}
        onKeyDown={(ev) => {
          if (ev.key === 'Escape') {
            ev.preventDefault();
            cancel();
          }
        }}
      >
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <Field label={t('plans.form.title')} hint={t('plans.form.titleHint')} error={e.title?.message}>
          {(a) => <input {...a} autoFocus autoComplete="off" {...register('title')} />}
        </Field>
        <div className="field-row">
          {revising ? (
            <DateField
              label={t('plans.form.inForceFrom')}
              note={t('plans.form.inForceFromNote', { date: formatDate(revising.effectiveFrom), number: revising.number })}
              registration={register('effectiveFrom')}
              error={e.effectiveFrom?.message}
            />
          ) : (
            <DateField label={t('plans.form.startDate')} registration={register('startDate')} error={e.startDate?.message} />
          )}
          <DateField label={t('plans.form.endDate')} note={t('plans.form.endDateNote')} registration={register('endDate')} error={e.endDate?.message} />
        </div>
        <SitesField form={form} />
        <FieldGroup
          legend={t('plans.form.passiveLegend')}
          hint={t('plans.form.passiveHint')}
          error={e.passiveRomAllowed?.message}
          className="plan-choices"
        >
          <div className="checkbox-row">
            <label className="choice">
              <input type="radio" value="no" {...register('passiveRomAllowed')} />
              {t('plans.form.notAllowed')}
            </label>
            <label className="choice">
              <input type="radio" value="yes" {...register('passiveRomAllowed')} />
              {t('plans.form.allowed')}
            </label>
          </div>
        </FieldGroup>
        <Field label={t('plans.form.precautions')} error={e.precautions?.message}>
          {(a) => <textarea {...a} rows={2} {...register('precautions')} />}
        </Field>
        <PlanItemFields form={form} />
        {revising ? (
          <Field label={t('plans.form.reason')} hint={t('plans.form.reasonHint')} error={e.reason?.message}>
            {(a) => <input {...a} autoComplete="off" {...register('reason')} />}
          </Field>
        ) : (
          <GoalsField form={form} file={file} today={today} />
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {revising ? t('plans.form.saveVersion') : t('plans.form.savePlan')}
          </button>
          <button type="button" onClick={cancel}>
            {t('plans.cancel')}
          </button>
          <span className="keys-hint">{t('plans.form.keysHint')}</span>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={revising ? t('plans.form.discardRevision') : t('plans.form.discardPlan')}
        confirmLabel={t('plans.form.discard')}
        cancelLabel={t('plans.form.keepEditing')}
        onConfirm={() => onDone(null)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('plans.form.discardText')}</p>
      </ConfirmDialog>
    </>
  );
}
