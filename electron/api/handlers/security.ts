import { formatRecoveryKey } from '../../db/database-key';
import { databaseKeyOf } from '../../db/open';
import { audit } from '../audit';
import type { HandlerTable } from './types';

export const securityHandlers: HandlerTable<'security.recoveryKey'> = {
  'security.recoveryKey': (_input, ctx) => {
    const key = databaseKeyOf(ctx.db);
    if (!key) return { recoveryKey: null };
    // The key opens every record and every backup: who had it on screen, and when, is kept like a change
    // (the key itself never goes into the log).
    audit(ctx, { at: ctx.now(), operation: 'security.recoveryKey.shown', entity: 'clinic', entityId: 'clinic', before: null, after: null });
    return { recoveryKey: formatRecoveryKey(key) };
  },
};
