import { analysisAnswer } from '../../shared/api/analysis-answer';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/api/backend';
import { planPeriodsOf } from '../../electron/api/analysis-plan-periods';
import { readAnalysisSource, readPatientFile } from '../../electron/api/patient-file';
import { freshSummary, worklistReadings } from '../../electron/api/worklist-refresh';
import type { ApiContext } from '../../electron/api/context';
import { preparedSql } from '../../electron/db/statement-cache';
import { analysePatient, analysePatientPoints } from '../../shared/analysis/patient-series';
import type { OperationInput } from '../../shared/api/contract';
import { todayLocal } from '../../shared/domain/dates';
import { summariseReadings } from '../../shared/worklist/summary';
import { generateClinic } from '../bench/generate-clinic';
import { openTestBackend, testClient, type TestBackend } from '../support/backend';
import { makeTempDir } from '../support/temp-dir';
import { mulberry32 } from '../../electron/sample-data/random';

// analysis.patient and the worklist refresh after every write read a patient's readings straight into the points
// of their series (electron/db/analysis-reads.ts) instead of building the patient file. The analysis must not be
// able to tell: for the same patient the lean read gives exactly what the file gives, down to the sign of a zero
// (toEqual compares numbers with Object.is), whatever the order the readings were written in.

function expectSameAnalysis(ctx: ApiContext, patientId: string, days: readonly string[]): void {
  const options = { thresholds: ctx.repos.thresholds.overrides(), planPeriods: planPeriodsOf(ctx, patientId) };
  ctx.transaction(() => {
    const file = readPatientFile(ctx, patientId);
    const lean = readAnalysisSource(ctx, patientId);
    for (const day of days) expect(analysePatientPoints(lean, day, options)).toEqual(analysePatient(file, day, options));
    const inputs = { thresholds: options.thresholds, settings: ctx.repos.worklist.settings.get() };
    expect(summariseReadings(worklistReadings(ctx, patientId), inputs)).toEqual(freshSummary(ctx, patientId));
  });
}

