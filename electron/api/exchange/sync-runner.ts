import type { SyncStatus } from '../../../shared/api/operations/sync';
import { MessageRefSchema, englishText, message, type MessageRef } from '../../../shared/i18n/message';
import { AppError, messageOf } from '../../db/errors';
import { writeAudit } from '../../db/audit-repository';
import { conflicts, markAttempt, markFailure, readSyncSettings, readSyncState, type SyncSettings } from '../../db/sync-repository';
import type { ApiContext } from '../context';
import { smartStatus } from './smart-status';
import { SmartTokenSource } from './smart-auth';
import { FhirClient, SyncHttpError } from './sync-client';
import { pushChanges, waitingPatients, type PushResult } from './sync-push';

// The background push of one back end: at most one run at a time, never inside a request (syncNow starts it and
// returns), on a timer while a server is set. After a failure the next try waits longer each time (30 s, 1 min,
// 2 min… up to an hour), so a clinic offline for days does not hammer the network, and the first try after it
// comes back sends everything waiting. All timers are unref'd: they never keep a process alive.

export interface RunnerOptions {
  /** Between successful runs. */
  intervalMs: number;
  /** The first wait after a failed run; doubled per failure in a row, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  chunkSize: number;
  requestTimeoutMs: number;
  /** Retries of one request inside a run, for a failure that may pass. */
  requestRetries: number;
  requestBackoffMs: number;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = {
  intervalMs: 5 * 60_000,
  backoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  // Medplum refuses a transaction of conditional entries with more than 8 (it needs serializable isolation for
  // them); HAPI FHIR takes more. Small Bundles also lose less when a connection drops.
  chunkSize: 8,
  requestTimeoutMs: 60_000,
  requestRetries: 3,
  requestBackoffMs: 1_000,
};

export class SyncRunner {
  private current: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextAt: string | null = null;
  private stopped = false;
  /** The SMART token source of the settings in force, kept so its access token is reused until it expires. */
  private tokens: { key: string; source: SmartTokenSource } | null = null;

