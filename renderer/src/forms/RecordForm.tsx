import type { FormEventHandler, ReactNode } from 'react';

/**
 * The small inline form used to add or correct a clinical record: Escape cancels, and the message the
 * back end could not place on a field shows at the top as an alert.
 */
export function RecordForm({ label, intro, onSubmit, onCancel, error, children }: { label: string; intro?: string; onSubmit: FormEventHandler<HTMLFormElement>; onCancel(): void; error: string | null; children: ReactNode }) {
  return (
    <form className="form inline-form record-form" noValidate aria-label={label} onSubmit={onSubmit} onKeyDown={(ev) => ev.key === 'Escape' && onCancel()}>
      {intro ? <p className="form-intro">{intro}</p> : null}
      {error ? (
        <div className="error-box" role="alert">
          {error}
        </div>
      ) : null}
      {children}
    </form>
  );
}
