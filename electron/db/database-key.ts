// The database's encryption key, and the recovery key printed for the clinic. The key is random and never typed
// in daily work: the desktop keeps it wrapped by the operating system's key store, server mode in a file only
// the server's user can read. The recovery key is the same 32 bytes written for paper, with a checksum, so a
// typing slip is caught before it is tried against a backup.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { AppError } from './errors';
import { englishText, message, type MessageRef } from '../../shared/i18n/message';

export const DATABASE_KEY_BYTES = 32;

export function newDatabaseKey(): Buffer {
  return randomBytes(DATABASE_KEY_BYTES);
}

/** The pragma that opens an encrypted database with this key (raw key, no passphrase derivation). */
export function keyPragma(key: Buffer): string {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`A database key is ${DATABASE_KEY_BYTES} bytes, not ${key.length}.`);
  return `hexkey='${key.toString('hex')}'`;
}

// Crockford's base32: no I, L, O or U, so the letters people confuse read as the digit they look like.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECKSUM_BYTES = 2;

function checksum(key: Buffer): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, CHECKSUM_BYTES);
}

/** "7KQ2M-0PZ4T-…": 55 characters in groups of five, for the printed recovery sheet. */
export function formatRecoveryKey(key: Buffer): string {
  const bytes = Buffer.concat([key, checksum(key)]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,5}/g)!.join('-');
}

/** Reads a recovery key as typed: any case, with or without dashes and spaces, O for 0 and I or L for 1. */
export function parseRecoveryKey(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const expected = Math.ceil(((DATABASE_KEY_BYTES + CHECKSUM_BYTES) * 8) / 5);
  const wrong = [...clean].find((c) => !ALPHABET.includes(c));
  if (wrong !== undefined) throw new AppError('invalid_input', message('domain.recoveryKey.badCharacter', { character: wrong }));
  if (clean.length !== expected) throw new AppError('invalid_input', message('domain.recoveryKey.length', { expected, length: clean.length }));
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of clean) {
    value = ((value << 5) | ALPHABET.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const all = Buffer.from(bytes.slice(0, DATABASE_KEY_BYTES + CHECKSUM_BYTES));
  const key = all.subarray(0, DATABASE_KEY_BYTES);
  if (!checksum(key).equals(all.subarray(DATABASE_KEY_BYTES))) {
    throw new AppError('invalid_input', message('domain.recoveryKey.typo'));
  }
  return Buffer.from(key);
}

/** Server mode's key file: the key in hex, readable and writable by this user only. */
export function writeKeyFile(path: string, key: Buffer): void {
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
}

export function readKeyFile(path: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    throw new AppError('not_found', message('domain.db.keyUnreadable', { path }));
  }
  if (!/^[0-9a-f]{64}$/i.test(text)) throw new AppError('invalid_input', message('domain.db.notKeyFile', { path }));
  // Others may have been given access by a copy or an archive tool: take it back rather than refuse to start.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return Buffer.from(text, 'hex');
}

/** Where the key of one database is kept: server mode's key file, the desktop's wrapped file (shell/), a test's value. */
export interface KeySource {
  /** Where the key is kept, for messages: "the key file /srv/romtrack.sqlite.key". */
  readonly where: MessageRef;
  /** The key kept, or null when none was ever made. A key that is there but unreadable throws. */
  load(): Buffer | null;
  /** Keeps a new key. Never replaces one already kept (the database it opens would be lost). */
  store(key: Buffer): void;
}

/** Server mode's key, default `--key-file`: beside the database, named for it, so two databases keep two keys. */
export function defaultKeyFilePath(databasePath: string): string {
  return `${databasePath}.key`;
}

export function keyFileSource(path: string): KeySource {
  return {
    where: message('backup.keyFile.where', { path }),
    load: () => (existsSync(path) ? readKeyFile(path) : null),
    store: (key) => writeKeyFile(path, key),
  };
}

/** A key held in memory: tests, and a restore made with the recovery key. */
export function fixedKeySource(key: Buffer | null, where = message('backup.givenKey.where')): KeySource {
  let kept = key;
  return {
    where,
    load: () => kept,
    store: (next) => {
      if (kept) throw new Error(`${englishText(where)} already holds a key.`);
      kept = next;
    },
  };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What the file at `path` is, from its first 16 bytes: absent (or empty: SQLite's file before its first write),
 * a plain SQLite file, or anything else (encrypted, or not a database at all: only a key can tell).
 */
export function fileKind(path: string): 'absent' | 'plain' | 'other' {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 'absent';
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n === 0) return 'absent';
    return head.equals(SQLITE_HEADER) ? 'plain' : 'other';
  } finally {
    closeSync(fd);
  }
}

/** Applies the key to a connection just opened, before anything reads the file. Null: a plain file. */
export function applyKey(db: { pragma(source: string): unknown }, key: Buffer | null): void {
  if (key) db.pragma(keyPragma(key));
}

/**
 * Encrypts a plain database file with `key` in place. Only for a file nobody else has open (a copy being made):
 * SQLite3 Multiple Ciphers refuses to encrypt a plain file in WAL mode, so it leaves it a rollback-journal file.
 */
export function encryptPlainFile(db: { pragma(source: string): unknown }, key: Buffer): void {
  db.pragma('journal_mode = DELETE');
  db.pragma(`hexrekey='${key.toString('hex')}'`);
}

/** Changes an encrypted file's key (a backup opened with the recovery key takes this workstation's key). */
export function changeKey(db: { pragma(source: string): unknown }, key: Buffer): void {
  db.pragma(`hexrekey='${key.toString('hex')}'`);
}

/** The message for a file a key does not open. */
export function keyDoesNotFit(path: string, where: MessageRef): AppError {
  return new AppError('internal', message('domain.db.keyDoesNotFit', { path, where: { message: where } }));
}
