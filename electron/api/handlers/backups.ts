import { backupsFolderFor, createBackup } from '../../backup/backup';
import { listBackups } from '../../backup/backup-files';
import { restoreDatabase } from '../../backup/restore';
import { writeAudit } from '../../db/audit-repository';
import { requireActor } from '../session';
import type { HandlerTable } from './types';

export const backupHandlers: HandlerTable<'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (_input, ctx) => {
    const folder = backupsFolderFor(ctx.app.databasePath);
    return { folder, backups: listBackups(folder) };
  },

  'backups.create': async (input, ctx) => {
    requireActor(ctx);
    return createBackup(ctx.db, input.folder ?? backupsFolderFor(ctx.app.databasePath), 'manual');
  },

  'backups.restore': async (input, ctx) => {
    const actor = requireActor(ctx);
    const result = await restoreDatabase(ctx, input.path);
    // Recorded in the restored file's own audit log; the actor may not exist in it, so only named if they do.
    ctx.transaction(() =>
      writeAudit(ctx.db, {
        at: ctx.now(),
        actorId: ctx.repos.therapists.get(actor) ? actor : null,
        operation: 'backups.restore',
        entity: 'database',
        entityId: 'database',
        before: { safetyBackup: result.safetyBackup.path },
        after: { restoredFrom: result.restoredFrom },
      }),
    );
    return result;
  },
};
