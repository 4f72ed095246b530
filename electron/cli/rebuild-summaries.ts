import { rebuildAllSummaries } from '../api/worklist-refresh';
import { runDatabaseCommand } from './command';

const USAGE = `Usage: npm run rebuild-summaries -- [--db PATH]
  --db PATH  database file (default: ROMTRACK_DB, else the per-user data folder)
Rebuilds every patient's worklist summary from their records. The app keeps the summaries up to date by
itself; run this after restoring a database by hand, or when support asks you to. Safe to stop and rerun:
each batch of patients is saved as it is done, and the app finishes any left over at its next worklist read.`;

runDatabaseCommand({
  usage: USAGE,
  run(backend, databasePath) {
    const started = performance.now();
    let shown = -1;
    const result = rebuildAllSummaries(backend.context, (done, total) => {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== shown) {
        shown = tenth;
        console.log(`  ${done} of ${total} patients`);
      }
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Rebuilt the worklist summaries of ${result.refreshed} patients in ${databasePath} (${seconds} s).`);
    if (result.failed > 0) {
      console.error(`${result.failed} patients could not be summarised (the reasons are above). Their records are untouched; tell your support contact.`);
      return 1;
    }
    return 0;
  },
});
