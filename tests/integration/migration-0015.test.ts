import { afterEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { openTestBackend, type TestBackend } from '../support/backend';
import { databaseAt, sameShapeAs, type DatabaseAtVersion } from '../support/migrate-to';
import { IDS, putRowsUpTo } from '../support/rows-by-version';

// Migration 15: the language of a patient's printed documents, and each therapist's own screen language. Every
// earlier row carried over with neither (the clinic's language, as before); then both as the screens set them,
// through the operations, on a real database file.

const open: DatabaseAtVersion[] = [];
const backends: TestBackend[] = [];
afterEach(() => {
  open.splice(0).forEach((d) => d.dispose());
  backends.splice(0).forEach((b) => b.dispose());
});

const PATIENT = { familyName: 'Gonçalves', givenNames: 'Maria João', dateOfBirth: '1975-11-30', sex: 'female' } as const;

describe('0015 documents in the patient’s language, screens in each person’s', () => {
  it('keeps every row, with no language of its own; the database refuses a language it does not know', () => {
    const d = databaseAt(14);
    open.push(d);
    putRowsUpTo(d, 14);
    const before = d.contents();
    d.migrateTo(15);
    expect(d.version()).toBe(15);
    expect(sameShapeAs(before, d.contents())).toEqual(before);
    expect(d.db.prepare('SELECT DISTINCT document_language FROM patients').pluck().all()).toEqual([null]);
    expect(d.db.prepare('SELECT DISTINCT language FROM therapists').pluck().all()).toEqual([null]);
    expect(() => d.db.prepare("UPDATE patients SET document_language = 'de'").run()).toThrow(/CHECK constraint failed/);
    expect(() => d.db.prepare("UPDATE therapists SET language = 'PT'").run()).toThrow(/CHECK constraint failed/);
    d.db.prepare('UPDATE patients SET document_language = ? WHERE id = ?').run('pt', IDS.kwame);
    expect(d.db.prepare('SELECT document_language FROM patients WHERE id = ?').pluck().get(IDS.kwame)).toBe('pt');
  });

  it('a patient’s document language is kept, changed, cleared, left alone by an edit that omits it, and audited', async () => {
    const api = openTestBackend();
    backends.push(api);
    const created = await api.ok('patients.create', { ...PATIENT, documentLanguage: 'pt' });
    expect(created.documentLanguage).toBe('pt');
    const { id, version, familyName, dateOfBirth, sex, clinicId } = created;
    const renamed = await api.ok('patients.update', { id, version, familyName, givenNames: 'Maria', dateOfBirth, sex, clinicId });
    expect(renamed).toMatchObject({ givenNames: 'Maria', documentLanguage: 'pt' });
    const spanish = await api.ok('patients.update', { id, version: renamed.version, familyName, givenNames: 'Maria', dateOfBirth, sex, clinicId, documentLanguage: 'es' });
    expect((await api.ok('patients.get', { id })).documentLanguage).toBe('es');
    const cleared = await api.ok('patients.update', { id, version: spanish.version, familyName, givenNames: 'Maria', dateOfBirth, sex, clinicId, documentLanguage: null });
    expect(cleared.documentLanguage).toBeNull();
    // Each version of the record, as the audit log keeps it, says which language it had.
    const versions = auditFor(api.context.db, 'patient', id).map((a) => (a.after as { documentLanguage?: unknown }).documentLanguage);
    expect(versions).toEqual(['pt', 'pt', 'es', null]);
  });

  it('refuses an unknown document language with a message on that field, and writes nothing', async () => {
    const api = openTestBackend();
    backends.push(api);
    const refused = await api.scoped('patients.create', { ...PATIENT, documentLanguage: 'de' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { documentLanguage: 'Document language: choose English, French, Spanish or Portuguese.' } } });
    expect((await api.ok('patients.list', {})).total).toBe(0);
  });

  it('a therapist’s own language puts that person’s session in it; another keeps the clinic’s', async () => {
    const api = openTestBackend();
    backends.push(api);
    const clinic = await api.ok('clinic.get', {});
    const { updatedAt: _at, ...editable } = clinic;
    await api.ok('clinic.update', { ...editable, language: 'fr' });
    const maria = await api.ok('therapists.create', { credential: '735194', name: 'Maria Santos' });
    const other = api.client();
    other.signInAs(maria.id);
    const mine = await other.ok('session.setLanguage', { language: 'pt' });
    expect(mine).toMatchObject({ language: 'pt', currentTherapist: { id: maria.id, language: 'pt' } });
    // The administrator on the first client still sees the clinic's French.
    expect(await api.ok('session.get', {})).toMatchObject({ language: 'fr', currentTherapist: { language: null } });
    expect(auditFor(api.context.db, 'therapist', maria.id).at(-1)).toMatchObject({ operation: 'session.setLanguage', actorId: maria.id, before: { language: null }, after: { language: 'pt' } });
    const back = await other.ok('session.setLanguage', { language: null });
    expect(back).toMatchObject({ language: 'fr', currentTherapist: { language: null } });
    const refused = await other.scoped('session.setLanguage', { language: 'xx' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { language: expect.stringMatching(/^Language: choose/) } } });
    // Signed out, nobody's language: the clinic's.
    expect((await api.client().ok('session.get', {})).language).toBe('fr');
  });
});
