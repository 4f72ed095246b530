import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MOTION_SPECS } from '../../../shared/domain/catalogue';
import { INTERVENTIONS, PASSIVE_INTERVENTIONS, siteJoints } from '../../../shared/domain/plan';
import { Field } from '../forms/Field';
import { FieldGroup } from './FieldGroup';
import { usePlanWords } from './plan-format';
import { emptyItem, sitesOf, type PlanFormValues } from './plan-form-model';

/** One item: what the patient does, for which motions, how much, how often, and how. */
function ItemFields<Checked>({ form, index, onRemove }: { form: UseFormReturn<PlanFormValues, unknown, Checked>; index: number; onRemove?: () => void }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const { register, watch, control, formState } = form;
  const e = formState.errors.items?.[index];
  const name = `items.${index}` as const;
  const doseKind = watch(`${name}.doseKind`);
  const joints = siteJoints(sitesOf(watch('sites')));
  const passiveForbidden = watch('passiveRomAllowed') === 'no';
  return (
    <fieldset className="plan-item">
      <legend>{t('plans.item.legend', { number: index + 1 })}</legend>
      <div className="field-row">
        <Field label={t('plans.item.intervention')} error={e?.intervention?.message}>
          {(a) => (
            <select {...a} {...register(`${name}.intervention`)}>
              <option value="">{t('plans.choose')}</option>
              {INTERVENTIONS.map((k) => (
                <option key={k} value={k}>
                  {passiveForbidden && PASSIVE_INTERVENTIONS.includes(k) ? t('plans.item.passiveOption', { intervention: words.intervention(k) }) : words.intervention(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {onRemove ? (
          <button type="button" className="plan-remove" onClick={onRemove} aria-label={t('plans.item.removeLabel', { number: index + 1 })}>
            {t('plans.remove')}
          </button>
        ) : null}
      </div>
      <Controller
        control={control}
        name={`${name}.motions`}
        render={({ field }) => {
          // Motions of the targeted joints, plus any still ticked from a site since unticked, so it can be cleared.
          const options = MOTION_SPECS.filter((s) => joints.has(s.joint) || field.value.includes(s.key));
          const toggle = (key: string, on: boolean) => field.onChange(on ? [...field.value, key] : field.value.filter((k) => k !== key));
          return (
            <FieldGroup legend={t('plans.item.motions')} error={e?.motions?.message} className="plan-choices">
              {options.length === 0 ? <p className="muted">{t('plans.item.sitesFirst')}</p> : null}
              <div className="checkbox-row">
                {options.map((s) => (
                  <label key={s.key} className="choice">
                    <input type="checkbox" checked={field.value.includes(s.key)} onChange={(ev) => toggle(s.key, ev.target.checked)} onBlur={field.onBlur} />
                    {words.motions([s.key], [])}
                  </label>
                ))}
              </div>
            </FieldGroup>
          );
        }}
      />
      <div className="field-row">
        <FieldGroup legend={t('plans.item.dose')} className="plan-choices plan-inline-group">
          <label className="choice">
            <input type="radio" value="sets_reps" {...register(`${name}.doseKind`)} />
            {t('plans.item.setsAndReps')}
          </label>
          <label className="choice">
            <input type="radio" value="minutes" {...register(`${name}.doseKind`)} />
            {t('plans.item.timeInMinutes')}
          </label>
        </FieldGroup>
        {doseKind === 'minutes' ? (
          <Field label={t('plans.item.minutes')} error={e?.minutes?.message}>
            {(a) => <input {...a} size={4} inputMode="numeric" autoComplete="off" {...register(`${name}.minutes`)} />}
          </Field>
        ) : (
          <>
            <Field label={t('plans.item.sets')} error={e?.sets?.message}>
              {(a) => <input {...a} size={3} inputMode="numeric" autoComplete="off" {...register(`${name}.sets`)} />}
            </Field>
            <Field label={t('plans.item.repetitions')} error={e?.repetitions?.message}>
              {(a) => <input {...a} size={4} inputMode="numeric" autoComplete="off" {...register(`${name}.repetitions`)} />}
            </Field>
          </>
        )}
        <Field label={t('plans.item.times')} hint={t('plans.item.timesHint')} error={e?.frequencyCount?.message}>
          {(a) => <input {...a} size={3} inputMode="numeric" autoComplete="off" {...register(`${name}.frequencyCount`)} />}
        </Field>
        <Field label={t('plans.item.per')} error={e?.frequencyPer?.message}>
          {(a) => (
            <select {...a} {...register(`${name}.frequencyPer`)}>
              <option value="day">{t('plans.item.perDay')}</option>
              <option value="week">{t('plans.item.perWeek')}</option>
            </select>
          )}
        </Field>
      </div>
      <Field label={t('plans.item.instructions')} hint={t('plans.item.instructionsHint')} error={e?.instructions?.message}>
        {(a) => <textarea {...a} rows={2} {...register(`${name}.instructions`)} />}
      </Field>
    </fieldset>
  );
}

/** The plan's items, at least one; each can be removed while another remains. */
export function PlanItemFields<Checked>({ form }: { form: UseFormReturn<PlanFormValues, unknown, Checked> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'items' });
  const e = form.formState.errors.items;
  return (
    <FieldGroup legend={t('plans.item.items')} error={e?.message ?? e?.root?.message} className="plan-items">
      {fields.map((f, i) => (
        <ItemFields key={f.id} form={form} index={i} onRemove={fields.length > 1 ? () => remove(i) : undefined} />
      ))}
      <div>
        <button type="button" onClick={() => append(emptyItem(), { focusName: `items.${fields.length}.intervention` })}>
          {t('plans.item.add')}
        </button>
      </div>
    </FieldGroup>
  );
}
