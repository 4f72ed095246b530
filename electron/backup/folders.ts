import type { Stats } from 'node:fs';
import { lstat, mkdir, readdir, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { message } from '../../shared/i18n/message';
import { AppError, codeOf, messageOf } from '../db/errors';
import { PRIVATE_FOLDER_MODE } from '../db/file-modes';
import { parseBackupName, type BackupFile } from './backup-files';

// Every touch of a folder a person chose (a USB stick, a network share) is asynchronous and has a time limit:
// a pulled stick, a hung share or a FIFO must cost the request an error, never the app its event loop.

/** How long one file-system call on a chosen folder may take before the folder counts as not answering. */
export const FOLDER_TIME_LIMIT_MS = 5000;

export function timeLimited<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function notAnswering(folder: string, field = 'folder'): () => AppError {
  return () => new AppError('invalid_input', message('domain.backup.notAnswering', { folder }), { [field]: message('domain.backup.notAnsweringField') });
}

/** Like fs/promises, each call limited in time. */
export const limited = {
  stat: (path: string, folder = dirname(path)) => timeLimited(stat(path), FOLDER_TIME_LIMIT_MS, notAnswering(folder)),
  lstat: (path: string, folder = dirname(path)) => timeLimited(lstat(path), FOLDER_TIME_LIMIT_MS, notAnswering(folder)),
  unlink: (path: string) => timeLimited(unlink(path), FOLDER_TIME_LIMIT_MS, notAnswering(dirname(path))),
};

/** The database's own backups: a folder named for the database file, so two databases beside each other never share one. */
export function backupsFolderFor(databasePath: string): string {
  // `--db` may be relative: it names a file from where the app was started, and so do its backups.
  return join(dirname(resolve(databasePath)), 'backups', basename(databasePath));
}

/** Where every database beside it kept its backups before they had a folder each: still read, never written. */
export function legacyBackupsFolderFor(databasePath: string): string {
  return join(dirname(resolve(databasePath)), 'backups');
}

/** Relative folders would be resolved against wherever the app happens to run: refused, never guessed. */
export function requireAbsoluteFolder(folder: string): void {
  if (!isAbsolute(folder)) throw new AppError('invalid_input', message('domain.backup.notFullPath', { folder }), { folder: message('domain.backup.fullPath') });
}

/**
 * Makes `folder` exist, creating at most `levels` missing folders, one at a time and owner-only. Never
 * recursive mkdir: Node's loops forever (100 % CPU on a thread-pool thread) where mkdir answers ENOENT under
 * an existing parent, as in /proc. Creating only the last level of a chosen folder also keeps a backup "to
 * /media/usb/backups" from landing on the internal disk when the stick is not plugged in.
 */
export async function ensureFolder(folder: string, levels = 1): Promise<void> {
  const missing: string[] = [];
  let at = folder;
  for (;;) {
    let info: Stats | null = null;
    try {
      info = await limited.stat(at, folder);
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (codeOf(err) !== 'ENOENT') throw err;
    }
    if (info) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(at);
    if (missing.length > levels || dirname(at) === at) throw Object.assign(new Error(`${dirname(at)} does not exist`), { code: 'ENOENT' });
    at = dirname(at);
  }
  for (const dir of missing) {
    try {
      await timeLimited(mkdir(dir, { mode: PRIVATE_FOLDER_MODE }), FOLDER_TIME_LIMIT_MS, notAnswering(folder));
    } catch (err) {
      if (codeOf(err) !== 'EEXIST') throw err;
    }
  }
}

/** What a file chosen for a restore is instead of a backup: the refusal and its field message. */
const NOT_BACKUP = {
  folder: (path: string) => ({ refusal: message('domain.backup.isFolder', { path }), field: message('domain.backup.isFolderField') }),
  pipe: (path: string) => ({ refusal: message('domain.backup.isPipe', { path }), field: message('domain.backup.isPipeField') }),
  device: (path: string) => ({ refusal: message('domain.backup.isDevice', { path }), field: message('domain.backup.isDeviceField') }),
  socket: (path: string) => ({ refusal: message('domain.backup.isSocket', { path }), field: message('domain.backup.isSocketField') }),
  other: (path: string) => ({ refusal: message('domain.backup.isOther', { path }), field: message('domain.backup.isOtherField') }),
} as const;

/**
 * A file that may be read for a restore: checked with lstat before anything opens it, since opening a FIFO
 * waits for a writer forever and a device may never answer. A symbolic link is followed once, to a regular
 * file only.
 */
export async function regularFileOrRefuse(path: string): Promise<Stats> {
  const refuse = (what: keyof typeof NOT_BACKUP) => {
    const { refusal, field } = NOT_BACKUP[what](path);
    return new AppError('invalid_input', refusal, { id: field });
  };
  let info: Stats;
  try {
    const folderOf = notAnswering(dirname(path), 'id');
    info = await timeLimited(lstat(path), FOLDER_TIME_LIMIT_MS, folderOf);
    if (info.isSymbolicLink()) {
      const target = await timeLimited(realpath(path), FOLDER_TIME_LIMIT_MS, folderOf);
      info = await timeLimited(lstat(target), FOLDER_TIME_LIMIT_MS, folderOf);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('invalid_input', message('domain.backup.cannotRead', { path, reason: codeOf(err) ?? messageOf(err) }), { id: message('domain.backup.cannotReadField') });
  }
  if (info.isDirectory()) throw refuse('folder');
  if (info.isFIFO()) throw refuse('pipe');
  if (info.isCharacterDevice() || info.isBlockDevice()) throw refuse('device');
  if (info.isSocket()) throw refuse('socket');
  if (!info.isFile()) throw refuse('other');
  return info;
}

export interface FolderBackup extends BackupFile {
  mtimeMs: number;
}

/**
 * The backups in a folder, by their names: regular files only (a FIFO or a link named like a backup is not
 * one). An unreachable folder has none; a folder that does not answer in time counts as unreachable.
 */
export async function backupsIn(folder: string): Promise<{ reachable: boolean; backups: FolderBackup[] }> {
  let names: string[];
  try {
    names = await timeLimited(readdir(folder), FOLDER_TIME_LIMIT_MS, notAnswering(folder));
  } catch {
    return { reachable: false, backups: [] };
  }
  // Each name that parses is lstat-ed below (not trusted to the directory entry's type, which some file systems leave unknown).
  const named = names.map((name) => ({ name, parsed: parseBackupName(name) }));
  const found = await Promise.all(
    named.map(async ({ name, parsed }) => {
      if (!parsed) return null;
      const path = join(folder, name);
      try {
        const info = await limited.lstat(path, folder);
        return info.isFile() ? { name, path, ...parsed, sizeBytes: info.size, mtimeMs: info.mtimeMs } : null;
      } catch {
        return null; // removed meanwhile, or the folder stopped answering
      }
    }),
  );
  return { reachable: true, backups: found.filter((b): b is FolderBackup => b !== null) };
}

/** Same file (device and inode): a second path to the live database is still the live database. */
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}