describe('the lean read of analysis.patient and the worklist refresh', () => {
  let api: TestBackend;
  let ids: string[];
  beforeAll(async () => {
    api = openTestBackend();
    await api.ok('sampleData.create', {});
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 7 });
    ids = (await api.ok('patients.list', {})).items.map((p) => p.id);
  }, 60_000);
  afterAll(() => api.dispose());

  it('gives every sample patient the analysis and worklist summary of the full patient file', () => {
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expectSameAnalysis(api.context, id, [todayLocal(), '2026-01-15', '2025-06-01']);
  });

  it('is what analysis.patient answers through dispatch', async () => {
    const today = todayLocal();
    for (const id of ids) {
      const answer = await api.ok('analysis.patient', { patientId: id, today });
      const file = await api.ok('patients.file', { patientId: id });
      const pure = analysePatient(file, today, { thresholds: api.context.repos.thresholds.overrides(), planPeriods: planPeriodsOf(api.context, id) });
      // As sent (shared/api/analysis-answer.ts): each reading once, the verdict at the top, arcs without their pairs.
      expect(answer).toEqual(analysisAnswer(pure));
    }
  });

  it('reads through the indexes, never scanning a clinical table', () => {
    const lean = preparedSql(api.context.db).filter((s) => /FROM (measurements|visits|watched_sites)\s+WHERE patient(_id = \?| = \(SELECT key FROM patients WHERE id = \?\))/.test(s) && !/SELECT \*/.test(s));
    expect(lean.length).toBeGreaterThanOrEqual(4);
    for (const sql of lean) {
      const plan = (api.context.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan).toMatch(/INDEX (measurements_series|visits_patient|watched_sites_current)/);
      expect(plan).not.toMatch(/\bSCAN (measurements|visits|watched_sites)\b(?! USING)/);
      // The measurements come in the index's order: no sort of a patient's readings.
      if (sql.includes('FROM measurements')) expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('the lean read on a generated clinic, written in every order', () => {
  const tmp = makeTempDir();
  let backend: Backend;
  let patients: string[];
  let largest: string;
  const rnd = mulberry32(2211);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  beforeAll(async () => {
    const clinic = generateClinic(tmp.dbPath, { patients: 60, withHistory: 4, years: 1 }, '2026-11-01', 77);
    backend = createBackend({ databasePath: tmp.dbPath, mode: 'server' });
    const ctx = backend.context;
    const client = testClient(backend);
    client.signInAs(clinic.therapistId);
    largest = clinic.largestPatientId;
    patients = ctx.db.prepare('SELECT DISTINCT p.id FROM measurements m JOIN patients p ON p.key = m.patient ORDER BY p.id').pluck().all() as string[];
    const ok = async <K extends 'visits.record' | 'visits.addMeasurements' | 'visits.void' | 'measurements.correct' | 'measurements.void' | 'events.record'>(op: K, input: OperationInput<K>) => {
      const r = await client.call(op, input);
      if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    };
    for (const patientId of patients.slice(0, 12)) {
      const file = readPatientFile(ctx, patientId);
      const old = file.visits.slice(Math.floor(file.visits.length / 2));
      const measurements = file.visits.flatMap((v) => v.measurements);
      // A correction and a reading added to an older visit are written after newer visits: rowid order is not visit order.
      for (let k = 0; k < 3 && measurements.length > 0; k++) {
        const m = pick(measurements);
        await ok('measurements.correct', { id: m.id, reason: 'Misread', degrees: m.degrees > 0 ? m.degrees - 1 : m.degrees + 1, instrument: 'goniometer', endFeel: 'hard', pain: 2, note: 'Re-read' });
        measurements.splice(measurements.indexOf(m), 1);
      }
      const older = old.length > 0 ? pick(old) : null;
      if (older && !older.measurements.some((m) => m.motion === 'elbow.flexion' && m.side === 'left' && m.mode === 'passive')) {
        await ok('visits.addMeasurements', { visitId: older.id, measurements: [{ motion: 'elbow.flexion', side: 'left', mode: 'passive', degrees: 101 }] });
      }
      if (measurements.length > 0) await ok('measurements.void', { id: pick(measurements).id, reason: 'Not measured' });
      if (file.visits.length > 2) await ok('visits.void', { id: file.visits[1]!.id, reason: 'Wrong patient' });
      // A second visit on a day that already has one, and an operation that restarts some series.
      const day = pick(file.visits).date;
      await ok('visits.record', { patientId, date: day, measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 99 }, { motion: 'knee.flexion', side: 'left', mode: 'active', degrees: 120 }] });
      if (rnd() < 0.5) await ok('events.record', { patientId, kind: 'surgery', date: pick(file.visits).date, joint: pick(['elbow', 'hip', 'knee', 'shoulder'] as const), side: pick(['left', 'right'] as const), title: 'Release' });
    }
    // The latest visits: four of one day recorded at the same instant (a bulk import does that), readings entered
    // out of the catalogue's order with a new hard end-feel and pain up by 3 (so the order of the warning signs
    // shows the order of entry), and a stale row of a motion this version no longer knows. Written below the
    // operations, as only an import or an older version could.
    ctx.transaction(() => {
      const patientId = clinic.largestPatientId;
      const at = '2026-11-20T09:00:00.000Z';
      for (let k = 0; k < 4; k++) {
        const visitId = randomUUID();
        ctx.repos.visits.insertVisit({ id: visitId, patientId, date: '2026-11-20', therapistId: clinic.therapistId, setting: 'outpatient', symptoms: { decreasedRange: false, swelling: k === 3, redness: false, warmth: false, fever: false, pain: null }, notes: null, instrument: 'goniometer', endFeel: null, recordedAt: at, recordedBy: clinic.therapistId });
        for (const motion of ['forearm.supination', 'elbow.flexion', 'elbow.extension', 'elbow.carrying_angle']) {
          const id = randomUUID();
          ctx.repos.visits.writeMeasurement({ id, lineageId: id, supersedesId: null, recordedAt: at, recordedBy: clinic.therapistId, correctionReason: null }, {
            visitId, patientId, motion, side: 'right', mode: 'active', degrees: 10 + k, raterId: k % 2 ? clinic.therapistId : null, instrument: 'goniometer', endFeel: k === 3 ? 'hard' : null, pain: 3 * k, note: null,
          });
        }
      }
    });
  }, 120_000);
  afterAll(() => {
    backend.close();
    tmp.cleanup();
  });

  it('gives every patient the analysis and worklist summary of the full patient file', () => {
    expect(patients.length).toBeGreaterThan(10);
    // The tied visits are the largest patient's latest, with warning signs at its watched right elbow.
    const signs = freshSummary(backend.context, largest).reasons.filter((r) => r.code === 'warning_signs');
    expect(signs.length).toBeGreaterThan(2);
    for (const id of patients) expectSameAnalysis(backend.context, id, ['2026-11-01', '2026-06-30', '9999-12-31']);
  });
});

