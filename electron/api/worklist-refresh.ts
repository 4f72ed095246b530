import type { OperationName } from '../../shared/api/contract';
import { summarisePatient, summariseReadings, WORKLIST_SUMMARY_VERSION, type SummaryOptions, type WorklistReadings, type WorklistSource } from '../../shared/worklist/summary';
import { readLeanSites, readWorklistReadings } from '../db/analysis-reads';
import type { PatientWorklistSummary } from '../../shared/worklist/types';
import type { ApiContext } from './context';
import type { Handler, HandlerTable } from './handlers/types';

// Keeping the worklist's summary rows equal to a fresh computation (docs/architecture.md, "Worklist").
//
// Marking is the database's job: triggers of migration 10 put every patient a write touches into worklist_dirty,
// whatever code path wrote. Refreshing is this module's: the changing operations run inside
// keepingWorklistCurrent, which, after the operation and before its transaction commits, recomputes the summaries
// of the patients that operation marked, from their record with the pure summarisePatient, and replaces their
// rows. One place for every write, so no handler can forget it. Older marks (an update of ROMtrack marks every
// patient) are caught up by the worklist reads within a time budget, never by a visit being saved.
//
// A summary that cannot be computed (a fault in the analysis) never blocks the clinical write: its patient stays
// marked, the worklist says how many are pending, and every later read tries again.

/** What the summary is computed from: the patient's current records, read as 'patients.file' reads them. */
export function worklistSource(ctx: ApiContext, patientId: string): WorklistSource {
  const { profile, visits, events } = ctx.repos;
  return { sites: profile.sitesOf(patientId), visits: visits.visitsOf(patientId), events: events.eventsOf(patientId), riskFactors: profile.riskFactorsOf(patientId) };
}

/**
 * The same records as the refresh reads them: the lean read of db/analysis-reads.ts (readings straight into
 * series points, visits with only what the warning signs and schedule look at), about half the time of the
 * file's read on a long history, and the refresh runs inside every write.
 */
export function worklistReadings(ctx: ApiContext, patientId: string): WorklistReadings {
  const { points, visits } = readWorklistReadings(ctx.db, patientId);
  return { sites: readLeanSites(ctx.db, patientId), visits, events: ctx.repos.events.eventsOf(patientId), riskFactors: ctx.repos.profile.riskFactorsOf(patientId), points };
}

/**
 * A fresh summary of one patient with the clinic's thresholds and schedule, from the patient file's read: what
 * the stored rows (written from the lean read) must equal, so every test comparing the two checks both reads.
 */
export function freshSummary(ctx: ApiContext, patientId: string): PatientWorklistSummary {
  return summarisePatient(worklistSource(ctx, patientId), { thresholds: ctx.repos.thresholds.overrides(), settings: ctx.repos.worklist.settings.get() });
}

const FORMAT_KEY = 'worklist_summary_version';

/**
 * Summaries written by an older analysis are stale even where no record changed: when the stored format
 * differs from this build's, every patient is marked (and rebuilt by the reads that follow). No format at all
 * means migration 10 has just run, and it marked every patient already.
 */
export function ensureSummaryFormat(ctx: ApiContext): void {
  const stored = ctx.repos.meta.get(FORMAT_KEY);
  if (stored === String(WORKLIST_SUMMARY_VERSION)) return;
  if (stored !== null) ctx.repos.worklist.summaries.markAllDirty();
  ctx.repos.meta.set(FORMAT_KEY, String(WORKLIST_SUMMARY_VERSION));
}

export interface RefreshResult {
  refreshed: number;
  failed: number;
  /** Patients still marked afterwards (failed ones included). */
  remaining: number;
}

/**
 * Brings marked patients up to date, inside the caller's transaction, oldest mark first: those marked after
 * `since` (a write's own marks), or only those of `only`, or as many as fit in `budgetMs`. Each patient in its
 * own savepoint, so a failure undoes only that patient's rows and leaves its mark.
 */
