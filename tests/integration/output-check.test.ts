import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { operations, type OperationName } from '../../shared/api/contract';
import { handlers } from '../../electron/api/handlers';
import { checkedOutput, outputWalk } from '../../electron/api/output-check';
import { readPatientFile } from '../../electron/api/patient-file';
import { Measurement } from '../../shared/domain/visit';
import { MOTION_SPECS } from '../../shared/domain/catalogue';
import { sameValueTests } from '../../shared/domain/same-value-test';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';

// The dispatcher's output check walks the value instead of letting zod copy it (output-check.ts). The walk may
// only say "valid" where zod says valid and would return the same value; these tests hold it to that on real
// outputs and on thousands of broken copies of them.

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

/** A patient with two visits (one reading corrected), a site, an X-ray and a risk factor: every part of a file. */
async function fullFile() {
  const p = await makePatient(api);
  const visit = await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
  await api.ok('visits.record', { patientId: p.id, date: '2026-10-08', setting: 'home', notes: 'Stiff', measurements: twelveMeasurements() });
  await api.ok('measurements.correct', { id: visit.measurements[0]!.id, degrees: 100, instrument: 'goniometer', endFeel: 'firm', pain: 2, note: 'Re-read', reason: 'Misread' });
  await api.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'at_risk', since: '2026-08-01' });
  await api.ok('events.record', { patientId: p.id, kind: 'xray', date: '2026-09-01', title: 'X-ray', joint: 'elbow', side: 'right', classification: 'hastings:IIB' });
  await api.ok('riskFactors.add', { patientId: p.id, kind: 'burns', onsetDate: '2026-07-01' });
  const file = await api.ok('patients.file', { patientId: p.id });
  // Three readings a visit (the corrected one among them) keep every kind of field and the breaking below quick.
  const small = { ...file, visits: file.visits.map((v) => ({ ...v, measurements: v.measurements.filter((m, i) => i < 2 || m.supersedesId !== null) })) };
  return { patientId: p.id, file, small };
}

/** Every path to a value inside `v` (objects' keys and arrays' indexes), down to `depth` steps. */
function paths(v: unknown, depth: number, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (at.length >= depth) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, depth, [...at, i], out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) paths(x, depth, [...at, k], out);
  return out;
}

type Tree = Record<string | number, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null;

const ODD_VALUES: unknown[] = [undefined, null, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '', 'x', 'elbow.flexion', 'left', 'passive', true, false, {}, [], [1], { a: 1 }, new Date(0), new Map()];

/** A copy of `value` broken at one place: a value replaced, a key removed, or a key added. */
function broken(value: unknown, path: (string | number)[], how: number): unknown {
  if (path.length === 0) return ODD_VALUES[how % ODD_VALUES.length];
  const copy: unknown = structuredClone(value);
  let parent: unknown = copy;
  for (const step of path.slice(0, -1)) parent = isTree(parent) ? parent[step] : undefined;
  const last = path[path.length - 1]!;
  if (!isTree(parent)) return copy;
  const kind = how % 4;
  if (kind === 0 && !Array.isArray(parent)) delete parent[last];
  else if (kind === 1 && !Array.isArray(parent)) parent[`${String(last)}Extra`] = 1;
  else parent[last] = ODD_VALUES[how % ODD_VALUES.length];
  return copy;
}

/** Four breaks at every place of `value`: a key removed, a key added, two odd values put in. */
function* everyBreak(value: unknown, depth = Infinity): Generator<{ at: string; value: unknown }> {
  for (const [i, path] of paths(value, depth).entries()) {
    for (let k = 0; k < 4; k++) yield { at: `${path.join('.')} (${k}, ${i})`, value: broken(value, path, i * 4 + k + (k >> 1) * 7) };
  }
}

/** The walk's promise: when it says valid, zod agrees and would return a deep-equal value. */
function expectWalkAgreesWithZod(schema: z.core.$ZodType, value: unknown, where: string) {
  const walked = outputWalk(schema)(value);
  const parsed = z.safeParse(schema, value);
  if (walked) {
    expect(parsed.success, `the walk accepted what zod refuses at ${where}`).toBe(true);
    if (parsed.success) expect(parsed.data, where).toStrictEqual(value);
  }
  return { walked, zodAccepts: parsed.success };
}

