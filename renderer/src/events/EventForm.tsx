import { useEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { JOINTS, SIDES, sideLabel } from '../../../shared/domain/catalogue';
import { todayLocal } from '../../../shared/domain/dates';
import { ALP_NAME, ALP_UNIT, EVENT_KINDS, EVENT_KIND_LABELS, EventCorrection, EventInput, type ClinicalEvent } from '../../../shared/domain/event';
import { CLASSIFICATION_LABELS, SITE_STATUS_LABELS, classificationsFor } from '../../../shared/domain/ho';
import { call } from '../api/client';
import { usePatientFile } from '../api/use-operation';
import { jointLabel, siteLabel } from '../clinical/format';
import { useFormatDate } from '../session/session-context';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import type { DateBoxes } from '../forms/typed-dates';
import { applyServerErrors, mappedResolver } from '../forms/schema-form';
import {
  EVENT_FIELD_NAMES,
  EXCISION_QUESTION,
  KIND_FIELDS,
  OTHER_LABS,
  asksExcision,
  chosenSiteStatus,
  emptyEventValues,
  eventFields,
  eventValuesOf,
  offeredSiteStatus,
  type EventFormValues,
  type WatchedSiteState,
} from './event-model';
import { ExcisionQuestion } from './ExcisionQuestion';

type Values = EventFormValues & { reason: string };
type Site = WatchedSiteState;
/** What the form sends once checked: a correction of a recorded event (it names the version), or a new event. */
type Checked = z.input<typeof EventCorrection> | z.input<typeof EventInput>;

/**
 * The back end's own rules (checkEvent) on the mapped input, plus the one question the schema cannot ask: a
 * surgery on a watched site needs its excision answer. `sites` is read when the check runs, since the profile
 * arrives after the form is made.
 */
function eventResolver(event: ClinicalEvent | undefined, patientId: string, sites: { current: readonly Site[] }, dates: DateBoxes): Resolver<Values, unknown, Checked> {
  const toInput = (v: Values) => {
    const fields = eventFields(v, asksExcision(v, sites.current));
    return event ? { id: event.id, reason: v.reason, ...fields } : { patientId, ...fields, siteStatus: chosenSiteStatus(v, sites.current) };
  };
  const schemaCheck = mappedResolver(event ? EventCorrection : EventInput, toInput, dates);
  return async (values, context, options) => {
    const result = await schemaCheck(values, context, options);
    if (!asksExcision(values, sites.current) || values.excised !== '') return result;
    return { values: {}, errors: { ...result.errors, excised: { type: 'required', message: `Answer yes or no: ${EXCISION_QUESTION.toLowerCase()}` } } };
  };
}

interface EventFormProps {
  patientId: string;
  /** Given: a correction of this version, which asks for a reason. */
  event?: ClinicalEvent;
  onDone(saved: ClinicalEvent | null): void;
}

/** A clinical event: the form shows the boxes the chosen kind uses, checked by the back end's own rules (checkEvent). */
export function EventForm({ patientId, event, onDone }: EventFormProps) {
  const profile = usePatientFile(patientId);
  const sites = useRef<readonly Site[]>([]);
  sites.current = profile.state === 'ready' ? profile.value.sites : [];
  const dates = useDateBoxes('date', 'endDate');
  const form = useForm<Values, unknown, Checked>({
    resolver: eventResolver(event, patientId, sites, dates),
    defaultValues: { ...(event ? eventValuesOf(event, dates.shown) : emptyEventValues(dates.shown(todayLocal()))), reason: '' },
    mode: 'onChange',
    reValidateMode: 'onChange',
  });
  const { register, formState, watch } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const formatDate = useFormatDate();
  const kind = watch('kind');
  const joint = watch('joint');
  const side = watch('side');
  const asks = asksExcision({ kind, joint, side }, sites.current);
  // A correction fixes the event only; a status change is a new fact, recorded with a new event or on the profile.
  const offer = event ? null : offeredSiteStatus(watch(), sites.current);
  const f = kind ? KIND_FIELDS[kind] : null;
  const classifications = joint ? classificationsFor(joint) : [];
  // A classification belongs to its joint (Brooker: hip, Hastings-Graham: elbow); another joint clears it,
  // so the box never shows "None" while the form still holds a class of the old joint.
  useEffect(() => {
    const current = form.getValues('classification');
    if (current && !(joint ? classificationsFor(joint) : []).includes(current)) form.setValue('classification', '');
  }, [joint, form]);

  const submit = form.handleSubmit(async (v) => {
    const r = 'id' in v ? await call('events.correct', v) : await call('events.record', v);
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, [...EVENT_FIELD_NAMES, 'reason']));
  });

  return (
    <form
      className="form record-form event-form"
      noValidate
      aria-label={event ? `Correct ${EVENT_KIND_LABELS[event.kind].toLowerCase()}` : 'Add a clinical event'}
      onSubmit={submit}
      onKeyDown={(ev) => ev.key === 'Escape' && onDone(null)}
    >
      {formError ? (
        <div className="error-box" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="field-row">
        <Field label="Kind of event" error={e.kind?.message}>
          {(a) => (
            <select {...a} autoFocus {...register('kind')}>
              <option value="">Choose…</option>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {EVENT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField label={f?.dateLabel ?? 'Date'} registration={register('date')} error={e.date?.message} />
        {f?.endDate ? <DateField label="End date" note="Empty while the course goes on." registration={register('endDate')} error={e.endDate?.message} /> : null}
      </div>
      {f?.site ? (
        <div className="field-row">
          <Field label={f.site === 'required' ? 'Joint' : 'Joint (optional)'} error={e.joint?.message}>
            {(a) => (
              <select {...a} {...register('joint')}>
                <option value="">{f.site === 'required' ? 'Choose…' : 'None'}</option>
                {JOINTS.map((j) => (
                  <option key={j} value={j}>
                    {jointLabel(j)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={f.site === 'required' ? 'Side' : 'Side (optional)'} error={e.side?.message}>
            {(a) => (
              <select {...a} {...register('side')}>
                <option value="">{f.site === 'required' ? 'Choose…' : 'None'}</option>
                {SIDES.map((s) => (
                  <option key={s} value={s}>
                    {sideLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : null}
      {asks ? <ExcisionQuestion register={register('excised')} error={e.excised?.message} /> : null}
      {f?.title ? (
        <Field label={f.title} error={e.title?.message}>
          {(a) => <input {...a} autoComplete="off" list={kind === 'lab_result' ? 'lab-names' : undefined} {...register('title')} />}
        </Field>
      ) : null}
      {kind === 'lab_result' ? (
        <>
          <datalist id="lab-names">
            {[ALP_NAME, ...OTHER_LABS].map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <div>
            <button
              type="button"
              onClick={() => {
                form.setValue('title', ALP_NAME, { shouldDirty: true, shouldValidate: true });
                form.setValue('unit', ALP_UNIT, { shouldDirty: true, shouldValidate: true });
                form.setFocus('value');
              }}
            >
              {ALP_NAME} ({ALP_UNIT})
            </button>
          </div>
        </>
      ) : null}
      {f?.value || f?.unit ? (
        <div className="field-row">
          {f.value ? (
            <Field label={f.value} error={e.value?.message}>
              {(a) => <input {...a} size={8} autoComplete="off" {...register('value')} />}
            </Field>
          ) : null}
          {f.unit ? (
            <Field label="Unit" error={e.unit?.message}>
              {(a) => <input {...a} size={8} autoComplete="off" {...register('unit')} />}
            </Field>
          ) : null}
        </div>
      ) : null}
      {f?.classification ? (
        <Field label="Classification" hint={classifications.length ? undefined : 'Brooker for the hip, Hastings-Graham for the elbow: choose the joint first.'} error={e.classification?.message}>
          {(a) => (
            <select {...a} {...register('classification')}>
              <option value="">None</option>
              {classifications.map((c) => (
                <option key={c} value={c}>
                  {CLASSIFICATION_LABELS[c] ?? c}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {offer ? (
        <Field
          label={`Status of the ${siteLabel(offer.site.joint, offer.site.side).toLowerCase()}`}
          hint={`Now ${SITE_STATUS_LABELS[offer.site.status].toLowerCase()} since ${formatDate(offer.site.since)}. A new status is recorded in the HO profile with this event, from its date.`}
          error={e.siteStatus?.message}
        >
          {(a) => (
            <select {...a} {...register('siteStatus')}>
              <option value="">Leave {SITE_STATUS_LABELS[offer.site.status].toLowerCase()}</option>
              {offer.statuses.map((s) => (
                <option key={s} value={s}>
                  {SITE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {f ? (
        <Field label={f.noteLabel} error={e.note?.message}>
          {(a) => <textarea {...a} rows={2} {...register('note')} />}
        </Field>
      ) : null}
      {event ? (
        <Field label="Reason for the correction" hint="Required: it stays in the event’s history." error={e.reason?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('reason')} />}
        </Field>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {event ? 'Save correction' : 'Save event'}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <span className="keys-hint">Enter saves · Escape cancels</span>
      </div>
    </form>
  );
}
