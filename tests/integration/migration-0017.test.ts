import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { auditRowHash, checkAuditChain, type ChainedContent } from '../../electron/db/audit-chain';
import { auditFor, writeAudit } from '../../electron/db/audit-repository';
import { auditRowsWhere } from '../../electron/db/audit-rows';
import { databaseAt, type DatabaseAtVersion } from '../support/migrate-to';
import { IDS, putRowsUpTo } from '../support/rows-by-version';

// Migration 17 packs the audit log: a clinic's log, written by version 16 as JSON text with hex hashes, must come
// out with every row's seq, id, texts and hashes as its hash defines them, the chain still whole (and still
// broken where it was broken), the file much smaller, and the log as append-only as before.

const open: DatabaseAtVersion[] = [];
afterEach(() => open.splice(0).forEach((d) => d.dispose()));

const AT = '2025-03-04T10:00:00.000Z';

/** A visit's audit row as the app writes it: the visit with its measurements, ids repeated throughout. */
function visitRow(therapist: string, patient: string, n: number): Omit<ChainedContent, 'id'> {
  const visitId = randomUUID();
  const measurements = ['elbow.flexion', 'elbow.extension', 'forearm.pronation', 'forearm.supination', 'knee.flexion'].map((motion, i) => {
    const id = randomUUID();
    return {
      id, lineageId: id, supersedesId: null, recordedAt: AT, recordedBy: therapist, correctionReason: null, voided: null, visitId, patientId: patient, date: '2025-03-04',
      motion, side: n % 2 ? 'left' : 'right', mode: 'active', degrees: (n * 7 + i * 13) % 140, raterId: therapist, instrument: 'goniometer', endFeel: null, pain: null, note: n % 5 ? null : 'Guarding — “stiff”',
    };
  });
  const visit = {
    id: visitId, patientId: patient, date: '2025-03-04', therapistId: therapist, setting: 'outpatient',
    symptoms: { decreasedRange: false, swelling: n % 3 === 0, redness: false, warmth: false, fever: false, pain: null }, notes: null, instrument: 'goniometer', endFeel: null,
    recordedAt: AT, recordedBy: therapist, measurements, extensions: [],
  };
  return { at: AT, actor_id: therapist, operation: 'visits.record', entity: 'visit', entity_id: visitId, before_json: 'null', after_json: JSON.stringify(visit) };
}

/** Rows put in as version 16 wrote them: texts and hex hashes, chained from the last row. */
function writeAsVersion16(d: DatabaseAtVersion, rows: Omit<ChainedContent, 'id'>[]): void {
  let prev = (d.db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined) ?? '';
  d.db.transaction(() => {
    for (const content of rows) {
      const row = { ...content, id: randomUUID() };
      const hash = auditRowHash(prev, row);
      d.insert('audit_log', { ...row, prev_hash: prev, hash });
      prev = hash;
    }
  })();
}

const fileBytes = (d: DatabaseAtVersion): number => {
  d.db.exec('VACUUM');
  return (d.db.pragma('page_count', { simple: true }) as number) * (d.db.pragma('page_size', { simple: true }) as number);
};

/** A clinic's file at version 16: every table's rows, then 600 visits' audit rows. */
function clinicAt16(): DatabaseAtVersion {
  const d = databaseAt(16);
  open.push(d);
  putRowsUpTo(d, 16);
  writeAsVersion16(d, Array.from({ length: 600 }, (_, n) => visitRow(IDS.abena, n % 2 ? IDS.kwame : IDS.ama, n)));
  return d;
}

