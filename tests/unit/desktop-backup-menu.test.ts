import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { offerChosenBackupFile } from '../../electron/api/backup-sources';
import type { Dispatch } from '../../electron/api/dispatch';
import { backupMenuActions, type BackupDialogs } from '../../electron/shell/backup-menu';
import { inDesktopScope } from '../../electron/shell/desktop-scope';
import { openTestBackend, TEST_PIN } from '../support/backend';
import { makeTempDir } from '../support/temp-dir';

const FOLDER = '/home/pt/.config/ROMtrack/backups';
const backup = (path: string) => ({ id: 'a'.repeat(24), name: path.split('/').pop()!, path, folder: FOLDER, kind: 'manual', createdAt: '2026-11-25T11:00:00.000Z', sizeBytes: 4096 });
/** The desktop shell hands the chosen file to the back end and restores it by the id it gets back. */
const offer = (path: string) => `id-of:${path}`;

/** A dispatch that answers the backup operations, or fails the one named in `failing`. */
function fakeDispatch(failing?: string) {
  return vi.fn<Dispatch>(async (operation, input) => {
    if (operation === failing) return { ok: false, error: { code: 'unauthorized', message: `${operation} refused` } };
    if (operation === 'backups.list') return { ok: true, value: { folder: FOLDER, folders: [], backups: [] } };
    if (operation === 'backups.create') return { ok: true, value: backup(`${(input as { folder: string }).folder}/romtrack-x-manual.sqlite`) };
    if (operation === 'backups.restore') {
      const restoredFrom = (input as { id: string }).id.replace('id-of:', '');
      return { ok: true, value: { restoredFrom, safetyBackup: backup(`${FOLDER}/romtrack-y-pre-restore.sqlite`), schemaVersion: 9, otherDatabase: false } };
    }
    return { ok: false, error: { code: 'not_found', message: operation } };
  });
}

function fakeDialogs(answers: { folder?: string | null; file?: string | null; confirm?: boolean } = {}) {
  const shown: [string, string, string | undefined][] = [];
  const dialogs = {
    chooseFolder: vi.fn(async () => (answers.folder === undefined ? FOLDER : answers.folder)),
    chooseBackupFile: vi.fn(async () => (answers.file === undefined ? `${FOLDER}/romtrack-old-auto.sqlite` : answers.file)),
    confirm: vi.fn(async () => answers.confirm ?? true),
    show: vi.fn(async (kind: 'info' | 'error', message: string, detail?: string) => {
      shown.push([kind, message, detail]);
    }),
  } satisfies BackupDialogs;
  return { dialogs, shown };
}

describe('File → Back up now…', () => {
  it('offers the backups folder first, backs up to the folder chosen and says where', async () => {
    const dispatch = fakeDispatch();
    const { dialogs, shown } = fakeDialogs({ folder: '/media/usb' });
    await backupMenuActions(dispatch, dialogs, vi.fn(), offer).backUpNow();
    expect(dialogs.chooseFolder).toHaveBeenCalledWith(expect.any(String), FOLDER);
    expect(dispatch).toHaveBeenLastCalledWith('backups.create', { folder: '/media/usb' });
    expect(shown).toEqual([['info', 'Backup saved.', 'romtrack-x-manual.sqlite\nin /media/usb']]);
  });

  it('does nothing when the folder choice is cancelled', async () => {
    const dispatch = fakeDispatch();
    const { dialogs, shown } = fakeDialogs({ folder: null });
    await backupMenuActions(dispatch, dialogs, vi.fn(), offer).backUpNow();
    expect(dispatch.mock.calls.map((c) => c[0])).toEqual(['backups.list']);
    expect(shown).toEqual([]);
  });

  it('shows the back end’s message when the backup is refused (nobody chosen as working, disk full)', async () => {
    const { dialogs, shown } = fakeDialogs();
    await backupMenuActions(fakeDispatch('backups.create'), dialogs, vi.fn(), offer).backUpNow();
    expect(shown).toEqual([['error', 'The backup was not made.', 'backups.create refused']]);
  });

  it('runs one backup at a time', async () => {
    const dispatch = fakeDispatch();
    const { dialogs } = fakeDialogs();
    const actions = backupMenuActions(dispatch, dialogs, vi.fn(), offer);
    await Promise.all([actions.backUpNow(), actions.backUpNow(), actions.restore()]);
    expect(dispatch.mock.calls.map((c) => c[0])).toEqual(['backups.list', 'backups.create']);
  });
});

