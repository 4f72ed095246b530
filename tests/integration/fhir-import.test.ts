import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../shared/exchange/codes';
import { openTestBackend, type TestBackend } from '../support/backend';
import { twelveMeasurements } from '../support/clinical-fixtures';
import { addPlans } from '../support/exchange-plans';
import { openSecondWorkstation } from '../support/fhir-setup';
import { makeTempDir } from '../support/temp-dir';

// Two workstations on real SQLite files: A records, exports a patient, B imports the file. What B then exports must
// be what A exported (every resource but the clinic's own Organization), a second import must change nothing, and
// a later file from A with a new visit, corrections and another birth date must merge the clinical records, keep
// each correction as a version and list the birth date for a person to decide.

let a: TestBackend;
let b: TestBackend;
let patientId: string;
let correctable: { id: string; degrees: number; instrument: 'goniometer' | 'inclinometer' | 'smartphone' | 'visual'; endFeel: 'soft' | 'firm' | 'hard' | 'empty' | null; pain: number | null };

const rows = (api: TestBackend) => {
  const n = (t: string) => (api.context.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return {
    patients: n('patients'), therapists: n('therapists'), visits: n('visits'), visitVoids: n('visit_voids'), measurements: n('measurements'),
    sites: n('watched_sites'), riskFactors: n('risk_factors'), events: n('clinical_events'), plans: n('plan_versions'), items: n('plan_items'), goals: n('plan_goals'),
    audit: n('audit_log'),
  };
};

async function exportOf(api: TestBackend, id: string): Promise<Bundle> {
  const file = await api.ok('exchange.exportFhir', { patientId: id });
  return JSON.parse(file.content) as Bundle;
}

/**
 * Every entry but the clinic's Organization (each workstation names itself), keyed by fullUrl, with each
 * workstation's own clinic id (in its identifier systems) put as CLINIC: the two databases have different
 * identities by design.
 */
function comparable(bundle: Bundle): Record<string, BundleEntry> {
  const entries = bundle.entry ?? [];
  const clinicId = entries.find((e) => e.resource?.resourceType === 'Organization')!.fullUrl!.slice('urn:uuid:'.length);
  const all = JSON.parse(JSON.stringify(entries).split(clinicId).join('CLINIC')) as BundleEntry[];
  return Object.fromEntries(all.filter((e) => e.resource?.resourceType !== 'Organization').map((e) => [e.fullUrl!, e]));
}

/**
 * A file carries each record's current version only, so a record corrected before the file was made arrives in an
 * empty database as its first version there: its correction mark (request, amended status, reason note) is not
 * sent back. The merge test below checks corrections that reach a database holding the earlier version.
 */
function withoutCorrectionMarks(entries: Record<string, BundleEntry>, corrected: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries).map(([url, e]) => {
      if (!corrected.has(url)) return [url, e];
      // A plain copy, so any resource type's note and status are read the same way.
      const { note, status, ...rest }: { note?: { text?: string; time?: string }[]; status?: string } & Record<string, unknown> = JSON.parse(JSON.stringify(e.resource));
      const notes = note?.filter((n) => !(n.time && n.text?.startsWith('Corrected: '))) ?? [];
      return [url, { fullUrl: e.fullUrl, resource: { ...rest, ...(notes.length ? { note: notes } : {}), status: status === 'amended' ? 'final' : status } }];
    }),
  );
}

/** The entries a workstation sends as corrections (a conditional update with a "Corrected:" note). */
function correctedIn(entries: Record<string, BundleEntry>): Set<string> {
  return new Set(Object.entries(entries).filter(([, e]) => JSON.stringify(e.resource).includes('"text":"Corrected: ')).map(([url]) => url));
}

const ZERO = { patients: 0, therapists: 0, visits: 0, measurements: 0, sites: 0, riskFactors: 0, events: 0, planVersions: 0, goals: 0 };

