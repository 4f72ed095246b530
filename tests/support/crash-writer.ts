// A child process for the crash-safety test: records visits in a loop and reports each visit's id on
// stdout only once its commit has returned. The parent kills it with SIGKILL at random moments.
import { writeSync } from 'node:fs';
import { createBackend } from '../../electron/api/backend';
import { signInProcess } from './backend';

const [dbPath, patientId, therapistId] = process.argv.slice(2);
if (!dbPath || !patientId || !therapistId) {
  console.error('usage: crash-writer DB PATIENT_ID THERAPIST_ID');
  process.exit(2);
}
const backend = createBackend({ databasePath: dbPath, mode: 'server' });
signInProcess(backend, therapistId);

const motions = ['elbow.flexion', 'elbow.extension', 'forearm.pronation', 'forearm.supination', 'hip.flexion', 'hip.extension'] as const;
const measurements = motions.flatMap((motion, i) =>
  (['active', 'passive'] as const).map((mode) => ({ motion, side: 'right' as const, mode, degrees: 10 + i })),
);

writeSync(1, 'ready\n');
void (async () => {
  for (;;) {
    const r = await backend.dispatch('visits.record', { patientId, date: '2026-10-01', measurements });
    if (!r.ok) {
      writeSync(2, `record failed: ${JSON.stringify(r.error)}\n`);
      process.exit(1);
    }
    writeSync(1, `ack ${(r.value as { id: string }).id}\n`);
  }
})();
