import { existsSync } from 'node:fs';
import { message } from '../../shared/i18n/message';
import type { UpdateStep } from '../../shared/api/operations/app';
import { databaseIdentity, identityTag } from '../db/identity';
import { schemaVersion } from '../db/migrate';
import { openDatabase } from '../db/open';
import { compactIfWorthIt, migrateReporting, updateSteps, type CompactOptions, type Compaction, type UpdateEvent } from '../db/update-steps';
import { backupName } from './backup-files';
import { runTask, type KeyHex } from './file-tasks';
import { backupsFolderFor, ensureFolder } from './folders';

// The update of a database from an older ROMtrack, before the app opens it: a checked backup (a careful clinic
// wants one before its file's layout changes, and the daily start-up backup comes only after the open), the
// pending migrations, then the file compacted. Run by the update worker (update-worker.ts), or on this thread.

export interface UpdateInput {
  path: string;
  key: KeyHex;
  /** When the backup is taken (its name); an ISO instant. */
  now: string;
  compact?: Omit<CompactOptions, 'freeBytes'> & { pretendFreeBytes?: number };
}

export interface UpdateOutcome {
  from: number;
  to: number;
  /** The backup taken before the first migration, or null when nothing was to be done. */
  backup: string | null;
  compaction: Compaction | null;
}

export async function updateDatabase(input: UpdateInput, report: (event: UpdateEvent) => void): Promise<UpdateOutcome> {
  const key = input.key ? Buffer.from(input.key, 'hex') : null;
  if (!existsSync(input.path)) return { from: 0, to: 0, backup: null, compaction: null };
  // Opened as the app opens it (its key, its check), but not migrated yet.
  const db = openDatabase(input.path, { key, keyWhere: message('backup.workstationKey.where'), migrate: false });
  try {
    const from = schemaVersion(db);
    const steps = updateSteps(from);
    if (steps.length === 0) return { from, to: from, backup: null, compaction: null };
    const tell = (step: UpdateStep, done: number, total: number, version: number | null = null) =>
      report({ step, stepIndex: steps.indexOf(step) + 1, stepCount: steps.length, version, fromVersion: from, done, total });

    tell('backup', 0, 1);
    const identity = databaseIdentity(db);
    const folder = backupsFolderFor(input.path);
    await ensureFolder(folder, 2);
    const name = backupName(new Date(input.now), 'auto', identity ? identityTag(identity) : undefined);
    // The backup task reads the file through a connection of its own: this one holds no transaction meanwhile.
    const made = await runTask('backup', { source: input.path, folder, name, key: input.key }, () => {});
    tell('backup', 1, 1);

    tell('migrate', 0, 1);
    const { to } = migrateReporting(db, (done, total, version) => tell('migrate', done, total, version));
    tell('migrate', 1, 1);

    tell('compact', 0, 1);
    const pretend = input.compact?.pretendFreeBytes;
    const compaction = compactIfWorthIt(db, input.path, { ...input.compact, ...(pretend === undefined ? {} : { freeBytes: () => pretend }) });
    tell('compact', 1, 1);
    return { from, to, backup: made.path, compaction };
  } finally {
    if (db.open) db.close();
  }
}

/** The line the console (server mode, the desktop's log) prints for a compaction. */
export function compactionNote(c: Compaction): string {
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  return c.ran ? `compacted from ${mb(c.beforeBytes)} to ${mb(c.afterBytes)} in ${(c.ms / 1000).toFixed(1)} s` : `not compacted (${mb(c.beforeBytes)}): ${c.why}`;
}
