// The cost of encryption at rest: the daily write (a visit) and the heaviest read (the largest patient's file) on
// the bench's clinic, plain and encrypted (SQLite3 Multiple Ciphers, its default cipher, raw 32-byte key), taken
// in turn so both meet the same load.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../electron/api/backend';
import { requestActor } from '../../electron/auth/sessions';
import { encryptPlainFile, newDatabaseKey } from '../../electron/db/database-key';
import { startSessionFor } from '../support/backend';
import { interleavedMedians, type BenchRow, type Timing } from './harness';

export interface EncryptionBenchInput {
  /** The generated clinic, plain; it is copied, not changed (the visits recorded here go to both copies alike). */
  dbPath: string;
  therapistId: string;
  largestPatientId: string;
}

function copyOf(plainPath: string, into: string): void {
  const source = new Database(plainPath, { readonly: true });
  try {
    source.prepare('VACUUM INTO ?').run(into);
  } finally {
    source.close();
  }
}

/**
 * A plain and an encrypted copy of the database with the same pages, and the time the encrypted one took as the
 * first start of this version makes one (VACUUM INTO, then the key). One VACUUM INTO serves both: the encrypted
 * side is a byte copy of the plain one (not timed), encrypted in place. A second VACUUM INTO, as before, rewrote
 * the whole file once more and measured nothing.
 */
function plainAndEncryptedCopies(sourcePath: string, plainPath: string, encryptedPath: string, key: Buffer): number {
  const started = performance.now();
  copyOf(sourcePath, plainPath);
  const vacuumMs = performance.now() - started;
  copyFileSync(plainPath, encryptedPath);
  const encryptStarted = performance.now();
  const copy = new Database(encryptedPath);
  try {
    encryptPlainFile(copy, key);
  } finally {
    copy.close();
  }
  return vacuumMs + performance.now() - encryptStarted;
}

/** "1.08x the plain database (7.1 ms); CPU 1.10x" */
const cost = (encrypted: Timing, plain: Timing) =>
  `${(encrypted.wallMs / plain.wallMs).toFixed(2)}x the plain database (${plain.wallMs.toFixed(1)} ms); CPU ${(encrypted.cpuMs / plain.cpuMs).toFixed(2)}x`;

/** Runs `fn` as the signed-in therapist of that back end (each back end has its own sessions). */
function asTherapist(backend: Backend, therapistId: string): <T>(fn: () => T) => T {
  const scope = { token: startSessionFor(backend, therapistId) };
  return (fn) => requestActor.run(scope, fn);
}

/** The rows for the bench's table; a failure is a row saying so, so the other figures still print. */
export async function encryptionBench(input: EncryptionBenchInput): Promise<BenchRow[]> {
  try {
    return await measure(input);
  } catch (err) {
    return [{ name: `encryption cost FAILED: ${err instanceof Error ? err.message : String(err)}`, medianMs: Number.NaN, targetMs: 0, runs: 0 }];
  }
}

async function measure(input: EncryptionBenchInput): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'romtrack-bench-enc-'));
  const key = newDatabaseKey();
  try {
    // The plain side is a copy too, so both files start from the same pages and the bench's own file is untouched.
    const copyMs = plainAndEncryptedCopies(input.dbPath, join(dir, 'plain.sqlite'), join(dir, 'encrypted.sqlite'), key);
    const plain = createBackend({ databasePath: join(dir, 'plain.sqlite'), mode: 'server' });
    const encrypted = createBackend({ databasePath: join(dir, 'encrypted.sqlite'), mode: 'server', key });
    try {
      const asPlain = asTherapist(plain, input.therapistId);
      const asEncrypted = asTherapist(encrypted, input.therapistId);
      const patientId = input.largestPatientId;
      const today = new Date().toISOString().slice(0, 10);
      const motions = ['elbow.flexion', 'elbow.extension', 'forearm.pronation', 'forearm.supination', 'hip.flexion', 'hip.extension'] as const;
      const visit = { patientId, date: today, measurements: motions.flatMap((motion) => (['left', 'right'] as const).map((side) => ({ motion, side, mode: 'passive' as const, degrees: 10 }))) };
      const mustSucceed = async (what: string, answer: Promise<{ ok: boolean }>) => {
        if (!(await answer).ok) throw new Error(`${what} failed in the encryption bench`);
      };
      const t = await interleavedMedians(
        {
          visitPlain: () => asPlain(() => mustSucceed('visits.record', plain.dispatch('visits.record', visit))),
          visitEncrypted: () => asEncrypted(() => mustSucceed('visits.record', encrypted.dispatch('visits.record', visit))),
          filePlain: () => asPlain(() => mustSucceed('patients.file', plain.dispatch('patients.file', { patientId }))),
          fileEncrypted: () => asEncrypted(() => mustSucceed('patients.file', encrypted.dispatch('patients.file', { patientId }))),
        },
        21,
      );
      return [
        { name: 'encrypted copy of the clinic (VACUUM INTO, then every page encrypted), as at the first start of this version', medianMs: copyMs / 1000, targetMs: null, runs: 1, unit: 's' },
        {
          name: 'record a 12-measurement visit, ENCRYPTED database',
          medianMs: t.visitEncrypted.wallMs,
          targetMs: 25,
          runs: 21,
          note: cost(t.visitEncrypted, t.visitPlain),
        },
        {
          name: 'largest patient page (patients.file), ENCRYPTED database',
          medianMs: t.fileEncrypted.wallMs,
          targetMs: 30,
          runs: 21,
          note: cost(t.fileEncrypted, t.filePlain),
        },
      ];
    } finally {
      plain.close();
      encrypted.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
