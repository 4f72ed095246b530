// The desktop's key source, with a stand-in for Electron's safeStorage (which needs a running Electron).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultKeyFilePath, newDatabaseKey, writeKeyFile } from '../../electron/db/database-key';
import { desktopKeySource, type OsKeyStore } from '../../electron/shell/desktop-key';

/** Wraps by XOR with a secret, so a wrapped file never holds the key as written. */
function fakeStore(available = true): OsKeyStore {
  const secret = 0x5a;
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ secret));
  return { isEncryptionAvailable: () => available, encryptString: (t) => flip(Buffer.from(t, 'utf8')), decryptString: (w) => flip(w).toString('utf8') };
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the desktop key source', () => {
  it('keeps the key wrapped by the key store, owner-only, and reads it back; never replaces one', () => {
    dir = mkdtempSync(join(tmpdir(), 'romtrack-desktop-key-'));
    const source = desktopKeySource(fakeStore(), dir, join(dir, 'romtrack.sqlite'));
    expect(source.load()).toBeNull();
    const key = newDatabaseKey();
    source.store(key);
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^romtrack\.sqlite-[0-9a-f]{8}\.wrapped-key$/);
    expect(readFileSync(join(dir, file!)).toString('latin1')).not.toContain(key.toString('hex'));
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);
    expect(source.load()!.equals(key)).toBe(true);
    expect(() => source.store(newDatabaseKey())).toThrow(/EEXIST/);
    expect(source.load()!.equals(key)).toBe(true);
  });

  it('says what is wrong when the key store is not available, and uses a key file server mode made', () => {
    dir = mkdtempSync(join(tmpdir(), 'romtrack-desktop-key-'));
    const dbPath = join(dir, 'romtrack.sqlite');
    expect(() => desktopKeySource(fakeStore(false), dir, dbPath).store(newDatabaseKey())).toThrow(/key store is not available.*Secret Service/);
    expect(readdirSync(dir)).toEqual([]);
    const serverKey = newDatabaseKey();
    writeKeyFile(defaultKeyFilePath(dbPath), serverKey);
    expect(desktopKeySource(fakeStore(false), dir, dbPath).load()!.equals(serverKey)).toBe(true);
    expect(existsSync(defaultKeyFilePath(dbPath))).toBe(true);
  });
});
