import { useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BackupInfo } from '../../../shared/api/operations/backups';
import { call } from '../api/client';
import { useApiErrorText } from '../api/failure';
import { useMessageText } from '../i18n/use-message-text';
import { useOperation } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatInstant } from '../clinical/format';
import { useFormatter } from '../session/session-context';

function kindWord(t: TFunction, kind: BackupInfo['kind']): string {
  return kind === 'auto' ? t('backups.kindAuto') : kind === 'manual' ? t('backups.kindManual') : t('backups.kindPreRestore');
}

/** KiB below a mebibyte, else MiB to a tenth, in the language's digits ("1,5 MiB"). */
function formatSize(bytes: number, number: (n: number) => string): string {
  return bytes < 1024 * 1024 ? `${number(Math.max(1, Math.round(bytes / 1024)))} KiB` : `${number(Math.round(bytes / 1024 / 102.4) / 10)} MiB`;
}


type Message = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

export function BackupsPanel() {
  // Backups are instants, not calendar dates: the clinic's date and a local time.
  const formatInstant = useFormatInstant();
  const { number } = useFormatter();
  const { t } = useTranslation();
  // The back end's refusals are ids: written in the screen's language, never its English text.
  const errorText = useApiErrorText();
  const say = useMessageText();
  const size = (bytes: number) => formatSize(bytes, number);
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
    setMessage({ kind: 'busy', text: t('backups.backingUp') });
    const r = await call('backups.create', { folder: folder.trim() === '' ? null : folder.trim() });
    if (r.ok) {
      setMessage({ kind: 'ok', text: t('backups.saved', { path: r.value.path, size: size(r.value.sizeBytes) }) });
    } else {
      const folderRef = r.error.fieldRefs?.folder;
      setFolderError(folderRef ? say(folderRef) : (r.error.fields?.folder ?? null));
      // When the back end only says "a field needs attention", the folder's own message is under the box and the
      // line above says nothing was made; any other refusal (the stick removed) is said as it is.
      const fieldsOnly = r.error.fields?.folder && r.error.messageRef?.id === 'errors.fieldsNeedAttention';
      setMessage({ kind: 'error', text: fieldsOnly ? t('backups.notMade') : errorText(r.error) });
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
    setMessage({ kind: 'busy', text: t('backups.restoring') });
    const r = await call('backups.restore', { id: restoreTarget.id });
    if (r.ok) {
      const restored = t('backups.restored', { from: r.value.restoredFrom, safety: r.value.safetyBackup.path });
      setMessage({ kind: 'ok', text: r.value.otherDatabase ? `${restored} ${t('backups.otherDatabase')}` : restored });
    } else setMessage({ kind: 'error', text: errorText(r.error) });
  }

  return (
    <section aria-labelledby="backups-heading">
      <h2 id="backups-heading">{t('backups.heading')}</h2>
      <p>{t('backups.intro')}</p>
      {message ? (
        <div className={message.kind === 'error' ? 'error-box' : message.kind === 'ok' ? 'ok-box' : 'status'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
      <form className="form inline-form" onSubmit={backUp}>
        <div className="field">
          <label htmlFor="backup-folder">{t('backups.folder')}</label>
          <input
            id="backup-folder"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder={t('backups.folderPlaceholder')}
            aria-invalid={folderError ? true : undefined}
            aria-describedby={folderError ? 'backup-folder-error backup-folder-hint' : 'backup-folder-hint'}
          />
          {folderError ? (
            <p className="field-error" id="backup-folder-error">
              {folderError}
            </p>
          ) : null}
          <p className="field-hint" id="backup-folder-hint">
            {t('backups.folderHint', { windows: 'E:\\', linux: '/media/usb' })}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={message?.kind === 'busy'}>
            {t('backups.backUpNow')}
          </button>
        </div>
      </form>

      {list.state === 'loading' ? <Loading what={t('backups.loadingWhat')} /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} retry={list.retry} /> : null}
      {list.state === 'ready' ? (
        <>
          <h3>{t('backups.listHeading')}</h3>
          <p className="muted">
            {list.value.folders.length > 0
              ? t('backups.keptInAndIn', {
                  folder: list.value.folder,
                  others: list.value.folders.map((f) => (f.reachable ? f.path : t('backups.notConnected', { path: f.path }))).join(', '),
                })
              : t('backups.keptIn', { folder: list.value.folder })}
          </p>
          {list.value.backups.length === 0 ? (
            <p className="empty">{t('backups.none')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('backups.colTaken')}</th>
                  <th scope="col">{t('backups.colKind')}</th>
                  <th scope="col">{t('backups.colFolder')}</th>
                  <th scope="col" className="num">
                    {t('backups.colSize')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('backups.colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.value.backups.map((b) => (
                  <tr key={b.id}>
                    <td>{formatInstant(b.createdAt)}</td>
                    <td>{kindWord(t, b.kind)}</td>
                    <td>{b.folder === list.value.folder ? t('backups.besideDatabase') : b.folder}</td>
                    <td className="num">{size(b.sizeBytes)}</td>
                    <td className="row-actions">
                      <button type="button" onClick={() => askRestore(b)} aria-label={t('backups.restoreLabel', { when: formatInstant(b.createdAt) })}>
                        {t('backups.restoreButton')}
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
        <Trans i18nKey="backups.unlisted" values={{ command: `npm run serve -- --restore-from ${t('backups.path')}` }} components={[<code key="command" />]} />
      </p>

      <dialog ref={dialog} aria-labelledby="restore-dialog-heading" className="confirm-dialog">
        <h3 id="restore-dialog-heading">{t('backups.confirmHeading')}</h3>
        <p>
          {restoreTarget ? (
            <Trans i18nKey="backups.confirmText" values={{ path: restoreTarget.path, when: formatInstant(restoreTarget.createdAt) }} components={[<strong key="path" />]} />
          ) : null}
        </p>
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => void restore()}>
            {t('backups.restore')}
          </button>
          <button type="button" ref={cancelButton} onClick={() => dialog.current?.close()}>
            {t('backups.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
