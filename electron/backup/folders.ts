import type { Stats } from 'node:fs';
import { lstat, mkdir, readdir, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { FULL_PATH_MESSAGE } from '../../shared/api/operations/backups';
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
  return () => new AppError('invalid_input', `The folder ${folder} is not answering (a slow or failing USB stick or network share?). Nothing was changed.`, { [field]: 'This folder is not answering.' });
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
  if (!isAbsolute(folder)) throw new AppError('invalid_input', `${folder} is not a full path. ${FULL_PATH_MESSAGE}`, { folder: FULL_PATH_MESSAGE });
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

/**
 * A file that may be read for a restore: checked with lstat before anything opens it, since opening a FIFO
 * waits for a writer forever and a device may never answer. A symbolic link is followed once, to a regular
 * file only.
 */
export async function regularFileOrRefuse(path: string): Promise<Stats> {
  const refuse = (what: string) => new AppError('invalid_input', `${path} ${what}, not a backup file. Nothing was changed.`, { id: `This is ${what.replace(/^is /, '')}, not a backup file.` });
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
    throw new AppError('invalid_input', `${path} cannot be read (${codeOf(err) ?? messageOf(err)}): is the USB stick still plugged in? Nothing was changed.`, { id: 'This file cannot be read.' });
  }
  if (info.isDirectory()) throw refuse('is a folder');
  if (info.isFIFO()) throw refuse('is a pipe (FIFO)');
  if (info.isCharacterDevice() || info.isBlockDevice()) throw refuse('is a device');
  if (info.isSocket()) throw refuse('is a socket');
  if (!info.isFile()) throw refuse('is not a regular file');
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
