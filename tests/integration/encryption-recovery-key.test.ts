// The recovery key sheet's operation: the administrator reads the clinic's recovery key, audited; a therapist is
// refused.
// And the operations that open a second connection to the file do so with the key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditRowsWhere } from '../../electron/db/audit-rows';
import { formatRecoveryKey, newDatabaseKey, parseRecoveryKey } from '../../electron/db/database-key';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makeTempDir } from '../support/temp-dir';

const opened: TestBackend[] = [];
afterEach(() => {
  for (const api of opened.splice(0)) api.dispose();
});

function clinic(key?: Buffer): TestBackend {
  const api = openTestBackend(key ? { key } : {});
  opened.push(api);
  return api;
}

describe('security.recoveryKey', () => {
  it('gives the administrator the key of this database, in the printed form that opens its backups', async () => {
    const key = newDatabaseKey();
    const api = clinic(key);
    const { recoveryKey } = await api.ok('security.recoveryKey', {});
    expect(recoveryKey).toBe(formatRecoveryKey(key));
    expect(parseRecoveryKey(recoveryKey!).equals(key)).toBe(true);
    // Who had the key on screen is in the audit log; the key itself is not.
    const shown = api.context.db.prepare("SELECT actor_id FROM audit_log WHERE operation = 'security.recoveryKey.shown'").pluck().all();
    expect(shown).toEqual([api.actorId()]);
    const log = auditRowsWhere(api.context.db, '1');
    expect(JSON.stringify(log)).not.toContain(recoveryKey!.slice(0, 11));
  });

  it('is refused to a therapist who is not an administrator', async () => {
    const api = clinic(newDatabaseKey());
    const pin = '482915';
    const { id } = await api.ok('therapists.create', { name: 'Maria Santos', credential: pin });
    const maria = api.client();
    await maria.ok('session.signIn', { therapistId: id, credential: pin });
    await maria.ok('session.changeCredential', { current: pin, next: 'river stones 42' });
    const answer = await maria.call('security.recoveryKey', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(JSON.stringify(answer)).not.toMatch(/[0-9A-Z]{5}-[0-9A-Z]{5}/);
  });

  it('says there is none for a database that is not encrypted', async () => {
    expect(await clinic().ok('security.recoveryKey', {})).toEqual({ recoveryKey: null });
  });

});

describe('a second connection to an encrypted file', () => {
  it('the clinic export opens its own connection with the same key', async () => {
    const api = clinic(newDatabaseKey());
    await api.ok('sampleData.create', {});
    const out = makeTempDir('romtrack-enc-export-');
    try {
      const path = join(out.dir, 'clinic.ndjson');
      const result = await api.ok('exchange.exportClinic', { path });
      expect(result.patients).toBeGreaterThan(0);
      expect(readFileSync(path, 'utf8')).toContain('"resourceType":"Patient"');
    } finally {
      out.cleanup();
    }
  }, 60_000);
});
