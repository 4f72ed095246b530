import { afterEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { MAX_LOGO_BYTES } from '../../shared/domain/clinic';
import { openTestBackend, type TestBackend } from '../support/backend';

const opened: TestBackend[] = [];
function fresh(setup = false): TestBackend {
  const b = openTestBackend({ setup });
  opened.push(b);
  return b;
}
afterEach(() => opened.splice(0).forEach((b) => b.dispose()));

// A real 1x1 PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const setup = {
  clinic: { name: 'Hilltop Clinic', address: 'Box 4, Hilltop', phone: '555-0100', logo: PNG, paperSize: 'Letter' as const },
  therapist: { name: 'Jonas Meier', title: 'PT', registrationNumber: 'R-77' },
  credential: 'correct horse battery',
};

describe('first-run set-up', () => {
  it('an empty database needs set-up; set-up creates the clinic and the first therapist, an administrator then signed in', async () => {
    const api = fresh();
    expect(await api.ok('session.get', {})).toMatchObject({ needsSetup: true, clinic: null, currentTherapist: null });
    const state = await api.ok('setup.complete', setup);
    expect(state.needsSetup).toBe(false);
    expect(state.clinic).toMatchObject({ name: 'Hilltop Clinic', paperSize: 'Letter', logo: PNG, dateFormat: 'D MMM YYYY' });
    expect(state.currentTherapist).toMatchObject({ name: 'Jonas Meier', initials: 'JM', active: true, role: 'administrator', hasCredential: true, mustChangeCredential: false });
    expect(state).toMatchObject({ locked: false, mustChangeCredential: false, needsAccounts: false, lockAfterMinutes: 5 });
  });

  it('runs once: a second set-up is refused and changes nothing', async () => {
    const api = fresh();
    await api.ok('setup.complete', setup);
    const again = await api.call('setup.complete', { ...setup, clinic: { ...setup.clinic, name: 'Other' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await api.ok('clinic.get', {})).name).toBe('Hilltop Clinic');
    expect(await api.ok('therapists.list', {})).toHaveLength(1);
  });

  it('refuses an empty clinic or therapist name, saving nothing', async () => {
    const api = fresh();
    const r = await api.call('setup.complete', { clinic: { ...setup.clinic, name: ' ' }, therapist: { ...setup.therapist, name: '' }, credential: '1234' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'clinic.name': 'Clinic name is required.', 'therapist.name': 'Name is required.', credential: 'A PIN needs at least 6 digits; this one has 4.' } } });
    expect((await api.ok('session.get', {})).needsSetup).toBe(true);
  });

  it('refuses a logo that is not an image, or is too large', async () => {
    const api = fresh();
    const notImage = `data:image/png;base64,${Buffer.from('GIF89a not a png at all').toString('base64')}`;
    const pdf = `data:application/pdf;base64,${Buffer.from('%PDF-1.4').toString('base64')}`;
    const huge = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(MAX_LOGO_BYTES)]).toString('base64')}`;
    for (const [logo, message] of [[notImage, /not really a PNG or JPEG/], [pdf, /must be a PNG or JPEG/], [huge, /limit is 256 KiB/]] as const) {
      const r = await api.call('setup.complete', { ...setup, clinic: { ...setup.clinic, logo } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fields?.['clinic.logo']).toMatch(message);
    }
    expect((await api.ok('session.get', {})).needsSetup).toBe(true);
  });
});

describe('therapists', () => {
  it('audit rows carry the therapist signed in', async () => {
    const api = fresh();
    const { currentTherapist: jonas } = await api.ok('setup.complete', setup);
    const maria = await api.ok('therapists.create', { credential: '735194', name: 'Maria Santos', title: 'PT', registrationNumber: 'R-88' });
    expect(maria).toMatchObject({ role: 'therapist', hasCredential: true, mustChangeCredential: true });
    api.signInAs(maria.id);
    const patient = await api.ok('patients.create', { familyName: 'Doe', givenNames: 'Jan', dateOfBirth: '1950-01-01', sex: 'male' });
    expect(auditFor(api.context.db, 'therapist', maria.id).find((a) => a.operation === 'therapists.create')!.actorId).toBe(jonas!.id);
    expect(auditFor(api.context.db, 'patient', patient.id)[0]!.actorId).toBe(maria.id);
    expect((await api.ok('session.get', {})).currentTherapist!.id).toBe(maria.id);
  });

  it('refuses a duplicate registration number with a message on that field', async () => {
    const api = fresh();
    await api.ok('setup.complete', setup);
    const r = await api.call('therapists.create', { credential: '735194', name: 'Someone Else', registrationNumber: 'r-77' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', fields: { registrationNumber: expect.stringMatching(/already belongs to Jonas Meier/) } } });
    expect(await api.ok('therapists.list', {})).toHaveLength(1);
  });

  it('refuses to deactivate the only active therapist', async () => {
    const api = fresh();
    const { currentTherapist } = await api.ok('setup.complete', setup);
    const r = await api.call('therapists.setActive', { id: currentTherapist!.id, active: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/only active therapist/) } });
    expect((await api.ok('therapists.list', {}))[0]!.active).toBe(true);
  });

  it('a deactivated therapist is never deleted: they leave the choice list but keep their records', async () => {
    const api = fresh();
    const { currentTherapist: jonas } = await api.ok('setup.complete', setup);
    const maria = await api.ok('therapists.create', { credential: '735194', name: 'Maria Santos' });
    api.signInAs(maria.id);
    const patient = await api.ok('patients.create', { familyName: 'Doe', givenNames: 'Jan', dateOfBirth: '1950-01-01', sex: 'male' });
    api.signInAs(jonas!.id);
    const off = await api.ok('therapists.setActive', { id: maria.id, active: false });
    expect(off.active).toBe(false);
    expect((await api.ok('session.get', {})).activeTherapists.map((t) => t.name)).toEqual(['Jonas Meier']);
    expect((await api.ok('therapists.list', { includeInactive: true })).map((t) => [t.name, t.active])).toEqual([['Jonas Meier', true], ['Maria Santos', false]]);
    expect(auditFor(api.context.db, 'patient', patient.id)[0]!.actorId).toBe(maria.id);
    expect(await api.call('session.signIn', { therapistId: maria.id, credential: '735194' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('changes to records need someone signed in', async () => {
    const api = fresh();
    await api.ok('setup.complete', setup);
    await api.ok('session.signOut', {});
    const r = await api.call('patients.create', { familyName: 'Doe', givenNames: 'Jan', dateOfBirth: '1950-01-01', sex: 'male' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('edits the clinic profile with an audit row, and refuses a stale edit', async () => {
    const api = fresh();
    await api.ok('setup.complete', setup);
    const { updatedAt: _ignored, ...clinic } = await api.ok('clinic.get', {});
    const updated = await api.ok('clinic.update', { ...clinic, name: 'Hilltop Rehab', logo: null, dateFormat: 'DD/MM/YYYY' });
    expect(updated).toMatchObject({ name: 'Hilltop Rehab', logo: null, dateFormat: 'DD/MM/YYYY', version: 2 });
    const stale = await api.call('clinic.update', { ...clinic, name: 'Stale' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const audit = auditFor(api.context.db, 'clinic', 'clinic');
    expect(audit.map((a) => a.operation)).toEqual(['setup.complete', 'clinic.update']);
    expect(audit[1]!.after).toMatchObject({ name: 'Hilltop Rehab' });
  });
});
