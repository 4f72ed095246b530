import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { databaseAt, sameShapeAs, type DatabaseAtVersion } from '../support/migrate-to';
import { putRowsUpTo } from '../support/rows-by-version';

// Migration 14 (the clinic's interface language): every earlier row carried over, the clinic in English as it
// always was; then the language as Settings changes it, through the operations, on a real database file.

const open: DatabaseAtVersion[] = [];
const backends: TestBackend[] = [];
afterEach(() => {
  open.splice(0).forEach((d) => d.dispose());
  backends.splice(0).forEach((b) => b.dispose());
});

describe('0014 the clinic chooses its interface language', () => {
  it('keeps every row; a clinic from before it reads in English; the database refuses a language it does not know', () => {
    const d = databaseAt(13);
    open.push(d);
    putRowsUpTo(d, 13);
    const before = d.contents();
    d.migrateTo(14);
    expect(d.version()).toBe(14);
    expect(sameShapeAs(before, d.contents())).toEqual(before);
    expect(d.db.prepare('SELECT language FROM clinic').pluck().all()).toEqual(['en']);
    expect(() => d.db.prepare("UPDATE clinic SET language = 'de'").run()).toThrow(/CHECK constraint failed/);
    d.db.prepare("UPDATE clinic SET language = 'pt'").run();
    expect(d.db.prepare('SELECT language FROM clinic').pluck().get()).toBe('pt');
  });

  it('Settings changes the language for everyone; an edit that does not name it keeps it; an unknown one is refused', async () => {
    const api = openTestBackend({ setup: true });
    backends.push(api);
    const { updatedAt: _at, ...clinic } = await api.ok('clinic.get', {});
    expect(clinic.language).toBe('en');
    const french = await api.ok('clinic.update', { ...clinic, language: 'fr' });
    expect(french).toMatchObject({ language: 'fr', version: clinic.version + 1 });
    expect((await api.ok('session.get', {})).clinic?.language).toBe('fr');
    const { language: _fr, updatedAt: _at2, ...withoutLanguage } = french;
    expect(await api.ok('clinic.update', { ...withoutLanguage, name: 'Clinique des Collines' })).toMatchObject({ language: 'fr', name: 'Clinique des Collines' });
    // What a hand-made request could send, past the typed client.
    const german: Record<string, unknown> = { ...withoutLanguage, version: french.version + 1, language: 'de' };
    const refused = await api.scoped('clinic.update', german);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { language: 'Choose one of the listed languages.' } } });
  });
});
