import { writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { patientEntries } from '../../../shared/exchange/bundle';
import { bulkLine, SHARED_TYPES } from '../../../shared/exchange/bulk';
import type { DateRange, ExchangeClinic } from '../../../shared/exchange/source';
import { createRepositories, type ApiContext } from '../context';
import { readExchangeSource } from './read-source';

// The streaming half of the whole-clinic export: every patient read from one read-only snapshot and written to an
// open file as it is mapped, so what is held is one patient's record, never the clinic. It runs in the export's
// worker thread (export-clinic.ts says why), or in place when no worker can start.

export interface ExportProgress {
  done: number;
  total: number;
}

export interface WrittenLines {
  patients: number;
  resources: number;
  bytes: number;
}

/** Bytes gathered before a write: few system calls, little memory. */
const CHUNK = 1 << 20;
/** The event loop is given back at least this often: in place, so the app answers; in the worker, so progress is posted. */
const YIELD_MS = 25;
const PAGE = 500;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The export's own context on a second, read-only connection whose one transaction is the export's snapshot:
 * every patient is read as the database stood when the export began, while the app's connection goes on writing.
 */
export function snapshotContext(base: ApiContext, db: Database.Database): ApiContext {
  // Each page is read once, patient after patient: a page cache beyond a few MB holds pages never read again
  // (better-sqlite3's default is 16 MB per connection, on top of the app's own connection's).
  db.pragma('cache_size = -2048');
  db.exec('BEGIN');
  return { ...base, db, repos: createRepositories(db), transaction: (fn) => fn() };
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

/** Writes every patient of the snapshot `snap` to `fd` as NDJSON; the caller owns (and closes) both. */
export async function writeClinicLines(snap: ApiContext, clinic: ExchangeClinic, range: DateRange | undefined, fd: number, onProgress: (p: ExportProgress) => void): Promise<WrittenLines> {
  const total = (snap.db.prepare('SELECT count(*) FROM patients').pluck().get() as number) ?? 0;
  const sent = new Set<string>();
  let done = 0;
  let resources = 0;
  let bytes = 0;
  // Lines are encoded straight into one reused buffer: each line's string dies young, and the file's text is
  // never held longer than one buffer's worth.
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
  for (const id of patientIds(snap.db)) {
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
  return { patients: done, resources, bytes };
}
