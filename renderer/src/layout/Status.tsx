import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { useApiErrorText } from '../api/failure';

/** `what` in the screen's language: "patients". */
export function Loading({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <p className="status" role="status" aria-live="polite">
      {t('status.loading', { what })}
    </p>
  );
}

/**
 * A read that failed: the API's message and, for a read that can be asked again (a Loadable's `retry`), a Retry
 * button, so no screen is left waiting.
 */
export function ErrorMessage({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  return (
    <div className="error-box" role="alert">
      <strong>{t('status.couldNotLoad')}</strong> {errorText(error)}
      {retry ? (
        <>
          {' '}
          <button type="button" onClick={retry}>
            {t('status.retry')}
          </button>
        </>
      ) : null}
    </div>
  );
}
