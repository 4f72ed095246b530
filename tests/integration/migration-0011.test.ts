import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/api/backend';
import { reportHandlers } from '../../electron/api/handlers/reports';
import { AppError } from '../../electron/db/errors';
import { signInProcess } from '../support/backend';
import { databaseAt, sameShapeAs, type DatabaseAtVersion } from '../support/migrate-to';
import { IDS, putRowsAddedAt, putRowsUpTo } from '../support/rows-by-version';

// Migration 11 (the report log keeps what was printed), as tests/integration/migrations-data.test.ts checks the
// others: every earlier row carried over intact, the log's old entries without the new facts (none is guessed),
// then its own rules acting on the rows a clinic writes with version 11.

const open: DatabaseAtVersion[] = [];
afterEach(() => open.splice(0).forEach((d) => d.dispose()));

function at10WithRows(): DatabaseAtVersion {
  const d = databaseAt(10);
  open.push(d);
  putRowsUpTo(d, 10);
  return d;
}

const NEW_COLUMNS = ['assessment', 'recommendations', 'sites', 'analysis_date', 'reprint_of'];

describe('0011 the report log keeps what each report said', () => {
  it('carries every row over; the entries printed before it have none of the new facts', () => {
    const d = at10WithRows();
    const before = d.contents();
    d.migrateTo(11);
    expect(d.version()).toBe(11);
    expect(sameShapeAs(before, d.contents())).toEqual(before);
    expect(d.db.pragma('foreign_key_check')).toEqual([]);
    const old = d.db.prepare(`SELECT id, ${NEW_COLUMNS.join(', ')} FROM report_log ORDER BY id`).all();
    expect(old).toHaveLength(2);
    for (const row of old as Record<string, unknown>[]) for (const c of NEW_COLUMNS) expect(row[c], c).toBeNull();
    putRowsAddedAt(d, 11);
    expect(d.db.pragma('foreign_key_check')).toEqual([]);
    // The texts come back byte for byte, and a reprint names what it reproduced.
    expect(d.db.prepare('SELECT assessment FROM report_log WHERE reprint_of IS NOT NULL').pluck().get()).toBe('Left elbow flexion lost 25° since February.\n\nEnd-feel hard — Zoë’s X-ray pending.\n');
  });

  it('refuses an entry that keeps some facts but not all, verdicts before the period’s end, or an edit afterwards', () => {
    const d = at10WithRows();
    d.migrateTo(11);
    putRowsAddedAt(d, 11);
    const entry = { patient_id: IDS.kwame, period_from: '2024-01-01', period_to: '2024-06-30', paper: 'A4', motions_json: null, recorded_at: '2024-08-01T08:00:00.000Z', recorded_by: IDS.abena };
    const kept = { sites: 'watched', assessment: 'x', recommendations: '', analysis_date: '2024-06-30' };
    expect(() => d.insert('report_log', { ...entry, id: 'r1', ...kept, sites: null })).toThrow(/CHECK/);
    expect(() => d.insert('report_log', { ...entry, id: 'r2', ...kept, analysis_date: '2024-06-29' })).toThrow(/CHECK/);
    expect(() => d.insert('report_log', { ...entry, id: 'r3', ...kept, analysis_date: '30/06/2024' })).toThrow(/CHECK/);
    // A reprint of an entry that kept nothing cannot claim to be identical to it.
    expect(() => d.insert('report_log', { ...entry, id: 'r4', reprint_of: '7c9e6679-7425-40de-944b-rep000000001' })).toThrow(/CHECK/);
    expect(() => d.db.prepare("UPDATE report_log SET assessment = 'rewritten' WHERE assessment IS NOT NULL").run()).toThrow(/a printed report stays printed/);
    expect(() => d.db.prepare("UPDATE report_log SET sites = 'all' WHERE sites IS NULL").run()).toThrow(/a printed report stays printed/);
  });

  // The rows' ids are readable rather than UUIDs, so the handlers are called past the dispatcher's id check.
  it('lists a migrated clinic’s old entries as not kept and its new ones with their texts, through the handlers', async () => {
    const d = at10WithRows();
    d.migrateTo(11);
    putRowsAddedAt(d, 11);
    d.db.close();
    const backend = createBackend({ databasePath: d.path, mode: 'server' });
    try {
      signInProcess(backend, IDS.abena);
      const list = await reportHandlers['reports.list']({ patientId: IDS.kwame }, backend.context);
      expect(list.map((r) => [r.paper, r.kept === null, r.reprintOf !== null])).toEqual([
        ['A4', false, false],
        ['A4', false, true],
        ['A4', false, false],
        ['Letter', true, false],
        ['A4', true, false],
      ]);
      expect(list[0]!.kept).toEqual({ sites: 'all', assessment: '', recommendations: 'Review in 4 weeks.', analysisDate: '2024-07-10' });
      await expect(Promise.resolve().then(() => reportHandlers['reports.recordReprint']({ reportId: list[4]!.id }, backend.context))).rejects.toThrow(AppError);
      const again = await reportHandlers['reports.recordReprint']({ reportId: list[0]!.id }, backend.context);
      expect(again).toMatchObject({ reprintOf: list[0]!.id, kept: list[0]!.kept, recordedByName: 'Abena Owusu' });
    } finally {
      backend.close();
    }
  });
});
