import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOperationName, operationRules, operations, type OperationInput, type OperationName } from '../../shared/api/contract';
import { handlers } from '../../electron/api/handlers';
import { openTestBackend, TEST_PIN, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const count = (table: string) => (api.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const changesSoFar = () => (api.context.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const NO_ACTOR = { ok: false, error: { code: 'unauthorized', message: 'Sign in to go on.', messageRef: { id: 'domain.access.signIn' } } };

/** Calls `op` without a working therapist: refused, and its handler never ran. */
async function refusedWithoutActor<K extends OperationName>(op: K, input: OperationInput<K>) {
  const spy = vi.spyOn(handlers, op);
  try {
    expect([op, await api.call(op, input)]).toEqual([op, NO_ACTOR]);
    expect(spy).not.toHaveBeenCalled();
  } finally {
    spy.mockRestore();
  }
}

describe('a change with nobody signed in', () => {
  it('is refused by dispatch before its handler runs, asking to sign in, and writes nothing', async () => {
    const p = await makePatient(api);
    const visit = await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
    const event = await api.ok('events.record', { patientId: p.id, kind: 'injury', date: '2026-08-01', title: 'Fall' });
    const clinic = await api.ok('clinic.get', {});
    api.scope.token = null;
    const before = changesSoFar();
    await refusedWithoutActor('patients.create', { familyName: 'Boateng', givenNames: 'Ama', dateOfBirth: '1980-01-01', sex: 'female' });
    await refusedWithoutActor('visits.record', { patientId: p.id, date: '2026-10-02', measurements: twelveMeasurements() });
    await refusedWithoutActor('measurements.correct', { id: visit.measurements[0]!.id, degrees: 100, instrument: 'goniometer', endFeel: null, reason: 'Misread' });
    await refusedWithoutActor('events.void', { id: event.id, reason: 'Duplicate' });
    await refusedWithoutActor('thresholds.set', { motion: 'elbow.flexion', instrument: 'goniometer', degrees: 12 });
    await refusedWithoutActor('clinic.update', { name: 'Renamed', version: clinic.version });
    await refusedWithoutActor('exchange.exportCsv', { all: true, pseudonymise: false });
    await refusedWithoutActor('exchange.importFhir', { content: '{}' });
    await refusedWithoutActor('backups.create', { folder: null });
    expect(changesSoFar()).toBe(before);
  });

  it('is allowed for signing in, which comes before there is anyone', async () => {
    const therapistId = api.actorId()!;
    api.scope.token = null;
    expect(await api.call('session.signIn', { therapistId, credential: TEST_PIN })).toMatchObject({ ok: true });
    expect(api.actorId()).toBe(therapistId);
  });
});

describe('a change whose handler fails part-way', () => {
  it('leaves nothing written: neither the record nor its audit row', async () => {
    const p = await makePatient(api);
    const rows = () => ({ visits: count('visits'), measurements: count('measurements'), audit: count('audit_log') });
    const before = rows();
    const original = handlers['visits.record'];
    // The whole visit and its audit row are written, then something fails before the handler returns.
    const spy = vi.spyOn(handlers, 'visits.record').mockImplementation((input, ctx) => {
      original(input, ctx);
      throw new Error('fault after the write');
    });
    try {
      const r = await api.call('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
      expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/nothing was saved/) } });
    } finally {
      spy.mockRestore();
    }
    expect(rows()).toEqual(before);
    expect(await api.ok('visits.list', { patientId: p.id })).toEqual([]);
  });

  it('leaves nothing written when what it returns does not match the contract', async () => {
    const p = await makePatient(api);
    const before = { events: count('clinical_events'), audit: count('audit_log') };
    const original = handlers['events.record'];
    // A number, so it type-checks, but not one the contract accepts.
    const spy = vi.spyOn(handlers, 'events.record').mockImplementation((input, ctx) => ({ ...original(input, ctx), value: Number.NaN }));
    try {
      expect(await api.call('events.record', { patientId: p.id, kind: 'injury', date: '2026-08-01', title: 'Fall' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      spy.mockRestore();
    }
    expect({ events: count('clinical_events'), audit: count('audit_log') }).toEqual(before);
  });
});

describe('a read', () => {
  it('never writes, for every read of the contract, but the access row of a read that opens a record', async () => {
    const p = await makePatient(api);
    const visit = await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
    const event = await api.ok('events.record', { patientId: p.id, kind: 'injury', date: '2026-08-01', title: 'Fall' });
    await api.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'at_risk', since: '2026-08-01' });
    await api.ok('events.void', { id: event.id, reason: 'Duplicate' });
    const plan = await api.ok('plans.create', {
      patientId: p.id,
      title: 'Right elbow',
      startDate: '2026-10-01',
      sites: [{ joint: 'elbow', side: 'right' }],
      passiveRomAllowed: false,
      items: [{ intervention: 'active_rom', motions: ['elbow.flexion'], doseKind: 'sets_reps', sets: 3, repetitions: 10, frequencyCount: 2, frequencyPer: 'day' }],
    });
    // The first worklist read stamps the summary format (a cache, not a record); after that, reads find nothing to do.
    await api.ok('worklist.get', {});
    const reads: { [K in OperationName]?: OperationInput<K> } = {
      'app.info': {},
      'app.startup': {},
      'session.get': {},
      'clinic.get': {},
      'therapists.list': {},
      'patients.list': {},
      'patients.get': { id: p.id },
      'patients.file': { patientId: p.id },
      'patients.voided': { patientId: p.id },
      'profile.get': { patientId: p.id },
      'events.list': { patientId: p.id },
      'events.history': { id: event.id },
      'visits.list': { patientId: p.id },
      'measurements.history': { id: visit.measurements[0]!.id },
      'thresholds.list': {},
      'analysis.patient': { patientId: p.id },
      'analysis.sparklines': { patientId: p.id },
      'plans.get': { id: plan.id },
      'plans.list': { patientId: p.id },
      'adherence.list': { planId: plan.id },
      'reports.list': { patientId: p.id },
      'referrals.list': { patientId: p.id },
      'worklist.get': {},
      'worklist.patient': { patientId: p.id },
      'worklist.statuses': { patientIds: [p.id] },
      'worklist.settings': {},
      'backups.list': {},
      'exchange.exportProgress': {},
      'exchange.importProgress': {},
      'access.forPatient': { patientId: p.id },
      'security.recoveryKey': {},
      'exchange.syncStatus': {},
      'exchange.foreignRecords': { patientId: p.id },
    };
    const names = Object.keys(operations) as OperationName[];
    // A new read is added above, so it is checked too.
    expect(Object.keys(reads).sort()).toEqual(names.filter((n) => operationRules(n).kind === 'read').sort());
    for (const [op, input] of Object.entries(reads)) {
      const before = changesSoFar();
      const accessRows = count('access_log');
      const r = await api.scoped(op, input);
      expect([op, r.ok]).toEqual([op, true]);
      // Opening a patient's record (the file) leaves its one access row, and writes nothing else.
      const opens = isOperationName(op) && operationRules(op).access ? 1 : 0;
      expect([op, changesSoFar(), count('access_log')]).toEqual([op, before + opens, accessRows + opens]);
    }
  });
});
