import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSampleData } from '../../electron/sample-data';
import type { Dispatch } from '../../electron/api/dispatch';
import type { PatientFile } from '../../shared/api/operations/clinical';
import { analyseSeries, type RomPoint } from '../../shared/analysis';
import { motionSpec, type Mode, type MotionKey, type Side } from '../../shared/domain/catalogue';
import { todayLocal } from '../../shared/domain/dates';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

const TABLES = ['patients', 'risk_factors', 'watched_sites', 'visits', 'measurements', 'clinical_events', 'therapists', 'audit_log'];
const ANCHOR = '2025-06-30';

const count = (api: TestBackend, table: string) => (api.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = (api: TestBackend) => Object.fromEntries(TABLES.map((t) => [t, count(api, t)]));

async function fileOf(api: TestBackend, clinicId: string): Promise<PatientFile> {
  const page = await api.ok('patients.list', { query: clinicId });
  expect(page.items).toHaveLength(1);
  return api.ok('patients.file', { patientId: page.items[0]!.id });
}

function points(file: PatientFile, side: Side, motion: MotionKey, mode: Mode): RomPoint[] {
  return file.visits
    .flatMap((v) => v.measurements)
    .filter((m) => m.side === side && m.motion === motion && m.mode === mode)
    .map((m) => ({ id: m.id, date: m.date, value: m.degrees, raterId: m.raterId, instrument: m.instrument }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

function verdictOf(file: PatientFile, side: Side, motion: MotionKey, mode: Mode, today = todayLocal()) {
  const resetDates = file.events.filter((e) => e.kind === 'excision' && e.side === side && motion.startsWith(`${e.joint}.`)).map((e) => e.date);
  return analyseSeries({ label: `${side} ${motion} ${mode}`, points: points(file, side, motion, mode), threshold: motionSpec(motion).threshold.value, resetDates, today }).verdict;
}

/** The clinical content of a file: ids become the therapist's name (or "id"), instants are dropped. */
function clinicalContent(file: PatientFile): unknown {
  const names = new Map(file.therapists.map((t) => [t.id, t.name]));
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([k]) => !k.endsWith('At')).map(([k, v]) => [k, strip(v)]));
    }
    if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value)) return names.get(value) ?? 'id';
    return value;
  };
  return strip(file);
}

