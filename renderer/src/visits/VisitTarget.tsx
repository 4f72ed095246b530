import { Trans, useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/domain/visit';
import { useFormatDate } from '../session/session-context';
import { symptomsText } from './visit-text';
import { useVisitWords } from './visit-words';

export const ADD_TO_VISIT_ID = 'same-day-add';

interface QuestionProps {
  visit: Visit;
  nameOf(id: string | null): string;
  /** What "add" would leave out or refuse, said before the person answers. */
  caveats: string[];
  onAdd(): void;
  onSeparate(): void;
}

/**
 * The date typed already has a visit: asked inline, above the grid, never as a dialog, so typing in the boxes goes
 * on; saving waits for the answer. A live region, so a screen reader hears the question when it appears.
 */
export function SameDayQuestion({ visit, nameOf, caveats, onAdd, onSeparate }: QuestionProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <div className="same-day" role="group" aria-labelledby="same-day-question">
      <p id="same-day-question" role="status">
        <span aria-hidden="true">? </span>
        {t('visits.sameDay.question', { date: formatDate(visit.date), name: nameOf(visit.therapistId), count: visit.measurements.length })}
      </p>
      <button type="button" id={ADD_TO_VISIT_ID} className="small-button" onClick={onAdd}>
        {t('visits.sameDay.add')}
      </button>
      <button type="button" className="small-button" onClick={onSeparate}>
        {t('visits.sameDay.separate')}
      </button>
      {caveats.map((c) => (
        <p key={c} className="same-day-caveat">
          {c}
        </p>
      ))}
    </div>
  );
}

/** While adding to a recorded visit: which one, and the way back to a visit of its own (unless that is the task). */
export function AddingTo({ visit, nameOf, onSeparate }: { visit: Visit; nameOf(id: string | null): string; onSeparate?: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <div className="same-day adding" role="status">
      <p>
        <Trans
          i18nKey="visits.adding"
          values={{ date: formatDate(visit.date), name: nameOf(visit.therapistId) }}
          count={visit.measurements.length}
          components={[<strong key="visit" />]}
        />
      </p>
      {onSeparate ? (
        <button type="button" className="small-button" onClick={onSeparate}>
          {t('visits.separateInstead')}
        </button>
      ) : null}
    </div>
  );
}

/** In place of the symptoms and notes boxes: the visit keeps what it recorded (a visit is never edited). */
export function KeptWithVisit({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const words = useVisitWords();
  return (
    <div className="visit-after-grid">
      <p className="muted">
        {t('visits.kept')} {symptomsText(visit, t, words)}
        {visit.notes ? ` ${t('visits.notesOf', { notes: visit.notes })}` : ''}
      </p>
    </div>
  );
}
