import { resolve } from 'node:path';
import type { BackupInfo } from '../../../shared/api/operations/backups';
import { backupsFolderFor, createBackup, rotateBackups, tagOf } from '../../backup/backup';
import { backupId, type BackupFile } from '../../backup/backup-files';
import { requireAbsoluteFolder } from '../../backup/folders';
import { restoreDatabase } from '../../backup/restore';
import { writeAudit } from '../../db/audit-repository';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import { currentBackupListing, takeChosenBackupFile } from '../backup-sources';
import { requireActor } from '../session';
import type { HandlerTable } from './types';
import { message } from '../../../shared/i18n/message';

function info(b: BackupFile, folder: string): BackupInfo {
  return { id: backupId(b.path), name: b.name, path: b.path, folder, kind: b.kind, createdAt: b.createdAt, sizeBytes: b.sizeBytes };
}

export const backupHandlers: HandlerTable<'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': async (_input, ctx) => {
    const listing = await currentBackupListing(ctx);
    return { folder: listing.folder, folders: listing.folders, backups: listing.backups.map((b) => info(b, b.folder)) };
  },

  'backups.create': async (input, ctx) => {
    const own = backupsFolderFor(ctx.app.databasePath);
    if (input.folder !== null) requireAbsoluteFolder(input.folder);
    const folder = input.folder === null ? own : resolve(input.folder);
    const made = await createBackup(ctx.db, folder, 'manual');
    // Kept by count, so a USB stick backed up to every evening does not fill up: this database's newest 20.
    await rotateBackups(folder, tagOf(ctx.db)).catch(() => []);
    ctx.transaction(() => {
      if (folder !== own) ctx.repos.meta.rememberBackupFolders([folder]);
      audit(ctx, { at: ctx.now(), operation: 'backups.create', entity: 'backup', entityId: made.name, before: null, after: { folder, name: made.name, sizeBytes: made.sizeBytes } });
    });
    return info(made, folder);
  },

  'backups.restore': async (input, ctx) => {
    // Dispatch has checked there is one; the value is named in the audit row below.
    const actor = requireActor(ctx);
    const path = takeChosenBackupFile(ctx, input.id) ?? (await currentBackupListing(ctx)).backups.find((b) => b.id === input.id)?.path;
    if (!path) {
      throw new AppError('not_found', message('domain.backups.gone'), { id: message('domain.backups.goneField') });
    }
    const folders = ctx.repos.meta.backupFolders();
    const restored = await restoreDatabase(ctx, path, {
      // On the restored file, inside the restore: if this fails, the previous file is put back.
      afterSwap: (r) =>
        ctx.transaction(() => {
          // The restored file remembers the folders of its day; the ones chosen since still hold backups.
          ctx.repos.meta.rememberBackupFolders(folders);
          // The actor may not exist in the restored file, so is only named if they do.
          writeAudit(ctx.db, {
            at: ctx.now(),
            actorId: ctx.repos.therapists.get(actor) ? actor : null,
            operation: 'backups.restore',
            entity: 'database',
            entityId: 'database',
            before: { safetyBackup: r.safetyBackup.path },
            after: { restoredFrom: r.restoredFrom, schemaVersion: r.schemaVersion, otherDatabase: r.otherDatabase },
          });
        }),
    });
    return {
      restoredFrom: restored.restoredFrom,
      safetyBackup: info(restored.safetyBackup, backupsFolderFor(ctx.app.databasePath)),
      schemaVersion: restored.schemaVersion,
      otherDatabase: restored.otherDatabase,
    };
  },
};
