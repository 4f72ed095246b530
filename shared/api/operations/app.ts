import { z } from 'zod';
import { Empty } from './common';

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  mode: z.enum(['desktop', 'server']),
});

export const appOperations = {
  'app.info': { kind: 'read', actor: 'none', input: Empty, output: AppInfo },
} as const;
