import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

// Issue #17, item 4: an event that changes what is known of a watched site records the site's new status with it.
let api: TestBackend;
let patientId: string;
beforeEach(async () => {
  api = openTestBackend();
  patientId = (await makePatient(api)).id;
});
afterEach(() => api.dispose());

const eventsOf = async () => (await api.ok('events.list', { patientId })).length;

describe('a site status set from an event', () => {
  it('an X-ray with Brooker II on a suspected hip confirms it, in one transaction, both audited', async () => {
    const hip = await api.ok('sites.add', { patientId, joint: 'hip', side: 'right', status: 'suspected', since: '2026-08-03' });
    const xray = await api.ok('events.record', { patientId, kind: 'xray', date: '2026-09-10', joint: 'hip', side: 'right', classification: 'brooker:II', siteStatus: 'confirmed' });
    const site = (await api.ok('profile.get', { patientId })).sites[0]!;
    expect(site).toMatchObject({ status: 'confirmed', since: '2026-09-10', note: 'From the x-ray of 10 Sep 2026.', lineageId: hip.lineageId, classification: { code: 'brooker:II', date: '2026-09-10' } });
    expect(auditFor(api.context.db, 'event', xray.lineageId).map((a) => a.operation)).toEqual(['events.record']);
    expect(auditFor(api.context.db, 'watched_site', hip.lineageId).map((a) => a.operation)).toEqual(['sites.add', 'sites.changeStatus']);
  });

  it('an excision marks the site excised; a bone scan may make it suspected', async () => {
    await api.ok('sites.add', { patientId, joint: 'elbow', side: 'left', status: 'at_risk', since: '2026-08-03' });
    await api.ok('events.record', { patientId, kind: 'bone_scan', date: '2026-08-20', joint: 'elbow', side: 'left', siteStatus: 'suspected' });
    expect((await api.ok('profile.get', { patientId })).sites[0]!.status).toBe('suspected');
    await api.ok('events.record', { patientId, kind: 'excision', date: '2026-10-01', joint: 'elbow', side: 'left', siteStatus: 'excised' });
    expect((await api.ok('profile.get', { patientId })).sites[0]).toMatchObject({ status: 'excised', since: '2026-10-01' });
  });

  it('a failing status change leaves no event (a date before the current status)', async () => {
    await api.ok('sites.add', { patientId, joint: 'hip', side: 'right', status: 'suspected', since: '2026-09-01' });
    const r = await api.call('events.record', { patientId, kind: 'xray', date: '2026-08-10', joint: 'hip', side: 'right', classification: 'brooker:III', siteStatus: 'confirmed' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { siteStatus: expect.stringMatching(/on or after that date/) } } });
    expect(await eventsOf()).toBe(0);
    expect((await api.ok('profile.get', { patientId })).sites[0]!.status).toBe('suspected');
  });

  it('refuses a status for an unwatched site, the same status, or one the event cannot give, and saves nothing', async () => {
    const notWatched = await api.call('events.record', { patientId, kind: 'xray', date: '2026-09-10', joint: 'hip', side: 'left', classification: 'brooker:II', siteStatus: 'confirmed' });
    expect(notWatched).toMatchObject({ ok: false, error: { fields: { siteStatus: expect.stringMatching(/left hip is not a watched site/) } } });
    await api.ok('sites.add', { patientId, joint: 'hip', side: 'left', status: 'confirmed', since: '2026-08-01' });
    const same = await api.call('events.record', { patientId, kind: 'xray', date: '2026-09-10', joint: 'hip', side: 'left', classification: 'brooker:II', siteStatus: 'confirmed' });
    expect(same).toMatchObject({ ok: false, error: { fields: { siteStatus: expect.stringMatching(/already confirmed/) } } });
    const wrong = await api.call('events.record', { patientId, kind: 'xray', date: '2026-09-10', joint: 'hip', side: 'left', classification: 'brooker:0', siteStatus: 'confirmed' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { siteStatus: expect.stringMatching(/leave it unchanged/) } } });
    const xrayExcised = await api.call('events.record', { patientId, kind: 'xray', date: '2026-09-10', joint: 'hip', side: 'left', classification: 'brooker:II', siteStatus: 'excised' });
    expect(xrayExcised).toMatchObject({ ok: false, error: { fields: { siteStatus: expect.stringMatching(/choose suspected or confirmed/) } } });
    expect(await eventsOf()).toBe(0);
  });
});
