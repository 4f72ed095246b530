import { join } from 'node:path';
import type { Worker, ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../db/errors';
import { message } from '../../../shared/i18n/message';
import type { ExportProgress, WrittenLines } from './export-lines';
import { runExportJob, type ExportJob, type ExportMessage } from './export-job';
import { startWorker } from '../../backup/worker-thread';

/**
 * The export's heap, kept small on purpose. Its live data is one patient's record (a few MB for the largest);
 * everything else is garbage made fast. Left to itself V8 grows the young generation to its largest under that
 * rate (tens of MB per semi-space, three of them), which measured most of the export's resident memory; a small
 * young generation is collected more often at no measured cost in time. The old generation's ceiling leaves room
 * for a patient many times the largest the bench generates.
 */
export const EXPORT_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 128 };

function spawn(job: ExportJob): Worker {
  return startWorker(join(__dirname, 'export-worker'), { workerData: job, resourceLimits: EXPORT_LIMITS });
}

/**
 * Writes the job's file in a worker thread and answers with what it wrote. Only when no worker can be started at
 * all (a packaging fault) is the work done on this thread, as before workers, so an export is still possible.
 */
export function exportInWorker(job: ExportJob, onProgress: (p: ExportProgress) => void): Promise<WrittenLines> {
  return new Promise<WrittenLines>((resolve, reject) => {
    let heard = false;
    let settled = false;
    let inPlace = false;
    const writeInPlace = (why: unknown): void => {
      console.error('[romtrack] no worker thread for the export; writing it in place', why);
      inPlace = true;
      void runExportJob(job, answer);
    };
    const answer = (m: ExportMessage): void => {
      heard = true;
      if (settled) return;
      if (m.type === 'progress') return onProgress(m.progress);
      settled = true;
      if (m.type === 'done') resolve(m.value);
      else reject(m.error.app ? new AppError(m.error.app.code, m.error.app.messageRef, m.error.app.fieldRefs) : new Error(m.error.message));
    };
    let worker: Worker;
    try {
      worker = spawn(job);
    } catch (err) {
      writeInPlace(err);
      return;
    }
    worker.on('message', answer);
    worker.on('error', (err) => {
      if (!heard) return writeInPlace(err);
      // Past its heap's ceiling (ERR_WORKER_OUT_OF_MEMORY) or a fault in the worker: the export fails, the app goes on.
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    worker.on('exit', (code) => {
      if (!settled && !inPlace) {
        settled = true;
        reject(new AppError('internal', message('exchange.error.workerStopped', { code })));
      }
    });
  });
}
