import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/api/backend';
import { freshSummary } from '../../electron/api/worklist-refresh';
import { signInProcess } from '../support/backend';
import { databaseAt, sameShapeAs, type DatabaseAtVersion } from '../support/migrate-to';
import { IDS, putRowsAddedAt, putRowsUpTo } from '../support/rows-by-version';

// Migration 10 (worklist summaries, referral letters), as tests/integration/migrations-data.test.ts checks the
// others: rows of every earlier version carried over intact, then its own rules acting. Its summaries are
// derived: the migration only marks every patient, and the first worklist read builds them with today's code.

const open: DatabaseAtVersion[] = [];
afterEach(() => open.splice(0).forEach((d) => d.dispose()));

function at9WithRows(): DatabaseAtVersion {
  const d = databaseAt(9);
  open.push(d);
  putRowsUpTo(d, 9);
  return d;
}

describe('0010 worklist summaries and referral letters', () => {
  it('carries every row over, marks every patient for a summary, and leaves the summaries to be built', () => {
    const d = at9WithRows();
    const before = d.contents();
    d.migrateTo(10);
    expect(d.version()).toBe(10);
    expect(sameShapeAs(before, d.contents())).toEqual(before);
    expect(d.db.pragma('foreign_key_check')).toEqual([]);
    expect(d.db.prepare('SELECT patient_id FROM worklist_dirty ORDER BY patient_id').pluck().all()).toEqual([IDS.kwame, IDS.ama].sort());
    for (const table of ['worklist_patients', 'worklist_series', 'worklist_sites', 'worklist_reasons', 'worklist_settings', 'referral_letters']) {
      expect(d.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    putRowsAddedAt(d, 10);
    expect(d.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('marks the patient of every write that can change a summary, through the database’s own triggers', () => {
    const d = at9WithRows();
    d.migrateTo(10);
    d.db.exec('DELETE FROM worklist_dirty');
    const marked = () => d.db.prepare('SELECT patient_id FROM worklist_dirty').pluck().all();
    d.db.prepare("UPDATE measurements SET voided_at = 'x', voided_by = ?, void_reason = 'Wrong side' WHERE id = ?").run(IDS.abena, IDS.measurementLater);
    expect(marked()).toEqual([IDS.kwame]);
    d.db.exec('DELETE FROM worklist_dirty');
    d.insert('visit_voids', { visit_id: IDS.visit2, voided_at: '2024-03-06T08:00:00.000Z', voided_by: IDS.abena, reason: 'Twice' });
    expect(marked()).toEqual([IDS.kwame]);
    // A clinic threshold marks the patients summarised with that motion (none yet: nothing summarised).
    d.db.exec('DELETE FROM worklist_dirty');
    d.insert('worklist_series', {
      patient_id: IDS.ama, series_key: 'right.knee.flexion.active', position: 0, motion: 'knee.flexion', joint: 'knee', side: 'right', mode: 'active', watched: 1, readings: 0,
      latest_value: null, latest_date: null, baseline_value: null, baseline_date: null, best_value: null, best_date: null, verdict: 'insufficient', needs_confirmation: 0, last_measured: '2024-03-05', next_due: null,
    });
    d.insert('clinic_thresholds', { id: 'thr-knee', motion: 'knee.flexion', instrument: null, degrees: 9, set_at: '2024-07-01T08:00:00.000Z', set_by: IDS.abena, ended_at: null, ended_by: null });
    expect(marked()).toEqual([IDS.ama]);
  });

  it('keeps referral letters as sent, and checks the summary rows it holds', () => {
    const d = at9WithRows();
    d.migrateTo(10);
    putRowsAddedAt(d, 10);
    expect(() => d.db.prepare("UPDATE referral_letters SET body = 'other'").run()).toThrow(/as it was sent/);
    expect(() => d.db.prepare('DELETE FROM referral_letters').run()).toThrow(/stays in the log/);
    expect(() => d.insert('worklist_reasons', { patient_id: IDS.ama, position: 0, code: 'losing', joint: null, side: null, series_key: null, facts_json: '{"code":"due"}' })).toThrow(/CHECK/);
    expect(() => d.insert('worklist_settings', { id: 1, weekly_from_week: 4, weekly_until_week: 2, monthly_until_week: 26, alp_upper_limit: 130, version: 1, set_at: 'x', set_by: IDS.abena })).toThrow(/UNIQUE|CHECK/);
    expect(() => d.insert('worklist_sites', { patient_id: IDS.ama, joint: 'knee', side: 'right', position: 0, status: 'at_risk', anchor_date: '2024-01-01', anchor_what: 'the injury', last_measured: null, due_on: '2024-01-15', overdue_on: null, ends_on: null, interval_days: null })).toThrow(/CHECK/);
  });

  it('builds the summaries of a migrated clinic at its first worklist read, old and odd records included', async () => {
    const d = at9WithRows();
    d.db.close();
    // Opening through the app migrates to the latest version, as on a clinic's machine after an update.
    const backend = createBackend({ databasePath: d.path, mode: 'server', now: () => '2024-03-10T09:00:00.000Z' });
    try {
      signInProcess(backend, IDS.abena);
      const page = await backend.dispatch('worklist.get', { today: '2024-03-10' });
      expect(page.ok).toBe(true);
      if (page.ok) expect(page.value).toMatchObject({ pending: 0 });
      for (const id of [IDS.kwame, IDS.ama]) expect(backend.context.repos.worklist.summaries.read(id)).toEqual(freshSummary(backend.context, id));
      expect(backend.context.repos.worklist.summaries.read(IDS.kwame).series.map((s) => s.seriesKey)).toEqual(['left.elbow.flexion.active', 'left.elbow.flexion.passive']);
    } finally {
      backend.close();
    }
  });
});
