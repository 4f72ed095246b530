import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * Yes or no, nothing chosen at first: a surgery on a watched site is recorded as an HO excision only when the
 * therapist says so. Arrow keys move between the two answers, as in any radio group.
 */
export function ExcisionQuestion({ register, error }: { register: UseFormRegisterReturn<'excised'>; error?: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={error ? 'excision-question field-invalid' : 'excision-question'}
      aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
    >
      <legend>{t('events.excision.question')}</legend>
      <p className="field-hint" id={hintId}>
        {t('events.excision.hint')}
      </p>
      <div className="checkbox-row">
        <label className="choice">
          <input type="radio" value="yes" aria-invalid={Boolean(error)} {...register} /> {t('events.yes')}
        </label>
        <label className="choice">
          <input type="radio" value="no" aria-invalid={Boolean(error)} {...register} /> {t('events.no')}
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
