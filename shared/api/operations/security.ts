import { z } from 'zod';
import { Empty } from './common';

export const securityOperations = {
  /**
   * The clinic's recovery key for the printed sheet (electron/db/database-key.ts formatRecoveryKey): the only way
   * to open a backup on another computer, or this database once the workstation's own key is lost. Null for a
   * database that is not encrypted (a test's, or a tool's).
   */
  'security.recoveryKey': {
    kind: 'read',
    role: 'administrator',
    input: Empty,
    output: z.strictObject({ recoveryKey: z.string().regex(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){10}$/).nullable() }),
  },
} as const;
