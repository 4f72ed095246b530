import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { codeOf } from './errors';

// Patient records are nobody else's business on a shared computer: the database, its WAL and index files,
// backups and the folders ROMtrack creates are readable by their owner only. Windows keeps its own access
// lists (the per-user profile folder), where these modes mean nothing.

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;
export const POSIX_MODES = process.platform !== 'win32';

/**
 * Creates an empty file readable by its owner only, unless it exists. SQLite then opens it as a new database
 * and gives its -wal and -shm files the same mode.
 */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if (codeOf(err) !== 'EEXIST') throw err;
  }
}

/**
 * Narrows an existing file that anyone on the computer may read (an older ROMtrack made its files 0644 under
 * the usual umask) to its owner. A file opened to a group but not to everyone was shared on purpose and is
 * left as it is. Best effort: the file may not be there yet (no WAL) or not be ours to change.
 */
export function narrowIfWorldReadable(path: string): void {
  if (!POSIX_MODES) return;
  try {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o007) chmodSync(path, mode & 0o700);
  } catch {
    // not there, or someone else's file
  }
}
