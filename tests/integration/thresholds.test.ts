import { afterEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { MOTION_KEYS, motionSpec } from '../../shared/domain/catalogue';
import { thresholdFor } from '../../shared/domain/thresholds';
import { openTestBackend, type TestBackend } from '../support/backend';

const opened: TestBackend[] = [];
function fresh(): TestBackend {
  const b = openTestBackend();
  opened.push(b);
  return b;
}
afterEach(() => opened.splice(0).forEach((b) => b.dispose()));

const HIP_DEFAULT = motionSpec('hip.extension').threshold.value;

/** The threshold the analysis would apply, read the way the lead's analysis.patient reads it. */
function applied(api: TestBackend, instrument: string | null, motion: 'hip.extension' | 'hip.flexion' = 'hip.extension') {
  return thresholdFor(api.context.repos.thresholds.overrides(), motion, instrument, motionSpec(motion).threshold.value);
}

describe('thresholds.list', () => {
  it('lists every catalogue motion with its default and source, and no clinic values on a new database', async () => {
    const api = fresh();
    const list = await api.ok('thresholds.list', {});
    expect(list.map((e) => e.motion)).toEqual(MOTION_KEYS);
    const elbow = list.find((e) => e.motion === 'elbow.flexion')!;
    expect(elbow).toMatchObject({ joint: 'elbow', label: 'Elbow flexion', overrides: [] });
    expect(elbow.catalogueDefault).toMatchObject({ degrees: 8, sourceShort: 'Cleffken 2007; to confirm' });
    expect(elbow.catalogueDefault.source).toMatch(/Cleffken 2007/);
    // A source that names no study says where the figure comes from all the same.
    expect(list.find((e) => e.motion === 'hip.extension')!.catalogueDefault).toMatchObject({ degrees: HIP_DEFAULT, sourceShort: 'Clinical reference; to confirm' });
  });
});

describe('thresholds.set and thresholds.clear', () => {
  it('sets a value per instrument, listed with who set it and when', async () => {
    const api = fresh();
    const entry = await api.ok('thresholds.set', { motion: 'hip.extension', instrument: 'goniometer', degrees: 10 });
    expect(entry.motion).toBe('hip.extension');
    expect(entry.catalogueDefault.degrees).toBe(HIP_DEFAULT);
    expect(entry.overrides).toEqual([{ instrument: 'goniometer', degrees: 10, setById: api.actorId(), setByName: 'Abena Owusu', setAt: expect.any(String) }]);
    const listed = (await api.ok('thresholds.list', {})).find((e) => e.motion === 'hip.extension');
    expect(listed).toEqual(entry);
    // Half degrees are accepted.
    expect((await api.ok('thresholds.set', { motion: 'elbow.flexion', instrument: null, degrees: 8.5 })).overrides[0]!.degrees).toBe(8.5);
  });

  it('a value for the instrument beats the clinic value for any instrument, which beats the catalogue default', async () => {
    const api = fresh();
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: 'goniometer', degrees: 10 });
    const entry = await api.ok('thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 14 });
    // "Any instrument" first, then the instruments in their usual order.
    expect(entry.overrides.map((o) => [o.instrument, o.degrees])).toEqual([
      [null, 14],
      ['goniometer', 10],
    ]);
    expect(api.context.repos.thresholds.overrides()).toEqual([
      { motion: 'hip.extension', instrument: null, degrees: 14 },
      { motion: 'hip.extension', instrument: 'goniometer', degrees: 10 },
    ]);
    expect(applied(api, 'goniometer')).toBe(10);
    expect(applied(api, 'inclinometer')).toBe(14);
    expect(applied(api, null)).toBe(14);
    expect(applied(api, 'goniometer', 'hip.flexion')).toBe(motionSpec('hip.flexion').threshold.value);
  });

  it('clearing returns to the "any instrument" value, then to the default; clearing again changes nothing', async () => {
    const api = fresh();
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 14 });
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: 'goniometer', degrees: 10 });
    const afterOne = await api.ok('thresholds.clear', { motion: 'hip.extension', instrument: 'goniometer' });
    expect(afterOne.overrides.map((o) => o.instrument)).toEqual([null]);
    expect(applied(api, 'goniometer')).toBe(14);
    const afterBoth = await api.ok('thresholds.clear', { motion: 'hip.extension', instrument: null });
    expect(afterBoth.overrides).toEqual([]);
    expect(applied(api, 'goniometer')).toBe(HIP_DEFAULT);
    const audits = auditFor(api.context.db, 'threshold', 'hip.extension/any').length;
    expect((await api.ok('thresholds.clear', { motion: 'hip.extension', instrument: null })).overrides).toEqual([]);
    expect(auditFor(api.context.db, 'threshold', 'hip.extension/any')).toHaveLength(audits);
  });

  it.each([
    [{ motion: 'hip.extension', instrument: 'goniometer', degrees: 0 }, 'degrees', 'A threshold below 1° would call every reading a change: type 1° or more.'],
    [{ motion: 'hip.extension', instrument: 'goniometer', degrees: 60 }, 'degrees', 'A threshold above 45° would hide real losses: type 45° or less.'],
    [{ motion: 'hip.extension', instrument: 'goniometer', degrees: 7.3 }, 'degrees', 'Use whole or half degrees, for example 8 or 8.5.'],
    [{ motion: 'hip.extension', instrument: 'goniometer', degrees: '10' }, 'degrees', 'Type the threshold in whole or half degrees, for example 8.'],
    [{ motion: 'hip.pronation', instrument: 'goniometer', degrees: 10 }, 'motion', 'Choose a motion from the catalogue.'],
    [{ motion: 'hip.extension', instrument: 'protractor', degrees: 10 }, 'instrument', 'Choose the instrument, or "any instrument".'],
    [{ motion: 'hip.extension', instrument: 'goniometer', degrees: 10, note: 'x' }, 'note', '"note" is not a field this form accepts. Remove it.'],
  ])('refuses %j with a message on the field, saving nothing', async (input, field, message) => {
    const api = fresh();
    const r = await api.call('thresholds.set', input as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { [field]: message } } });
    expect(api.context.repos.thresholds.history('hip.extension')).toEqual([]);
  });

  it('refuses a clear of an unknown motion or instrument on its field', async () => {
    const api = fresh();
    const r = await api.call('thresholds.clear', { motion: 'knee.pronation', instrument: 'ruler' } as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { motion: 'Choose a motion from the catalogue.', instrument: 'Choose the instrument, or "any instrument".' } } });
  });

  it('refuses changes while nobody is signed in, saving nothing; the list stays readable to whoever signs in', async () => {
    const api = fresh();
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 14 });
    const me = api.actorId()!;
    api.scope.token = null;
    for (const r of [
      await api.call('thresholds.set', { motion: 'hip.extension', instrument: 'goniometer', degrees: 10 }),
      await api.call('thresholds.clear', { motion: 'hip.extension', instrument: null }),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Sign in to go on.' } });
    }
    expect(api.context.repos.thresholds.overrides()).toEqual([{ motion: 'hip.extension', instrument: null, degrees: 14 }]);
    api.signInAs(me);
    expect((await api.ok('thresholds.list', {})).length).toBe(MOTION_KEYS.length);
  });
});

