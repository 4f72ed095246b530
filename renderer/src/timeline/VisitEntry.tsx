import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayLocal } from '../../../shared/domain/dates';
import type { Visit } from '../../../shared/domain/visit';
import { call } from '../api/client';
import { VoidForm } from '../forms/VoidForm';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { extensionLines, symptomsText } from '../visits/visit-text';
import { useVisitWords } from '../visits/visit-words';
import { MeasurementsTable } from './MeasurementsTable';

interface Props {
  visit: Visit;
  nameOf(id: string | null): string;
  onChanged(message: string): void;
}

/** A visit on the timeline: who, where, symptoms; its measurements behind a disclosure, each correctable. */
export function VisitEntry({ visit: v, nameOf, onChanged }: Props) {
  const { t } = useTranslation();
  const words = useVisitWords();
  const formatDate = useFormatDate();
  const headingId = useId();
  const n = v.measurements.length;
  const [voiding, setVoiding] = useState(false);
  const date = formatDate(v.date);
  const label = t('timeline.visitLabel', { date });
  return (
    <article aria-labelledby={headingId} className="timeline-entry">
      <h3 id={headingId}>
        <span className="timeline-date">{date}</span> {t('timeline.visit')}
      </h3>
      <p>
        {t('timeline.visitLine', { name: nameOf(v.therapistId), setting: words.setting(v.setting).toLocaleLowerCase(), count: n })} {symptomsText(v, t, words)}
      </p>
      {v.notes ? <p className="notes">{t('visits.notesOf', { notes: v.notes })}</p> : null}
      {extensionLines(v, t, nameOf, (at) => formatDate(todayLocal(new Date(at)))).map((line) => (
        <p key={line} className="small">
          {line}
        </p>
      ))}
      {n > 0 ? (
        <details className="visit-details">
          <summary>{t('timeline.measurementsOf', { date })}</summary>
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
            if (saved) onChanged(t('timeline.visitVoided', { date }));
          }}
        />
      ) : (
        <p className="entry-actions">
          {/* A visit completed later, or a reading forgotten: added to this visit, each with who added it and when. */}
          <a className="button quiet" href={href.addToVisit(v.patientId, v.id)} aria-label={t('timeline.addMeasurementsTo', { date })}>
            {t('timeline.addMeasurements')}
          </a>{' '}
          {/* For a visit recorded on the wrong patient or twice; a single wrong value is corrected in its row. */}
          <button type="button" className="quiet" onClick={() => setVoiding(true)} aria-label={t('timeline.voidVisitOf', { date })}>
            {t('timeline.voidVisit')}
          </button>
        </p>
      )}
    </article>
  );
}
