import type { ApiError } from '../../../shared/api/errors';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/**
 * A read that failed: the API's message and, for a read that can be asked again (a Loadable's `retry`), a Retry
 * button, so no screen is left waiting.
 */
export function ErrorMessage({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <strong>Could not load this.</strong> {error.message}
      {retry ? (
        <>
          {' '}
          <button type="button" onClick={retry}>
            Retry
          </button>
        </>
      ) : null}
    </div>
  );
}
