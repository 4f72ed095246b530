import { useMemo, useState } from 'react';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { JOINTS, SIDES, sideLabel } from '../../../shared/domain/catalogue';
import { PlanInput, PlanRevision } from '../../../shared/domain/plan';
import type { Plan, PlanVersion } from '../../../shared/domain/plan-records';
import { parseDateInput, todayLocal } from '../../../shared/domain/dates';
import { call } from '../api/client';
import { jointLabel } from '../clinical/format';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { DateField, useDateBoxes, useDateFormat } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { useFormatDate } from '../session/session-context';
import { FieldGroup } from './FieldGroup';
import { GoalFields, goalInPlan } from './GoalFields';
import { goalSeriesOf } from './plan-format';
import { createInput, emptyGoal, emptyPlanValues, knownFields, revisionInput, revisionValues, shownDates, siteKey, sitesOf, type PlanFormValues } from './plan-form-model';
import { PlanItemFields } from './PlanItemFields';

/** Joints down, sides across: every site is one tick, reachable with Tab and Space. */
function SitesField<Checked>({ form }: { form: UseFormReturn<PlanFormValues, unknown, Checked> }) {
  const e = form.formState.errors.sites;
  return (
    <Controller
      control={form.control}
      name="sites"
      render={({ field }) => (
        <FieldGroup legend="Sites this plan targets" error={e?.message ?? e?.root?.message} className="plan-sites">
          <div className="plan-site-grid">
            {JOINTS.map((joint) => (
              <div key={joint} className="plan-site-row">
                <span className="plan-site-joint" aria-hidden="true">
                  {jointLabel(joint)}
                </span>
                {SIDES.map((side) => {
                  const key = siteKey(side, joint);
                  const checked = field.value.includes(key);
                  return (
                    <label key={side} className="choice">
                      <input
                        type="checkbox"
                        aria-label={`${sideLabel(side)} ${joint}`}
                        checked={checked}
                        onBlur={field.onBlur}
                        onChange={(ev) => field.onChange(ev.target.checked ? [...field.value, key] : field.value.filter((k) => k !== key))}
                      />
                      {sideLabel(side)}
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
  const format = useDateFormat();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'goals' });
  const sites = sitesOf(form.watch('sites'));
  const series = useMemo(() => goalSeriesOf(file.visits), [file.visits]);
  const onlySide = new Set(sites.map((s) => s.side)).size === 1 ? sites[0]!.side : '';
  return (
    <FieldGroup legend="Goals" hint="Optional. More can be added later on the plan's page." className="plan-goals">
      {fields.map((f, i) => (
        <GoalFields
          key={f.id}
          goal={goalInPlan(form, i)}
          errors={form.formState.errors.goals?.[i]}
          sites={sites}
          planStart={parseDateInput(form.watch('startDate'), format) ?? ''}
          series={series}
          today={today}
          legend={`Goal ${i + 1}`}
          onRemove={() => remove(i)}
        />
      ))}
      <div>
        <button type="button" onClick={() => append(emptyGoal(onlySide), { focusName: `goals.${fields.length}.motion` })} disabled={sites.length === 0}>
          Add a goal
        </button>
        {sites.length === 0 ? <span className="muted small"> Choose the sites first.</span> : null}
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
        aria-label={revising ? 'Revise the plan' : 'New therapy plan'}
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
        <Field label="Title" hint="For example “Right elbow after excision”." error={e.title?.message}>
          {(a) => <input {...a} autoFocus autoComplete="off" {...register('title')} />}
        </Field>
        <div className="field-row">
          {revising ? (
            <DateField
              label="In force from"
              note={`After ${formatDate(revising.effectiveFrom)}: version ${revising.number} then ends the day before.`}
              registration={register('effectiveFrom')}
              error={e.effectiveFrom?.message}
            />
          ) : (
            <DateField label="Start date" registration={register('startDate')} error={e.startDate?.message} />
          )}
          <DateField label="End date (optional)" note="Empty while the plan goes on." registration={register('endDate')} error={e.endDate?.message} />
        </div>
        <SitesField form={form} />
        <FieldGroup
          legend="Are passive range of motion and stretching allowed?"
          hint="The evidence in HO is disputed: record what the team decided. When not allowed, passive ROM, stretching and CPM cannot be prescribed."
          error={e.passiveRomAllowed?.message}
          className="plan-choices"
        >
          <div className="checkbox-row">
            <label className="choice">
              <input type="radio" value="no" {...register('passiveRomAllowed')} />
              Not allowed
            </label>
            <label className="choice">
              <input type="radio" value="yes" {...register('passiveRomAllowed')} />
              Allowed
            </label>
          </div>
        </FieldGroup>
        <Field label="Other precautions (optional)" error={e.precautions?.message}>
          {(a) => <textarea {...a} rows={2} {...register('precautions')} />}
        </Field>
        <PlanItemFields form={form} />
        {revising ? (
          <Field label="Reason for the revision" hint="Required: it stays in the plan's history." error={e.reason?.message}>
            {(a) => <input {...a} autoComplete="off" {...register('reason')} />}
          </Field>
        ) : (
          <GoalsField form={form} file={file} today={today} />
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {revising ? 'Save new version' : 'Save plan'}
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <span className="keys-hint">Enter saves · Escape cancels</span>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={revising ? 'Discard this revision?' : 'Discard this plan?'}
        confirmLabel="Discard"
        cancelLabel="Keep editing"
        onConfirm={() => onDone(null)}
        onCancel={() => setConfirming(false)}
      >
        <p>Nothing typed on this screen has been saved yet. Discarding it cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