describe('every change is kept', () => {
  it('audits each change with before and after, by the working therapist, in the same transaction', async () => {
    const api = fresh();
    const actor = api.actorId();
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: 'goniometer', degrees: 10 });
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: 'goniometer', degrees: 9 });
    // The value already in force: no new row, no audit row.
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: 'goniometer', degrees: 9 });
    await api.ok('thresholds.clear', { motion: 'hip.extension', instrument: 'goniometer' });
    const rows = auditFor(api.context.db, 'threshold', 'hip.extension/goniometer');
    const slot = { motion: 'hip.extension', instrument: 'goniometer', catalogueDefault: HIP_DEFAULT };
    expect(rows.map((r) => [r.operation, r.actorId, r.before, r.after])).toEqual([
      ['thresholds.set', actor, { ...slot, degrees: null }, { ...slot, degrees: 10 }],
      ['thresholds.set', actor, { ...slot, degrees: 10 }, { ...slot, degrees: 9 }],
      ['thresholds.clear', actor, { ...slot, degrees: 9 }, { ...slot, degrees: null }],
    ]);
  });

  it('keeps every value with who set and who ended it; the database refuses to delete or rewrite one', async () => {
    const api = fresh();
    const maria = await api.ok('therapists.create', { credential: '735194', name: 'Maria Santos', role: 'administrator' });
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 10 });
    api.signInAs(maria.id);
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 9 });
    await api.ok('thresholds.clear', { motion: 'hip.extension', instrument: null });
    await api.ok('thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 11 });
    const history = api.context.repos.thresholds.history('hip.extension');
    expect(history.map((h) => [h.degrees, h.setByName, h.endedByName])).toEqual([
      [10, 'Abena Owusu', 'Maria Santos'],
      [9, 'Maria Santos', 'Maria Santos'],
      [11, 'Maria Santos', null],
    ]);
    const db = api.context.db;
    expect(() => db.prepare('DELETE FROM clinic_thresholds').run()).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE clinic_thresholds SET degrees = 5').run()).toThrow(/never edited/);
    expect(() => db.prepare("UPDATE clinic_thresholds SET ended_at = '2000-01-01T00:00:00.000Z' WHERE ended_at IS NOT NULL").run()).toThrow(/never edited/);
    expect(api.context.repos.thresholds.history('hip.extension')).toEqual(history);
  });
});