describe('the output check', () => {
  it('compiles for every output of the contract', () => {
    for (const name of Object.keys(operations) as OperationName[]) expect(typeof outputWalk(operations[name].output), name).toBe('function');
  });

  it("accepts a real patient file as it is, without zod's copy", async () => {
    const { file } = await fullFile();
    expect(file.visits.flatMap((v) => v.measurements).some((m) => m.supersedesId !== null)).toBe(true);
    expect(outputWalk(operations['patients.file'].output)(file)).toBe(true);
    expect(checkedOutput(operations['patients.file'].output, file, 'patients.file')).toBe(file);
  });

  it('refuses every value zod refuses, at every place of a patient file broken in every way', async () => {
    const { small } = await fullFile();
    const schema = operations['patients.file'].output;
    let refused = 0;
    let tried = 0;
    for (const { at, value } of everyBreak(small)) {
      tried++;
      const { walked, zodAccepts } = expectWalkAgreesWithZod(schema, value, at);
      if (!zodAccepts) {
        refused++;
        expect(walked, at).toBe(false);
        if (refused % 50 === 0) expect(() => checkedOutput(schema, value, 'patients.file')).toThrow(/output of patients.file does not match the contract/);
      }
    }
    // Most breaks are real breaks: the test is not passing on values zod accepts anyway.
    expect(refused).toBeGreaterThan(tried * 0.7);
  }, 60_000);

  it('holds the worklist page (optional fields, counts keyed by reason, messages) and the analysis to the same rule', async () => {
    const { patientId } = await fullFile();
    const page = await api.ok('worklist.get', { today: '2026-10-20' });
    const analysis = await api.ok('analysis.patient', { patientId, today: '2026-10-20' });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(outputWalk(operations['worklist.get'].output)(page)).toBe(true);
    // The analysis's check guards its series' identity and verdicts, four steps deep at most.
    for (const [name, value, depth] of [['worklist.get', page, 9], ['analysis.patient', analysis, 4]] as const) {
      const schema = operations[name].output;
      for (const { at, value: b } of everyBreak(value, depth)) expectWalkAgreesWithZod(schema, b, `${name} ${at}`);
    }
  }, 60_000);

  it("takes a motion's registered test as zod's whole verdict, and refuses a large file with one unknown motion", async () => {
    const motion = Measurement.shape.motion;
    const registered = sameValueTests.get(motion);
    expect(registered).toBeDefined();
    for (const v of [...MOTION_SPECS.map((m) => m.key), ...ODD_VALUES, 'elbow.flexion ', 'Elbow.flexion', 'elbow', 'constructor', '__proto__']) {
      const zod = motion.safeParse(v);
      expect(registered!.test(v), String(v)).toBe(zod.success && Object.is(zod.data, v));
    }
    const p = await makePatient(api);
    for (let d = 1; d <= 25; d++) await api.ok('visits.record', { patientId: p.id, date: `2026-09-${String(d).padStart(2, '0')}`, measurements: twelveMeasurements() });
    const file = await api.ok('patients.file', { patientId: p.id });
    const schema = operations['patients.file'].output;
    expect(checkedOutput(schema, file, 'patients.file')).toBe(file);
    // The oldest visit's last reading: the walk meets it after 299 good ones.
    const last = file.visits.length - 1;
    for (const bad of ['elbow.flexionn', 7, null]) {
      const broken = { ...file, visits: file.visits.map((v, i) => (i === last ? { ...v, measurements: v.measurements.map((m, j) => (j === v.measurements.length - 1 ? { ...m, motion: bad } : m)) } : v)) };
      expect(outputWalk(schema)(broken), String(bad)).toBe(false);
      expect(() => checkedOutput(schema, broken, 'patients.file'), String(bad)).toThrow(/output of patients.file does not match the contract/);
    }
  }, 60_000);

  it('fails a read whose handler returns what the contract does not allow, with nothing drawn from it', async () => {
    const { patientId } = await fullFile();
    const spy = vi.spyOn(handlers, 'patients.file').mockImplementation((input, ctx) => {
      const file = readPatientFile(ctx, input.patientId);
      // An angle with a fraction: a number, so it type-checks, but not one the contract allows.
      return { ...file, visits: file.visits.map((v, i) => (i === 0 ? { ...v, measurements: [{ ...v.measurements[0]!, degrees: 12.5 }] } : v)) };
    });
    try {
      const r = await api.scoped('patients.file', { patientId });
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      spy.mockRestore();
    }
  });
});
