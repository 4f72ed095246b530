import { backupId } from '../backup/backup-files';
import { listDatabaseBackups, type BackupListing } from '../backup/listing';
import { databaseIdentity } from '../db/identity';
import { databaseKeyOf } from '../db/open';
import type { ApiContext } from './context';

// Where a restore may come from: a backup in this database's list, or a file the person chose in the desktop
// app's own file dialog. The page never sends a path: in server mode anyone with the token could otherwise
// point a restore at any file the server can read (a FIFO, a device, another clinic's database).

const chosenFiles = new WeakMap<ApiContext, Map<string, string>>();

/**
 * Called by the desktop shell with the file its open dialog returned (File → Restore…); returns the id to
 * restore it by. Not an operation: no page can call it.
 */
export function offerChosenBackupFile(ctx: ApiContext, path: string): string {
  let files = chosenFiles.get(ctx);
  if (!files) {
    files = new Map();
    chosenFiles.set(ctx, files);
  }
  const id = backupId(path);
  files.set(id, path);
  return id;
}

/** The chosen file an id stands for, taken out of the offer (one restore per choice). */
export function takeChosenBackupFile(ctx: ApiContext, id: string): string | undefined {
  const files = chosenFiles.get(ctx);
  const path = files?.get(id);
  files?.delete(id);
  return path;
}

export function currentBackupListing(ctx: ApiContext): Promise<BackupListing> {
  return listDatabaseBackups(ctx.app.databasePath, databaseIdentity(ctx.db), ctx.repos.meta.backupFolders(), databaseKeyOf(ctx.db));
}
