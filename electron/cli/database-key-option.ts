// The database key for the commands that run in plain Node (server mode, the maintenance commands): a key file,
// readable by this user only, whose path is `--key-file` (default: beside the database, named for it).
import { prepareDatabaseKey, describeEncryption } from '../backup/encrypt-at-rest';
import { defaultKeyFilePath, keyFileSource, newDatabaseKey, parseRecoveryKey, type KeySource } from '../db/database-key';

export const KEY_FILE_USAGE =
  "  --key-file FILE  the database's key (default: the database's path + .key; made at the first start, readable by this user only). Keep it off USB sticks that carry backups.";
export const RECOVERY_KEY_USAGE =
  "  --recovery-key KEY  with --restore-from: the backup was made on another computer (or the key file was lost); KEY is the clinic's printed recovery key.";

export function keySourceFor(databasePath: string, keyFile: string | undefined): KeySource {
  return keyFileSource(keyFile ?? defaultKeyFilePath(databasePath));
}

/** The key to open the database with; a plain database is encrypted first (once), and what happened is printed. */
export async function commandDatabaseKey(databasePath: string, keyFile: string | undefined): Promise<Buffer> {
  const { key, encrypted } = await prepareDatabaseKey(databasePath, keySourceFor(databasePath, keyFile));
  if (encrypted) for (const line of describeEncryption(databasePath, encrypted)) console.log(line);
  return key;
}

/**
 * The keys for `--restore-from`: this workstation's key (made now on a fresh data folder, or where the key file
 * was lost: the restored copy is given it), and the key the backup opens with (the recovery key, when given).
 */
export function restoreKeys(databasePath: string, keyFile: string | undefined, recoveryKey: string | undefined): { key: Buffer; sourceKey?: Buffer } {
  // Read first: a typing slip in the recovery key stops here, before anything is written.
  const sourceKey = recoveryKey === undefined ? undefined : parseRecoveryKey(recoveryKey);
  const source = keySourceFor(databasePath, keyFile);
  let key = source.load();
  if (!key) {
    key = newDatabaseKey();
    source.store(key);
  }
  return sourceKey ? { key, sourceKey } : { key };
}
