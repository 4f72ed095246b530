import type { UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { MOTION_SPECS, SIDES, findMotionSpec } from '../../../shared/domain/catalogue';
import { goalStatus, type GoalPoint } from '../../../shared/domain/goal-status';
import { siteJoints, type PlanSite } from '../../../shared/domain/plan';
import { numberFromText } from '../clinical/format';
import { parseDateInput } from '../../../shared/domain/dates';
import { useDisplayLanguage } from '../i18n/use-language';
import { DateField, useDateFormat } from '../forms/DateField';
import { Field } from '../forms/Field';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { useFormatter } from '../session/session-context';
import { goalSeriesKey, usePlanWords } from './plan-format';
import type { GoalValues, PlanFormValues } from './plan-form-model';

type GoalField = 'motion' | 'side' | 'mode' | 'target' | 'targetDate';

export interface GoalFieldsProps {
  /** The goal's boxes in the form it lives in: the plan editor's goals.<i> or the add-a-goal form. */
  goal: GoalBinding;
  errors: Partial<Record<GoalField, { message?: string } | undefined>> | undefined;
  sites: readonly PlanSite[];
  planStart: string;
  /** The patient's measurements by series, to show the latest value and warn when a target is already met. */
  series: ReadonlyMap<string, GoalPoint[]>;
  today: string;
  legend: string;
  /** Said by the remove button to a screen reader: "Remove goal 2". */
  removeLabel?: string;
  onRemove?: () => void;
  autoFocus?: boolean;
}

/** One goal's boxes, wherever the goal sits in its form. */
export interface GoalBinding {
  register(name: keyof GoalValues): UseFormRegisterReturn;
  /** The values as typed so far (watched, so the hints follow the typing). */
  values(): GoalValues;
  setTarget(value: string): void;
}

const touched = { shouldValidate: true, shouldDirty: true } as const;

/** Goal i of the plan editor. */
export function goalInPlan<Checked>(form: UseFormReturn<PlanFormValues, unknown, Checked>, i: number): GoalBinding {
  return {
    register: (name) => form.register(`goals.${i}.${name}`),
    values: () => form.watch(`goals.${i}`),
    setTarget: (value) => form.setValue(`goals.${i}.target`, value, touched),
  };
}

/** The add-a-goal form, whose values are one goal. */
export function goalAlone<Checked>(form: UseFormReturn<GoalValues, unknown, Checked>): GoalBinding {
  return {
    register: (name) => form.register(name),
    values: () => form.watch(),
    setTarget: (value) => form.setValue('target', value, touched),
  };
}

/**
 * One goal: a motion, side and mode, a target to reach by a date. The catalogue's functional value is offered
 * as the target; the latest reading is shown; a target the latest reading already reaches is flagged here,
 * before saving, with the same rule the back end applies (goal-status.ts), and needs a tick to keep.
 */
export function GoalFields({ goal, errors: e, sites, planStart, series, today, legend, removeLabel, onRemove, autoFocus }: GoalFieldsProps) {
  const { t } = useTranslation();
  const catalogue = useCatalogueWords();
  const words = usePlanWords();
  const f = useFormatter();
  const { register } = goal;
  const { motion, side, mode, ...typed } = goal.values();
  const target = numberFromText(typed.target ?? '');
  const targetDate = typed.targetDate ?? '';
  const joints = siteJoints(sites);
  const sides = SIDES.filter((s) => sites.some((site) => site.side === s));
  const spec = findMotionSpec(motion);
  const points = side ? (series.get(goalSeriesKey({ side, motion, mode })) ?? []) : [];
  const latest = points.filter((p) => p.date <= today).at(-1) ?? null;
  const format = useDateFormat();
  const language = useDisplayLanguage();
  const targetIso = parseDateInput(targetDate, format, language);
  const met = typeof target === 'number' && targetIso !== null && goalStatus({ target, targetDate: targetIso, planStart, points, today }).kind === 'met';

  return (
    <fieldset className="plan-goal">
      <legend>{legend}</legend>
      <div className="field-row">
        <Field label={t('plans.goal.motion')} error={e?.motion?.message}>
          {(a) => (
            <select {...a} autoFocus={autoFocus} {...register('motion')}>
              <option value="">{t('plans.choose')}</option>
              {MOTION_SPECS.filter((s) => joints.has(s.joint)).map((s) => (
                <option key={s.key} value={s.key}>
                  {words.motions([s.key], [])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plans.goal.side')} error={e?.side?.message}>
          {(a) => (
            <select {...a} {...register('side')}>
              <option value="">{t('plans.choose')}</option>
              {sides.map((s) => (
                <option key={s} value={s}>
                  {catalogue.side(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plans.goal.mode')} error={e?.mode?.message}>
          {(a) => (
            <select {...a} {...register('mode')}>
              <option value="active">{catalogue.mode('active')}</option>
              <option value="passive">{catalogue.mode('passive')}</option>
            </select>
          )}
        </Field>
        <Field label={t('plans.goal.target')} hint={t('plans.goal.targetHint')} error={e?.target?.message}>
          {(a) => <input {...a} size={5} inputMode="numeric" autoComplete="off" {...register('target')} />}
        </Field>
        <DateField label={t('plans.goal.targetDate')} registration={register('targetDate')} error={e?.targetDate?.message} />
        {onRemove ? (
          <button type="button" className="plan-remove" onClick={onRemove} aria-label={removeLabel ?? legend}>
            {t('plans.remove')}
          </button>
        ) : null}
      </div>
      <div className="plan-goal-notes">
        {spec?.functional ? (
          <p className="small">
            <button type="button" onClick={() => goal.setTarget(String(spec.functional!.value))}>
              {t('plans.goal.useFunctional', { degrees: f.degrees(spec.functional.value) })}
            </button>{' '}
            <span className="muted">{spec.functional.source}</span>
          </p>
        ) : null}
        {side && spec ? (
          <p className="small muted">
            {latest
              ? mode === 'active'
                ? t('plans.goal.latestActive', { degrees: f.degrees(latest.value), date: f.date(latest.date) })
                : t('plans.goal.latestPassive', { degrees: f.degrees(latest.value), date: f.date(latest.date) })
              : mode === 'active'
                ? t('plans.goal.noneActive', { site: words.site({ joint: spec.joint, side }).toLowerCase() })
                : t('plans.goal.nonePassive', { site: words.site({ joint: spec.joint, side }).toLowerCase() })}
          </p>
        ) : null}
        {met ? (
          <div className="warn-box" role="status">
            <p>
              <Trans i18nKey="plans.goal.alreadyMet" values={{ degrees: f.degrees(latest!.value) }} components={[<strong />]} />
            </p>
            <label className="choice">
              <input type="checkbox" {...register('acknowledgeMet')} />
              {t('plans.goal.keepToMaintain')}
            </label>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
