import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import type { DateFormat } from '../../shared/domain/dates';

// Issue #17, item 2: a patient is one record, findable however their name is typed.
let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const kwame = { familyName: 'Osei', givenNames: 'Kwame', clinicId: 'K-17', dateOfBirth: '1992-03-17', sex: 'male' as const };

async function setDateFormat(format: DateFormat) {
  const clinic = await api.ok('clinic.get', {});
  await api.ok('clinic.update', { version: clinic.version, name: clinic.name, address: clinic.address, phone: clinic.phone, logo: clinic.logo, paperSize: clinic.paperSize, dateFormat: format });
}

describe('names are stored composed and refuse invisible characters', () => {
  it('stores a decomposed "é" composed (NFC), so it equals the typed one', async () => {
    const decomposed = 'Ame\u0301lie';
    const p = await api.ok('patients.create', { ...kwame, givenNames: decomposed, clinicId: null });
    expect(p.givenNames).toBe('Am\u00e9lie');
    expect(p.givenNames).toHaveLength(6);
    expect((await api.ok('patients.get', { id: p.id })).givenNames).toBe('Amélie');
  });

  const invisible: [string, string, RegExp][] = [
    ['a control character', 'Os\u0007ei', /control character after "Os" \(U\+0007\)/],
    ['a right-to-left override', 'Os\u202Eei', /text-direction mark after "Os" \(U\+202E\)/],
    ['a left-to-right mark', 'Osei\u200E', /text-direction mark after "Osei" \(U\+200E\)/],
    ['a first-strong isolate', '\u2068Osei', /text-direction mark at the start \(U\+2068\)/],
    ['a zero-width space', 'Os\u200Bei', /zero-width character after "Os" \(U\+200B\)/],
    ['a zero-width joiner', 'Os\u200Dei', /zero-width character after "Os" \(U\+200D\)/],
    ['a byte-order mark inside', 'Os\uFEFFei', /zero-width character after "Os" \(U\+FEFF\)/],
    ['a word joiner', 'Os\u2060ei', /zero-width character after "Os" \(U\+2060\)/],
  ];

  it.each(invisible)('refuses %s in every patient name field, saying what and how to fix it', async (_what, text, message) => {
    for (const field of ['familyName', 'givenNames', 'clinicId'] as const) {
      const r = await api.call('patients.create', { ...kwame, [field]: text });
      expect(r.ok, field).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.fields?.[field]).toMatch(message);
      expect(r.error.fields?.[field]).toMatch(/type the text again/);
    }
    expect((await api.ok('patients.list', {})).total).toBe(0);
  });

  it('refuses them in a patient update, a therapist name and the clinic name', async () => {
    const p = await api.ok('patients.create', kwame);
    const u = await api.call('patients.update', { ...kwame, id: p.id, version: p.version, familyName: 'Os\u202Eei' });
    expect(u).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { familyName: expect.stringMatching(/U\+202E/) } } });

    const t = await api.call('therapists.create', { credential: '735194', name: 'Maria\u200B Santos' });
    expect(t).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { name: expect.stringMatching(/Name contains .*U\+200B/) } } });
    const maria = await api.ok('therapists.create', { credential: '735194', name: 'Mari\u0301a Santos' });
    expect(maria.name).toBe('Mar\u00eda Santos');
    const tu = await api.call('therapists.update', { id: maria.id, version: maria.version, name: 'Maria\tSantos' });
    expect(tu).toMatchObject({ ok: false, error: { fields: { name: expect.stringMatching(/control character after "Maria" \(U\+0009\)/) } } });

    const clinic = await api.ok('clinic.get', {});
    const c = await api.call('clinic.update', { ...clinicInput(clinic), name: 'Riverside\u2066 Clinic' });
    expect(c).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { name: expect.stringMatching(/Clinic name contains .*U\+2066/) } } });
    const composed = await api.ok('clinic.update', { ...clinicInput(clinic), name: 'Clinique Se\u0301ne\u0301gal' });
    expect(composed.name).toBe('Clinique S\u00e9n\u00e9gal');
  });
});

function clinicInput(c: { version: number; name: string; address: string | null; phone: string | null; logo: string | null; paperSize: 'A4' | 'Letter'; dateFormat: DateFormat }) {
  return { version: c.version, name: c.name, address: c.address, phone: c.phone, logo: c.logo, paperSize: c.paperSize, dateFormat: c.dateFormat };
}

