// Server mode's key at the command line (the built electron/cli/serve.js, as `npm run serve` runs it): a backup
// restored on a fresh data folder with the printed recovery key, a plain database encrypted at its first start,
// and a missing key file refused without a new key or an empty database.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/api/backend';
import { createBackup } from '../../electron/backup/backup';
import { prepareDatabaseKey } from '../../electron/backup/encrypt-at-rest';
import { withReadOnly } from '../../electron/backup/verify';
import { defaultKeyFilePath, fileKind, formatRecoveryKey, keyFileSource, readKeyFile } from '../../electron/db/database-key';
import { makeTempDir } from '../support/temp-dir';

const serve = join(__dirname, '..', '..', 'build', 'node', 'electron', 'cli', 'serve.js');
const PATIENT = { familyName: 'Asantewaa', givenNames: 'Yaa', clinicId: null, dateOfBirth: '1961-07-04', sex: 'female' as const };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function folder() {
  const tmp = makeTempDir('romtrack-enc-cli-');
  cleanups.push(tmp.cleanup);
  return tmp;
}

/** Starts server mode; once it says it is serving, stops it as Ctrl+C would. Resolves with its output and exit code. */
function runServe(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serve, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      const serving = out.includes('Press Ctrl+C');
      out += d.toString();
      if (!serving && out.includes('Press Ctrl+C')) child.kill('SIGINT');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

const patientsIn = (dbPath: string, key: Buffer) => withReadOnly(dbPath, (db) => db.prepare<[], string>('SELECT family_name FROM patients').pluck().all(), key);

// Each start of server mode takes a few seconds on a loaded machine.
describe('npm run serve and the database key', { timeout: 90_000 }, () => {
  it('restores a backup on a fresh data folder with --recovery-key; the folder gets a key of its own', async () => {
    const clinic = folder();
    const { key } = await prepareDatabaseKey(clinic.dbPath, keyFileSource(defaultKeyFilePath(clinic.dbPath)));
    const backend = createBackend({ databasePath: clinic.dbPath, mode: 'server', key });
    backend.context.transaction(() => backend.context.repos.patients.insert(PATIENT, backend.context.now()));
    const backup = await createBackup(backend.context.db, join(clinic.dir, 'usb'), 'manual');
    backend.close();

    const fresh = folder();
    const refused = await runServe(['--db', fresh.dbPath, '--restore-from', backup.path]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Nothing was changed: .*encrypted with another key.*--recovery-key/s);
    expect(existsSync(fresh.dbPath)).toBe(false);

    const run = await runServe(['--db', fresh.dbPath, '--key-file', join(fresh.dir, 'romtrack.key'), '--restore-from', backup.path, '--recovery-key', formatRecoveryKey(key)]);
    expect(run, run.err).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain(`Restored ${fresh.dbPath} from ${backup.path}`);
    const own = readKeyFile(join(fresh.dir, 'romtrack.key'));
    expect(own.equals(key)).toBe(false);
    expect(statSync(join(fresh.dir, 'romtrack.key')).mode & 0o777).toBe(0o600);
    expect(patientsIn(fresh.dbPath, own)).toEqual([PATIENT.familyName]);
  });

  it('encrypts a plain database at its first start, and refuses to start once its key file is gone', async () => {
    const tmp = folder();
    const plain = createBackend({ databasePath: tmp.dbPath, mode: 'server' });
    plain.context.transaction(() => plain.context.repos.patients.insert(PATIENT, plain.context.now()));
    plain.close();
    expect(fileKind(tmp.dbPath)).toBe('plain');

    const first = await runServe(['--db', tmp.dbPath]);
    expect(first, first.err).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/is now encrypted \(\d+ tables, \d+ rows, every one kept\)\. An encrypted backup was taken first/);
    expect(fileKind(tmp.dbPath)).toBe('other');
    expect(readFileSync(tmp.dbPath).includes(Buffer.from(PATIENT.familyName))).toBe(false);
    expect(patientsIn(tmp.dbPath, readKeyFile(defaultKeyFilePath(tmp.dbPath)))).toEqual([PATIENT.familyName]);

    const lost = join(tmp.dir, 'moved.key');
    const before = readFileSync(tmp.dbPath);
    const refused = await runServe(['--db', tmp.dbPath, '--key-file', lost]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is encrypted, and this workstation's key \(the key file .*moved\.key\) is missing/);
    expect(existsSync(lost)).toBe(false);
    expect(readFileSync(tmp.dbPath).equals(before)).toBe(true);
  });
});
