import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { JOINTS, SIDES } from '../../../shared/domain/catalogue';
import { todayLocal } from '../../../shared/domain/dates';
import { ALP_NAME, ALP_UNIT, EVENT_KINDS, EventCorrection, EventInput, type ClinicalEvent } from '../../../shared/domain/event';
import { classificationsFor } from '../../../shared/domain/ho';
import { call } from '../api/client';
import { usePatientFile } from '../api/use-operation';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { useProfileWords } from '../profile/profile-words';
import { useFormatDate } from '../session/session-context';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import type { DateBoxes } from '../forms/typed-dates';
import { applyServerErrors, mappedResolver } from '../forms/schema-form';
import {
  EVENT_FIELD_NAMES,
  KIND_FIELDS,
  asksExcision,
  boxLabels,
  chosenSiteStatus,
  emptyEventValues,
  eventFields,
  eventValuesOf,
  offeredSiteStatus,
  otherLabs,
  type EventFormValues,
  type WatchedSiteState,
} from './event-model';
import { ExcisionQuestion } from './ExcisionQuestion';
import { useEventKindNames } from './event-words';

type Values = EventFormValues & { reason: string };
type Site = WatchedSiteState;
/** What the form sends once checked: a correction of a recorded event (it names the version), or a new event. */
type Checked = z.input<typeof EventCorrection> | z.input<typeof EventInput>;

/**
 * The back end's own rules (checkEvent) on the mapped input, plus the one question the schema cannot ask: a
 * surgery on a watched site needs its excision answer. `sites` is read when the check runs, since the profile
 * arrives after the form is made.
 */
function eventResolver(event: ClinicalEvent | undefined, patientId: string, sites: { current: readonly Site[] }, dates: DateBoxes, t: TFunction): Resolver<Values, unknown, Checked> {
  const toInput = (v: Values) => {
    const fields = eventFields(v, asksExcision(v, sites.current));
    return event ? { id: event.id, reason: v.reason, ...fields } : { patientId, ...fields, siteStatus: chosenSiteStatus(v, sites.current) };
  };
  const schemaCheck = mappedResolver(event ? EventCorrection : EventInput, toInput, dates);
  return async (values, context, options) => {
    const result = await schemaCheck(values, context, options);
    if (!asksExcision(values, sites.current) || values.excised !== '') return result;
    return { values: {}, errors: { ...result.errors, excised: { type: 'required', message: t('events.excision.required') } } };
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
  const { t } = useTranslation();
  const catalogue = useCatalogueWords();
  const words = useProfileWords();
  const kindNames = useEventKindNames();
  const labels = boxLabels(t);
  const profile = usePatientFile(patientId);
  const sites = useRef<readonly Site[]>([]);
  sites.current = profile.state === 'ready' ? profile.value.sites : [];
  const dates = useDateBoxes('date', 'endDate');
  const form = useForm<Values, unknown, Checked>({
    resolver: eventResolver(event, patientId, sites, dates, t),
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
      aria-label={event ? t('timeline.correctWhat', { what: kindNames[event.kind].toLocaleLowerCase() }) : t('events.addLabel')}
      onSubmit={submit}
      onKeyDown={(ev) => ev.key === 'Escape' && onDone(null)}
    >
      {formError ? (
        <div className="error-box" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="field-row">
        <Field label={t('events.kindLabel')} error={e.kind?.message}>
          {(a) => (
            <select {...a} autoFocus {...register('kind')}>
              <option value="">{t('events.choose')}</option>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindNames[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField label={labels[f?.dateLabel ?? 'date']} registration={register('date')} error={e.date?.message} />
        {f?.endDate ? <DateField label={t('events.endDate')} note={t('events.endDateNote')} registration={register('endDate')} error={e.endDate?.message} /> : null}
      </div>
      {f?.site ? (
        <div className="field-row">
          <Field label={f.site === 'required' ? t('events.joint') : t('events.jointOptional')} error={e.joint?.message}>
            {(a) => (
              <select {...a} {...register('joint')}>
                <option value="">{f.site === 'required' ? t('events.choose') : t('events.none')}</option>
                {JOINTS.map((j) => (
                  <option key={j} value={j}>
                    {catalogue.joint(j)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={f.site === 'required' ? t('events.side') : t('events.sideOptional')} error={e.side?.message}>
            {(a) => (
              <select {...a} {...register('side')}>
                <option value="">{f.site === 'required' ? t('events.choose') : t('events.none')}</option>
                {SIDES.map((s) => (
                  <option key={s} value={s}>
                    {catalogue.side(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : null}
      {asks ? <ExcisionQuestion register={register('excised')} error={e.excised?.message} /> : null}
      {f?.title ? (
        <Field label={labels[f.title]} error={e.title?.message}>
          {(a) => <input {...a} autoComplete="off" list={kind === 'lab_result' ? 'lab-names' : undefined} {...register('title')} />}
        </Field>
      ) : null}
      {kind === 'lab_result' ? (
        <>
          <datalist id="lab-names">
            {[ALP_NAME, ...otherLabs(t)].map((n) => (
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
              {t('events.alp', { unit: ALP_UNIT })}
            </button>
          </div>
        </>
      ) : null}
      {f?.value || f?.unit ? (
        <div className="field-row">
          {f.value ? (
            <Field label={labels[f.value]} error={e.value?.message}>
              {(a) => <input {...a} size={8} autoComplete="off" {...register('value')} />}
            </Field>
          ) : null}
          {f.unit ? (
            <Field label={t('events.unit')} error={e.unit?.message}>
              {(a) => <input {...a} size={8} autoComplete="off" {...register('unit')} />}
            </Field>
          ) : null}
        </div>
      ) : null}
      {f?.classification ? (
        <Field label={t('events.classification')} hint={classifications.length ? undefined : t('events.classificationHint')} error={e.classification?.message}>
          {(a) => (
            <select {...a} {...register('classification')}>
              <option value="">{t('events.none')}</option>
              {classifications.map((c) => (
                <option key={c} value={c}>
                  {words.classification(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {offer ? (
        <Field
          label={t('events.statusOf', { site: words.site(offer.site.joint, offer.site.side).toLocaleLowerCase() })}
          hint={t('events.statusHint', { status: words.status(offer.site.status).toLocaleLowerCase(), date: formatDate(offer.site.since) })}
          error={e.siteStatus?.message}
        >
          {(a) => (
            <select {...a} {...register('siteStatus')}>
              <option value="">{t('events.leave', { status: words.status(offer.site.status).toLocaleLowerCase() })}</option>
              {offer.statuses.map((s) => (
                <option key={s} value={s}>
                  {words.status(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {f ? (
        <Field label={labels[f.noteLabel]} error={e.note?.message}>
          {(a) => <textarea {...a} rows={2} {...register('note')} />}
        </Field>
      ) : null}
      {event ? (
        <Field label={t('timeline.correction.reason')} hint={t('events.reasonHint')} error={e.reason?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('reason')} />}
        </Field>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {event ? t('timeline.correction.save') : t('events.save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('visits.cancel')}
        </button>
        <span className="keys-hint">{t('events.keys')}</span>
      </div>
    </form>
  );
}
