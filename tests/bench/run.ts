// npm run bench [-- --size quick|full] [--keep PATH]: builds a clinic-sized database with a fixed seed and
// prints measured medians against the performance issue's targets.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/api/backend';
import { checkOnOpen, openDatabase } from '../../electron/db/open';
import { startupBackupAndCheck } from '../../electron/backup/startup-check';
import { makeTempDir } from '../support/temp-dir';
import { browserBench } from './browser';
import { FULL_SIZE, generateClinic, QUICK_SIZE } from './generate-clinic';
import { medianMs, printTable, type BenchRow } from './harness';

/** The same rows 'patients.file' reads, with plain better-sqlite3 and no mapping or checking: the floor. */
function rawPatientFile(db: Database.Database, patientId: string): number {
  const cur = 'superseded_by IS NULL AND voided_at IS NULL';
  let rows = 0;
  rows += db.prepare('SELECT * FROM patients WHERE id = ?').all(patientId).length;
  rows += db.prepare(`SELECT * FROM risk_factors WHERE patient_id = ? AND ${cur}`).all(patientId).length;
  rows += db.prepare(`SELECT * FROM watched_sites WHERE patient_id = ? AND ${cur}`).all(patientId).length;
  rows += db.prepare('SELECT * FROM visits WHERE patient_id = ? ORDER BY visit_date DESC').all(patientId).length;
  rows += db.prepare(`SELECT m.*, v.visit_date FROM measurements m JOIN visits v ON v.id = m.visit_id WHERE m.patient_id = ? AND m.${cur.replace(' AND ', ' AND m.')}`).all(patientId).length;
  rows += db.prepare(`SELECT * FROM clinical_events WHERE patient_id = ? AND ${cur}`).all(patientId).length;
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'full' }, keep: { type: 'string' } } });
  const size = values.size === 'quick' ? QUICK_SIZE : FULL_SIZE;
  const tmp = makeTempDir('romtrack-bench-');
  const dbPath = values.keep ?? tmp.dbPath;
  try {
    if (values.keep && existsSync(dbPath)) throw new Error(`${dbPath} exists; give --keep a new file name`);
    let t = performance.now();
    const clinic = generateClinic(dbPath, size);
    console.log(
      `Generated ${clinic.patients} patients, ${clinic.visits} visits, ${clinic.measurements} measurements in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
        `largest patient: ${clinic.largestPatientMeasurements} measurements.`,
    );
    t = performance.now();
    new Database(dbPath).pragma('wal_checkpoint(TRUNCATE)');

    const rows: BenchRow[] = [];
    const sizeMb = Math.round(statSync(dbPath).size / 1024 / 1024);
    const probe = openDatabase(dbPath);
    const check = checkOnOpen(probe);
    probe.close();
    rows.push({
      name: `open, migrate and check the database (${sizeMb} MB)`,
      medianMs: await medianMs(() => openDatabase(dbPath).close(), 5, 1),
      targetMs: 1000,
      runs: 5,
      note: check === 'checked' ? 'full quick_check' : 'structural check; full check deferred to the start-up backup',
    });
    const bg = openDatabase(dbPath);
    const t0 = performance.now();
    const startup = await startupBackupAndCheck(bg, dbPath);
    bg.close();
    rows.push({ name: 'start-up backup with integrity_check of its copy, in the background', medianMs: performance.now() - t0, targetMs: null, runs: 1, note: startup.damage ?? startup.warning ?? 'sound' });

    const api = createBackend({ databasePath: dbPath, mode: 'server' });
    api.context.session.select(clinic.therapistId);
    let n = 0;
    rows.push({
      name: 'patient search by name prefix',
      medianMs: await medianMs(() => api.dispatch('patients.list', { query: clinic.searchPrefixes[n++ % clinic.searchPrefixes.length]! }), 51),
      targetMs: 10,
      runs: 51,
    });

    const fileMs = await medianMs(() => api.dispatch('patients.file', { patientId: clinic.largestPatientId }), 21);
    const rawMs = await medianMs(() => rawPatientFile(api.context.db, clinic.largestPatientId), 21);
    rows.push({ name: 'largest patient page (patients.file)', medianMs: fileMs, targetMs: 30, runs: 21, note: `${(fileMs / rawMs).toFixed(2)}x the raw query's ${rawMs.toFixed(1)} ms; target < 3x` });

    const today = new Date().toISOString().slice(0, 10);
    // The operation every screen shows: reading the file and analysing every series, through dispatch.
    const analysisMs = await medianMs(() => api.dispatch('analysis.patient', { patientId: clinic.largestPatientId, today }), 21);
    rows.push({
      name: 'analysis.patient: every verdict of that patient',
      medianMs: analysisMs,
      targetMs: 20,
      runs: 21,
      note: `${(analysisMs / fileMs).toFixed(2)}x reading the patient's file (${fileMs.toFixed(1)} ms); target < 2x`,
    });

    const motions = ['elbow.flexion', 'elbow.extension', 'forearm.pronation', 'forearm.supination', 'hip.flexion', 'hip.extension'] as const;
    const visit = {
      patientId: clinic.largestPatientId,
      date: today,
      measurements: motions.flatMap((motion) => (['left', 'right'] as const).map((side) => ({ motion, side, mode: 'passive' as const, degrees: 10 }))),
    };
    rows.push({ name: 'record a 12-measurement visit (synchronous=FULL)', medianMs: await medianMs(() => api.dispatch('visits.record', visit), 21), targetMs: 25, runs: 21 });

    api.close();
    const browser = await browserBench({ dbPath, therapistId: clinic.therapistId, largestPatientId: clinic.largestPatientId, longSeriesPatientId: clinic.longSeriesPatientId, longSeriesKey: clinic.longSeriesKey });
    rows.push(...browser.rows);
    rows.push({ name: 'server mode resident memory after the browser runs', medianMs: browser.serverRssMb, targetMs: 300, runs: 1, unit: 'MB' });
    const allMet = printTable(rows);
    console.log(allMet ? 'All measured targets met.' : 'Some targets were MISSED.');
  } finally {
    tmp.cleanup();
  }
}

void main();