describe('the same patient twice', () => {
  it('refuses the same names and date of birth without confirmation, naming the existing patient', async () => {
    const first = await api.ok('patients.create', kwame);
    const again = { ...kwame, familyName: 'OSEI', givenNames: 'kwame', clinicId: null };
    const r = await api.call('patients.create', again);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('conflict');
    expect(r.error.message).toBe('A patient OSEI, Kwame born 17 Mar 1992 already exists: open their record, or create a new patient anyway.');
    expect(r.error.fields).toMatchObject({ familyName: r.error.message, duplicateOf: first.id });
    expect((await api.ok('patients.list', {})).total).toBe(1);

    const created = await api.ok('patients.create', { ...again, confirmDuplicate: true });
    expect(created.id).not.toBe(first.id);
    expect((await api.ok('patients.list', {})).total).toBe(2);
  });

  it('does not ask when the date of birth differs, and an update never asks', async () => {
    await api.ok('patients.create', kwame);
    const other = await api.ok('patients.create', { ...kwame, clinicId: null, dateOfBirth: '1992-03-18' });
    await api.ok('patients.update', { ...kwame, clinicId: null, id: other.id, version: other.version, dateOfBirth: '1992-03-18', sex: 'male' });
  });

  it('treats clinic ids differing only by case or a full-width letter as the same id', async () => {
    await api.ok('patients.create', { ...kwame, clinicId: 'AB-100' });
    for (const clinicId of ['ab-100', '\uFF21B-100', 'Ａｂ-１００']) {
      const r = await api.call('patients.create', { ...kwame, familyName: 'Mensah', clinicId });
      expect(r, clinicId).toMatchObject({ ok: false, error: { code: 'conflict', fields: { clinicId: expect.stringMatching(/already belongs to Osei, Kwame \(written AB-100\)/) } } });
    }
    const p = await api.ok('patients.create', { ...kwame, familyName: 'Mensah', clinicId: 'AB-101' });
    const u = await api.call('patients.update', { ...kwame, familyName: 'Mensah', id: p.id, version: p.version, clinicId: 'ab-100' });
    expect(u).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Its own id, re-typed in another case, is not a conflict with itself.
    await api.ok('patients.update', { ...kwame, familyName: 'Mensah', id: p.id, version: p.version, clinicId: 'ab-101' });
  });
});

describe('search', () => {
  beforeEach(async () => {
    await api.ok('patients.create', kwame);
    await api.ok('patients.create', { familyName: 'Müller', givenNames: 'Zoë Anna', clinicId: null, dateOfBirth: '1985-11-04', sex: 'female' });
    await api.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', clinicId: 'C-200', dateOfBirth: '1992-03-17', sex: 'male' });
  });
  const names = async (query: string) => (await api.ok('patients.list', { query })).items.map((p) => `${p.familyName} ${p.givenNames}`);

  it('matches any word in any order, in part, ignoring accents and case', async () => {
    expect(await names('Kwame Osei')).toEqual(['Osei Kwame']);
    expect(await names('osei, k')).toEqual(['Osei Kwame']);
    expect(await names('wam')).toEqual(['Osei Kwame']);
    expect(await names('muller zoe')).toEqual(['Müller Zoë Anna']);
    expect(await names('ANNA MÜL')).toEqual(['Müller Zoë Anna']);
    expect(await names('ko')).toEqual(['Mensah Kofi']);
    expect(await names('c-2')).toEqual(['Mensah Kofi']);
    expect(await names('k')).toEqual(['Mensah Kofi', 'Osei Kwame']);
    expect(await names('osei mensah')).toEqual([]);
  });

  it('finds a date of birth in ISO and in the clinic format, with or without a name', async () => {
    expect(await names('1992-03-17')).toEqual(['Mensah Kofi', 'Osei Kwame']);
    expect(await names('17 Mar 1992')).toEqual(['Mensah Kofi', 'Osei Kwame']);
    expect(await names('osei 1992-03-17')).toEqual(['Osei Kwame']);
    await setDateFormat('DD/MM/YYYY');
    expect(await names('04/11/1985')).toEqual(['Müller Zoë Anna']);
    expect(await names('zoe 04/11/1985')).toEqual(['Müller Zoë Anna']);
    await setDateFormat('MM/DD/YYYY');
    expect(await names('11/04/1985')).toEqual(['Müller Zoë Anna']);
    expect(await names('1985-11-04')).toEqual(['Müller Zoë Anna']);
  });

  it('sees a change made through another connection, and an edit made through this one', async () => {
    const p = (await api.ok('patients.list', { query: 'kwame' })).items[0]!;
    await api.ok('patients.update', { ...kwame, id: p.id, version: p.version, familyName: 'Owusu' });
    expect(await names('owusu')).toEqual(['Owusu Kwame']);
    expect(await names('osei')).toEqual([]);
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(api.dbPath);
    other.prepare(`UPDATE patients SET family_name = 'Boateng', version = version + 1 WHERE id = ?`).run(p.id);
    other.close();
    expect(await names('boat')).toEqual(['Boateng Kwame']);
  });

  it('forgets a patient whose creation was rolled back', async () => {
    const ctx = api.context;
    await names('x');
    expect(() =>
      ctx.transaction(() => {
        ctx.repos.patients.insert({ ...kwame, familyName: 'Phantom', clinicId: null }, ctx.now());
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(await names('phantom')).toEqual([]);
  });
});
