import { useRef, useState, type FormEvent } from 'react';
import type { BackupInfo } from '../../../shared/api/operations/backups';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatInstant } from '../clinical/format';

const KIND_LABELS: Record<BackupInfo['kind'], string> = { auto: 'Automatic', manual: 'Manual', 'pre-restore': 'Before a restore' };

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}


type Message = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

export function BackupsPanel() {
  // Backups are instants, not calendar dates: the clinic's date and a local time.
  const formatInstant = useFormatInstant();
  // A backup or a restore refreshes this list, and a restore every other read and the session (api/client.ts).
  const [list] = useOperation('backups.list', {});
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  // Restores name a listed backup by its id; the page never sends a file path.
  const [restoreTarget, setRestoreTarget] = useState<BackupInfo | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  async function backUp(event: FormEvent) {
    event.preventDefault();
    setFolderError(null);
    setMessage({ kind: 'busy', text: 'Backing up and checking the copy…' });
    const r = await call('backups.create', { folder: folder.trim() === '' ? null : folder.trim() });
    if (r.ok) {
      setMessage({ kind: 'ok', text: `Backup saved and checked: ${r.value.path} (${formatSize(r.value.sizeBytes)}).` });
    } else {
      setFolderError(r.error.fields?.folder ?? null);
      setMessage({ kind: 'error', text: r.error.fields?.folder && r.error.message.endsWith('needs attention.') ? 'The backup was not made: check the folder.' : r.error.message });
    }
  }

  function askRestore(backup: BackupInfo) {
    setRestoreTarget(backup);
    dialog.current?.showModal();
    // showModal focuses the first button; Cancel must have it, so Enter alone never replaces the records.
    cancelButton.current?.focus();
  }

  async function restore() {
    dialog.current?.close();
    if (!restoreTarget) return;
    setMessage({ kind: 'busy', text: 'Checking the backup, saving a safety copy, restoring…' });
    const r = await call('backups.restore', { id: restoreTarget.id });
    if (r.ok) {
      const other = r.value.otherDatabase ? ' This backup came from another ROMtrack database (another computer or clinic).' : '';
      setMessage({ kind: 'ok', text: `Restored from ${r.value.restoredFrom}.${other} The records as they were just before are kept in ${r.value.safetyBackup.path}.` });
    } else setMessage({ kind: 'error', text: r.error.message });
  }

  return (
    <section aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p>
        ROMtrack backs up by itself once a day and when it closes. Back up to a USB stick as well, so a failing disk does not take
        the records with it.
      </p>
      {message ? (
        <div className={message.kind === 'error' ? 'error-box' : message.kind === 'ok' ? 'ok-box' : 'status'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
      <form className="form inline-form" onSubmit={backUp}>
        <div className="field">
          <label htmlFor="backup-folder">Back up to folder</label>
          <input
            id="backup-folder"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder="Leave empty for the backups folder beside the database"
            aria-invalid={folderError ? true : undefined}
            aria-describedby={folderError ? 'backup-folder-error backup-folder-hint' : 'backup-folder-hint'}
          />
          {folderError ? (
            <p className="field-error" id="backup-folder-error">
              {folderError}
            </p>
          ) : null}
          <p className="field-hint" id="backup-folder-hint">
            For a USB stick, type its full path, for example E:\ on Windows or /media/usb on Linux. Its backups are then listed here too.
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={message?.kind === 'busy'}>
            Back up now
          </button>
        </div>
      </form>

      {list.state === 'loading' ? <Loading what="backups" /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} retry={list.retry} /> : null}
      {list.state === 'ready' ? (
        <>
          <h3>Backups of this database</h3>
          <p className="muted">
            Kept in {list.value.folder}
            {list.value.folders.length > 0 ? (
              <>
                {' and in '}
                {list.value.folders.map((f, i) => (
                  <span key={f.path}>
                    {i > 0 ? ', ' : ''}
                    {f.path}
                    {f.reachable ? '' : ' (not connected now)'}
                  </span>
                ))}
              </>
            ) : null}
            .
          </p>
          {list.value.backups.length === 0 ? (
            <p className="empty">No backups yet.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Taken</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Folder</th>
                  <th scope="col" className="num">Size</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.value.backups.map((b) => (
                  <tr key={b.id}>
                    <td>{formatInstant(b.createdAt)}</td>
                    <td>{KIND_LABELS[b.kind]}</td>
                    <td>{b.folder === list.value.folder ? 'Beside the database' : b.folder}</td>
                    <td className="num">{formatSize(b.sizeBytes)}</td>
                    <td className="row-actions">
                      <button type="button" onClick={() => askRestore(b)} aria-label={`Restore the backup taken ${formatInstant(b.createdAt)}`}>
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}

      <p className="field-hint">
        To restore a backup that is not listed here (one from another computer, say): in the desktop app, choose File, Restore…; in
        server mode, stop the server and start it again with <code>npm run serve -- --restore-from PATH</code>.
      </p>

      <dialog ref={dialog} aria-labelledby="restore-dialog-heading" className="confirm-dialog">
        <h3 id="restore-dialog-heading">Restore this backup?</h3>
        <p>
          The records will become what they were in <strong>{restoreTarget?.path}</strong>
          {restoreTarget ? `, taken ${formatInstant(restoreTarget.createdAt)}` : ''}. The backup is checked in full first, and the
          current records are saved in a safety backup, so this can be undone by restoring that one.
        </p>
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => void restore()}>
            Restore
          </button>
          <button type="button" ref={cancelButton} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
