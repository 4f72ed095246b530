import { formatRecoveryKey } from '../../db/database-key';
import { databaseKeyOf } from '../../db/open';
import type { HandlerTable } from './types';

export const securityHandlers: HandlerTable<'security.recoveryKey'> = {
  'security.recoveryKey': (_input, ctx) => {
    const key = databaseKeyOf(ctx.db);
    return { recoveryKey: key ? formatRecoveryKey(key) : null };
  },
};
