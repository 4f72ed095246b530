import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { AdherenceInput, adherencePercent, type AdherenceEntry } from '../../../shared/domain/adherence';
import { addDays, prescribedSessions, weeksOf } from '../../../shared/domain/plan-periods';
import type { PlanVersion } from '../../../shared/domain/plan-records';
import { call } from '../api/client';
import { numberFromText } from '../clinical/format';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { useFormatDate } from '../session/session-context';
import { usePlanWords } from './plan-format';
import { ScrollBox } from '../layout/ScrollBox';
import { RecordForm } from '../forms/RecordForm';
import { FormActions } from '../forms/FormActions';

/** Weeks shown beside the items; older weeks stay in the record and come back by choosing an earlier version. */
const WEEKS_SHOWN = 6;

interface EntryValues {
  itemId: string;
  weekStart: string;
  sessionsDone: string;
  note: string;
  reason: string;
}

function AdherenceForm({ version, weeks, entries, initial, onDone }: { version: PlanVersion; weeks: string[]; entries: readonly AdherenceEntry[]; initial: { itemId: string; weekStart: string }; onDone(saved: AdherenceEntry | null): void }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const formatDate = useFormatDate();
  const existing = (itemId: string, week: string) => entries.find((a) => a.itemId === itemId && a.weekStart === week) ?? null;
  const first = existing(initial.itemId, initial.weekStart);
  const toInput = (v: EntryValues) => ({
    itemId: v.itemId,
    weekStart: v.weekStart,
    sessionsDone: numberFromText(v.sessionsDone) ?? undefined,
    note: v.note,
    ...(existing(v.itemId, v.weekStart) || v.reason.trim() ? { reason: v.reason } : {}),
  });
  const form = useMappedForm(AdherenceInput, { ...initial, sessionsDone: first ? String(first.sessionsDone) : '', note: first?.note ?? '', reason: '' }, toInput);
  const { register, formState, watch } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const replaces = existing(watch('itemId'), watch('weekStart'));
  const submit = form.handleSubmit(async (v) => {
    const r = await call('adherence.record', v);
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, ['itemId', 'weekStart', 'sessionsDone', 'note', 'reason']));
  });
  return (
    <RecordForm label={t('plans.adherence.formLabel')} onSubmit={submit} onCancel={() => onDone(null)} error={formError}>
      <div className="field-row">
        <Field label={t('plans.adherence.item')} error={e.itemId?.message}>
          {(a) => (
            <select {...a} {...register('itemId')}>
              {version.items.map((item) => (
                <option key={item.id} value={item.id}>
                  {t('plans.adherence.itemOption', { position: item.position, intervention: words.intervention(item.intervention) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plans.adherence.week')} error={e.weekStart?.message}>
          {(a) => (
            <select {...a} {...register('weekStart')}>
              {[...weeks].reverse().map((w) => (
                <option key={w} value={w}>
                  {t('plans.adherence.weekOption', { from: formatDate(w), until: formatDate(addDays(w, 6)) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plans.adherence.sessionsDone')} error={e.sessionsDone?.message}>
          {(a) => <input {...a} autoFocus size={4} inputMode="numeric" autoComplete="off" {...register('sessionsDone')} />}
        </Field>
      </div>
      <Field label={t('plans.adherence.note')} hint={t('plans.adherence.noteHint')} error={e.note?.message}>
        {(a) => <input {...a} autoComplete="off" {...register('note')} />}
      </Field>
      {replaces ? (
        <Field label={t('plans.adherence.reason')} hint={t('plans.adherence.reasonHint', { done: replaces.sessionsDone, prescribed: replaces.prescribed })} error={e.reason?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('reason')} />}
        </Field>
      ) : null}
      <FormActions submitLabel={t('plans.adherence.save')} busy={formState.isSubmitting} onCancel={() => onDone(null)} />
    </RecordForm>
  );
}

/**
 * The version's items with the sessions done per week beside them: "12 of 14", and the share as a number,
 * never as a colour alone. A cell is a button that opens the entry for that item and week.
 */
export function AdherencePanel({ version, entries, today, onChanged }: { version: PlanVersion; entries: readonly AdherenceEntry[]; today: string; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const formatDate = useFormatDate();
  const [open, setOpen] = useState<{ itemId: string; weekStart: string } | null>(null);
  const period = { from: version.effectiveFrom, until: version.inForceUntil };
  const weeks = weeksOf(period, today);
  const shown = weeks.slice(-WEEKS_SHOWN);
  const entryOf = (itemId: string, week: string) => entries.find((a) => a.itemId === itemId && a.weekStart === week);
  return (
    <section aria-labelledby="adherence-heading" className="plan-adherence">
      <div className="toolbar">
        <h2 id="adherence-heading">{t('plans.adherence.heading')}</h2>
        {weeks.length > 0 && !open ? (
          <button type="button" onClick={() => setOpen({ itemId: version.items[0]!.id, weekStart: weeks[weeks.length - 1]! })}>
            {t('plans.adherence.recordSessions')}
          </button>
        ) : null}
      </div>
      {weeks.length === 0 ? <p className="muted">{t('plans.adherence.notYet')}</p> : null}
      {open ? (
        <AdherenceForm
          key={`${open.itemId} ${open.weekStart}`}
          version={version}
          weeks={weeks}
          entries={entries}
          initial={open}
          onDone={(saved) => {
            setOpen(null);
            if (saved) onChanged(t('plans.adherence.saved', { count: saved.prescribed, done: saved.sessionsDone, week: formatDate(saved.weekStart) }));
          }}
        />
      ) : null}
      <ScrollBox label={t('plans.adherence.tableLabel')}>
        <table className="data-table plan-items-table">
          <caption className="visually-hidden">{t('plans.adherence.caption', { number: version.number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.adherence.item')}</th>
              <th scope="col">{t('plans.adherence.doseAndFrequency')}</th>
              {shown.map((w) => (
                <th key={w} scope="col" className="num week-col">
                  <Trans i18nKey="plans.adherence.weekOf" values={{ date: formatDate(w) }} components={[<span className="nowrap" />]} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {version.items.map((item) => (
              <tr key={item.id}>
                <th scope="row" className="plan-item-cell">
                  {t('plans.adherence.itemOption', { position: item.position, intervention: words.intervention(item.intervention) })}
                  <span className="plan-item-detail">{words.motions(item.motions, version.sites)}</span>
                  {item.instructions ? <span className="plan-item-detail plan-typed">{item.instructions}</span> : null}
                </th>
                <td>
                  {t('plans.adherence.doseFrequency', { dose: words.dose(item), frequency: words.frequency(item) })}
                </td>
                {shown.map((w) => {
                  const a = entryOf(item.id, w);
                  const prescribed = prescribedSessions(item, w, period);
                  const pct = a ? adherencePercent(a.sessionsDone, prescribed) : null;
                  const text = a ? t('plans.adherence.doneOf', { done: a.sessionsDone, prescribed }) : t('plans.adherence.record');
                  return (
                    <td key={w} className="num week-col">
                      <button
                        type="button"
                        className={a ? 'cell-button' : 'cell-button cell-empty'}
                        aria-label={
                          a
                            ? t('plans.adherence.cellRecorded', { position: item.position, week: formatDate(w), done: a.sessionsDone, count: prescribed, percent: pct ?? '—' })
                            : t('plans.adherence.cellEmpty', { position: item.position, week: formatDate(w), count: prescribed })
                        }
                        onClick={() => setOpen({ itemId: item.id, weekStart: w })}
                      >
                        {text}
                      </button>
                      {pct !== null ? <span className="small muted adherence-pct">{pct}%</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
