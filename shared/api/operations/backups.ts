import { z } from 'zod';
import { englishText, message, said } from '../../i18n/message';
import { Empty } from './common';

export const BackupInfo = z.strictObject({
  /** What restore takes: the back end finds the file again in its own list, never from a path the page sends. */
  id: z.string(),
  name: z.string(),
  path: z.string(),
  folder: z.string(),
  kind: z.enum(['auto', 'manual', 'pre-restore']),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** The English of the refusal of a relative folder (the id is domain.backup.fullPath), for API callers and tests. */
export const FULL_PATH_MESSAGE = englishText(message('domain.backup.fullPath'));

// A relative folder would be resolved against wherever the app happens to run. The back end checks again with
// its own platform's rule (electron/backup/folders.ts).
const looksAbsolute = (p: string) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p);

const folderPath = z
  .string({ error: said(message('domain.backup.enterFolder')) })
  .trim()
  .min(1, { error: said(message('domain.backup.enterFolder')) })
  .max(1000, { error: said(message('domain.backup.pathTooLong')) })
  .refine(looksAbsolute, { error: said(message('domain.backup.fullPath')) });

const CHOOSE = said(message('domain.backup.chooseBackup'));

export const backupOperations = {
  'backups.list': {
    kind: 'read',
    input: Empty,
    output: z.strictObject({
      /** The database's own backups folder. */
      folder: z.string(),
      /** Other folders backed up to, remembered; `reachable` is false while a USB stick is out. */
      folders: z.array(z.strictObject({ path: z.string(), reachable: z.boolean() })),
      /** This database's backups in all of them, newest first. */
      backups: z.array(BackupInfo),
    }),
  },
  /** To the database's own backups folder when `folder` is null; else to any folder given as a full path, such as a USB stick. */
  'backups.create': { kind: 'change', role: 'administrator', transaction: 'own', input: z.strictObject({ folder: folderPath.nullable().default(null) }), output: BackupInfo },
  /** A listed backup, by id (or, on the desktop, a file the person chose in the File → Restore dialog). */
  // Both run file work in workers across awaits, so they open their own short transactions (not dispatch's).
  'backups.restore': {
    kind: 'change',
    role: 'administrator',
    transaction: 'own',
    input: z.strictObject({ id: z.string({ error: CHOOSE }).regex(/^[0-9a-f]{24}$/, { error: CHOOSE }) }),
    output: z.strictObject({
      restoredFrom: z.string(),
      safetyBackup: BackupInfo,
      /** The backup's schema version; older ones were brought up to date on a copy first. */
      schemaVersion: z.number().int(),
      /** The backup was of another database than the one it replaced (another install or clinic). */
      otherDatabase: z.boolean(),
    }),
  },
} as const;
