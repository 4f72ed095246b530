import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { message, type MessageRef } from '../../shared/i18n/message';
import { AppError } from '../db/errors';
import type { TaskMessage, TaskRequest } from './file-worker';
import { runTask, type TaskInput, type TaskName, type TaskOutput } from './file-tasks';
import { startWorker } from './worker-thread';

/**
 * How long a task may go without a sign of progress before its device counts as stuck. Copies report every
 * step; a full check announces how long it may take (file-tasks.ts allowFor).
 */
export const STALL_LIMIT_MS = 15_000;
/** Workers are kept a little after a task, since backups come in twos (the safety copy before a restore). */
const IDLE_MS = 20_000;

const idle: Worker[] = [];
const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

function spawnWorker(): Worker {
  return startWorker(join(__dirname, 'file-worker'));
}

function takeWorker(): Worker {
  const worker = idle.pop() ?? spawnWorker();
  clearTimeout(idleTimers.get(worker));
  worker.ref();
  return worker;
}

function release(worker: Worker): void {
  worker.unref();
  idle.push(worker);
  const timer = setTimeout(() => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idleTimers.set(worker, timer);
}

function revive(error: Extract<TaskMessage, { type: 'failed' }>['error']): Error {
  if (error.app) {
    // The worker's AppError again, its message ids kept (only plain data crosses the thread), so the refusal
    // still reaches the screen in the person's language.
    return new AppError(error.app.code, error.app.messageRef, error.app.fieldRefs);
  }
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

/**
 * Runs a file task in a worker thread. When it stops making progress (a USB stick that no longer answers),
 * the app stops waiting: the answer is an error naming `what`, and the worker is abandoned (terminated; a
 * thread blocked inside the kernel goes when the call returns). Only when no worker can be started at all
 * (a packaging fault) is the work done on this thread, so that backups are still made.
 */
export function runFileTask<K extends TaskName>(task: K, input: TaskInput<K>, what: MessageRef, stallMs = STALL_LIMIT_MS): Promise<TaskOutput<K>> {
  let worker: Worker;
  try {
    worker = takeWorker();
  } catch (err) {
    console.error('[romtrack] no worker thread for file work; doing it in place', err);
    return runTask(task, input, () => {});
  }
  return new Promise<TaskOutput<K>>((resolve, reject) => {
    let heard = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(onStall, ms);
    };
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const abandon = () => {
      done();
      worker.unref();
      void worker.terminate();
    };
    function onStall(): void {
      abandon();
      reject(new AppError('internal', message('domain.backup.stalled', { what: { message: what }, seconds: Math.round(stallMs / 1000) })));
    }
    // The worker answers the one request posted below, for task K.
    function onMessage(m: TaskMessage<K>): void {
      heard = true;
      if (m.type === 'ready') return;
      if (m.type === 'progress') return arm(Math.max(stallMs, m.allowMs ?? 0));
      done();
      release(worker);
      if (m.type === 'done') resolve(m.value);
      else reject(revive(m.error));
    }
    function onError(err: Error): void {
      abandon();
      if (heard) return reject(err);
      console.error('[romtrack] the file worker could not start; doing the work in place', err);
      runTask(task, input, () => {}).then(resolve, reject);
    }
    function onExit(code: number): void {
      done();
      reject(new Error(`the file worker stopped (exit code ${code})`));
    }
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    arm(stallMs);
    worker.postMessage({ task, input } satisfies TaskRequest);
  });
}
