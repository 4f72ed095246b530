import { writeSyncSettings, readSyncSettings } from '../../db/sync-repository';
import { audit } from '../audit';
import type { HandlerTable } from '../handlers/types';
import { requireActor } from '../session';
import { syncRunnerOf } from './sync-runner';

// exchange.syncStatus, exchange.syncNow, exchange.configureSync. The push itself runs in the back end's
// SyncRunner, outside any request.

export const syncHandlers: HandlerTable<'exchange.syncStatus' | 'exchange.syncNow' | 'exchange.configureSync'> = {
  'exchange.syncStatus': (_input, ctx) => syncRunnerOf(ctx).status(),

  /** Starts the push and answers at once with the status (running: true), so no request waits on the network. */
  'exchange.syncNow': (_input, ctx) => {
    const runner = syncRunnerOf(ctx);
    void runner.runNow(requireActor(ctx));
    return runner.status();
  },

  /** In dispatch's transaction with its audit row; the token is logged only as set or not. */
  'exchange.configureSync': (input, ctx) => {
    const before = readSyncSettings(ctx.db);
    writeSyncSettings(ctx.db, { baseUrl: input.baseUrl, token: input.bearerToken, at: ctx.now(), by: requireActor(ctx) });
    const after = readSyncSettings(ctx.db);
    const shown = (s: typeof before) => (s ? { baseUrl: s.baseUrl, bearerToken: s.bearerToken ? 'set' : 'not set' } : null);
    audit(ctx, { at: ctx.now(), operation: 'exchange.configureSync', entity: 'sync_settings', entityId: 'clinic', before: shown(before), after: shown(after) });
    const runner = syncRunnerOf(ctx);
    // The first push soon after a server is set; none once it is removed.
    runner.schedule(after ? 1_000 : undefined);
    return runner.status();
  },
};
