import { callOperation } from '../api/dispatch';
import { caller, SAMPLE_CLINIC, SAMPLE_THERAPIST } from '../sample-data';
import { runDatabaseCommand } from './command';

const USAGE = `Usage: npm run sample-data -- [--db PATH]
  --db PATH  database file (default: ROMTRACK_DB, else the per-user data folder)
Adds six sample patients to a database that has no patients yet, and refuses otherwise.
A database that was never set up gets a sample clinic and therapist first.`;

runDatabaseCommand({
  usage: USAGE,
  createFolder: true,
  async run(backend, databasePath) {
    const api = caller(backend.dispatch);
    const session = await api('session.get', {});
    if (session.needsSetup) {
      await api('setup.complete', { clinic: SAMPLE_CLINIC, therapist: SAMPLE_THERAPIST });
      console.log(`Set up "${SAMPLE_CLINIC.name}" with ${SAMPLE_THERAPIST.name} as its therapist.`);
    } else if (!session.currentTherapist) {
      // Who works: the last therapist chosen on this database if still active, else the first active one.
      const therapist = session.activeTherapists.find((t) => t.id === session.lastTherapistId) ?? session.activeTherapists[0];
      if (!therapist) {
        console.error('This clinic has no active therapist. Reactivate one in Settings, then run this again.');
        return 1;
      }
      await api('session.selectTherapist', { therapistId: therapist.id });
    }
    const started = performance.now();
    const result = await callOperation(backend.dispatch, 'sampleData.create', {});
    if (!result.ok) {
      console.error(result.error.message);
      return 1;
    }
    const made = result.value;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Created ${made.patients} sample patients with ${made.visits} visits, ${made.measurements} measurements and ${made.events} clinical events in ${databasePath} (${seconds} s).`,
    );
    return 0;
  },
});
