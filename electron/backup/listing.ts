import { isAbsolute } from 'node:path';
import { message } from '../../shared/i18n/message';
import { identityTag } from '../db/identity';
import { backupId, newestFirst, type BackupFile } from './backup-files';
import { backupsFolderFor, backupsIn, legacyBackupsFolderFor, type FolderBackup } from './folders';
import { keyHex } from './file-tasks';
import { runFileTask } from './run-in-worker';

export interface ListedBackup extends BackupFile {
  /** What the page restores it by (backup-files.ts backupId). */
  id: string;
  folder: string;
}

export interface BackupListing {
  /** The database's own backups folder. */
  folder: string;
  /** Folders a person backed up to, and whether each can be read now (a USB stick may be out). */
  folders: { path: string; reachable: boolean }[];
  /** This database's backups in all of them, newest first. */
  backups: ListedBackup[];
}

// Backups named before names carried the database's tag (the old shared backups/ folder, a USB stick backed up
// to by an older ROMtrack) say which database they are of only inside. Reading that opens the file, so it is
// done in the worker and remembered while the file stays the same size and age.
const insideIdentity = new Map<string, { stamp: string; identity: string | null }>();

async function identitiesOf(backups: readonly FolderBackup[], key: Buffer | null): Promise<Map<string, string | null>> {
  const stamp = (b: FolderBackup) => `${b.sizeBytes}:${b.mtimeMs}`;
  const unknown = backups.filter((b) => insideIdentity.get(b.path)?.stamp !== stamp(b));
  if (unknown.length > 0) {
    try {
      const read = await runFileTask('identify', { paths: unknown.map((b) => b.path), key: keyHex(key) }, message('domain.backup.task.readingOlder'));
      for (const b of unknown) insideIdentity.set(b.path, { stamp: stamp(b), identity: read[b.path] ?? null });
    } catch {
      // Not listed this time; a slow stick must not cost the list.
    }
  }
  return new Map(backups.map((b) => [b.path, insideIdentity.get(b.path)?.identity ?? null]));
}

function listed(b: FolderBackup, folder: string): ListedBackup {
  return { id: backupId(b.path), name: b.name, path: b.path, folder, kind: b.kind, createdAt: b.createdAt, sizeBytes: b.sizeBytes, ...(b.tag ? { tag: b.tag } : {}) };
}

/**
 * This database's backups: everything in its own folder (named for its file, so nothing else writes there;
 * it also keeps the safety copies made before a restore brought in another database's file), and elsewhere
 * (the old shared folder, the folders a person chose) only those whose tag, or identity inside, is its own.
 * Another database's backups are never listed, so never offered. `key` opens the older, untagged ones to read it.
 */
export async function listDatabaseBackups(databasePath: string, identity: string | null, chosenFolders: readonly string[], key: Buffer | null = null): Promise<BackupListing> {
  const own = backupsFolderFor(databasePath);
  const legacy = legacyBackupsFolderFor(databasePath);
  const tag = identity ? identityTag(identity) : undefined;
  const chosen = [...new Set(chosenFolders)].filter((f) => isAbsolute(f) && f !== own && f !== legacy);
  const [ownList, legacyList, ...chosenLists] = await Promise.all([backupsIn(own), backupsIn(legacy), ...chosen.map((f) => backupsIn(f))]);

  const elsewhere = [legacy, ...chosen].map((folder, i) => ({ folder, backups: (i === 0 ? legacyList : chosenLists[i - 1]!).backups }));
  const inside = identity ? await identitiesOf(elsewhere.flatMap((f) => f.backups.filter((b) => !b.tag)), key) : new Map<string, string | null>();
  const ours = (b: FolderBackup) => (b.tag ? b.tag === tag : identity !== null && inside.get(b.path) === identity);

  const byPath = new Map<string, ListedBackup>();
  for (const b of ownList.backups) byPath.set(b.path, listed(b, own));
  for (const { folder, backups } of elsewhere) {
    for (const b of backups) if (ours(b) && !byPath.has(b.path)) byPath.set(b.path, listed(b, folder));
  }
  return {
    folder: own,
    folders: chosen.map((path, i) => ({ path, reachable: chosenLists[i]!.reachable })),
    backups: [...byPath.values()].sort(newestFirst),
  };
}
