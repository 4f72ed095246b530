import { useState } from 'react';
import { PlanEnding } from '../../../shared/domain/plan';
import type { Plan, PlanVersion } from '../../../shared/domain/plan-records';
import { call } from '../api/client';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm, type BoxesOf } from '../forms/schema-form';
import { useFormatDate } from '../session/session-context';
import { periodText } from './plan-format';
import { ScrollBox } from '../layout/ScrollBox';
import { RecordForm } from '../forms/RecordForm';

/** Every version with its period in force and why it was written; any of them can be shown in full above. */
export function VersionHistory({ plan, shown, onShow, nameOf }: { plan: Plan; shown: string; onShow(id: string): void; nameOf(id: string | null): string }) {
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <ScrollBox label="Versions and their periods">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">In force</th>
              <th scope="col">Title</th>
              <th scope="col">Why</th>
              <th scope="col">Recorded by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...plan.versions].reverse().map((v) => (
              <tr key={v.id} aria-current={v.id === shown ? 'true' : undefined}>
                <th scope="row">Version {v.number}</th>
                <td>{periodText(v.effectiveFrom, v.inForceUntil, formatDate)}</td>
                <td>{v.title}</td>
                <td>
                  {v.correctionReason ?? 'First version'}
                  {v.ended ? (
                    <>
                      {' '}
                      <span className="tag">Stopped {formatDate(v.ended.on)}</span> {v.ended.reason}
                    </>
                  ) : null}
                </td>
                <td>{nameOf(v.recordedBy)}</td>
                <td>
                  {v.id === shown ? (
                    <span className="muted">Shown above</span>
                  ) : (
                    <button type="button" onClick={() => onShow(v.id)}>
                      Show version {v.number}
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
      label="Stop the plan"
      intro="Stopping keeps every version as written; the plan is no longer in force after its last day."
      onSubmit={submit}
      onCancel={() => onDone(null)}
      error={formError}
    >
      <div className="field-row">
        <DateField label="Last day of the plan" autoFocus registration={register('endedOn')} error={formState.errors.endedOn?.message} />
        <Field label="Reason for stopping" error={formState.errors.reason?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('reason')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary danger" disabled={formState.isSubmitting}>
          Stop the plan
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </RecordForm>
  );
}
