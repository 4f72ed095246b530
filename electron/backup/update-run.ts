import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../db/errors';
import type { UpdateEvent } from '../db/update-steps';
import { updateDatabase, type UpdateInput, type UpdateOutcome } from './update-database';
import type { UpdateMessage } from './update-worker';
import { startWorker } from './worker-thread';

function spawnUpdateWorker(): Worker {
  return startWorker(join(__dirname, 'update-worker'));
}

/**
 * Updates the database in a worker thread, telling `onEvent` as it goes. No time limit: a migration reports
 * between its slices, but VACUUM says nothing for as long as it writes the file, and stopping it half way gains
 * nothing (SQLite would roll it back). Only when no worker can be started (a packaging fault) is it done here.
 */
export function runUpdate(input: UpdateInput, onEvent: (event: UpdateEvent) => void): Promise<UpdateOutcome> {
  let worker: Worker;
  try {
    worker = spawnUpdateWorker();
  } catch (err) {
    console.error('[romtrack] no worker thread for the database update; doing it in place', err);
    return updateDatabase(input, onEvent);
  }
  return new Promise<UpdateOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (m: UpdateMessage) => {
      if (m.type === 'progress') onEvent(m.event);
      else if (m.type === 'done') settle(() => resolve(m.outcome));
      // The worker's AppError again, its message id kept, so the update screen says it in the person's language.
      else settle(() => reject(m.error.app ? new AppError(m.error.app.code, m.error.app.messageRef) : new Error(m.error.message)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the database update stopped (worker exit code ${code})`))));
    worker.postMessage(input);
  });
}
