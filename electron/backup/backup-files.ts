import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** auto: daily and on quit, rotated; manual: "Back up now"; pre-restore: taken before a restore replaces the database. */
export type BackupKind = 'auto' | 'manual' | 'pre-restore';

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  /** UTC instant the backup was taken, from its name. */
  createdAt: string;
  sizeBytes: number;
}

const NAME_RE = /^romtrack-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z-(auto|manual|pre-restore)\.sqlite$/;

/** Names sort by time and say what they are, so a person browsing the folder understands them too. */
export function backupName(at: Date, kind: BackupKind): string {
  const iso = at.toISOString(); // 2026-11-25T11:25:27.123Z
  return `romtrack-${iso.slice(0, 10)}T${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}-${iso.slice(20, 23)}Z-${kind}.sqlite`;
}

export function parseBackupName(name: string): { createdAt: string; kind: BackupKind } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  return { createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5] ?? '000'}Z`, kind: m[6] as BackupKind };
}

/** The backups in a folder, newest first; files that are not ours (or half-written temp files) are ignored. */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(folder, name);
    try {
      out.push({ name: basename(path), path, kind: parsed.kind, createdAt: parsed.createdAt, sizeBytes: statSync(path).size });
    } catch {
      // removed meanwhile
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** Monday-based week of a UTC date, as a sortable key. */
function weekKey(iso: string): string {
  const d = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}

/**
 * Which automatic backups to keep: the newest of each of the last `daily` days that have one, of the
 * last `weekly` weeks and of the last `monthly` months (grandfather-father-son). Manual and pre-restore
 * backups are never rotated away: a person asked for them.
 */
export function backupsToDelete(backups: readonly BackupFile[], policy: RotationPolicy = DEFAULT_ROTATION): BackupFile[] {
  const auto = backups.filter((b) => b.kind === 'auto').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set<string>();
  const buckets: [(iso: string) => string, number][] = [
    [(iso) => iso.slice(0, 10), policy.daily],
    [weekKey, policy.weekly],
    [(iso) => iso.slice(0, 7), policy.monthly],
  ];
  for (const [key, count] of buckets) {
    const seen = new Set<string>();
    for (const b of auto) {
      const k = key(b.createdAt);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.path);
    }
  }
  return auto.filter((b) => !keep.has(b.path));
}
