// Who opened which patient's record (issue 18, item 6): the file on screen, a printed report or letter, an export
// of that one patient. Append-only, in the database itself; read per patient by an administrator only.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

const opened: TestBackend[] = [];
afterEach(() => opened.splice(0).forEach((b) => b.dispose()));

function clinic(): TestBackend {
  let at = Date.parse('2026-11-02T09:00:00.000Z');
  // Each reading of the clock a second later, so "newest first" is a real order and not the insertion's.
  const api = openTestBackend({ now: () => new Date((at += 1000)).toISOString() });
  opened.push(api);
  return api;
}

const accessRows = (api: TestBackend) => api.context.db.prepare('SELECT count(*) FROM access_log').pluck().get();

describe('the access log', () => {
  it('records the file opened, the report printed and the export, by whom, newest first', async () => {
    const api = clinic();
    const abena = api.actorId()!;
    const p = await makePatient(api);
    const other = await makePatient(api, { familyName: 'Owusu', givenNames: 'Ama' });
    const maria = await api.ok('therapists.create', { name: 'Maria Santos', credential: '735194' });
    const desk = api.client();
    desk.signInAs(maria.id);

    await desk.ok('patients.file', { patientId: p.id });
    await api.ok('reports.record', {
      patientId: p.id, from: '2026-01-01', to: '2026-10-01', paper: 'A4',
      sites: 'watched', assessment: '', recommendations: '', analysisDate: '2026-10-01',
    });
    await api.ok('exchange.exportFhir', { patientId: p.id });
    await api.ok('exchange.exportCsv', { all: true, pseudonymise: true });
    await api.ok('patients.file', { patientId: other.id });

    const log = await api.ok('access.forPatient', { patientId: p.id });
    expect(log.map((e) => [e.what, e.therapistId, e.therapistName])).toEqual([
      ['export', abena, 'Abena Owusu'],
      ['report', abena, 'Abena Owusu'],
      ['file', maria.id, 'Maria Santos'],
    ]);
    expect(log[0]!.at > log[2]!.at).toBe(true);
    // The whole-clinic export names no one patient and leaves no row; the other patient has their own.
    expect((await api.ok('access.forPatient', { patientId: other.id })).map((e) => e.what)).toEqual(['file']);
  });

  it('writes nothing for a record that could not be opened, nor for a refused caller', async () => {
    const api = clinic();
    const p = await makePatient(api);
    expect((await api.call('patients.file', { patientId: '6f1c2a9e-0000-4000-8000-000000000099' })).ok).toBe(false);
    const stranger = api.client();
    expect(await stranger.call('patients.file', { patientId: p.id })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(accessRows(api)).toBe(0);
  });

  it('is append-only in the database itself, and only an administrator reads it', async () => {
    const api = clinic();
    const p = await makePatient(api);
    await api.ok('patients.file', { patientId: p.id });
    expect(() => api.context.db.prepare("UPDATE access_log SET what = 'report'").run()).toThrow(/access log is never changed/);
    expect(() => api.context.db.prepare('DELETE FROM access_log').run()).toThrow(/access log is never changed/);
    expect(accessRows(api)).toBe(1);

    const maria = await api.ok('therapists.create', { name: 'Maria Santos', credential: '735194' });
    const desk = api.client();
    desk.signInAs(maria.id);
    expect(await desk.call('access.forPatient', { patientId: p.id })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: "Only an administrator can see who opened a patient's record: ask Abena Owusu." },
    });
  });

  it("counts one viewing of a file while its screen re-reads it, and a new one after ten minutes away", async () => {
    let at = Date.parse('2026-11-02T09:00:00.000Z');
    const api = openTestBackend({ now: () => new Date(at).toISOString() });
    opened.push(api);
    // The screen locks after the clinic's idle time; the longest lets the clock jump ten minutes here.
    const { updatedAt: _u, ...clinicSettings } = await api.ok('clinic.get', {});
    await api.ok('clinic.update', { ...clinicSettings, lockAfterMinutes: 60 });
    const p = await makePatient(api);
    const maria = await api.ok('therapists.create', { name: 'Maria Santos', credential: '735194' });
    const desk = api.client();
    desk.signInAs(maria.id);
    const kinds = async () => (await api.ok('access.forPatient', { patientId: p.id })).map((e) => `${e.therapistName} ${e.what} ${e.at.slice(11, 16)}`);

    // The screen reads the file again after each change: within the ten minutes, still the one viewing.
    for (let i = 0; i < 5; i++) {
      await api.ok('patients.file', { patientId: p.id });
      at += 2 * 60_000 - 1;
    }
    await desk.ok('patients.file', { patientId: p.id });
    // Each printed report is its own act, however soon after the last.
    const report = { patientId: p.id, from: '2026-01-01', to: '2026-10-01', paper: 'A4', sites: 'watched', assessment: '', recommendations: '', analysisDate: '2026-10-01' } as const;
    await api.ok('reports.record', report);
    await api.ok('reports.record', report);
    at += 10 * 60_000 + 1;
    await api.ok('patients.file', { patientId: p.id });
    expect(await kinds()).toEqual([
      'Abena Owusu file 09:19',
      'Abena Owusu report 09:09',
      'Abena Owusu report 09:09',
      'Maria Santos file 09:09',
      'Abena Owusu file 09:00',
    ]);
  });
});
