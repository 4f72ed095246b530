import type { Visit } from '../../../shared/domain/visit';
import { useFormatDate } from '../session/session-context';
import { plural, symptomsText } from './visit-text';

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
  const formatDate = useFormatDate();
  return (
    <div className="same-day" role="group" aria-labelledby="same-day-question">
      <p id="same-day-question" role="status">
        <span aria-hidden="true">? </span>A visit on {formatDate(visit.date)} already exists (by {nameOf(visit.therapistId)}, {plural(visit.measurements.length, 'measurement')}). Add
        these measurements to it?
      </p>
      <button type="button" id={ADD_TO_VISIT_ID} className="small-button" onClick={onAdd}>
        Add to it
      </button>
      <button type="button" className="small-button" onClick={onSeparate}>
        Record a separate visit
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
  const formatDate = useFormatDate();
  const n = visit.measurements.length;
  return (
    <div className="same-day adding" role="status">
      <p>
        <strong>Adding to the visit of {formatDate(visit.date)}</strong> (by {nameOf(visit.therapistId)}, {plural(n, 'reading')}): what it has is shown in grey; fill the empty
        boxes.
      </p>
      {onSeparate ? (
        <button type="button" className="small-button" onClick={onSeparate}>
          Record a separate visit instead
        </button>
      ) : null}
    </div>
  );
}

/** In place of the symptoms and notes boxes: the visit keeps what it recorded (a visit is never edited). */
export function KeptWithVisit({ visit }: { visit: Visit }) {
  return (
    <div className="visit-after-grid">
      <p className="muted">
        The visit's symptoms and notes stay as recorded. {symptomsText(visit)}
        {visit.notes ? ` Notes: ${visit.notes}` : ''}
      </p>
    </div>
  );
}
