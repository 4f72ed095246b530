import { useState } from 'react';
import type { SyncStatus } from '../../../shared/api/operations/sync';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { useFormatter } from '../session/session-context';
import { SyncSettingsForm } from './SyncSettingsForm';

/** While a push runs the status is read this often; otherwise the page reads it when it opens. */
const POLL_MS = 1_000;

function StatusLine({ status }: { status: SyncStatus }) {
  const { instant } = useFormatter();
  if (!status.configured) return <p>Sync is off: nothing leaves this computer. An administrator can set the district&apos;s server below.</p>;
  const last = status.lastSyncedAt ? `Last synced ${instant(status.lastSyncedAt)}` : 'Not synced yet';
  const waiting = `${status.waiting} ${status.waiting === 1 ? 'patient' : 'patients'} waiting`;
  return (
    <>
      <p role="status">
        <strong>{status.running ? 'Sending now…' : `${last}, ${waiting}.`}</strong> Server: {status.baseUrl}
      </p>
      {status.lastError ? (
        <p className="error-box" role="alert">
          The last try, {instant(status.lastError.at)}, failed: {status.lastError.message}
          {status.nextAttemptAt ? ` Next try ${instant(status.nextAttemptAt)}.` : ''}
        </p>
      ) : null}
      {status.conflicts.length ? (
        <div className="error-box">
          <p>
            <strong>Not sent: changed on the server since ({status.conflicts.length}).</strong> Someone changed these records on the district&apos;s
            server after this clinic sent them. This clinic&apos;s change was kept here and not sent; compare the two and correct the one that is wrong.
          </p>
          <ul>
            {status.conflicts.map((c) => (
              <li key={`${c.resourceType}/${c.lineage}`}>
                {c.resourceType} {c.serverId} on the server, found {instant(c.detectedAt)}
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
  const [status, reload] = useOperation('exchange.syncStatus', {}, { pollEvery: (s) => (s.running ? POLL_MS : false) });
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [busy, setBusy] = useState(false);

  const syncNow = async () => {
    setBusy(true);
    setMessage(null);
    const r = await call('exchange.syncNow', {});
    setBusy(false);
    if (!r.ok) setMessage({ ok: false, text: r.error.message });
    reload();
  };

  return (
    <section className="inline-form" aria-labelledby="sync-heading">
      <h3 id="sync-heading">Sync with the district&apos;s FHIR server</h3>
      {status.state === 'loading' ? <Loading what="the sync status" /> : null}
      {status.state === 'error' ? <ErrorMessage error={status.error} retry={status.retry} /> : null}
      {status.state === 'ready' ? (
        <>
          <StatusLine status={status.value} />
          <Outcome message={message} />
          {status.value.configured ? (
            <div className="form-actions">
              <button type="button" onClick={() => void syncNow()} disabled={busy || status.value.running}>
                {status.value.running ? 'Sending…' : 'Sync now'}
              </button>
            </div>
          ) : null}
          <SyncSettingsForm status={status.value} />
        </>
      ) : null}
    </section>
  );
}
