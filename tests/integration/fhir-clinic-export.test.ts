import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateResource } from '@medplum/core';
import type { Bundle, CarePlan, Goal, Identifier, Observation, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsWhere } from '../../electron/db/audit-rows';
import { openTestBackend, type TestBackend } from '../support/backend';
import { addPlans, type PlannedPatient } from '../support/exchange-plans';
import { loadR4Definitions } from '../support/fhir-setup';
import { makeTempDir } from '../support/temp-dir';

// The whole clinic streamed to a FHIR Bulk Data NDJSON file (exchange.exportClinic): read back line by line the way
// a district warehouse would, every line valid R4, every current record once, corrections and voids as such.

const RECORD = 'urn:romtrack:record-id';
const lineage = (r: Resource): string | undefined => ('identifier' in r ? (r.identifier as Identifier[] | undefined) : undefined)?.find((i) => i.system === RECORD)?.value;

let api: TestBackend;
let out: ReturnType<typeof makeTempDir>;
let planned: PlannedPatient;
let voidedId: string;
let correctedLineage: string;
let correctedVersion: string;

beforeAll(async () => {
  loadR4Definitions();
  api = openTestBackend();
  out = makeTempDir('romtrack-export-');
  await api.ok('sampleData.create', {});
  const page = await api.ok('patients.list', { query: '' });
  const someone = page.items[1]!.id;
  const [first, second] = (await api.ok('patients.file', { patientId: someone })).visits.flatMap((v) => v.measurements);
  voidedId = first!.id;
  await api.ok('measurements.void', { id: first!.id, reason: 'Measured the wrong side' });
  const corrected = await api.ok('measurements.correct', { id: second!.id, reason: 'Misread the scale', degrees: second!.degrees - 3, instrument: second!.instrument, endFeel: second!.endFeel, pain: second!.pain, note: null });
  correctedLineage = corrected.lineageId;
  correctedVersion = corrected.id;
  planned = await addPlans(api, someone);
}, 180_000);
afterAll(() => {
  api?.dispose();
  out?.cleanup();
});

function readLines(path: string): Resource[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Resource);
}

/** Every `reference` string anywhere in the resource. */
function referencesOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesOf(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') found.push(v);
      else referencesOf(v, found);
    }
  }
  return found;
}

