import { randomInt } from 'node:crypto';
import { newCredential } from '../../shared/domain/account';
import { callOperation } from '../api/dispatch';
import { requestActor } from '../auth/sessions';
import { caller, SAMPLE_CLINIC, SAMPLE_THERAPIST } from '../sample-data';
import { runDatabaseCommand } from './command';

const USAGE = `Usage: npm run sample-data -- [--db PATH]
  --db PATH  database file (default: ROMTRACK_DB, else the per-user data folder)
Adds six sample patients to a database that has no patients yet, and refuses otherwise.
A database that was never set up gets a sample clinic and its administrator first, with a PIN printed here.`;

/** A random 8-digit PIN the schema accepts (not all one digit, not a run). */
function samplePin(): string {
  for (;;) {
    const pin = String(randomInt(10_000_000, 100_000_000));
    if (newCredential.safeParse(pin).success) return pin;
  }
}

runDatabaseCommand({
  usage: USAGE,
  createFolder: true,
  // The command is one client of its own; whoever runs it holds the database file (and its key) already.
  run: (backend, databasePath) => requestActor.run({ token: null }, async () => {
    const api = caller(backend.dispatch);
    const session = await api('session.get', {});
    if (session.needsSetup) {
      const credential = samplePin();
      await api('setup.complete', { clinic: SAMPLE_CLINIC, therapist: SAMPLE_THERAPIST, credential });
      console.log(`Set up "${SAMPLE_CLINIC.name}" with ${SAMPLE_THERAPIST.name} as its administrator: sign in with PIN ${credential}.`);
    } else {
      // The records are made in the name of the clinic's first active administrator.
      const admin = session.activeTherapists.find((t) => t.role === 'administrator');
      if (!admin) {
        console.error('This clinic has no active administrator. Set up accounts in the app first, then run this again.');
        return 1;
      }
      const scope = requestActor.getStore();
      if (scope) scope.token = backend.sessions.start(admin.id).token;
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
  }),
});
