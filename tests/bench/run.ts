// npm run bench [-- --size quick|full] [--keep PATH]: builds a clinic-sized database with a fixed seed and
// prints measured medians against the performance issue's targets.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { operations } from '../../shared/api/contract';
import { createBackend } from '../../electron/api/backend';
import { visitHandlers } from '../../electron/api/handlers/visits';
import { rebuildAllSummaries } from '../../electron/api/worklist-refresh';
import { checkOnOpen, openDatabase } from '../../electron/db/open';
import { startupBackupAndCheck } from '../../electron/backup/startup-check';
import { makeTempDir } from '../support/temp-dir';
import { browserBench } from './browser';
import { exportBench } from './export-clinic';
import { FULL_SIZE, generateClinic, QUICK_SIZE } from './generate-clinic';
import { interleavedMedians, medianMs, printTable, type BenchRow } from './harness';

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

/**
 * The median CPU time of fn (this process, user + system), in ms: on a shared, busy machine the wall-clock median
 * also counts the time other processes held the CPU, so the worklist rows print both.
 */
async function cpuMedianMs(fn: () => unknown, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
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

    const today = new Date().toISOString().slice(0, 10);
    // The patient page's two reads, in turn: the file, and the operation every screen shows (the lean read of the
    // readings and every series analysed, through dispatch). Taken in turn so both meet the same load.
    const pageReads = await interleavedMedians(
      {
        file: () => api.dispatch('patients.file', { patientId: clinic.largestPatientId }),
        analysis: () => api.dispatch('analysis.patient', { patientId: clinic.largestPatientId, today }),
      },
      21,
    );
    const fileMs = pageReads.file.wallMs;
    const rawMs = await medianMs(() => rawPatientFile(api.context.db, clinic.largestPatientId), 21);
    rows.push({
      name: 'largest patient page (patients.file)',
      medianMs: fileMs,
      targetMs: 30,
      runs: 21,
      note: `${(fileMs / rawMs).toFixed(2)}x the raw query's ${rawMs.toFixed(1)} ms; target < 3x; CPU ${pageReads.file.cpuMs.toFixed(1)} ms`,
    });
    rows.push({
      name: 'analysis.patient: every verdict of that patient',
      medianMs: pageReads.analysis.wallMs,
      targetMs: 20,
      runs: 21,
      note:
        `${(pageReads.analysis.wallMs / fileMs).toFixed(2)}x reading the patient's file (${fileMs.toFixed(1)} ms); target < 2x; ` +
        `CPU ${pageReads.analysis.cpuMs.toFixed(1)} ms, ${(pageReads.analysis.cpuMs / pageReads.file.cpuMs).toFixed(2)}x the file's ${pageReads.file.cpuMs.toFixed(1)} ms`,
    });

    const motions = ['elbow.flexion', 'elbow.extension', 'forearm.pronation', 'forearm.supination', 'hip.flexion', 'hip.extension'] as const;
    const visit = {
      patientId: clinic.largestPatientId,
      date: today,
      measurements: motions.flatMap((motion) => (['left', 'right'] as const).map((side) => ({ motion, side, mode: 'passive' as const, degrees: 10 }))),
    };
    // The same visit through the handler alone, without the worklist refresh the operation table wraps it in.
    const parsedVisit = operations['visits.record'].input.parse(visit);
    const visits = await interleavedMedians(
      {
        bare: () => visitHandlers['visits.record'](parsedVisit, api.context),
        kept: () => api.dispatch('visits.record', visit),
      },
      21,
    );
    rows.push({
      name: 'record a 12-measurement visit, worklist summaries kept up to date (synchronous=FULL)',
      medianMs: visits.kept.wallMs,
      targetMs: 25,
      runs: 21,
      note: `${(visits.kept.wallMs / visits.bare.wallMs).toFixed(2)}x the same visit without summaries (${visits.bare.wallMs.toFixed(1)} ms); CPU ${visits.kept.cpuMs.toFixed(1)} ms against ${visits.bare.cpuMs.toFixed(1)} ms`,
    });

    // The worklist: the generator writes through the bulk path, which only marks patients; build every summary.
    const rebuildStarted = performance.now();
    const rebuildCpu = process.cpuUsage();
    const rebuilt = rebuildAllSummaries(api.context);
    const rebuildUsed = process.cpuUsage(rebuildCpu);
    const rebuildCpuMs = (rebuildUsed.user + rebuildUsed.system) / 1000;
    rows.push({ name: `rebuild every worklist summary from scratch (${rebuilt.refreshed} patients)`, medianMs: performance.now() - rebuildStarted, targetMs: 60_000, runs: 1, note: `CPU ${(rebuildCpuMs / 1000).toFixed(1)} s` });
    const firstPage = await api.dispatch('worklist.get', { today });
    const page = firstPage.ok ? (firstPage.value as { rows: unknown[]; total: number; pending: number }) : { rows: [], total: 0, pending: -1 };
    const worklistMs = await medianMs(() => api.dispatch('worklist.get', { today }), 21);
    const worklistCpu = await cpuMedianMs(() => api.dispatch('worklist.get', { today }), 21);
    const bareSummaryMs = await medianMs(() => api.context.db.prepare('SELECT * FROM worklist_patients LIMIT ?').all(page.rows.length), 21);
    rows.push({
      name: `worklist.get first page (${page.rows.length} of ${page.total} patients listed, ${page.pending} pending)`,
      medianMs: worklistMs,
      targetMs: 100,
      runs: 21,
      note: `${(worklistMs / bareSummaryMs).toFixed(1)}x a bare SELECT of ${page.rows.length} summary rows (${bareSummaryMs.toFixed(2)} ms); CPU ${worklistCpu.toFixed(1)} ms`,
    });
    const thresholdStarted = performance.now();
    await api.dispatch('thresholds.set', { motion: 'elbow.flexion', instrument: null, degrees: 9 });
    rows.push({ name: 'clinic threshold change for elbow flexion, every patient with it re-judged', medianMs: performance.now() - thresholdStarted, targetMs: null, runs: 1 });

    api.close();
    try {
      rows.push(...(await exportBench(dbPath, clinic.therapistId)));
    } catch (err) {
      rows.push({ name: `clinic export FAILED: ${(err as Error).message}`, medianMs: Number.NaN, targetMs: 0, runs: 0 });
    }
    // A failure in the browser part (a screen that never draws) still leaves the back end's figures printed.
    try {
      const browser = await browserBench({ dbPath, therapistId: clinic.therapistId, largestPatientId: clinic.largestPatientId, longSeriesPatientId: clinic.longSeriesPatientId, longSeriesKey: clinic.longSeriesKey });
      rows.push(...browser.rows);
      rows.push({ name: 'server mode resident memory after the browser runs', medianMs: browser.serverRssMb, targetMs: 300, runs: 1, unit: 'MB' });
    } catch (err) {
      rows.push({ name: `browser measures FAILED: ${(err as Error).message}`, medianMs: Number.NaN, targetMs: 0, runs: 0 });
    }
    const allMet = printTable(rows);
    console.log(allMet ? 'All measured targets met.' : 'Some targets were MISSED.');
  } finally {
    tmp.cleanup();
  }
}

void main();
