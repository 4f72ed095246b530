import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../shared/exchange/codes';
import { openTestBackend, TEST_CLINIC, type TestBackend } from '../support/backend';
import { twelveMeasurements } from '../support/clinical-fixtures';

// Two workstations on real SQLite files: A records, exports a patient, B imports the file. What B then exports must
// be what A exported (for the records an import writes so far), a second import must change nothing, and a later
// file from A with a new visit, a correction and another birth date must merge the clinical records and list the
// birth date for a person to decide.

let a: TestBackend;
let b: TestBackend;
let patientId: string;
let correctable: { id: string; degrees: number; instrument: 'goniometer' | 'inclinometer' | 'smartphone' | 'visual'; endFeel: 'soft' | 'firm' | 'hard' | 'empty' | null; pain: number | null };

/** Workstation B: its own clinic identity and a therapist whose registration number A's therapists do not use. */
function openSecondWorkstation(): TestBackend {
  const api = openTestBackend({ setup: false });
  api.context.transaction(() => {
    const at = api.context.now();
    const t = api.context.repos.therapists.insert({ name: 'Kofi Mensah', title: null, registrationNumber: 'PT-2002', initials: 'KM' }, at);
    api.context.repos.clinic.insert({ ...TEST_CLINIC, logo: null, paperSize: 'A4', dateFormat: 'D MMM YYYY' }, at);
    api.context.session.select(t.id);
  });
  return api;
}

