import type { ApiError } from '../../../shared/api/errors';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error }: { error: ApiError }) {
  return (
    <div className="error-box" role="alert">
      <strong>Could not load this.</strong> {error.message}
    </div>
  );
}
