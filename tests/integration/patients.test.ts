import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { openTestBackend, type TestBackend } from '../support/backend';

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const ada = { familyName: 'Okafor', givenNames: 'Ada', clinicId: 'C-100', dateOfBirth: '1970-02-03', sex: 'female' as const };

describe('patients operations on a real SQLite file', () => {
  it('creates a patient with a UUID and an audit row', async () => {
    const p = await api.ok('patients.create', ada);
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.version).toBe(1);
    const audit = auditFor(api.context.db, 'patient', p.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operation: 'patients.create', before: null, after: { familyName: 'Okafor' } });
  });

  it('update writes an audit row with before and after', async () => {
    const p = await api.ok('patients.create', ada);
    const updated = await api.ok('patients.update', { ...ada, id: p.id, version: p.version, givenNames: 'Adaeze' });
    expect(updated.givenNames).toBe('Adaeze');
    expect(updated.version).toBe(2);
    const audit = auditFor(api.context.db, 'patient', p.id);
    expect(audit.map((a) => a.operation)).toEqual(['patients.create', 'patients.update']);
    expect(audit[1]!.before).toMatchObject({ givenNames: 'Ada', version: 1 });
    expect(audit[1]!.after).toMatchObject({ givenNames: 'Adaeze', version: 2 });
  });

  it('refuses an update made from a stale version, keeping the newer data', async () => {
    const p = await api.ok('patients.create', ada);
    await api.ok('patients.update', { ...ada, id: p.id, version: 1, givenNames: 'First edit' });
    const stale = await api.call('patients.update', { ...ada, id: p.id, version: 1, givenNames: 'Second edit' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await api.ok('patients.get', { id: p.id })).givenNames).toBe('First edit');
  });

  it('refuses a duplicate clinic id with a message on that field, and saves nothing', async () => {
    await api.ok('patients.create', ada);
    const r = await api.call('patients.create', { ...ada, familyName: 'Other' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', fields: { clinicId: expect.stringMatching(/already belongs to Okafor/) } } });
    expect((await api.ok('patients.list', {})).total).toBe(1);
  });

  it('gives invalid_input with field messages and saves nothing', async () => {
    const r = await api.call('patients.create', { ...ada, dateOfBirth: '2099-01-01', sex: 'x' as never });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual(['dateOfBirth', 'sex']);
    expect((await api.ok('patients.list', {})).total).toBe(0);
  });

  it('searches by name prefix or clinic id, case-insensitively, and pages', async () => {
    await api.ok('patients.create', ada);
    await api.ok('patients.create', { ...ada, familyName: 'Okonkwo', givenNames: 'Chidi', clinicId: 'C-200' });
    await api.ok('patients.create', { ...ada, familyName: 'Ndlovu', givenNames: 'Okuhle', clinicId: null });
    await api.ok('patients.create', { ...ada, familyName: 'Per_cent', givenNames: 'Test', clinicId: 'X-1' });
    const names = async (query: string) => (await api.ok('patients.list', { query })).items.map((p) => p.familyName);
    expect(await names('ok')).toEqual(['Ndlovu', 'Okafor', 'Okonkwo']);
    expect(await names('OKO')).toEqual(['Okonkwo']);
    expect(await names('c-2')).toEqual(['Okonkwo']);
    expect(await names('per_')).toEqual(['Per_cent']);
    expect(await names('pe%')).toEqual([]);
    const page = await api.ok('patients.list', { query: '', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.familyName)).toEqual(['Okafor', 'Okonkwo']);
  });

  it('gives not_found for an unknown id', async () => {
    const r = await api.call('patients.get', { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reports the app, database path and schema version', async () => {
    const info = await api.ok('app.info', {});
    expect(info).toMatchObject({ name: 'ROMtrack', databasePath: api.dbPath, mode: 'server' });
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('keeps patients when the database is closed and opened again', async () => {
    const { openDatabase } = await import('../../electron/db/open');
    const p = await api.ok('patients.create', ada);
    api.close();
    const db = openDatabase(api.dbPath);
    expect(db.prepare('SELECT family_name FROM patients WHERE id = ?').get(p.id)).toEqual({ family_name: 'Okafor' });
    db.close();
  });
});
