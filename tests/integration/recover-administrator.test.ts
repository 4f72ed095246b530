// A forgotten administrator's PIN (issue 18): replaced with the clinic's printed recovery key and nothing else.
// Real encrypted SQLite file, real dispatch, a client that nobody signed in on.
import { afterEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { formatRecoveryKey, newDatabaseKey } from '../../electron/db/database-key';
import { openTestBackend, TEST_PIN, type TestBackend } from '../support/backend';

const opened: TestBackend[] = [];
afterEach(() => opened.splice(0).forEach((b) => b.dispose()));

function encryptedClinic() {
  const key = newDatabaseKey();
  const api = openTestBackend({ key });
  opened.push(api);
  return { api, sheet: formatRecoveryKey(key) };
}

describe("an administrator's forgotten PIN", () => {
  it('is replaced with the printed recovery key, typed in lower case without dashes; the old PIN stops working', async () => {
    const { api, sheet } = encryptedClinic();
    const admin = api.actorId()!;
    const client = api.client();
    const typed = sheet.replace(/-/g, '').toLowerCase();
    const state = await client.ok('session.recoverAdministrator', { therapistId: admin, recoveryKey: typed, credential: '582913' });
    expect(state).toMatchObject({ currentTherapist: { id: admin }, locked: false, mustChangeCredential: false });
    expect(auditFor(api.context.db, 'therapist', admin).at(-2)).toMatchObject({ operation: 'session.recoverAdministrator', actorId: admin });

    const later = api.client();
    expect(await later.call('session.signIn', { therapistId: admin, credential: TEST_PIN })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await later.ok('session.signIn', { therapistId: admin, credential: '582913' })).toMatchObject({ currentTherapist: { id: admin } });
  });

  it("refuses another database's key, a mistyped key and a therapist who is not an administrator, changing nothing", async () => {
    const { api, sheet } = encryptedClinic();
    const admin = api.actorId()!;
    const { id: therapist } = await api.ok('therapists.create', { name: 'Kofi Boateng', credential: '735194' });
    const client = api.client();

    const other = await client.call('session.recoverAdministrator', { therapistId: admin, recoveryKey: formatRecoveryKey(newDatabaseKey()), credential: '582913' });
    expect(other).toMatchObject({ ok: false, error: { code: 'unauthorized', fields: { recoveryKey: expect.stringContaining('not this database') } } });

    const groups = sheet.split('-');
    groups[3] = groups[3]!.split('').reverse().join('');
    const slip = await client.call('session.recoverAdministrator', { therapistId: admin, recoveryKey: groups.join('-'), credential: '582913' });
    expect(slip).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { recoveryKey: expect.stringContaining('typing mistake') } } });

    const notAdmin = await client.call('session.recoverAdministrator', { therapistId: therapist, recoveryKey: sheet, credential: '582913' });
    expect(notAdmin).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('not an administrator') } });

    expect(client.actorId()).toBeNull();
    expect(await api.client().ok('session.signIn', { therapistId: admin, credential: TEST_PIN })).toMatchObject({ currentTherapist: { id: admin } });
  });

  it('is not offered by a database without encryption', async () => {
    const api = openTestBackend();
    opened.push(api);
    const r = await api.client().call('session.recoverAdministrator', { therapistId: api.actorId()!, recoveryKey: formatRecoveryKey(newDatabaseKey()), credential: '582913' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('not encrypted') } });
  });
});
