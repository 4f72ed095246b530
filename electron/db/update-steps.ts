import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import type { UpdateStep } from '../../shared/api/operations/app';
import { messageOf } from './errors';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { pragmaNumber } from './pragmas';

// The database's own steps of the update at start (backup/update-worker.ts runs them in a worker thread, after a
// backup): the pending migrations, each in its own transaction as ever, then giving the file back the pages the
// migrations left empty. Plain functions on an open connection, so tests run them on this thread too.

/** One report of the update: the `stepIndex`-th step of `stepCount`, `done` of its `total` units. */
export interface UpdateEvent {
  step: UpdateStep;
  stepIndex: number;
  stepCount: number;
  /** The schema version being made, during 'migrate'; the file's version before the update. */
  version: number | null;
  fromVersion: number;
  done: number;
  total: number;
}

/** What a start found to do: nothing (a new file, or one already at this version), or the steps of an update. */
export function updateSteps(version: number): UpdateStep[] {
  // A new, empty file is migrated on open in well under a second: no backup of nothing, no screen.
  if (version === 0 || version >= LATEST_SCHEMA_VERSION) return [];
  return ['backup', 'migrate', 'compact'];
}

export function migrateReporting(db: Database.Database, report: (done: number, total: number, version: number) => void): { from: number; to: number } {
  return migrate(db, undefined, undefined, (p) => {
    // Each migration's share of the step is equal; within one, its own units (rows carried and cleared, for 18).
    const share = 1000;
    const within = Math.min(share, Math.round((share * p.done) / Math.max(1, p.total)));
    report((p.index - 1) * share + within, p.count * share, p.version);
  });
}

export type Compaction =
  | { ran: true; beforeBytes: number; afterBytes: number; ms: number }
  | { ran: false; why: string; beforeBytes: number };

export interface CompactOptions {
  /** Compact only when the empty pages hold at least this many bytes (default 8 MiB) and a fifth of the file. */
  minFreeBytes?: number;
  /** Beside twice the file: what the disk must keep free besides (default 256 MiB). */
  marginBytes?: number;
  /** Free bytes on the file's disk (tests pretend a full disk). */
  freeBytes?: (folder: string) => number;
}

const MiB = 1024 * 1024;

const diskFree = (folder: string): number => {
  const fs = statfsSync(folder);
  return fs.bavail * fs.bsize;
};

/**
 * A migration that rebuilds a large table leaves its old pages empty inside the file (84.5 MB became 102 MB at
 * the bench's quick clinic, 43 MB once compacted): VACUUM writes the file anew without them. It needs room for a
 * second copy and, under WAL, the log of that copy: it runs only when the disk has twice the file free plus a
 * margin, else it is skipped and said why (the file is as correct, only larger). An encrypted file stays
 * encrypted: VACUUM writes through the connection's key.
 */
export function compactIfWorthIt(db: Database.Database, path: string, options: CompactOptions = {}): Compaction {
  const beforeBytes = statSync(path).size;
  const pageSize = pragmaNumber(db, 'page_size');
  const freeInFile = pragmaNumber(db, 'freelist_count') * pageSize;
  const minFree = options.minFreeBytes ?? 8 * MiB;
  if (freeInFile < minFree || freeInFile * 5 < pragmaNumber(db, 'page_count') * pageSize) {
    return { ran: false, why: `only ${Math.round(freeInFile / MiB)} MB of the file is empty pages`, beforeBytes };
  }
  const need = 2 * beforeBytes + (options.marginBytes ?? 256 * MiB);
  const free = (options.freeBytes ?? diskFree)(dirname(path));
  if (free < need) {
    return { ran: false, why: `the disk has ${Math.round(free / MiB)} MB free, and compacting needs ${Math.round(need / MiB)} MB`, beforeBytes };
  }
  const started = performance.now();
  try {
    db.exec('VACUUM');
    // The WAL held the whole new file: write it back and let the log shrink to nothing.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    // A disk that filled meanwhile: SQLite rolled the VACUUM back, the file is as it was.
    return { ran: false, why: `VACUUM stopped: ${messageOf(err)}`, beforeBytes };
  }
  return { ran: true, beforeBytes, afterBytes: statSync(path).size, ms: Math.round(performance.now() - started) };
}