const rows = (api: TestBackend) => {
  const n = (t: string) => (api.context.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { patients: n('patients'), therapists: n('therapists'), visits: n('visits'), visitVoids: n('visit_voids'), measurements: n('measurements'), audit: n('audit_log') };
};

async function exportOf(api: TestBackend, id: string): Promise<Bundle> {
  const file = await api.ok('exchange.exportFhir', { patientId: id });
  return JSON.parse(file.content) as Bundle;
}

/**
 * The entries of the kinds an import writes (patient, therapists the visits name, visits, their symptoms and
 * measurements), keyed by fullUrl, with each workstation's own clinic id (its Organization, its identifier
 * systems) put as CLINIC: the two databases have different identities by design.
 */
function comparable(bundle: Bundle): Record<string, BundleEntry> {
  const entries = bundle.entry ?? [];
  const clinicId = entries.find((e) => e.resource?.resourceType === 'Organization')!.fullUrl!.slice('urn:uuid:'.length);
  const text = JSON.stringify(entries).split(clinicId).join('CLINIC');
  const all = JSON.parse(text) as BundleEntry[];
  const visits = new Set(all.filter((e) => e.resource?.resourceType === 'Encounter').map((e) => e.fullUrl!.slice(9)));
  const kept = all.filter((e) => {
    const r = e.resource!;
    if (r.resourceType === 'Patient' || r.resourceType === 'Encounter') return true;
    if (r.resourceType !== 'Observation') return false;
    const lineage = r.identifier?.find((i) => i.system === SYSTEM.record)?.value ?? '';
    return r.code.coding?.some((c) => c.system === SYSTEM.motion) || visits.has(lineage.split('/')[0]!);
  });
  const named = new Set(JSON.stringify(kept).match(/urn:uuid:[0-9a-f-]{36}/g));
  const therapists = all.filter((e) => e.resource?.resourceType === 'Practitioner' && named.has(e.fullUrl!));
  return Object.fromEntries([...kept, ...therapists].map((e) => [e.fullUrl!, e]));
}

beforeAll(async () => {
  a = openTestBackend();
  await a.ok('sampleData.create', {});
  const page = await a.ok('patients.list', { query: '' });
  patientId = page.items[0]!.id;
  const file = await a.ok('patients.file', { patientId });
  const [first, second] = file.visits.flatMap((v) => v.measurements);
  await a.ok('measurements.void', { id: first!.id, reason: 'Measured the wrong side' });
  correctable = second!;
  b = openSecondWorkstation();
}, 120_000);
afterAll(() => {
  a?.dispose();
  b?.dispose();
});

describe('exchange.importFhir', () => {
  it('imports a patient into an empty database so that exporting it again gives the same resources', async () => {
    const sent = await exportOf(a, patientId);
    const file = await a.ok('exchange.exportFhir', { patientId });
    const report = await b.ok('exchange.importFhir', { content: file.content });
    expect(report).toMatchObject({ patientId, matchedBy: null, unchanged: false, conflicts: [] });
    expect(report.added.patients).toBe(1);
    expect(report.added.visits).toBeGreaterThan(0);
    expect(report.added.measurements).toBeGreaterThan(0);
    // The sample patient has watched sites, events and plans: listed, not silently dropped.
    expect(report.notImported.map((n) => n.resourceType)).toEqual(expect.arrayContaining(['Condition']));
    const back = await exportOf(b, patientId);
    expect(Object.keys(comparable(sent)).length).toBeGreaterThan(report.added.measurements + report.added.visits);
    expect(comparable(back)).toEqual(comparable(sent));
    // The voided measurement arrived voided, with its reason.
    const logged = b.context.db.prepare(`SELECT entity_id AS id FROM audit_log WHERE operation = 'exchange.importFhir'`).all();
    expect(logged).toEqual([{ id: patientId }]);
    const voided = await b.ok('patients.voided', { patientId });
    expect(voided.measurements.map((m) => m.voided?.reason)).toEqual(['Measured the wrong side']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = await a.ok('exchange.exportFhir', { patientId });
    const before = rows(b);
    const changes = (b.context.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const report = await b.ok('exchange.importFhir', { content: file.content });
    expect(report.unchanged).toBe(true);
    expect(report.added).toEqual({ patients: 0, therapists: 0, visits: 0, measurements: 0 });
    expect(report.matchedBy).toBe('id');
    expect(rows(b)).toEqual(before);
    expect((b.context.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(changes);
  });

  it('merges a later file with a new visit and a correction, and lists a different birth date without taking it', async () => {
    const here = (await b.ok('patients.get', { id: patientId })).dateOfBirth;
    const p = await a.ok('patients.get', { id: patientId });
    await a.ok('patients.update', { id: p.id, version: p.version, familyName: p.familyName, givenNames: p.givenNames, clinicId: p.clinicId, dateOfBirth: '1971-02-03', sex: p.sex });
    const corrected = await a.ok('measurements.correct', {
      id: correctable.id,
      reason: 'Read the goniometer wrongly',
      degrees: correctable.degrees - 2,
      instrument: correctable.instrument,
      endFeel: correctable.endFeel,
      pain: correctable.pain,
      note: null,
    });
    const visit = await a.ok('visits.record', { patientId, date: '2026-11-20', measurements: twelveMeasurements() });
    const file = await a.ok('exchange.exportFhir', { patientId });

    const report = await b.ok('exchange.importFhir', { content: file.content });
    expect(report.added).toMatchObject({ patients: 0, visits: 1, measurements: 13 });
    expect(report.conflicts).toEqual([expect.objectContaining({ field: 'dateOfBirth', here, incoming: '1971-02-03' })]);
    expect((await b.ok('patients.get', { id: patientId })).dateOfBirth).toBe(here);
    expect((await b.ok('visits.list', { patientId })).some((v) => v.id === visit.id)).toBe(true);
    const history = await b.ok('measurements.history', { id: corrected.id });
    expect(history.map((m) => [m.id, m.degrees, m.correctionReason])).toEqual([
      [correctable.id, correctable.degrees, null],
      [corrected.id, correctable.degrees - 2, 'Read the goniometer wrongly'],
    ]);
    // Apart from the birth date left for a decision, B now sends what A sends.
    const sent = comparable(await exportOf(a, patientId));
    const back = comparable(await exportOf(b, patientId));
    const patientUrl = `urn:uuid:${patientId}`;
    expect({ ...back, [patientUrl]: null }).toEqual({ ...sent, [patientUrl]: null });

    const decided = await b.ok('exchange.importFhir', { content: file.content, decisions: { takeIncoming: ['dateOfBirth'] } });
    expect(decided.conflicts).toEqual([]);
    expect((await b.ok('patients.get', { id: patientId })).dateOfBirth).toBe('1971-02-03');
    expect(comparable(await exportOf(b, patientId))).toEqual(sent);
  });

  it('matches a patient recorded here under another id by clinic id, and attaches the visits to that patient', async () => {
    const c = openSecondWorkstation();
    try {
      const theirs = await a.ok('patients.get', { id: patientId });
      const ours = await c.ok('patients.create', { familyName: theirs.familyName, givenNames: theirs.givenNames, clinicId: theirs.clinicId, dateOfBirth: theirs.dateOfBirth, sex: theirs.sex });
      const file = await a.ok('exchange.exportFhir', { patientId });
      const report = await c.ok('exchange.importFhir', { content: file.content });
      expect(report).toMatchObject({ patientId: ours.id, matchedBy: 'clinicId', added: { patients: 0 } });
      expect(rows(c).patients).toBe(1);
      const ids = async (api: TestBackend, id: string) => (await api.ok('visits.list', { patientId: id })).map((v) => v.id).sort();
      expect(await ids(c, ours.id)).toEqual(await ids(a, patientId));
      expect((await ids(c, ours.id)).length).toBeGreaterThan(0);
    } finally {
      c.dispose();
    }
  });

  it('refuses a file that is not a ROMtrack patient Bundle, naming what is wrong, and writes nothing', async () => {
    const before = rows(b);
    const bundle = await exportOf(a, patientId);
    const obs = bundle.entry!.find((e) => e.resource?.resourceType === 'Observation' && e.resource.code.coding?.some((c) => c.system === SYSTEM.motion));
    if (obs?.resource?.resourceType !== 'Observation') throw new Error('no measurement');
    obs.resource.valueQuantity = { value: 900, system: 'http://unitsofmeasure.org', code: 'deg' };
    const index = bundle.entry!.indexOf(obs) + 1;
    const bad = await b.call('exchange.importFhir', { content: JSON.stringify(bundle) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!bad.ok) expect(bad.error.message).toContain(`Entry ${index} (Observation)`);
    const notJson = await b.call('exchange.importFhir', { content: 'name,date\n' });
    if (notJson.ok) throw new Error('accepted');
    expect(notJson.error.message).toMatch(/not JSON/);
    const huge = await b.call('exchange.importFhir', { content: ' '.repeat(1024 * 1024) });
    if (huge.ok) throw new Error('accepted');
    expect(JSON.stringify(huge.error)).toMatch(/larger than \d+ KB/);
    expect(rows(b)).toEqual(before);
  });
});
