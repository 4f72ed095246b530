import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalEvent } from '../../../shared/domain/event';
import { call } from '../api/client';
import { describeEvent } from '../events/event-model';
import { EventForm } from '../events/EventForm';
import { useEventKindNames } from '../events/event-words';
import { useReturnFocus } from '../forms/return-focus';
import { VoidForm } from '../forms/VoidForm';
import { useFormatDate } from '../session/session-context';
import { EventHistory } from './RecordHistory';

interface Props {
  event: ClinicalEvent;
  nameOf(id: string | null): string;
  onChanged(message: string): void;
}

/** A clinical event on the timeline, with its correction (reason required), void and history. */
export function EventEntry({ event: e, nameOf, onChanged }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const headingId = useId();
  const [open, setOpen] = useState<'correct' | 'void' | 'history' | null>(null);
  const kind = useEventKindNames()[e.kind];
  const label = t('timeline.eventLabel', { kind: kind.toLocaleLowerCase(), date: formatDate(e.date) });
  const focus = useReturnFocus();
  const toggle = (what: 'correct' | 'void' | 'history') => {
    focus.remember();
    setOpen(open === what ? null : what);
  };
  const close = (message: string | null, recordGone = false) => {
    setOpen(null);
    if (message) onChanged(message);
    focus.restore(recordGone);
  };
  return (
    <article aria-labelledby={headingId} className="timeline-entry">
      <h3 id={headingId}>
        <span className="timeline-date">{formatDate(e.date)}</span> {kind}
        {e.correctionReason ? <span className="tag">{t('timeline.corrected')}</span> : null}
      </h3>
      <p>{describeEvent(e, formatDate, t)}</p>
      <div className="row-actions start">
        <button type="button" aria-label={t('timeline.correctWhat', { what: label })} aria-expanded={open === 'correct'} onClick={() => toggle('correct')}>
          {t('timeline.correct')}
        </button>
        <button type="button" aria-label={t('timeline.voidWhat', { what: label })} aria-expanded={open === 'void'} onClick={() => toggle('void')}>
          {t('timeline.void')}
        </button>
        <button type="button" aria-label={t('timeline.historyOf', { what: label })} aria-expanded={open === 'history'} onClick={() => toggle('history')}>
          {t('timeline.history')}
        </button>
      </div>
      {open === 'correct' ? <EventForm patientId={e.patientId} event={e} onDone={(saved) => close(saved ? t('timeline.correctedWhat', { what: kind }) : null)} /> : null}
      {open === 'void' ? (
        <VoidForm
          id={e.id}
          what={label}
          onSubmit={async (reason) => {
            const r = await call('events.void', { id: e.id, reason });
            return r.ok ? null : r.error;
          }}
          onDone={(saved) => close(saved ? t('timeline.voidedWhat', { what: kind }) : null, saved)}
        />
      ) : null}
      {open === 'history' ? <EventHistory id={e.id} label={label} nameOf={nameOf} /> : null}
    </article>
  );
}
