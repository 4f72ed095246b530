// The worker thread that does the file work of backups and restores (file-tasks.ts), so the app's own thread
// keeps answering while SQLite copies and checks a large file or waits on a slow USB stick.
import { parentPort } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/api/errors';
import type { MessageRef } from '../../shared/i18n/message';
import { AppError, codeOf, messageOf } from '../db/errors';
import { runTask, type TaskInput, type TaskName, type TaskOutput } from './file-tasks';

export interface TaskRequest<K extends TaskName = TaskName> {
  task: K;
  input: TaskInput<K>;
}

/**
 * What crosses back to the app: the answer to a request for task K (structured-cloned, so the same value), or an
 * error with the parts the app turns into a message (code, fields, and their message ids where they have them).
 */
export type TaskMessage<K extends TaskName = TaskName> =
  | { type: 'ready' }
  | { type: 'progress'; allowMs?: number }
  | { type: 'done'; value: TaskOutput<K> }
  | {
      type: 'failed';
      error: { message: string; code?: string; app?: { code: ErrorCode; messageRef: MessageRef; fieldRefs?: Record<string, MessageRef> } };
    };

const port = parentPort;
if (port) {
  const post = (m: TaskMessage) => port.postMessage(m);
  let lastProgress = 0;
  const progress = (allowMs?: number) => {
    // Often enough to prove it is alive, rarely enough not to flood the app's thread.
    const now = Date.now();
    if (allowMs === undefined && now - lastProgress < 250) return;
    lastProgress = now;
    post(allowMs === undefined ? { type: 'progress' } : { type: 'progress', allowMs });
  };
  port.on('message', (request: TaskRequest) => {
    runTask(request.task, request.input, progress).then(
      (value) => post({ type: 'done', value }),
      (err: unknown) => {
        const code = codeOf(err);
        post({
          type: 'failed',
          error: {
            message: messageOf(err),
            ...(code ? { code } : {}),
            ...(err instanceof AppError
              ? { app: { code: err.code, messageRef: err.messageRef, ...(err.fieldRefs ? { fieldRefs: { ...err.fieldRefs } } : {}) } }
              : {}),
          },
        });
      },
    );
  });
  post({ type: 'ready' });
}