describe('0017 the audit log packed', () => {
  it('keeps every row as its hash defines it, the chain and its head, and the highest seq written; the file shrinks', () => {
    const d = clinicAt16();
    const before = auditRowsWhere(d.db, '1');
    const chain = checkAuditChain(d.db);
    expect(chain).toMatchObject({ ok: true, rows: 605 });
    const highest = d.db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck().get();
    const sizeBefore = fileBytes(d);

    d.migrateTo(17);
    expect(d.version()).toBe(17);
    expect(auditRowsWhere(d.db, '1')).toEqual(before);
    expect(checkAuditChain(d.db)).toEqual(chain);
    expect(d.db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck().get()).toBe(highest);
    // Texts packed, hashes 32 bytes: a visit's row is a fraction of its text, and the file less than half.
    const stored = d.db.prepare(`SELECT length(after_packed) AS packed, length(hash) AS hash FROM audit_log WHERE operation = 'visits.record'`).all() as { packed: number; hash: number }[];
    const text = before.filter((r) => r.operation === 'visits.record').reduce((a, r) => a + Buffer.byteLength(r.after_json!), 0);
    expect(stored.every((r) => r.hash === 32)).toBe(true);
    expect(stored.reduce((a, r) => a + r.packed, 0)).toBeLessThan(text / 5);
    const sizeAfter = fileBytes(d);
    expect(sizeAfter).toBeLessThan(sizeBefore / 2);
    // Neither index is left: the change feed reads by seq, and nothing in the app reads by entity.
    expect(d.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'`).pluck().all()).toEqual([]);
  }, 30_000);

  it('stays append-only and chained: edits and deletes refused, a row out of the chain refused, the app’s next row continues it', () => {
    const d = clinicAt16();
    d.migrateTo(17);
    expect(() => d.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/never deleted/);
    expect(() => d.db.prepare("UPDATE audit_log SET after_packed = X'00' WHERE seq = 2").run()).toThrow(/never edited/);
    const row = { id: 'x', at: AT, actor_id: null, operation: 'x', entity: 'x', entity_id: 'x', before_packed: null, after_packed: null };
    expect(() => d.insert('audit_log', { ...row, prev_hash: Buffer.alloc(0), hash: Buffer.alloc(32) })).toThrow(/continue the chain/);
    // A hex hash (the old layout's) is refused too: the chain continues only from the last row's bytes.
    const last = d.db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as Buffer;
    expect(() => d.insert('audit_log', { ...row, prev_hash: last, hash: 'a'.repeat(64) })).toThrow(/continue the chain|cannot store TEXT/);

    writeAudit(d.db, { at: AT, actorId: IDS.abena, operation: 'measurements.correct', entity: 'measurement', entityId: IDS.measurementLater, before: { degrees: 110 }, after: { degrees: 101, correctionReason: 'Read 110 for 101' } });
    expect(checkAuditChain(d.db)).toMatchObject({ ok: true, rows: 606 });
    expect(auditFor(d.db, 'measurement', IDS.measurementLater).at(-1)).toMatchObject({ before: { degrees: 110 }, after: { degrees: 101, correctionReason: 'Read 110 for 101' } });
  }, 30_000);

  it('a row changed before the update is still named after it; a packed row changed after it is named too', () => {
    const d = clinicAt16();
    d.db.exec('DROP TRIGGER audit_log_never_edited');
    d.db.prepare(`UPDATE audit_log SET after_json = replace(after_json, '"degrees":7', '"degrees":70') WHERE seq = 7`).run();
    const broken = checkAuditChain(d.db);
    expect(broken).toMatchObject({ ok: false, reason: expect.stringMatching(/row numbered 7 .*changed after it was written/) });
    d.migrateTo(17);
    expect(checkAuditChain(d.db)).toEqual(broken);

    const fresh = clinicAt16();
    fresh.migrateTo(17);
    fresh.db.exec('DROP TRIGGER audit_log_never_edited');
    // One byte of a packed text flipped, as a tool editing the file would leave it.
    const packed = fresh.db.prepare('SELECT after_packed FROM audit_log WHERE seq = 300').pluck().get() as Buffer;
    const flipped = Buffer.from(packed);
    flipped[flipped.length >> 1]! ^= 0x20;
    fresh.db.prepare('UPDATE audit_log SET after_packed = ? WHERE seq = 300').run(flipped);
    expect(checkAuditChain(fresh.db)).toMatchObject({ ok: false, reason: expect.stringMatching(/row numbered 300 .*changed after it was written/) });
  }, 30_000);
});
