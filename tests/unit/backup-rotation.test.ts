import { describe, expect, it } from 'vitest';
import { backupName, backupsToDelete, parseBackupName, type BackupFile } from '../../electron/backup/backup-files';

function auto(iso: string, kind: BackupFile['kind'] = 'auto'): BackupFile {
  const name = backupName(new Date(iso), kind);
  return { name, path: `/b/${name}`, kind, createdAt: parseBackupName(name)!.createdAt, sizeBytes: 1 };
}

describe('backup names', () => {
  it('carry the database’s tag, and names from before tags are still read', () => {
    const name = backupName(new Date('2026-11-25T11:25:27.123Z'), 'manual', '1a2b3c4d');
    expect(name).toBe('romtrack-2026-11-25T11-25-27-123Z-manual-1a2b3c4d.sqlite');
    expect(parseBackupName(name)).toEqual({ createdAt: '2026-11-25T11:25:27.123Z', kind: 'manual', tag: '1a2b3c4d' });
    expect(parseBackupName('romtrack-2026-11-25T11-25-27Z-auto.sqlite')).toEqual({ createdAt: '2026-11-25T11:25:27.000Z', kind: 'auto' });
  });

  it('round-trip the time and kind', () => {
    const name = backupName(new Date('2026-11-25T11:25:27.123Z'), 'pre-restore');
    expect(name).toBe('romtrack-2026-11-25T11-25-27-123Z-pre-restore.sqlite');
    expect(parseBackupName(name)).toEqual({ createdAt: '2026-11-25T11:25:27.123Z', kind: 'pre-restore' });
    expect(parseBackupName('.romtrack-2026-11-25T11-25-27-123Z-auto.sqlite.partial')).toBeNull();
  });
});

describe('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  // Two automatic backups a day (start and quit) for 400 days up to 2026-11-25.
  const end = Date.parse('2026-11-25T18:00:00Z');
  const all: BackupFile[] = [];
  for (let d = 0; d < 400; d++) {
    all.push(auto(new Date(end - d * 86_400_000).toISOString()));
    all.push(auto(new Date(end - d * 86_400_000 - 9 * 3_600_000).toISOString()));
  }
  const removed = new Set(backupsToDelete(all).map((b) => b.path));
  const kept = all.filter((b) => !removed.has(b.path)).map((b) => b.createdAt.slice(0, 10));

  it('keeps the newest backup of each of the last 7 days', () => {
    for (let d = 0; d < 7; d++) expect(kept).toContain(new Date(end - d * 86_400_000).toISOString().slice(0, 10));
  });

  it('keeps one per week for 4 weeks and one per month for 12 months, and nothing older', () => {
    const months = new Set(kept.map((k) => k.slice(0, 7)));
    expect(months.size).toBe(12);
    expect([...months].sort()[0]).toBe('2025-12');
    expect(kept.length).toBeGreaterThanOrEqual(12);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(new Set(kept).size).toBe(kept.length);
  });

  it('keeps manual and pre-restore backups by count, whatever their age: the newest 20 and 10', () => {
    const old = [auto('2020-01-01T00:00:00Z', 'manual'), auto('2020-01-02T00:00:00Z', 'pre-restore')];
    expect(backupsToDelete([...all, ...old]).filter((b) => b.kind !== 'auto')).toEqual([]);
    const manual = Array.from({ length: 25 }, (_, d) => auto(new Date(Date.UTC(2026, 0, d + 1)).toISOString(), 'manual'));
    const preRestore = Array.from({ length: 12 }, (_, d) => auto(new Date(Date.UTC(2025, 0, d + 1)).toISOString(), 'pre-restore'));
    const removed = backupsToDelete([...manual, ...preRestore]).map((b) => b.createdAt.slice(0, 10));
    expect(removed.sort()).toEqual(['2025-01-01', '2025-01-02', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']);
  });
});