export function refreshMarked(ctx: ApiContext, options: { budgetMs?: number; only?: readonly string[]; since?: number } = {}): RefreshResult {
  const store = ctx.repos.worklist.summaries;
  const started = performance.now();
  // Read only when a patient is marked: most worklist reads find none.
  let inputs: SummaryOptions | null = null;
  let refreshed = 0;
  let failed = 0;
  const refresh = (id: string) => {
    try {
      const summaryInputs = (inputs ??= { thresholds: ctx.repos.thresholds.overrides(), settings: ctx.repos.worklist.settings.get() });
      ctx.db.transaction(() => store.replace(id, summariseReadings(worklistReadings(ctx, id), summaryInputs)))();
      refreshed++;
    } catch (err) {
      failed++;
      console.error(`[romtrack] The worklist summary of patient ${id} could not be computed; the patient stays marked and is tried again at the next worklist read.`, err);
    }
  };
  if (options.only) {
    for (const id of new Set(options.only)) if (store.isDirty(id)) refresh(id);
    return { refreshed, failed, remaining: store.dirtyCount() };
  }
  const since = options.since ?? 0;
  let after = since;
  for (;;) {
    const batch = store.marked(100, after);
    if (batch.length === 0) break;
    for (const { seq, patientId } of batch) {
      if (options.budgetMs !== undefined && performance.now() - started > options.budgetMs) return { refreshed, failed, remaining: store.dirtyCount() };
      after = seq;
      refresh(patientId);
    }
  }
  // No mark at all from the start: nothing remains, and counting would only say so again.
  const none = since === 0 && refreshed + failed === 0;
  return { refreshed, failed, remaining: none ? 0 : store.dirtyCount() };
}

/**
 * The changing operations of a handler table, each run in one transaction with the worklist refresh after it:
 * the change, its audit row and the summaries it alters commit together. Only the patients this change marked
 * are refreshed here; marks left before it (an update of ROMtrack marks everyone) are the reads' to catch up
 * within their time budget, so no visit ever waits for a whole clinic. Handlers that change records are
 * synchronous (better-sqlite3), so their own transaction nests inside as a savepoint.
 */
export function keepingWorklistCurrent<N extends OperationName>(table: HandlerTable<N>, changes: readonly NoInfer<N>[]): HandlerTable<N> {
  const out: HandlerTable<N> = { ...table };
  for (const op of changes) out[op] = refreshingAfter(op, table[op]);
  return out;
}

function refreshingAfter<K extends OperationName>(op: K, handler: Handler<K>): Handler<K> {
  return (input, ctx) =>
    ctx.transaction(() => {
      const since = ctx.repos.worklist.summaries.lastMark();
      const result = handler(input, ctx);
      if (result instanceof Promise) throw new Error(`${op} is asynchronous: the worklist refresh needs a synchronous change`);
      refreshMarked(ctx, { since });
      return result;
    });
}

/** Every summary from scratch, in transactions of `batch` patients: `npm run rebuild-summaries` and the bench. */
export function rebuildAllSummaries(ctx: ApiContext, onProgress: (done: number, total: number) => void = () => {}, batch = 250): RefreshResult {
  const total = ctx.transaction(() => {
    ctx.repos.worklist.summaries.markAllDirty();
    ctx.repos.meta.set(FORMAT_KEY, String(WORKLIST_SUMMARY_VERSION));
    return ctx.repos.worklist.summaries.dirtyCount();
  });
  let refreshed = 0;
  let failed = 0;
  let after = 0;
  for (;;) {
    const marks = ctx.repos.worklist.summaries.marked(batch, after);
    if (marks.length === 0) break;
    after = marks[marks.length - 1]!.seq;
    const r = ctx.transaction(() => refreshMarked(ctx, { only: marks.map((m) => m.patientId) }));
    refreshed += r.refreshed;
    failed += r.failed;
    onProgress(refreshed + failed, total);
  }
  return { refreshed, failed, remaining: ctx.repos.worklist.summaries.dirtyCount() };
}