beforeAll(async () => {
  a = openTestBackend();
  await a.ok('sampleData.create', {});
  const page = await a.ok('patients.list', { query: '' });
  patientId = page.items[0]!.id;
  const file = await a.ok('patients.file', { patientId });
  const [first, second] = file.visits.flatMap((v) => v.measurements);
  await a.ok('measurements.void', { id: first!.id, reason: 'Measured the wrong side' });
  correctable = second!;
  await addPlans(a, patientId);
  const events = await a.ok('events.list', { patientId });
  if (events[0]) await a.ok('events.void', { id: events[0].id, reason: 'Recorded on the wrong patient' });
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
    expect(report.added).toMatchObject({ planVersions: 3, goals: 2 });
    expect(report.added.events).toBeGreaterThan(0);
    expect(report.added.sites + report.added.riskFactors).toBeGreaterThan(0);
    expect(report.notImported).toEqual([]);
    const back = await exportOf(b, patientId);
    const types = new Set(Object.values(comparable(sent)).map((e) => e.resource!.resourceType));
    expect([...types].sort()).toEqual(expect.arrayContaining(['CarePlan', 'Condition', 'Encounter', 'Goal', 'Observation', 'Patient', 'Practitioner']));
    expect(comparable(back)).toEqual(comparable(sent));
    // Versions and authors came too: the revised plan's history, the voided goal, the voided event.
    const plans = await b.ok('plans.list', { patientId });
    const revised = plans.find((p) => p.versions.length === 2)!;
    expect(revised.versions[1]).toMatchObject({ correctionReason: 'Progressed after review', supersedesId: revised.versions[0]!.id });
    expect(plans.find((p) => p.versions[0]!.ended)!.versions[0]!.ended).toMatchObject({ reason: 'Patient moved away' });
    const aVoided = await a.ok('patients.voided', { patientId });
    const bVoided = await b.ok('patients.voided', { patientId });
    expect(bVoided.events.map((e) => [e.id, e.voided?.reason, e.recordedBy])).toEqual(aVoided.events.map((e) => [e.id, e.voided?.reason, e.recordedBy]));
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
    expect(report.added).toEqual(ZERO);
    expect(report.matched.planVersions).toBe(3);
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
    const risk = (await a.ok('patients.file', { patientId })).riskFactors[0]!;
    const riskFixed = await a.ok('riskFactors.correct', { id: risk.id, reason: 'Onset date from the referral letter', kind: risk.kind, onsetDate: '2024-05-06', note: risk.note });
    const file = await a.ok('exchange.exportFhir', { patientId });

    const report = await b.ok('exchange.importFhir', { content: file.content });
    expect(report.added).toMatchObject({ patients: 0, visits: 1, measurements: 13, riskFactors: 1, planVersions: 0 });
    expect(report.conflicts).toEqual([expect.objectContaining({ field: 'dateOfBirth', here, incoming: '1971-02-03' })]);
    expect((await b.ok('patients.get', { id: patientId })).dateOfBirth).toBe(here);
    expect((await b.ok('visits.list', { patientId })).some((v) => v.id === visit.id)).toBe(true);
    const history = await b.ok('measurements.history', { id: corrected.id });
    expect(history.map((m) => [m.id, m.degrees, m.correctionReason])).toEqual([
      [correctable.id, correctable.degrees, null],
      [corrected.id, correctable.degrees - 2, 'Read the goniometer wrongly'],
    ]);
    const riskHistory = b.context.repos.profile.riskFactorVersions.history(riskFixed.id);
    expect(riskHistory.map((r) => [r.id, r.onset_date, r.correction_reason, r.superseded_by])).toEqual([
      [risk.id, risk.onsetDate, null, riskFixed.id],
      [riskFixed.id, '2024-05-06', 'Onset date from the referral letter', null],
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

  it('brings every patient of the sample clinic into an empty database, each exported again as it was sent', async () => {
    const c = openSecondWorkstation();
    try {
      const ids = (await a.ok('patients.list', { query: '' })).items.map((p) => p.id);
      expect(ids.length).toBeGreaterThanOrEqual(6);
      for (const id of ids) {
        const sent = await exportOf(a, id);
        const report = await c.ok('exchange.importFhir', { content: JSON.stringify(sent) });
        expect(report, id).toMatchObject({ patientId: id, unchanged: false, conflicts: [], notImported: [] });
        const corrected = correctedIn(comparable(sent));
        expect(withoutCorrectionMarks(comparable(await exportOf(c, id)), corrected), id).toEqual(withoutCorrectionMarks(comparable(sent), corrected));
      }
      const before = rows(c);
      for (const id of ids) expect((await c.ok('exchange.importFhir', { content: (await a.ok('exchange.exportFhir', { patientId: id })).content })).unchanged).toBe(true);
      expect(rows(c)).toEqual(before);
    } finally {
      c.dispose();
    }
  }, 120_000);

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

  it("keeps an event's title that is its kind's own name where the kind needs a title, and reads no title back as none", async () => {
    const c = openSecondWorkstation();
    try {
      const p = await a.ok('patients.create', { familyName: 'Titles', givenNames: 'Ada', clinicId: 'TT-1', dateOfBirth: '1970-05-05', sex: 'female' });
      // Injuries and courses must be named; a clinician may name them by the kind itself.
      await a.ok('events.record', { patientId: p.id, kind: 'injury', date: '2026-01-10', title: 'Injury' });
      await a.ok('events.record', { patientId: p.id, kind: 'nsaid_course', date: '2026-01-12', title: 'NSAID course' });
      await a.ok('events.record', { patientId: p.id, kind: 'bone_scan', date: '2026-02-01', title: null });
      await c.ok('exchange.importFhir', { content: (await a.ok('exchange.exportFhir', { patientId: p.id })).content });
      const titles = (await c.ok('patients.file', { patientId: p.id })).events.map((e) => [e.kind, e.title]).sort();
      expect(titles).toEqual([['bone_scan', null], ['injury', 'Injury'], ['nsaid_course', 'NSAID course']]);
    } finally {
      c.dispose();
    }
  });

  it('keeps a record voided here voided when a later file brings a correction of it, and says so', async () => {
    const c = openSecondWorkstation();
    try {
      await c.ok('exchange.importFhir', { content: (await a.ok('exchange.exportFhir', { patientId })).content });
      const target = (await c.ok('patients.file', { patientId })).visits.flatMap((v) => v.measurements).at(-1)!;
      await c.ok('measurements.void', { id: target.id, reason: 'Duplicate of the reading above' });
      const fixed = await a.ok('measurements.correct', {
        id: target.id, reason: 'Typed 5 degrees too many', degrees: target.degrees - 5, instrument: target.instrument, endFeel: target.endFeel, pain: target.pain, note: null,
      });
      const report = await c.ok('exchange.importFhir', { content: (await a.ok('exchange.exportFhir', { patientId })).content });
      expect(report.conflicts).toEqual([expect.objectContaining({ field: 'measurement', incoming: fixed.id, message: expect.stringMatching(/voided here; it stays voided/) })]);
      expect(report.added.measurements).toBe(0);
      const ids = (await c.ok('patients.file', { patientId })).visits.flatMap((v) => v.measurements).map((m) => m.lineageId);
      expect(ids).not.toContain(target.lineageId);
      expect((await c.ok('patients.voided', { patientId })).measurements.map((m) => m.id)).toContain(target.id);
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

    // Risk factors, events and plans are held to the rules their forms apply: a plan item that works no motion, a
    // risk factor ROMtrack does not list; every problem named, nothing written.
    const plans = await exportOf(a, patientId);
    const carePlan = plans.entry!.find((e) => e.resource?.resourceType === 'CarePlan');
    const risk = plans.entry!.find((e) => e.resource?.resourceType === 'Condition' && e.resource.code?.coding?.some((c) => c.system === SYSTEM.riskFactor));
    if (carePlan?.resource?.resourceType !== 'CarePlan' || risk?.resource?.resourceType !== 'Condition') throw new Error('no plan or risk factor');
    for (const activity of carePlan.resource.activity ?? []) for (const x of activity.extension ?? []) x.extension = x.extension?.filter((p) => p.url !== 'motion');
    risk.resource.code = { coding: [{ system: SYSTEM.riskFactor, code: 'gout' }] };
    const refused = await b.call('exchange.importFhir', { content: JSON.stringify(plans) });
    if (refused.ok) throw new Error('accepted');
    expect(refused.error.message).toContain(`Entry ${plans.entry!.indexOf(carePlan) + 1} (CarePlan): a plan item: choose at least one motion`);
    expect(refused.error.message).toContain(`Entry ${plans.entry!.indexOf(risk) + 1} (Condition): choose one of the listed risk factors.`);
    expect(rows(b)).toEqual(before);
  });
});

describe('exchange.importClinic', () => {
  it('brings a whole clinic file into an empty database, checked first, once, each patient exported again as it was sent', async () => {
    const out = makeTempDir('romtrack-clinic-import-');
    const c = openSecondWorkstation();
    try {
      const path = join(out.dir, 'clinic.ndjson');
      const written = await a.ok('exchange.exportClinic', { path });
      // A file with one broken line is refused whole: nothing of the good patients before it is written.
      const broken = join(out.dir, 'broken.ndjson');
      const text = readFileSync(path, 'utf8');
      writeFileSync(broken, text.replace(/"value":(-?\d+(\.\d+)?),"unit":"°"/, '"value":900,"unit":"°"'));
      const before = rows(c);
      const refused = await c.call('exchange.importClinic', { path: broken });
      if (refused.ok) throw new Error('accepted');
      expect(refused.error.message).toMatch(/^This file cannot be imported; nothing was written\. Patient \d+: Entry \d+ \(Observation\)/);
      expect(rows(c)).toEqual(before);

      const report = await c.ok('exchange.importClinic', { path });
      expect(report).toMatchObject({ patients: written.patients, unchanged: false, notImported: [] });
      expect(report.added.patients).toBe(written.patients);
      const ids = (await a.ok('patients.list', { query: '' })).items.map((p) => p.id);
      for (const id of ids) {
        const sent = comparable(await exportOf(a, id));
        const corrected = correctedIn(sent);
        expect(withoutCorrectionMarks(comparable(await exportOf(c, id)), corrected), id).toEqual(withoutCorrectionMarks(sent, corrected));
      }
      const after = rows(c);
      expect((await c.ok('exchange.importClinic', { path })).unchanged).toBe(true);
      expect(rows(c)).toEqual(after);
    } finally {
      c.dispose();
      out.cleanup();
    }
  }, 180_000);
});
