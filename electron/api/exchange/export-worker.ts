// The worker thread's entry for a whole-clinic export (started by export-in-worker.ts, which says why a worker).
import { parentPort, workerData } from 'node:worker_threads';
import { runExportJob, type ExportJob } from './export-job';

const port = parentPort;
if (port) {
  // This file is only ever started by export-in-worker.ts, with an ExportJob as its data.
  const job: ExportJob = workerData;
  void runExportJob(job, (m) => port.postMessage(m));
}
