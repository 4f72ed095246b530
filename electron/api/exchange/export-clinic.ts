import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DateRange } from '../../../shared/exchange/source';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { AppError } from '../../db/errors';
import { message, type MessageRef } from '../../../shared/i18n/message';
import { databaseKeyOf } from '../../db/open';
import type { ExportProgress } from './export-lines';
import { exportInWorker } from './export-in-worker';
import type { ExportJob } from './export-job';
import { exchangeClinic } from './read-source';

export type { ExportProgress } from './export-lines';

// The whole clinic as one FHIR Bulk Data NDJSON file, streamed: patients are read one at a time from a read-only
// snapshot of the database and written as they are mapped, so memory stays that of the largest patient, not of
// the clinic. The file is written under a temporary name and renamed when complete, so a stopped or failed export
// leaves no file that looks whole. The writing is done in a worker thread (export-in-worker.ts): the app's thread
// stays free, and the export's memory has a ceiling of its own.

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

function checkTarget(path: string): void {
  const refuse = (said: MessageRef): never => {
    throw new AppError('invalid_input', said, { path: said });
  };
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path)) refuse(message('exchange.error.fullPath'));
  if (!/\.ndjson$/i.test(path)) refuse(message('exchange.error.ndjsonName'));
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) refuse(message('exchange.error.noFolder', { folder }));
  if (existsSync(path)) refuse(message('exchange.error.exists', { path }));
}

export async function exportClinic(ctx: ApiContext, input: ClinicExportInput, onProgress: (p: ExportProgress) => void = () => {}): Promise<ClinicExportResult> {
  checkTarget(input.path);
  const clinic = exchangeClinic(ctx);
  const range: DateRange | undefined = input.from || input.to ? { from: input.from, to: input.to } : undefined;
  const partial = `${input.path}.partial`;
  // Owner-only, like the database: the file holds the clinic's health records.
  const fd = openSync(partial, 'wx', 0o600);
  let closed = false;
  try {
    // Said before the first await, so a second request sees this export running; the worker's snapshot has
    // the exact count and says it with its first report.
    onProgress({ done: 0, total: (ctx.db.prepare('SELECT count(*) FROM patients').pluck().get() as number) ?? 0 });
    const job: ExportJob = { databasePath: ctx.app.databasePath, key: databaseKeyOf(ctx.db), app: ctx.app, now: ctx.now(), clinic, range, fd };
    const written = await exportInWorker(job, onProgress);
    fsyncSync(fd);
    closeSync(fd);
    closed = true;
    if (existsSync(input.path)) throw new AppError('conflict', message('exchange.error.appeared', { path: input.path, partial }));
    renameSync(partial, input.path);
    const result = { path: input.path, ...written };
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
  }
}

function unlinkSafe(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
