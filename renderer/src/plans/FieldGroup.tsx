import { useId, type ReactNode } from 'react';

/**
 * A group of checkboxes or radio buttons with one legend and one message, tied to the group for screen
 * readers: the plan's sites, an item's motions, the passive-motion precaution.
 */
export function FieldGroup({ legend, error, hint, className, children }: { legend: ReactNode; error?: string | undefined; hint?: string; className?: string; children: ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={[className, error ? 'field-invalid group-invalid' : ''].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
