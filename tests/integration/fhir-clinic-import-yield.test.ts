import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/api/backend';
import { generateClinic } from '../bench/generate-clinic';
import { testClient } from '../support/backend';
import { openSecondWorkstation } from '../support/fhir-setup';
import { makeTempDir } from '../support/temp-dir';

// A clinic file going into another workstation must not stop the back end answering its other users: while
// exchange.importClinic runs, another request (a patient search, the import's own progress) is answered, and the
// import then finishes whole. The file is large enough (the bench's generator, 300 patients) that checking it
// takes several of the import's slices on any machine: the sample data's six patients were checked within one
// slice on an unloaded one, so no request could see the check.

const tmp = makeTempDir('romtrack-import-yield-');
let source: Backend;
const clinic = { patients: 0 };
let path: string;

beforeAll(async () => {
  const dbPath = join(tmp.dir, 'source.sqlite');
  const generated = generateClinic(dbPath, { patients: 300, withHistory: 6, years: 1 }, '2026-11-01', 4242);
  source = createBackend({ databasePath: dbPath, mode: 'server' });
  const client = testClient(source);
  client.signInAs(generated.therapistId);
  clinic.patients = (await client.ok('patients.list', { query: '' })).total;
  path = join(tmp.dir, 'clinic.ndjson');
  await client.ok('exchange.exportClinic', { path });
}, 300_000);
afterAll(() => {
  source?.close();
  tmp.cleanup();
});

it('answers other requests while a large clinic file is imported, shows how far it is, and then has every patient', async () => {
  const b = openSecondWorkstation();
  try {
    let finished = false;
    const importing = b.ok('exchange.importClinic', { path }).finally(() => {
      finished = true;
    });
    // Other requests, made while the import runs: each is answered before the import is done.
    const seen: { phase: string | null; done: number; total: number }[] = [];
    let searches = 0;
    while (!finished) {
      // Requests arrive from the network, each in a turn of the event loop of its own (a loop of bare awaits
      // would be one endless run of microtasks, starving the import and everything else).
      await new Promise((resolve) => setTimeout(resolve, 2));
      const progress = await b.ok('exchange.importProgress', {});
      const found = await b.ok('patients.list', { query: '' });
      if (finished) break;
      expect(progress.running).toBe(true);
      expect(found.items.length).toBeLessThanOrEqual(clinic.patients);
      seen.push({ phase: progress.phase, done: progress.done, total: progress.total });
      searches++;
    }
    const report = await importing;
    expect(searches, 'requests answered while the import ran').toBeGreaterThan(0);
    // The progress moved through both phases, and while writing it counted patients of the file's total.
    expect(seen.some((p) => p.phase === 'checking')).toBe(true);
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.every((p) => p.total === clinic.patients && p.done <= p.total)).toBe(true);
    expect(new Set(writing.map((p) => p.done)).size, 'the count moved while writing').toBeGreaterThan(1);

    expect(report).toMatchObject({ patients: clinic.patients, unchanged: false });
    expect(report.added.patients).toBe(clinic.patients);
    expect((await b.ok('patients.list', { query: '' })).total).toBe(clinic.patients);
    expect(await b.ok('exchange.importProgress', {})).toMatchObject({ running: false, phase: 'writing', done: clinic.patients, total: clinic.patients, error: null });
    // Each part of the file went in with its own audit row; a second import adds nothing and writes none.
    const audits = () => b.context.db.prepare(`SELECT count(*) FROM audit_log WHERE operation = 'exchange.importClinic'`).pluck().get() as number;
    const parts = audits();
    expect(parts).toBeGreaterThan(1);
    expect((await b.ok('exchange.importClinic', { path })).unchanged).toBe(true);
    expect(audits()).toBe(parts);
  } finally {
    b.dispose();
  }
}, 300_000);
