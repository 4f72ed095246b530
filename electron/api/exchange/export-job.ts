// One whole-clinic export as the worker thread runs it (export-worker.ts is its entry, export-in-worker.ts starts
// it): a job of plain data in, messages out.
import type { ErrorCode } from '../../../shared/api/errors';
import type { DateRange, ExchangeClinic } from '../../../shared/exchange/source';
import type { MessageRef } from '../../../shared/i18n/message';
import { CURRENT_PARAMS } from '../../auth/password';
import { SessionStore } from '../../auth/sessions';
import { AppError, messageOf } from '../../db/errors';
import { openDatabase } from '../../db/open';
import { createRepositories, type ApiContext } from '../context';
import { snapshotContext, writeClinicLines, type ExportProgress, type WrittenLines } from './export-lines';

/** What the app gives the worker: plain data only (a thread shares no objects), the open file by its descriptor. */
export interface ExportJob {
  databasePath: string;
  /** The database's key; it crosses as bytes. */
  key: Uint8Array | null;
  app: ApiContext['app'];
  /** The export's one instant: "today" for every patient's plans, whatever the clock does meanwhile. */
  now: string;
  clinic: ExchangeClinic;
  range: DateRange | undefined;
  fd: number;
}

export type ExportMessage =
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; value: WrittenLines }
  | { type: 'failed'; error: { message: string; app?: { code: ErrorCode; messageRef: MessageRef; fieldRefs?: Record<string, MessageRef> } } };

/** Often enough for a progress bar, rarely enough not to flood the app's thread (10,000 patients). */
const PROGRESS_MS = 100;

/** The job's own read-only snapshot context: nothing in it signs in, writes or replaces the database. */
function jobContext(job: ExportJob): ApiContext {
  const db = openDatabase(job.databasePath, { readonly: true, migrate: false, quickCheckMaxBytes: 0, key: job.key ? Buffer.from(job.key) : null });
  const base: ApiContext = {
    db,
    repos: createRepositories(db),
    sessions: new SessionStore(),
    actorId: () => null,
    credentialParams: CURRENT_PARAMS,
    now: () => job.now,
    app: job.app,
    transaction: (fn) => fn(),
    replaceDatabase: () => {
      throw new Error('an export does not replace the database');
    },
  };
  return snapshotContext(base, db);
}

export async function runExportJob(job: ExportJob, post: (m: ExportMessage) => void): Promise<void> {
  let snap: ApiContext | null = null;
  let answer: ExportMessage;
  try {
    snap = jobContext(job);
    let last = 0;
    const value = await writeClinicLines(snap, job.clinic, job.range, job.fd, (progress) => {
      const now = performance.now();
      if (progress.done !== 0 && progress.done !== progress.total && now - last < PROGRESS_MS) return;
      last = now;
      post({ type: 'progress', progress });
    });
    answer = { type: 'done', value };
  } catch (err) {
    answer = {
      type: 'failed',
      error: {
        message: messageOf(err),
        ...(err instanceof AppError ? { app: { code: err.code, messageRef: err.messageRef, ...(err.fieldRefs ? { fieldRefs: { ...err.fieldRefs } } : {}) } } : {}),
      },
    };
  }
  // The snapshot ends before the app hears: by then the export holds nothing of the database.
  snap?.db.close();
  post(answer);
}
