import { useId, useState } from 'react';
import { todayLocal } from '../../../shared/domain/dates';
import { VISIT_SETTING_LABELS, type Visit } from '../../../shared/domain/visit';
import { call } from '../api/client';
import { VoidForm } from '../forms/VoidForm';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { extensionLines, symptomsText } from '../visits/visit-text';
import { MeasurementsTable } from './MeasurementsTable';

interface Props {
  visit: Visit;
  nameOf(id: string | null): string;
  onChanged(message: string): void;
}

/** A visit on the timeline: who, where, symptoms; its measurements behind a disclosure, each correctable. */
export function VisitEntry({ visit: v, nameOf, onChanged }: Props) {
  const formatDate = useFormatDate();
  const headingId = useId();
  const n = v.measurements.length;
  const [voiding, setVoiding] = useState(false);
  const label = `the visit of ${formatDate(v.date)}`;
  return (
    <article aria-labelledby={headingId} className="timeline-entry">
      <h3 id={headingId}>
        <span className="timeline-date">{formatDate(v.date)}</span> Visit
      </h3>
      <p>
        {nameOf(v.therapistId)}, {VISIT_SETTING_LABELS[v.setting].toLowerCase()}. {n === 1 ? '1 measurement' : `${n} measurements`}. {symptomsText(v)}
      </p>
      {v.notes ? <p className="notes">Notes: {v.notes}</p> : null}
      {extensionLines(v, nameOf, (at) => formatDate(todayLocal(new Date(at)))).map((line) => (
        <p key={line} className="small">
          {line}
        </p>
      ))}
      {n > 0 ? (
        <details className="visit-details">
          <summary>Measurements of {formatDate(v.date)}</summary>
          <MeasurementsTable measurements={v.measurements} nameOf={nameOf} onChanged={onChanged} />
        </details>
      ) : null}
      {voiding ? (
        <VoidForm
          id={v.id}
          what={label}
          onSubmit={async (reason) => {
            const r = await call('visits.void', { id: v.id, reason });
            return r.ok ? null : r.error;
          }}
          onDone={(saved) => {
            setVoiding(false);
            if (saved) onChanged(`The visit of ${formatDate(v.date)} was voided, with its measurements; it is listed under Voided entries.`);
          }}
        />
      ) : (
        <p className="entry-actions">
          {/* A visit completed later, or a reading forgotten: added to this visit, each with who added it and when. */}
          <a className="button quiet" href={href.addToVisit(v.patientId, v.id)} aria-label={`Add measurements to ${label}`}>
            Add measurements
          </a>{' '}
          {/* For a visit recorded on the wrong patient or twice; a single wrong value is corrected in its row. */}
          <button type="button" className="quiet" onClick={() => setVoiding(true)} aria-label={`Void visit of ${formatDate(v.date)}`}>
            Void visit…
          </button>
        </p>
      )}
    </article>
  );
}
