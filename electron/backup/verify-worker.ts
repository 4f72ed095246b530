// Runs verifyDatabaseFile off the main thread: a full integrity_check of a large copy takes seconds, and
// server mode and the desktop app must keep answering meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyDatabaseFile } from './verify';

parentPort?.postMessage(verifyDatabaseFile(workerData as string));
