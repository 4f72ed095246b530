// The power-cut test's recorder (started through recorder.mjs, under the io-log.c shim): makes a new
// database with the app's own back end, sets up a clinic, a therapist and a patient, then records visits one
// after the other through `visits.record`. After each commit has returned it prints
//   ack <visit id> <length of the io log>
// so the test knows which point of the log each acknowledgement came after: a visit acknowledged there must
// survive every power cut from that point on. The log length is read from the file the shim appends to
// (ROMTRACK_IOLOG_FILE); the shim writes each record before the call it logs returns.
//
// ROMTRACK_POWERCUT_SYNCHRONOUS (test only): a `PRAGMA synchronous` value applied after the app's open, to
// show that the test catches a database that does not sync its commits. The app never reads it.
import { statSync, writeSync } from 'node:fs';
import { createBackend } from '../../electron/api/backend';
import { signInProcess } from '../support/backend';
import { twelveMeasurements } from '../support/clinical-fixtures';

const [dbPath, visitsArg] = process.argv.slice(2);
const logFile = process.env.ROMTRACK_IOLOG_FILE;
const visits = Number(visitsArg);
if (!dbPath || !Number.isInteger(visits) || !logFile) {
  console.error('usage: ROMTRACK_IOLOG_FILE=LOG node recorder.mjs DB_PATH VISITS (under the io-log shim)');
  process.exit(2);
}
const logLength = () => statSync(logFile).size;

const backend = createBackend({ databasePath: dbPath, mode: 'server' });
const override = process.env.ROMTRACK_POWERCUT_SYNCHRONOUS;
if (override) {
  if (!/^(OFF|NORMAL|FULL|EXTRA|[0-3])$/i.test(override)) throw new Error(`bad ROMTRACK_POWERCUT_SYNCHRONOUS ${override}`);
  backend.context.db.pragma(`synchronous = ${override}`);
}

void (async () => {
  const therapistId = backend.context.transaction(() => {
    const at = backend.context.now();
    const therapist = backend.context.repos.therapists.insert({ name: 'Abena Owusu', title: 'Physiotherapist', registrationNumber: 'PT-1001', initials: 'AO' }, at);
    backend.context.repos.clinic.insert(
      { name: 'Riverside Rehabilitation Clinic', address: '12 River Road, Tamale', phone: '+233 37 000 0000', logo: null, paperSize: 'A4', dateFormat: 'D MMM YYYY', lockAfterMinutes: 5 },
      at,
    );
    return therapist.id;
  });
  signInProcess(backend, therapistId);
  const patient = await backend.dispatch('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  if (!patient.ok) throw new Error(`patients.create failed: ${JSON.stringify(patient.error)}`);
  const patientId = (patient.value as { id: string }).id;

  const db = backend.context.db;
  writeSync(1, `ready synchronous=${db.pragma('synchronous', { simple: true })} journal_mode=${db.pragma('journal_mode', { simple: true })} log=${logLength()}\n`);
  const measurements = twelveMeasurements();
  for (let i = 0; i < visits; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const r = await backend.dispatch('visits.record', { patientId, date: `2026-10-${day}`, measurements });
    if (!r.ok) throw new Error(`visits.record failed: ${JSON.stringify(r.error)}`);
    writeSync(1, `ack ${(r.value as { id: string }).id} ${logLength()}\n`);
  }
  // A clean close checkpoints and removes the WAL: cuts during that are tried too.
  backend.close();
  writeSync(1, `closed log=${logLength()}\n`);
})().catch((err: unknown) => {
  writeSync(2, `recorder failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
