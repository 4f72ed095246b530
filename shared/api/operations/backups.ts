import { z } from 'zod';
import { Empty } from './common';

export const BackupInfo = z.strictObject({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['auto', 'manual', 'pre-restore']),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

const folderPath = z
  .string()
  .trim()
  .min(1, { error: 'Enter the folder to back up to, for example the USB stick (E:\\ or /media/usb).' })
  .max(1000, { error: 'This path is too long.' });

export const backupOperations = {
  'backups.list': { input: Empty, output: z.strictObject({ folder: z.string(), backups: z.array(BackupInfo) }) },
  /** To the backups folder beside the database when `folder` is null; else to any folder, such as a USB stick. */
  'backups.create': { input: z.strictObject({ folder: folderPath.nullable().default(null) }), output: BackupInfo },
  'backups.restore': {
    input: z.strictObject({ path: z.string().trim().min(1, { error: 'Choose the backup file to restore.' }).max(1000) }),
    output: z.strictObject({ restoredFrom: z.string(), safetyBackup: BackupInfo }),
  },
} as const;
