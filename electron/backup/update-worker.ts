// The worker thread that updates a database from an older ROMtrack at start (update-database.ts), so the app's
// own thread answers the update screen meanwhile: the migrations hold SQLite for seconds to minutes.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/api/errors';
import type { MessageRef } from '../../shared/i18n/message';
import { AppError, messageOf } from '../db/errors';
import type { UpdateEvent } from '../db/update-steps';
import { updateDatabase, type UpdateInput, type UpdateOutcome } from './update-database';

export type UpdateMessage =
  | { type: 'progress'; event: UpdateEvent }
  | { type: 'done'; outcome: UpdateOutcome }
  | { type: 'failed'; error: { message: string; app?: { code: ErrorCode; messageRef: MessageRef } } };

/**
 * TEST ONLY: at the quick clinic the update takes seconds, too quick for a browser test to see its screen every
 * time on a fast machine. With ROMTRACK_TEST_UPDATE_HOLD set to a path, the worker stops after the first rows are
 * carried (inside the migration's transaction, so a kill then still leaves the old version) until that file exists.
 * Read here only; the app never sets it.
 */
const HOLD = process.env.ROMTRACK_TEST_UPDATE_HOLD;

function holdUntilReleased(): void {
  if (!HOLD) return;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(HOLD)) Atomics.wait(nap, 0, 0, 50);
}

const port = parentPort;
if (port) {
  const post = (m: UpdateMessage) => port.postMessage(m);
  let held = false;
  let last = '';
  const report = (event: UpdateEvent) => {
    // At each whole percent of a step, and every step's start and end: the bar moves, the app's thread is not
    // flooded, and what is told does not depend on how fast the machine is.
    const at = `${event.stepIndex}:${event.version}:${Math.floor((100 * event.done) / Math.max(1, event.total))}`;
    if (event.done !== 0 && event.done !== event.total && at === last) return;
    last = at;
    post({ type: 'progress', event });
    if (!held && event.step === 'migrate' && event.done > 0 && event.done < event.total) {
      held = true;
      holdUntilReleased();
    }
  };
  port.once('message', (input: UpdateInput) => {
    updateDatabase(input, report).then(
      (outcome) => post({ type: 'done', outcome }),
      (err: unknown) =>
        post({ type: 'failed', error: { message: messageOf(err), ...(err instanceof AppError ? { app: { code: err.code, messageRef: err.messageRef } } : {}) } }),
    );
  });
}
