import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/api/operations/sync';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { useMessageText } from '../i18n/use-message-text';
import { useFormatter } from '../session/session-context';
import { SyncSettingsForm } from './SyncSettingsForm';
import { useApiErrorText } from '../api/failure';

/** While a push runs the status is read this often; otherwise the page reads it when it opens. */
const POLL_MS = 1_000;

function StatusLine({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const { instant, number } = useFormatter();
  // A failure stored by an older version has no id: its English text is shown as it is.
  const say = useMessageText();
  if (!status.configured) return <p>{t('exchange.sync.off')}</p>;
  const waiting = t('exchange.sync.waiting', { count: status.waiting, n: number(status.waiting) });
  const line = status.lastSyncedAt ? t('exchange.sync.lastSynced', { at: instant(status.lastSyncedAt), waiting }) : t('exchange.sync.notSynced', { waiting });
  return (
    <>
      <p role="status">
        <strong>{status.running ? t('exchange.sync.sendingNow') : line}</strong> {t('exchange.sync.server', { url: status.baseUrl ?? '' })}
      </p>
      {status.lastError ? (
        <p className="error-box" role="alert">
          {t('exchange.sync.lastFailed', { at: instant(status.lastError.at), reason: status.lastError.messageRef ? say(status.lastError.messageRef) : status.lastError.message })}
          {status.nextAttemptAt ? ` ${t('exchange.sync.nextTry', { at: instant(status.nextAttemptAt) })}` : ''}
        </p>
      ) : null}
      {status.conflicts.length ? (
        <div className="error-box">
          <p>
            <strong>{t('exchange.sync.conflictsHeading', { n: number(status.conflicts.length) })}</strong> {t('exchange.sync.conflictsHint')}
          </p>
          <ul>
            {status.conflicts.map((c) => (
              <li key={`${c.resourceType}/${c.lineage}`}>
                {t('exchange.sync.conflict', { type: c.resourceType, id: c.serverId, at: instant(c.detectedAt) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/**
 * Sync with the district's FHIR server: how it stands, a button to send now, and (for an administrator) the
 * server's address and token. Sending runs in the background on the back end; this panel only reads its status.
 */
export function SyncPanel() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [status, reload] = useOperation('exchange.syncStatus', {}, { pollEvery: (s) => (s.running ? POLL_MS : false) });
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [busy, setBusy] = useState(false);

  const syncNow = async () => {
    setBusy(true);
    setMessage(null);
    const r = await call('exchange.syncNow', {});
    setBusy(false);
    if (!r.ok) setMessage({ ok: false, text: errorText(r.error) });
    reload();
  };

  return (
    <section className="inline-form" aria-labelledby="sync-heading">
      <h3 id="sync-heading">{t('exchange.sync.heading')}</h3>
      {status.state === 'loading' ? <Loading what={t('exchange.sync.loadingWhat')} /> : null}
      {status.state === 'error' ? <ErrorMessage error={status.error} retry={status.retry} /> : null}
      {status.state === 'ready' ? (
        <>
          <StatusLine status={status.value} />
          <Outcome message={message} />
          {status.value.configured ? (
            <div className="form-actions">
              <button type="button" onClick={() => void syncNow()} disabled={busy || status.value.running}>
                {status.value.running ? t('exchange.sync.sending') : t('exchange.sync.now')}
              </button>
            </div>
          ) : null}
          <SyncSettingsForm status={status.value} />
        </>
      ) : null}
    </section>
  );
}