describe('exchange.exportClinic', () => {
  let path: string;
  let lines: Resource[];
  let result: { path: string; patients: number; resources: number; bytes: number };

  beforeAll(async () => {
    path = join(out.dir, 'clinic.ndjson');
    result = await api.ok('exchange.exportClinic', { path });
    lines = readLines(path);
  }, 120_000);

  it('writes one valid R4 resource per line, ids unique, every reference resolved inside the file', () => {
    expect(result).toMatchObject({ path, resources: lines.length, bytes: statSync(path).size });
    expect(existsSync(`${path}.partial`)).toBe(false);
    const ids = new Set<string>();
    for (const r of lines) {
      // Medplum's validator throws on an error and returns warnings; a bare resource has no urn:uuid left to warn on.
      expect(validateResource(r), `${r.resourceType}/${r.id}`).toEqual([]);
      const key = `${r.resourceType}/${r.id}`;
      expect(ids.has(key), `${key} twice`).toBe(false);
      ids.add(key);
    }
    for (const r of lines) for (const ref of referencesOf(r)) expect(ids.has(ref), `${r.resourceType}/${r.id} → ${ref}`).toBe(true);
    expect(new Set(lines.map((r) => r.resourceType))).toEqual(
      new Set(['CarePlan', 'Condition', 'DiagnosticReport', 'Encounter', 'Goal', 'MedicationStatement', 'Observation', 'Organization', 'Patient', 'Practitioner', 'Procedure']),
    );
  });

  it('has every current record exactly once: the same resources as the per-patient Bundles, the clinic and its therapists once', async () => {
    const everyone = await api.ok('patients.list', { query: '' });
    const bundles = await Promise.all(everyone.items.map(async (p) => JSON.parse((await api.ok('exchange.exportFhir', { patientId: p.id })).content) as Bundle));
    const expected = new Map<string, number>();
    for (const b of bundles) for (const e of b.entry!) expected.set(`${e.resource!.resourceType} ${e.fullUrl!.slice('urn:uuid:'.length)}`, 0);
    const seen = new Map<string, number>();
    for (const r of lines) seen.set(`${r.resourceType} ${r.id}`, (seen.get(`${r.resourceType} ${r.id}`) ?? 0) + 1);
    expect([...seen.keys()].sort()).toEqual([...expected.keys()].sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(lines.filter((r) => r.resourceType === 'Organization')).toHaveLength(1);

    const page = await api.ok('patients.list', { query: '' });
    expect(result.patients).toBe(page.total);
    const patients = lines.filter((r) => r.resourceType === 'Patient').map(lineage);
    expect(patients.sort()).toEqual(page.items.map((p) => p.id).sort());
    // Each current measurement once, by its lineage.
    const measured = new Map<string, number>();
    for (const r of lines) if (r.resourceType === 'Observation' && r.valueQuantity?.code === 'deg') measured.set(lineage(r)!, (measured.get(lineage(r)!) ?? 0) + 1);
    for (const p of page.items) {
      for (const m of (await api.ok('patients.file', { patientId: p.id })).visits.flatMap((v) => v.measurements)) expect(measured.get(m.lineageId), m.lineageId).toBe(1);
    }
  });

  it('sends the correction as amended with its version, the void as entered-in-error, the replaced plan revoked and the voided goal in error', () => {
    const byLineage = (id: string) => lines.filter((r) => lineage(r) === id);
    const [corrected] = byLineage(correctedLineage) as Observation[];
    expect(byLineage(correctedLineage)).toHaveLength(1);
    expect(corrected).toMatchObject({ id: correctedVersion, status: 'amended', note: [{ text: 'Corrected: Misread the scale' }] });
    expect(byLineage(voidedId)).toMatchObject([{ status: 'entered-in-error', note: [{ text: 'Entered in error: Measured the wrong side' }] }]);
    expect(byLineage(planned.firstVersionId)).toMatchObject([{ resourceType: 'CarePlan', status: 'revoked' }]);
    const current = byLineage(planned.currentVersionId)[0] as CarePlan;
    expect(current.replaces).toEqual([{ reference: `CarePlan/${planned.firstVersionId}`, type: 'CarePlan' }]);
    expect(current.goal).toEqual([{ reference: `Goal/${planned.keptGoalId}`, type: 'Goal' }]);
    expect((byLineage(planned.voidedGoalId)[0] as Goal).lifecycleStatus).toBe('entered-in-error');
  });

  it('reports its progress to the end and audits who wrote what, where, and how much', async () => {
    expect(await api.ok('exchange.exportProgress', {})).toEqual({ running: false, path, done: result.patients, total: result.patients, result, error: null, errorRef: null });
    const row = auditRowsWhere(api.context.db, `operation = 'exchange.exportClinic'`).at(-1)!;
    expect(row.actor_id).toBe(api.actorId());
    expect(row.entity).toBe('clinic');
    const after = JSON.parse(row.after_json!) as Record<string, unknown>;
    expect(after).toMatchObject({ format: 'fhir-r4-bulk-ndjson', path, patients: result.patients, resources: result.resources, bytes: result.bytes });
  });

  it('keeps only the clinical records inside a date range', async () => {
    const dates = lines.flatMap((r) => (r.resourceType === 'Observation' && r.valueQuantity?.code === 'deg' ? [r.effectiveDateTime!] : [])).sort();
    const from = dates[Math.floor(dates.length / 2)]!;
    const part = join(out.dir, 'part.ndjson');
    await api.ok('exchange.exportClinic', { path: part, from });
    const kept = readLines(part).flatMap((r) => (r.resourceType === 'Observation' && r.valueQuantity?.code === 'deg' ? [r.effectiveDateTime!] : []));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(dates.length);
    expect(kept.every((d) => d >= from)).toBe(true);
  });

  it('never writes over a file, into a missing folder or to a relative path, and writes nothing when refused', async () => {
    const taken = join(out.dir, 'taken.ndjson');
    writeFileSync(taken, 'keep me');
    const audits = () => (api.context.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = 'exchange.exportClinic'`).get() as { n: number }).n;
    const before = audits();
    expect(await api.call('exchange.exportClinic', { path: taken })).toMatchObject({ ok: false, error: { fields: { path: expect.stringMatching(/already exists/) } } });
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    expect(await api.call('exchange.exportClinic', { path: join(out.dir, 'no-such-folder', 'x.ndjson') })).toMatchObject({ ok: false, error: { fields: { path: expect.stringMatching(/does not exist/) } } });
    expect(await api.call('exchange.exportClinic', { path: 'clinic.ndjson' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await api.call('exchange.exportClinic', { path: join(out.dir, 'clinic.json') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(audits()).toBe(before);
  });
});