describe('sampleData.create on an empty clinic', () => {
  let api: TestBackend;
  let me: string;
  let summary: { patients: number; visits: number; measurements: number; events: number };
  let ms: number;
  beforeAll(async () => {
    api = openTestBackend();
    me = api.actorId()!;
    const started = performance.now();
    summary = await api.ok('sampleData.create', {});
    ms = performance.now() - started;
  });
  afterAll(() => api.dispose());

  it('creates six patients with their visits, and reports what it made', async () => {
    expect(summary.patients).toBe(6);
    expect(count(api, 'patients')).toBe(6);
    expect(summary).toEqual({ patients: 6, visits: count(api, 'visits'), measurements: count(api, 'measurements'), events: count(api, 'clinical_events') });
    expect(summary.visits).toBeGreaterThanOrEqual(6 * 8);
    expect(ms).toBeLessThan(10_000);
  });

  it('gives every patient risk factors, a watched site, 8 to 30 visits and events; sites change status over time', async () => {
    const page = await api.ok('patients.list', {});
    for (const p of page.items) {
      const file = await api.ok('patients.file', { patientId: p.id });
      expect(p.clinicId).toMatch(/^SAMPLE-00\d$/);
      expect(file.riskFactors.length).toBeGreaterThan(0);
      expect(file.sites.length).toBeGreaterThan(0);
      expect(file.visits.length).toBeGreaterThanOrEqual(8);
      expect(file.visits.length).toBeLessThanOrEqual(30);
      expect(file.events.length).toBeGreaterThan(0);
      for (const v of file.visits) expect(v.date <= todayLocal()).toBe(true);
    }
    const statusChanges = api.context.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = 'sites.changeStatus'`).get() as { n: number };
    expect(statusChanges.n).toBeGreaterThanOrEqual(8);
  });

  it('has two therapists measuring, and leaves the working therapist as it was', async () => {
    const raters = new Set((await fileOf(api, 'SAMPLE-003')).visits.flatMap((v) => v.measurements.map((m) => m.raterId)));
    expect(raters.size).toBe(2);
    expect(api.actorId()).toBe(me);
  });

  it('records active 3-5 degrees below passive, within the catalogue ranges', async () => {
    const page = await api.ok('patients.list', {});
    let pairs = 0;
    for (const p of page.items) {
      const file = await api.ok('patients.file', { patientId: p.id });
      for (const v of file.visits) {
        for (const m of v.measurements) {
          const { min, max } = motionSpec(m.motion as MotionKey).plausible;
          expect(m.degrees).toBeGreaterThanOrEqual(min);
          expect(m.degrees).toBeLessThanOrEqual(max);
          if (m.mode !== 'active') continue;
          const passive = v.measurements.find((x) => x.mode === 'passive' && x.side === m.side && x.motion === m.motion);
          if (!passive) continue;
          pairs += 1;
          expect(passive.degrees - m.degrees).toBeGreaterThanOrEqual(3);
          expect(passive.degrees - m.degrees).toBeLessThanOrEqual(5);
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it('refuses a second run with conflict and adds nothing', async () => {
    const before = counts(api);
    const r = await api.call('sampleData.create', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/only added to an empty database.*already has 6 patients/) } });
    expect(counts(api)).toEqual(before);
  });

  describe('the stories', () => {
    it('(a) brain injury: the right elbow loses flexion and extension, with a hard end-feel and Hastings-Graham IIA', async () => {
      const file = await fileOf(api, 'SAMPLE-001');
      const flexion = points(file, 'right', 'elbow.flexion', 'active');
      expect(flexion[0]!.value - flexion.at(-1)!.value).toBeGreaterThan(8);
      expect(verdictOf(file, 'right', 'elbow.flexion', 'active').kind).toBe('losing');
      expect(verdictOf(file, 'right', 'elbow.extension', 'active').kind).toBe('losing');
      const passive = file.visits.flatMap((v) => v.measurements).filter((m) => m.side === 'right' && m.motion === 'elbow.flexion' && m.mode === 'passive');
      expect(new Set(passive.map((m) => m.endFeel))).toEqual(new Set(['firm', 'hard']));
      expect(file.sites.find((s) => s.joint === 'elbow' && s.side === 'right')).toMatchObject({ status: 'confirmed', classification: { code: 'hastings:IIA' } });
      expect(file.events.map((e) => e.kind)).toContain('nsaid_course');
    });

    it('(b) hip replacement with radiation: the left hip holds within the measurement error', async () => {
      const file = await fileOf(api, 'SAMPLE-002');
      const flexion = points(file, 'left', 'hip.flexion', 'active');
      expect(Math.abs(flexion.at(-1)!.value - flexion[0]!.value)).toBeLessThan(motionSpec('hip.flexion').threshold.value);
      expect(verdictOf(file, 'left', 'hip.flexion', 'active').kind).toBe('holding');
      expect(file.events.find((e) => e.kind === 'radiation')).toMatchObject({ value: 7, unit: 'Gy', joint: 'hip', side: 'left' });
    });

    it('(c) spinal cord injury: the right hip is excised, regains motion, then loses it again; the left holds', async () => {
      const file = await fileOf(api, 'SAMPLE-003');
      const excision = file.events.find((e) => e.kind === 'excision')!;
      const right = points(file, 'right', 'hip.flexion', 'passive');
      const before = right.filter((p) => p.date < excision.date);
      const after = right.filter((p) => p.date > excision.date);
      expect(after[0]!.value - before.at(-1)!.value).toBeGreaterThan(25);
      expect(Math.max(...after.map((p) => p.value)) - after.at(-1)!.value).toBeGreaterThan(20);
      expect(verdictOf(file, 'right', 'hip.flexion', 'passive').kind).toBe('losing');
      expect(verdictOf(file, 'left', 'hip.flexion', 'passive').kind).toBe('holding');
      expect(points(file, 'right', 'hip.flexion', 'active')).toEqual([]);
      expect(file.sites.map((s) => `${s.side} ${s.status}`).sort()).toEqual(['left at_risk', 'right confirmed']);
      expect(file.events.filter((e) => e.kind === 'xray').map((e) => e.classification)).toContain('brooker:III');
      expect(file.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['bisphosphonate_course', 'lab_result', 'radiation']));
    });

    it('(d) burns: the left elbow improves with therapy, the right holds', async () => {
      const file = await fileOf(api, 'SAMPLE-004');
      expect(verdictOf(file, 'left', 'elbow.flexion', 'active').kind).toBe('improving');
      expect(verdictOf(file, 'right', 'elbow.flexion', 'active').kind).toBe('holding');
      expect(file.sites).toHaveLength(2);
    });

    it('(e) immobility: the knee improves to the functional goal of 110', async () => {
      const file = await fileOf(api, 'SAMPLE-005');
      expect(verdictOf(file, 'right', 'knee.flexion', 'active').kind).toBe('improving');
      expect(points(file, 'right', 'knee.flexion', 'active').at(-1)!.value).toBeGreaterThanOrEqual(motionSpec('knee.flexion').functional!.value);
    });

    it('(f) stroke: the hemiplegic shoulder holds, measured passively with an inclinometer', async () => {
      const file = await fileOf(api, 'SAMPLE-006');
      expect(verdictOf(file, 'left', 'shoulder.flexion', 'passive').kind).toBe('holding');
      expect(points(file, 'left', 'shoulder.flexion', 'active')).toEqual([]);
      expect(new Set(points(file, 'left', 'shoulder.flexion', 'passive').map((p) => p.instrument))).toEqual(new Set(['inclinometer']));
    });
  });
});

describe('sample data is deterministic and careful', () => {
  const open: TestBackend[] = [];
  const fresh = () => {
    const api = openTestBackend();
    open.push(api);
    return api;
  };
  afterEach(() => {
    open.splice(0).forEach((api) => api.dispose());
    vi.restoreAllMocks();
  });

  it('gives the same clinical content for the same anchor on two fresh databases', async () => {
    const [a, b] = [fresh(), fresh()];
    const ra = await createSampleData(a.scoped, { anchor: ANCHOR });
    const rb = await createSampleData(b.scoped, { anchor: ANCHOR });
    expect({ ...ra, patientIds: [] }).toEqual({ ...rb, patientIds: [] });
    for (let i = 0; i < ra.patientIds.length; i++) {
      const fa = await a.ok('patients.file', { patientId: ra.patientIds[i]! });
      const fb = await b.ok('patients.file', { patientId: rb.patientIds[i]! });
      expect(clinicalContent(fa)).toEqual(clinicalContent(fb));
    }
    const all = await a.ok('patients.file', { patientId: ra.patientIds[2]! });
    expect(all.visits.every((v) => v.date <= ANCHOR)).toBe(true);
    expect(all.visits[0]!.date).toBe('2025-06-20');
  });

  it('refuses a database that already has a real patient', async () => {
    const api = fresh();
    await makePatient(api);
    const r = await api.call('sampleData.create', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already has 1 patient\b/) } });
    expect(count(api, 'patients')).toBe(1);
    expect(count(api, 'therapists')).toBe(1);
  });

  it('needs a therapist working', async () => {
    const api = fresh();
    api.scope.token = null;
    expect(await api.call('sampleData.create', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(count(api, 'patients')).toBe(0);
  });

  it('leaves nothing behind when it fails part-way, and the working therapist as it was', async () => {
    const api = fresh();
    const me = api.actorId();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = counts(api);
    api.context.db.exec(`CREATE TEMP TRIGGER fail_on_excision BEFORE INSERT ON main.clinical_events WHEN NEW.kind = 'excision'
      BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;`);
    const r = await api.call('sampleData.create', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(counts(api)).toEqual(before);
    expect(api.actorId()).toBe(me);
    expect(api.context.db.inTransaction).toBe(false);
  });

  it('names the operation and the error when a call fails', async () => {
    const api = fresh();
    const me = api.actorId();
    let visits = 0;
    const failing: Dispatch = (op, input) =>
      op === 'visits.record' && ++visits === 5 ? Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'Broken on purpose.' } }) : api.scoped(op, input);
    await expect(createSampleData(failing, { anchor: ANCHOR })).rejects.toThrow(/visits\.record failed \(invalid_input\): Broken on purpose/);
    expect(api.actorId()).toBe(me);
  });
});
