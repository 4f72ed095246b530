import type { OperationName, OperationOutput, OperationInput } from '../../shared/api/contract';
import { callOperation, type Dispatch } from '../api/dispatch';
import { inDesktopScope } from './desktop-scope';

/** The native dialogs the backup menu items need; main.ts supplies Electron's, tests supply fakes. */
export interface BackupDialogs {
  /** The chosen folder, or null when cancelled. */
  chooseFolder(title: string, defaultPath: string): Promise<string | null>;
  /** The chosen backup file, or null when cancelled. */
  chooseBackupFile(title: string, defaultPath: string): Promise<string | null>;
  /** True only when the person chose `confirmLabel`. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  show(kind: 'info' | 'error', message: string, detail?: string): Promise<void>;
}

type Result<K extends OperationName> = { ok: true; value: OperationOutput<K> } | { ok: false; message: string };

/**
 * File → Back up now… and File → Restore…, through the same operations (and so the same checks,
 * audit rows and administrator rule) as any other change. One at a time: a second click while
 * a backup runs does nothing. The file chosen for a restore reaches the back end through `offerFile`
 * (api/backup-sources.ts), never as a path in an operation's input, which a page could send too.
 */
export function backupMenuActions(
  dispatch: Dispatch,
  dialogs: BackupDialogs,
  onRestored: () => void,
  offerFile: (path: string) => string,
): { backUpNow(): Promise<void>; restore(): Promise<void> } {
  let busy = false;

  async function run<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<Result<K>> {
    // As the person signed in on the window: backups are an administrator's, like any other way to them.
    const result = await inDesktopScope(() => callOperation(dispatch, operation, input));
    return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message };
  }

  async function once(work: () => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      await work();
    } finally {
      busy = false;
    }
  }

  return {
    backUpNow: () =>
      once(async () => {
        const list = await run('backups.list', {});
        if (!list.ok) return dialogs.show('error', 'The backup could not start.', list.message);
        const folder = await dialogs.chooseFolder('Back up to which folder? (a USB stick, or the backups folder)', list.value.folder);
        if (folder === null) return;
        const made = await run('backups.create', { folder });
        if (!made.ok) return dialogs.show('error', 'The backup was not made.', made.message);
        await dialogs.show('info', 'Backup saved.', `${made.value.name}\nin ${folder}`);
      }),

    restore: () =>
      once(async () => {
        const list = await run('backups.list', {});
        if (!list.ok) return dialogs.show('error', 'The restore could not start.', list.message);
        const path = await dialogs.chooseBackupFile('Restore from which backup?', list.value.folder);
        if (path === null) return;
        const sure = await dialogs.confirm(
          'Replace all current records with this backup?',
          `Everything recorded since this backup was taken will be replaced by its contents:\n${path}\n\n` +
            `A copy of the current records is saved first in ${list.value.folder}, so this can be undone by restoring that copy.`,
          'Restore',
        );
        if (!sure) return;
        const restored = await run('backups.restore', { id: offerFile(path) });
        if (!restored.ok) return dialogs.show('error', 'Nothing was restored.', restored.message);
        onRestored();
        await dialogs.show(
          'info',
          'The backup was restored.',
          `Restored from ${restored.value.restoredFrom}.${restored.value.otherDatabase ? '\nThis backup came from another ROMtrack database (another computer or clinic).' : ''}\n` +
            `The records as they were before are kept in ${restored.value.safetyBackup.path}.`,
        );
      }),
  };
}
