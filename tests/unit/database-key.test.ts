import { mkdtempSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, keyPragma, newDatabaseKey, parseRecoveryKey, readKeyFile, writeKeyFile } from '../../electron/db/database-key';

describe('the recovery key', () => {
  it('prints a key in groups of five and reads it back however it is typed', () => {
    for (let i = 0; i < 50; i++) {
      const key = newDatabaseKey();
      const printed = formatRecoveryKey(key);
      expect(printed).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(parseRecoveryKey(printed).equals(key)).toBe(true);
      const typed = printed.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      expect(parseRecoveryKey(typed).equals(key)).toBe(true);
    }
  });

  it('catches a typing slip, a missing group and a foreign character with a message saying what to check', () => {
    const printed = formatRecoveryKey(newDatabaseKey());
    const slip = printed.slice(0, 7) + (printed[7] === 'A' ? 'B' : 'A') + printed.slice(8);
    expect(() => parseRecoveryKey(slip)).toThrow(/typing mistake/);
    expect(() => parseRecoveryKey(printed.slice(6))).toThrow(/has 55 letters and digits .* this has 50/);
    expect(() => parseRecoveryKey(printed.replace(/.$/, 'U'))).toThrow(/cannot contain: "U"/);
  });

  it('opens the database with the raw key, never a passphrase', () => {
    const key = Buffer.alloc(32, 0xab);
    expect(keyPragma(key)).toBe(`hexkey='${'ab'.repeat(32)}'`);
    expect(() => keyPragma(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('the key file of server mode', () => {
  it('is written for its owner only, never over an existing key, and read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'romtrack-key-'));
    try {
      const path = join(dir, 'romtrack.key');
      const key = newDatabaseKey();
      writeKeyFile(path, key);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readKeyFile(path).equals(key)).toBe(true);
      expect(() => writeKeyFile(path, newDatabaseKey())).toThrow(/EEXIST/);
      chmodSync(path, 0o644);
      readKeyFile(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      writeFileSync(path, 'not a key');
      expect(() => readKeyFile(path)).toThrow(/is not a ROMtrack key file/);
      expect(() => readKeyFile(join(dir, 'missing.key'))).toThrow(/cannot be read.*recovery key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
