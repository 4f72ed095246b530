import type { StartupStatus } from '../../shared/api/operations/app';
import { englishText, message, type MessageRef } from '../../shared/i18n/message';
import { AppError, messageOf } from '../db/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { UpdateEvent } from '../db/update-steps';
import type { AppMode } from './context';
import type { Dispatch } from './dispatch';

/**
 * What both transports answer before the back end is open: `app.startup` says how far the start has come (the
 * database update's step and progress, or what went wrong), and every other operation is refused with a message
 * id, so a page opened early (a browser left open, a second launch's window) waits on the update screen instead of
 * failing. Once the back end is open, everything goes to its dispatch.
 */
export class StartupGate {
  private state: StartupStatus = {
    phase: 'opening', step: null, stepIndex: 0, stepCount: 0, version: null, fromVersion: null, toVersion: LATEST_SCHEMA_VERSION,
    done: 0, total: 1, failure: null, advice: null,
  };
  private inner: Dispatch | null = null;
  private readonly listeners = new Set<(status: StartupStatus) => void>();

  constructor(private readonly mode: AppMode) {}

  status(): StartupStatus {
    return this.state;
  }

  /** Told at every change of status (server mode prints the progress on its console). */
  onChange(listener: (status: StartupStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly dispatch: Dispatch = async (operation, input) => {
    if (operation === 'app.startup') return { ok: true, value: this.state };
    if (this.inner) return this.inner(operation, input);
    const refusal = this.state.phase === 'failed' ? message('update.refused.failed') : message('update.refused.busy');
    return { ok: false, error: new AppError('conflict', refusal).toApiError() };
  };

  /** Opening again (after a restore chose a backup): the status starts over. */
  opening(): void {
    this.inner = null;
    this.set({ phase: 'opening', step: null, stepIndex: 0, stepCount: 0, version: null, fromVersion: null, done: 0, total: 1, failure: null, advice: null });
  }

  updating(event: UpdateEvent): void {
    this.set({ phase: 'updating', ...event });
  }

  opened(dispatch: Dispatch): void {
    this.inner = dispatch;
    this.set({ phase: 'ready', step: null, done: this.state.total });
  }

  /**
   * What went wrong, as an id where the back end had one; the advice says where the way on is shown. Server mode
   * answers anyone on the clinic network before they sign in, so it says only that its own window has the reason:
   * a failure's words can name the database's folder, or the reason SQLite gave.
   */
  failed(err: unknown): void {
    const failure: MessageRef =
      this.mode === 'server' ? message('update.failed.server') : err instanceof AppError ? err.messageRef : message('update.failed.reason', { reason: messageOf(err) });
    this.set({ phase: 'failed', failure, advice: this.mode === 'server' ? message('update.advice.server') : message('update.advice.desktop') });
  }

  private set(change: Partial<StartupStatus>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}

/**
 * The update's progress for a console (server mode, the commands): a line when a step starts, and at each tenth of
 * it, in English like the rest of the console.
 */
export function consoleProgress(print: (line: string) => void): (status: StartupStatus) => void {
  let last = '';
  return (status) => {
    if (status.phase !== 'updating' || !status.step) return;
    const tenth = Math.floor((10 * status.done) / status.total);
    const line = `${englishText(message(`update.step.${status.step}`, { index: status.stepIndex, count: status.stepCount }))}: ${tenth * 10}%`;
    if (line === last) return;
    last = line;
    print(`Updating the database from version ${status.fromVersion ?? '?'} to ${status.toVersion}. ${line}`);
  };
}
