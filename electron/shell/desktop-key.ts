// The desktop app's database key: wrapped by the operating system's key store through Electron's safeStorage
// (DPAPI on Windows, the Keychain on macOS, the Secret Service on Linux), in a small file in the app's data folder.
// The key store is passed in (main.ts gives Electron's safeStorage), so this runs and is tested in plain Node.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { message } from '../../shared/i18n/message';
import { defaultKeyFilePath, keyFileSource, type KeySource } from '../db/database-key';
import { AppError } from '../db/errors';

/** What ROMtrack uses of Electron's safeStorage. */
export interface OsKeyStore {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(wrapped: Buffer): string;
}

function requireKeyStore(safeStorage: OsKeyStore): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new AppError('internal', message('domain.desktopKey.noKeyStore'));
  }
}

export function desktopKeySource(safeStorage: OsKeyStore, userData: string, databasePath: string): KeySource {
  const full = resolve(databasePath);
  // One file per database, named so a person browsing the folder sees which.
  const path = join(userData, `${basename(full)}-${createHash('sha256').update(full).digest('hex').slice(0, 8)}.wrapped-key`);
  // A database first used by server mode keeps its key in a key file: the same person's desktop app reads it.
  const serverKey = keyFileSource(defaultKeyFilePath(full));
  return {
    where: message('backup.keyStore.where', { path }),
    load: () => {
      if (!existsSync(path)) return serverKey.load();
      requireKeyStore(safeStorage);
      const hex = safeStorage.decryptString(readFileSync(path));
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new AppError('internal', message('domain.desktopKey.notAKey', { path }));
      return Buffer.from(hex, 'hex');
    },
    store: (key) => {
      requireKeyStore(safeStorage);
      writeFileSync(path, safeStorage.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
    },
  };
}
