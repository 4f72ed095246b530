import { createHash } from 'node:crypto';
import { BackupInfo } from '../../shared/api/operations/backups';

/** auto: daily and on quit; manual: "Back up now"; pre-restore: taken before a restore replaces the database. */
export type BackupKind = BackupInfo['kind'];
const BACKUP_KINDS = BackupInfo.shape.kind.options;

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  /** UTC instant the backup was taken, from its name. */
  createdAt: string;
  sizeBytes: number;
  /** The database's identity tag from the name (db/identity.ts identityTag); absent in names from before it. */
  tag?: string;
}

const NAME_RE = /^romtrack-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z-(auto|manual|pre-restore)(?:-([0-9a-f]{8}))?\.sqlite$/;

/**
 * Names sort by time and say what they are, so a person browsing the folder understands them too; the last
 * part says which database they are of, so two databases' backups in one folder are never mixed up.
 */
export function backupName(at: Date, kind: BackupKind, tag?: string): string {
  const iso = at.toISOString(); // 2026-11-25T11:25:27.123Z
  const time = `${iso.slice(0, 10)}T${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}-${iso.slice(20, 23)}Z`;
  return `romtrack-${time}-${kind}${tag ? `-${tag}` : ''}.sqlite`;
}

export function parseBackupName(name: string): { createdAt: string; kind: BackupKind; tag?: string } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  // NAME_RE admits the kinds only; finding it again gives it its type.
  const kind = BACKUP_KINDS.find((k) => k === m[6]);
  if (!kind) return null;
  const parsed = { createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5] ?? '000'}Z`, kind };
  return m[7] ? { ...parsed, tag: m[7] } : parsed;
}

/** What the page names a listed backup by: never its path, which the back end looks up again itself. */
export function backupId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 24);
}

export const newestFirst = (a: { createdAt: string }, b: { createdAt: string }): number => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** Manual backups kept per folder and database, newest first. */
  manual: number;
  /** Safety copies taken before restores, kept newest first: each is the way back from one restore. */
  preRestore: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, manual: 20, preRestore: 10 };

/** Monday-based week of a UTC date, as a sortable key. */
function weekKey(iso: string): string {
  const d = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}

/**
 * Which backups of one database in one folder to remove. Automatic ones: keep the newest of each of the last
 * `daily` days that have one, of the last `weekly` weeks and of the last `monthly` months
 * (grandfather-father-son). Manual and pre-restore ones: keep the newest `manual` and `preRestore`, so a
 * USB stick backed up to every evening does not fill up. The caller passes only one database's backups.
 */
export function backupsToDelete<B extends BackupFile>(backups: readonly B[], policy: RotationPolicy = DEFAULT_ROTATION): B[] {
  const auto = backups.filter((b) => b.kind === 'auto').sort(newestFirst);
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
  const byCount = (kind: BackupKind, count: number) => backups.filter((b) => b.kind === kind).sort(newestFirst).slice(count);
  return [...auto.filter((b) => !keep.has(b.path)), ...byCount('manual', policy.manual), ...byCount('pre-restore', policy.preRestore)];
}
