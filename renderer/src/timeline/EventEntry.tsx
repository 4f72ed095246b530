import { useId, useState } from 'react';
import { EVENT_KIND_LABELS, type ClinicalEvent } from '../../../shared/domain/event';
import { call } from '../api/client';
import { describeEvent } from '../events/event-model';
import { EventForm } from '../events/EventForm';
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
  const formatDate = useFormatDate();
  const headingId = useId();
  const [open, setOpen] = useState<'correct' | 'void' | 'history' | null>(null);
  const kind = EVENT_KIND_LABELS[e.kind];
  const label = `${kind.toLowerCase()} of ${formatDate(e.date)}`;
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
        {e.correctionReason ? <span className="tag">corrected</span> : null}
      </h3>
      <p>{describeEvent(e, formatDate)}</p>
      <div className="row-actions start">
        <button type="button" aria-label={`Correct ${label}`} aria-expanded={open === 'correct'} onClick={() => toggle('correct')}>
          Correct
        </button>
        <button type="button" aria-label={`Void ${label}`} aria-expanded={open === 'void'} onClick={() => toggle('void')}>
          Void
        </button>
        <button type="button" aria-label={`History of ${label}`} aria-expanded={open === 'history'} onClick={() => toggle('history')}>
          History
        </button>
      </div>
      {open === 'correct' ? <EventForm patientId={e.patientId} event={e} onDone={(saved) => close(saved ? `${kind} corrected.` : null)} /> : null}
      {open === 'void' ? (
        <VoidForm
          id={e.id}
          what={label}
          onSubmit={async (reason) => {
            const r = await call('events.void', { id: e.id, reason });
            return r.ok ? null : r.error;
          }}
          onDone={(saved) => close(saved ? `${kind} voided.` : null, saved)}
        />
      ) : null}
      {open === 'history' ? <EventHistory id={e.id} label={label} nameOf={nameOf} /> : null}
    </article>
  );
}
