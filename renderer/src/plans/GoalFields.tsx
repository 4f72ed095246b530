import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { MOTION_SPECS, SIDES, findMotionSpec, formatDegrees, sideLabel, type Mode, type Side } from '../../../shared/domain/catalogue';
import { goalStatus, type GoalPoint } from '../../../shared/domain/goal-status';
import { siteJoints, type PlanSite } from '../../../shared/domain/plan';
import { numberFromText } from '../clinical/format';
import { Field } from '../forms/Field';
import { useFormatDate } from '../session/session-context';
import { goalSeriesKey } from './plan-format';

type GoalField = 'motion' | 'side' | 'mode' | 'target' | 'targetDate';

export interface GoalFieldsProps {
  /** The form the goal lives in: the plan editor (prefix "goals.0.") or the add-a-goal form (no prefix). */
  form: UseFormReturn<FieldValues>;
  prefix: string;
  errors: Partial<Record<GoalField, { message?: string } | undefined>> | undefined;
  sites: readonly PlanSite[];
  planStart: string;
  /** The patient's measurements by series, to show the latest value and warn when a target is already met. */
  series: ReadonlyMap<string, GoalPoint[]>;
  today: string;
  legend: string;
  onRemove?: () => void;
  autoFocus?: boolean;
}

/**
 * One goal: a motion, side and mode, a target to reach by a date. The catalogue's functional value is offered
 * as the target; the latest reading is shown; a target the latest reading already reaches is flagged here,
 * before saving, with the same rule the back end applies (goal-status.ts), and needs a tick to keep.
 */
export function GoalFields({ form, prefix, errors: e, sites, planStart, series, today, legend, onRemove, autoFocus }: GoalFieldsProps) {
  const formatDate = useFormatDate();
  const { register, watch, setValue } = form;
  const field = (name: string) => `${prefix}${name}`;
  const motion = watch(field('motion')) as string;
  const side = watch(field('side')) as Side | '';
  const mode = watch(field('mode')) as Mode;
  const target = numberFromText(String(watch(field('target')) ?? ''));
  const targetDate = String(watch(field('targetDate')) ?? '');
  const joints = siteJoints(sites);
  const sides = SIDES.filter((s) => sites.some((site) => site.side === s));
  const spec = findMotionSpec(motion);
  const points = side ? (series.get(goalSeriesKey({ side, motion, mode })) ?? []) : [];
  const latest = points.filter((p) => p.date <= today).at(-1) ?? null;
  const met = typeof target === 'number' && /^\d{4}-\d{2}-\d{2}$/.test(targetDate) && goalStatus({ target, targetDate, planStart, points, today }).kind === 'met';

  return (
    <fieldset className="plan-goal">
      <legend>{legend}</legend>
      <div className="field-row">
        <Field label="Motion" error={e?.motion?.message}>
          {(a) => (
            <select {...a} autoFocus={autoFocus} {...register(field('motion'))}>
              <option value="">Choose…</option>
              {MOTION_SPECS.filter((s) => joints.has(s.joint)).map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Side" error={e?.side?.message}>
          {(a) => (
            <select {...a} {...register(field('side'))}>
              <option value="">Choose…</option>
              {sides.map((s) => (
                <option key={s} value={s}>
                  {sideLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Mode" error={e?.mode?.message}>
          {(a) => (
            <select {...a} {...register(field('mode'))}>
              <option value="active">Active</option>
              <option value="passive">Passive</option>
            </select>
          )}
        </Field>
        <Field label="Target (degrees)" hint="At least this many degrees" error={e?.target?.message}>
          {(a) => <input {...a} size={5} inputMode="numeric" autoComplete="off" {...register(field('target'))} />}
        </Field>
        <Field label="Target date" hint="YYYY-MM-DD" error={e?.targetDate?.message}>
          {(a) => <input {...a} size={11} autoComplete="off" {...register(field('targetDate'))} />}
        </Field>
        {onRemove ? (
          <button type="button" className="plan-remove" onClick={onRemove} aria-label={`Remove ${legend.toLowerCase()}`}>
            Remove
          </button>
        ) : null}
      </div>
      <div className="plan-goal-notes">
        {spec?.functional ? (
          <p className="small">
            <button type="button" onClick={() => setValue(field('target'), String(spec.functional!.value), { shouldValidate: true, shouldDirty: true })}>
              Use the functional value, {formatDegrees(spec.functional.value)}
            </button>{' '}
            <span className="muted">{spec.functional.source}</span>
          </p>
        ) : null}
        {side && spec ? (
          <p className="small muted">{latest ? `Latest ${mode} reading: ${formatDegrees(latest.value)} on ${formatDate(latest.date)}.` : `No ${mode} reading of this motion on the ${side} yet.`}</p>
        ) : null}
        {met ? (
          <div className="warn-box" role="status">
            <p>
              <strong>Already met:</strong> the latest reading, {formatDegrees(latest!.value)}, reaches this target. Raise the target to set a goal still to reach, or keep it
              as a goal to maintain.
            </p>
            <label className="choice">
              <input type="checkbox" {...register(field('acknowledgeMet'))} />
              Keep as a goal to maintain
            </label>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
