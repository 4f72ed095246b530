// A child process for the sync kill test: runs one push of the database's changes to the server set in it, with
// small Bundles, and reports on stdout when it is done. The parent kills it with SIGKILL once the server has
// applied its first Bundle, before the answer arrives.
import { writeSync } from 'node:fs';
import { createBackend } from '../../electron/api/backend';
import { DEFAULT_RUNNER_OPTIONS, syncRunnerOf } from '../../electron/api/exchange/sync-runner';

const [dbPath, chunk] = process.argv.slice(2);
if (!dbPath || !chunk) {
  console.error('usage: sync-child DB CHUNK_SIZE');
  process.exit(2);
}
const backend = createBackend({ databasePath: dbPath, mode: 'server' });
const runner = syncRunnerOf(backend.context, { ...DEFAULT_RUNNER_OPTIONS, chunkSize: Number(chunk), requestRetries: 0 });
writeSync(1, 'ready\n');
void runner.runNow().then(() => {
  writeSync(1, `done ${JSON.stringify(runner.status())}\n`);
  runner.stop();
  backend.close();
});
