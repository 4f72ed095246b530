import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { patientEntries } from '../../../shared/exchange/bundle';
import { bulkLine, SHARED_TYPES } from '../../../shared/exchange/bulk';
import type { DateRange } from '../../../shared/exchange/source';
import { audit } from '../audit';
import { createRepositories, type ApiContext } from '../context';
import { AppError, type Said } from '../../db/errors';
import { message } from '../../../shared/i18n/message';
import { databaseKeyOf, openDatabase } from '../../db/open';
import { exchangeClinic, readExchangeSource } from './read-source';

// The whole clinic as one FHIR Bulk Data NDJSON file, streamed: patients are read one at a time from a read-only
// snapshot of the database and written as they are mapped, so memory stays that of the largest patient, not of
// the clinic. The file is written under a temporary name and renamed when complete, so a stopped or failed export
// leaves no file that looks whole.

export interface ClinicExportInput {
  path: string;
  from?: string | undefined;
  to?: string | undefined;
}

export interface ClinicExportResult {
  path: string;
  patients: number;
  resources: number;
  bytes: number;
}

export interface ExportProgress {
  done: number;
  total: number;
}

/** Bytes gathered before a write: few system calls, little memory. */
const CHUNK = 1 << 20;
/** The event loop is given back at least this often, so the app answers (a progress read, a visit) meanwhile. */
const YIELD_MS = 25;
const PAGE = 500;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function checkTarget(path: string): void {
  const refuse = (said: Said): never => {
    throw new AppError('invalid_input', said, { path: said });
  };
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path)) refuse(message('exchange.error.fullPath'));
  if (!/\.ndjson$/i.test(path)) refuse(message('exchange.error.ndjsonName'));
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) refuse(message('exchange.error.noFolder', { folder }));
  if (existsSync(path)) refuse(message('exchange.error.exists', { path }));
}

/**
 * A second, read-only connection whose one transaction is the export's snapshot: every patient is read as the
 * database stood when the export began, while the app's own connection goes on writing (WAL).
 */
function snapshotContext(ctx: ApiContext): { snap: ApiContext; db: Database.Database } {
  const db = openDatabase(ctx.app.databasePath, { readonly: true, migrate: false, quickCheckMaxBytes: 0, key: databaseKeyOf(ctx.db) });
  // Each page is read once, patient after patient: a page cache beyond a few MB holds pages never read again
  // (better-sqlite3's default is 16 MB per connection, on top of the app's own connection's).
  db.pragma('cache_size = -2048');
  db.exec('BEGIN');
  return { db, snap: { ...ctx, db, repos: createRepositories(db), transaction: (fn) => fn() } };
}

/** Ids in pages by key, so the list of patients is never held whole either. */
function* patientIds(db: Database.Database): Generator<string> {
  const page = db.prepare('SELECT id FROM patients WHERE id > ? ORDER BY id LIMIT ?').pluck();
  let after = '';
  for (;;) {
    const ids = page.all(after, PAGE) as string[];
    yield* ids;
    if (ids.length < PAGE) return;
    after = ids[ids.length - 1]!;
  }
}

export async function exportClinic(ctx: ApiContext, input: ClinicExportInput, onProgress: (p: ExportProgress) => void = () => {}): Promise<ClinicExportResult> {
  checkTarget(input.path);
  const clinic = exchangeClinic(ctx);
  const range: DateRange | undefined = input.from || input.to ? { from: input.from, to: input.to } : undefined;
  const partial = `${input.path}.partial`;
  // Owner-only, like the database: the file holds the clinic's health records.
  const fd = openSync(partial, 'wx', 0o600);
  const { snap, db } = snapshotContext(ctx);
  let closed = false;
  try {
    const total = (db.prepare('SELECT count(*) FROM patients').pluck().get() as number) ?? 0;
    const sent = new Set<string>();
    let done = 0;
    let resources = 0;
    let bytes = 0;
    // Lines are encoded straight into one reused buffer: each line's string dies young, and the file's text is
    // never held longer than one buffer's worth (strings gathered for a write lived long enough to be promoted
    // to the old generation, and the heap grew by the megabyte between collections).
    const buffer = Buffer.allocUnsafe(CHUNK);
    let used = 0;
    const flush = (): void => {
      let at = 0;
      while (at < used) at += writeSync(fd, buffer, at, used - at);
      bytes += used;
      used = 0;
    };
    const put = (line: string): void => {
      const size = Buffer.byteLength(line);
      if (used + size > CHUNK) flush();
      if (size > CHUNK) bytes += writeSync(fd, line);
      else used += buffer.write(line, used);
    };
    let lastYield = performance.now();
    onProgress({ done, total });
    for (const id of patientIds(db)) {
      for (const entry of patientEntries(readExchangeSource(snap, clinic, id), range)) {
        const type = entry.resource?.resourceType;
        // The clinic and its therapists ride in every patient's Bundle; the file has each once.
        if (type && SHARED_TYPES.has(type)) {
          if (sent.has(entry.fullUrl!)) continue;
          sent.add(entry.fullUrl!);
        }
        put(bulkLine(entry));
        resources++;
      }
      done++;
      onProgress({ done, total });
      if (performance.now() - lastYield >= YIELD_MS) {
        await nextTurn();
        lastYield = performance.now();
      }
    }
    flush();
    fsyncSync(fd);
    closeSync(fd);
    closed = true;
    db.exec('COMMIT');
    if (existsSync(input.path)) throw new AppError('conflict', message('exchange.error.appeared', { path: input.path, partial }));
    renameSync(partial, input.path);
    const result = { path: input.path, patients: done, resources, bytes };
    ctx.transaction(() =>
      audit(ctx, {
        at: ctx.now(),
        operation: 'exchange.exportClinic',
        entity: 'clinic',
        entityId: clinic.id,
        before: null,
        after: { format: 'fhir-r4-bulk-ndjson', ...result, range: range ?? null },
      }),
    );
    return result;
  } catch (err) {
    if (!closed) closeSync(fd);
    if (!(err instanceof AppError && err.code === 'conflict')) unlinkSafe(partial);
    throw err;
  } finally {
    db.close();
  }
}

function unlinkSafe(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
