import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { EXCISION_QUESTION } from './event-model';

/**
 * Yes or no, nothing chosen at first: a surgery on a watched site is recorded as an HO excision only when the
 * therapist says so. Arrow keys move between the two answers, as in any radio group.
 */
export function ExcisionQuestion({ register, error }: { register: UseFormRegisterReturn<'excised'>; error?: string | undefined }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={error ? 'excision-question field-invalid' : 'excision-question'}
      aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
    >
      <legend>{EXCISION_QUESTION}</legend>
      <p className="field-hint" id={hintId}>
        Yes records it as HO excision surgery on this watched site; No records it as surgery.
      </p>
      <div className="checkbox-row">
        <label className="choice">
          <input type="radio" value="yes" aria-invalid={Boolean(error)} {...register} /> Yes
        </label>
        <label className="choice">
          <input type="radio" value="no" aria-invalid={Boolean(error)} {...register} /> No
        </label>
      </div>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
