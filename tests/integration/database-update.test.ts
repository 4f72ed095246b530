// The database update at start (issue 21): a clinic's file from version 17 is updated in a worker thread with a
// backup first, its progress told as it goes, every reading read back as version 17 read it, the file compacted
// when the disk has room (and left larger, saying why, when it has not), encrypted files too; while it runs, the
// back end answers only how far it is and refuses the rest with a message id.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/api/backend';
import { StartupGate } from '../../electron/api/startup-gate';
import { runUpdate } from '../../electron/backup/update-run';
import { encryptPlainFile } from '../../electron/db/database-key';
import { openDatabase } from '../../electron/db/open';
import type { UpdateEvent } from '../../electron/db/update-steps';
import { VisitRepository } from '../../electron/db/visit-repository';
import { StartupStatus } from '../../shared/api/operations/app';
import { asRead, clinicAt17 } from '../support/measurements-at-17';
import type { DatabaseAtVersion } from '../support/migrate-to';

const open: DatabaseAtVersion[] = [];
afterEach(() => open.splice(0).forEach((d) => d.dispose()));

/** A version 17 clinic, closed as the app leaves it, with how version 17 read its measurements. */
function closedClinicAt17(key: Buffer | null = null) {
  const { d } = clinicAt17(open);
  const before = asRead(d);
  if (key) encryptPlainFile(d.db, key);
  d.db.close();
  return { path: d.path, before };
}

function expectInOrder(events: UpdateEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [events[i - 1]!, events[i]!];
    expect(b.stepIndex, JSON.stringify([a, b])).toBeGreaterThanOrEqual(a.stepIndex);
    if (b.stepIndex === a.stepIndex && b.total === a.total) expect(b.done, JSON.stringify([a, b])).toBeGreaterThanOrEqual(a.done);
    expect(b.done).toBeLessThanOrEqual(b.total);
  }
}

function expectReadsAsBefore(path: string, before: Map<string, unknown>, key: Buffer | null = null): void {
  const db = openDatabase(path, { key });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    const visits = new VisitRepository(db);
    expect(before.size).toBeGreaterThan(1800);
    for (const [id, m] of before) expect(visits.measurement(id), id).toEqual(m);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
}

describe('the database update at start', { timeout: 180_000 }, () => {
  it('updates a version 17 file in a worker: a backup first, progress in order to done, every reading kept, the file compacted', async () => {
    const { path, before } = closedClinicAt17();
    const events: UpdateEvent[] = [];
    const outcome = await runUpdate({ path, key: null, now: new Date().toISOString(), compact: { minFreeBytes: 0 } }, (e) => events.push(e));

    expect(outcome).toMatchObject({ from: 17, to: 18 });
    expect(existsSync(outcome.backup!)).toBe(true);
    expectInOrder(events);
    expect(events.map((e) => e.step).filter((s, i, all) => s !== all[i - 1])).toEqual(['backup', 'migrate', 'compact']);
    expect(events.every((e) => e.stepCount === 3 && e.fromVersion === 17)).toBe(true);
    // The migration's rows are told as they go, not only its start and end.
    const within = events.filter((e) => e.step === 'migrate' && e.version === 18 && e.done > 0 && e.done < e.total);
    expect(within.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ step: 'compact', done: 1, total: 1 });

    // The migration leaves the old table's pages empty; compacting gives them back.
    expect(outcome.compaction).toMatchObject({ ran: true });
    if (outcome.compaction?.ran) expect(outcome.compaction.afterBytes).toBeLessThan(outcome.compaction.beforeBytes * 0.8);
    expect(statSync(path).size).toBe(outcome.compaction?.ran ? outcome.compaction.afterBytes : -1);
    expectReadsAsBefore(path, before);
    // The backup is the file as version 17 left it.
    const backup = openDatabase(outcome.backup!, { migrate: false, readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(17);
    backup.close();
  });

  it('skips compacting when the disk has no room for it, says why, and the file is still right', async () => {
    const { path, before } = closedClinicAt17();
    const outcome = await runUpdate({ path, key: null, now: new Date().toISOString(), compact: { minFreeBytes: 0, pretendFreeBytes: 1024 * 1024 } }, () => {});
    expect(outcome.compaction).toMatchObject({ ran: false, why: expect.stringMatching(/disk has 1 MB free/) });
    expectReadsAsBefore(path, before);
  });

  it('updates an encrypted file with its key, and it stays encrypted', async () => {
    const key = randomBytes(32);
    const { path, before } = closedClinicAt17(key);
    const outcome = await runUpdate({ path, key: key.toString('hex'), now: new Date().toISOString(), compact: { minFreeBytes: 0 } }, () => {});
    expect(outcome).toMatchObject({ from: 17, to: 18, compaction: { ran: true } });
    expect(() => openDatabase(path, { migrate: false, readonly: true })).toThrow();
    expectReadsAsBefore(path, before, key);
  });

  it('answers only app.startup while it updates, refusing the rest with a message id; then everything', async () => {
    const { path } = closedClinicAt17();
    const gate = new StartupGate('server');
    const seen: string[] = [];
    gate.onChange((s) => seen.push(s.phase));
    const opening = openBackend({ databasePath: path, mode: 'server' }, gate, () => {});

    const refused = await gate.dispatch('patients.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', messageRef: { id: 'update.refused.busy' } } });
    const during = await gate.dispatch('app.startup', {});
    expect(during.ok && StartupStatus.parse(during.value).phase).toMatch(/opening|updating/);

    const backend = await opening;
    try {
      expect(seen).toContain('updating');
      expect(seen.at(-1)).toBe('ready');
      const after = await gate.dispatch('app.startup', {});
      expect(after.ok && StartupStatus.parse(after.value)).toMatchObject({ phase: 'ready', fromVersion: 17, toVersion: 18 });
      expect(await gate.dispatch('app.info', {})).toMatchObject({ ok: true, value: { schemaVersion: 18 } });
    } finally {
      backend.close();
    }
  });

  it('says what went wrong when the file cannot be opened, and keeps refusing', async () => {
    const { path } = closedClinicAt17();
    const gate = new StartupGate('server');
    // Opened with a key it was not encrypted with: refused, nothing changed.
    await expect(openBackend({ databasePath: path, mode: 'server', key: randomBytes(32) }, gate, () => {})).rejects.toThrow();
    const status = await gate.dispatch('app.startup', {});
    // Server mode answers before anyone signs in: the reason, which can name the file, stays in its own window.
    expect(status.ok && StartupStatus.parse(status.value)).toMatchObject({ phase: 'failed', failure: { id: 'update.failed.server' }, advice: { id: 'update.advice.server' } });
    expect(JSON.stringify(status)).not.toContain(path);
    expect(await gate.dispatch('patients.list', {})).toMatchObject({ ok: false, error: { messageRef: { id: 'update.refused.failed' } } });
    // The desktop's window is the computer's own: it says the reason itself.
    const desktop = new StartupGate('desktop');
    await expect(openBackend({ databasePath: path, mode: 'desktop', key: randomBytes(32) }, desktop, () => {})).rejects.toThrow();
    const own = await desktop.dispatch('app.startup', {});
    expect(own.ok && StartupStatus.parse(own.value)).toMatchObject({ phase: 'failed', failure: { id: 'domain.db.plain', params: { path } }, advice: { id: 'update.advice.desktop' } });
  });
});