  constructor(
    private readonly ctx: ApiContext,
    public options: RunnerOptions = DEFAULT_RUNNER_OPTIONS,
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Starts a run unless one is going; resolves when the run (this one or the one going) ends. Never throws. */
  runNow(actorId: string | null = null): Promise<void> {
    if (this.current) return this.current;
    // A timer may fire after the back end closed its database.
    if (this.stopped || !this.ctx.db.open) return Promise.resolve();
    const settings = readSyncSettings(this.ctx.db);
    if (!settings) return Promise.resolve();
    this.clearTimer();
    this.current = this.run(settings, actorId).finally(() => {
      this.current = null;
      this.schedule();
    });
    return this.current;
  }

  /** A client for the server set: with SMART tokens when a client id and key are set, else the bearer token. */
  clientFor(settings: SyncSettings): FhirClient {
    const { options } = this;
    let tokens: SmartTokenSource | null = null;
    if (settings.smart) {
      const key = JSON.stringify([settings.baseUrl, settings.smart.clientId, settings.smart.privateKey, settings.smart.tokenUrl]);
      if (this.tokens?.key !== key) this.tokens = { key, source: new SmartTokenSource({ baseUrl: settings.baseUrl, ...settings.smart, timeoutMs: options.requestTimeoutMs }) };
      tokens = this.tokens.source;
    }
    return new FhirClient({ baseUrl: settings.baseUrl, bearerToken: settings.bearerToken, tokens, timeoutMs: options.requestTimeoutMs, retries: options.requestRetries, backoffMs: options.requestBackoffMs });
  }

  private async run(settings: SyncSettings, actorId: string | null): Promise<void> {
    const { ctx, options } = this;
    const server = settings.baseUrl;
    ctx.transaction(() => markAttempt(ctx.db, server, ctx.now()));
    const client = this.clientFor(settings);
    try {
      const result = await pushChanges(ctx, server, client, { chunkSize: options.chunkSize });
      if (result.sent + result.updated + result.conflicts > 0) this.auditRun(server, result, actorId);
    } catch (err) {
      if (!ctx.db.open) return;
      ctx.transaction(() => markFailure(ctx.db, server, storedFailure(failureSaid(err)), ctx.now()));
    }
  }

  /** Who sent what where: the audit row of a push that sent anything (its entity leads to no patient, so the feed ignores it). */
  private auditRun(server: string, r: PushResult, actorId: string | null): void {
    const { ctx } = this;
    ctx.transaction(() =>
      writeAudit(ctx.db, {
        at: ctx.now(),
        actorId,
        operation: 'exchange.sync',
        entity: 'sync',
        entityId: server,
        before: null,
        after: { server, upTo: r.upTo, patients: r.patients, resources: r.sent, updates: r.updated, conflicts: r.conflicts },
      }),
    );
  }

  /** The next run: soon after a start, then every interval, or later and later after failures. */
  schedule(delayMs?: number): void {
    this.clearTimer();
    if (this.stopped || !this.ctx.db.open) return;
    let settings: ReturnType<typeof readSyncSettings>;
    let failures: number;
    try {
      settings = readSyncSettings(this.ctx.db);
      failures = settings ? readSyncState(this.ctx.db, settings.baseUrl).failures : 0;
    } catch {
      // A database that cannot be read now (still locked, being restored) schedules nothing; the next
      // exchange.syncNow or configureSync schedules again.
      return;
    }
    if (!settings) return;
    const wait = delayMs ?? (failures > 0 ? Math.min(this.options.backoffMs * 2 ** (failures - 1), this.options.maxBackoffMs) : this.options.intervalMs);
    this.nextAt = new Date(Date.now() + wait).toISOString();
    this.timer = setTimeout(() => void this.runNow(), wait);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  status(): SyncStatus {
    const db = this.ctx.db;
    const settings = readSyncSettings(db);
    if (!settings) {
      return { configured: false, baseUrl: null, bearerToken: 'not set', smart: null, running: this.running, lastSyncedAt: null, waiting: 0, lastError: null, nextAttemptAt: null, conflicts: [] };
    }
    const state = readSyncState(db, settings.baseUrl);
    return {
      configured: true,
      baseUrl: settings.baseUrl,
      bearerToken: settings.bearerToken ? 'set' : 'not set',
      smart: smartStatus(settings.smart),
      running: this.running,
      lastSyncedAt: state.lastSuccessAt,
      waiting: waitingPatients(this.ctx, settings.baseUrl),
      lastError: state.lastError && state.lastErrorAt ? { at: state.lastErrorAt, ...readFailure(state.lastError) } : null,
      nextAttemptAt: this.running ? null : this.nextAt,
      conflicts: conflicts(db, settings.baseUrl),
    };
  }
}

/** Why a run failed, as a message id; anything else thrown (a disk error, a bug) is named inside a sentence of ours. */
export function failureSaid(err: unknown): MessageRef {
  if (err instanceof SyncHttpError) return err.said;
  if (err instanceof AppError && err.messageRef) return err.messageRef;
  return message('exchange.sync.error.unexpected', { detail: messageOf(err) });
}

// The failure is kept in sync_state.last_error as its message id (JSON), so Settings writes it in the reader's
// language. A row written by a version before message ids holds English text: it is shown as it is.
const STORED = 'ref:';

function storedFailure(ref: MessageRef): string {
  return `${STORED}${JSON.stringify(ref)}`;
}

function readFailure(text: string): { message: string; messageRef?: MessageRef } {
  if (!text.startsWith(STORED)) return { message: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(STORED.length));
  } catch {
    return { message: text };
  }
  const ref = MessageRefSchema.safeParse(parsed);
  // An id a later version wrote and this one does not know reads as the stored text, never as nothing.
  return ref.success ? { message: englishText(ref.data), messageRef: ref.data } : { message: text };
}

const runners = new WeakMap<ApiContext, SyncRunner>();

/** The back end's runner, made on first use; `options` (a test's timings) replace the ones it has. */
export function syncRunnerOf(ctx: ApiContext, options?: RunnerOptions): SyncRunner {
  let runner = runners.get(ctx);
  if (!runner) {
    runner = new SyncRunner(ctx, options);
    runners.set(ctx, runner);
  } else if (options) runner.options = options;
  return runner;
}

/** For a back end's start: the first push a little after opening, if a server is set. */
export function startBackgroundSync(ctx: ApiContext, firstDelayMs = 10_000): SyncRunner {
  const runner = syncRunnerOf(ctx);
  runner.schedule(firstDelayMs);
  return runner;
}
