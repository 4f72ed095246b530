import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../layout/Status';
import type { ApiError } from '../../../shared/api/errors';
import './recovery-key.css';

type Shown = { state: 'hidden' } | { state: 'busy' } | { state: 'error'; error: ApiError } | { state: 'shown'; recoveryKey: string | null };

/**
 * The recovery key sheet. The key is asked for only when a person chooses to see it, kept in this panel alone
 * (never in the shared read cache, so it is gone with the panel), and printed on a page of its own.
 */
export function RecoveryKeyPanel() {
  const [clinic] = useOperation('clinic.get', {});
  const [shown, setShown] = useState<Shown>({ state: 'hidden' });

  // Printing marks the page so that only the sheet prints (recovery-key.css); the mark goes when printing ends.
  useEffect(() => {
    const clear = () => delete document.documentElement.dataset.printing;
    window.addEventListener('afterprint', clear);
    return () => {
      window.removeEventListener('afterprint', clear);
      clear();
    };
  }, []);

  async function show() {
    setShown({ state: 'busy' });
    const r = await call('security.recoveryKey', {});
    setShown(r.ok ? { state: 'shown', recoveryKey: r.value.recoveryKey } : { state: 'error', error: r.error });
  }

  function print() {
    document.documentElement.dataset.printing = 'recovery-key';
    window.print();
  }

  const clinicName = clinic.state === 'ready' ? clinic.value?.name : undefined;
  return (
    <section aria-labelledby="recovery-key-heading">
      <h2 id="recovery-key-heading">Recovery key</h2>
      <p>
        Every record and every backup is encrypted with a key this computer keeps for itself. The recovery key is the same key
        written for paper. It is the only way to open a backup on another computer, or these records if this computer&apos;s own
        key is lost (a new disk, a reinstalled system, a lost user account). Without it, nobody can read the backups, not even
        ROMtrack&apos;s makers.
      </p>
      <p>
        Print the sheet once, sign it, and keep it locked away from the computer and from the USB sticks that carry backups: whoever
        holds both can read the records.
      </p>
      {shown.state === 'error' ? <ErrorMessage error={shown.error} /> : null}
      {shown.state === 'shown' && shown.recoveryKey === null ? (
        <p className="status" role="status">
          This database is not encrypted, so it has no recovery key.
        </p>
      ) : null}
      {shown.state === 'shown' && shown.recoveryKey !== null ? (
        <div className="recovery-sheet" aria-labelledby="recovery-sheet-title">
          <h3 id="recovery-sheet-title">ROMtrack recovery key{clinicName ? ` for ${clinicName}` : ''}</h3>
          <p className="recovery-key" aria-label="Recovery key, in groups of five">
            {shown.recoveryKey.split('-').map((group, i) => (
              <span key={i}>{group}</span>
            ))}
          </p>
          <p>
            To open a backup on another computer: install ROMtrack there, then run{' '}
            <code>npm run serve -- --restore-from BACKUP-FILE --recovery-key &quot;THE KEY ABOVE&quot;</code>. The letters O, I and L
            may be typed as 0, 1 and 1; case and dashes do not matter; a typing mistake is caught before anything is changed.
          </p>
          <p className="recovery-signature">
            Printed on ________________ by ________________. Kept at ________________________________.
          </p>
        </div>
      ) : null}
      <div className="form-actions">
        {shown.state === 'shown' && shown.recoveryKey !== null ? (
          <>
            <button type="button" className="primary" onClick={print}>
              Print the recovery key sheet
            </button>
            <button type="button" onClick={() => setShown({ state: 'hidden' })}>
              Hide the key
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void show()} disabled={shown.state === 'busy'}>
            Show the recovery key
          </button>
        )}
      </div>
    </section>
  );
}