describe('File → Restore…', () => {
  it('asks before replacing anything, restores, reloads the page and names the safety copy', async () => {
    const dispatch = fakeDispatch();
    const onRestored = vi.fn();
    const { dialogs, shown } = fakeDialogs();
    await backupMenuActions(dispatch, dialogs, onRestored, offer).restore();
    expect(dialogs.chooseBackupFile).toHaveBeenCalledWith(expect.any(String), FOLDER);
    expect(dialogs.confirm).toHaveBeenCalledWith(expect.stringMatching(/replace/i), expect.stringContaining(`${FOLDER}/romtrack-old-auto.sqlite`), 'Restore');
    expect(dispatch).toHaveBeenLastCalledWith('backups.restore', { id: `id-of:${FOLDER}/romtrack-old-auto.sqlite` });
    expect(onRestored).toHaveBeenCalledTimes(1);
    expect(shown[0]?.[0]).toBe('info');
    expect(shown[0]?.[2]).toContain(`${FOLDER}/romtrack-y-pre-restore.sqlite`);
  });

  it('changes nothing when the person says no, or cancels the file choice', async () => {
    for (const answers of [{ confirm: false }, { file: null }]) {
      const dispatch = fakeDispatch();
      const onRestored = vi.fn();
      await backupMenuActions(dispatch, fakeDialogs(answers).dialogs, onRestored, offer).restore();
      expect(dispatch.mock.calls.map((c) => c[0])).not.toContain('backups.restore');
      expect(onRestored).not.toHaveBeenCalled();
    }
  });

  it('shows why a restore was refused and does not reload', async () => {
    const onRestored = vi.fn();
    const { dialogs, shown } = fakeDialogs();
    await backupMenuActions(fakeDispatch('backups.restore'), dialogs, onRestored, offer).restore();
    expect(shown).toEqual([['error', 'Nothing was restored.', 'backups.restore refused']]);
    expect(onRestored).not.toHaveBeenCalled();
  });
});

describe('the backup menu items against the real back end', () => {
  it('back up to a chosen folder, then restore that backup, through the real operations', async () => {
    const backend = openTestBackend();
    const usb = makeTempDir('romtrack-usb-');
    try {
      await backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
      // The administrator signs in on the window: the menu's operations run as whoever is signed in there.
      const signedIn = await inDesktopScope(() => backend.dispatch('session.signIn', { therapistId: backend.actorId(), credential: TEST_PIN }));
      expect(signedIn.ok).toBe(true);
      const onRestored = vi.fn();
      const first = fakeDialogs({ folder: usb.dir });
      const actions = backupMenuActions(backend.dispatch, first.dialogs, onRestored, (p) => offerChosenBackupFile(backend.context, p));
      await actions.backUpNow();
      expect(first.shown.map((s) => s[0])).toEqual(['info']);
      const [made] = readdirSync(usb.dir).filter((f) => f.endsWith('.sqlite'));
      expect(made).toBeDefined();

      await backend.ok('patients.create', { familyName: 'Owusu', givenNames: 'Ama', dateOfBirth: '1970-05-01', sex: 'female' });
      const second = fakeDialogs({ file: join(usb.dir, made!) });
      await backupMenuActions(backend.dispatch, second.dialogs, onRestored, (p) => offerChosenBackupFile(backend.context, p)).restore();
      expect(second.shown.map((s) => s[0]), JSON.stringify(second.shown)).toEqual(['info']);
      expect(onRestored).toHaveBeenCalledTimes(1);
      const after = await backend.ok('patients.list', {});
      expect(JSON.stringify(after)).toContain('Mensah');
      expect(JSON.stringify(after)).not.toContain('Owusu');
      expect(existsSync(join(usb.dir, made!))).toBe(true);
    } finally {
      backend.dispose();
      usb.cleanup();
    }
  });
});
