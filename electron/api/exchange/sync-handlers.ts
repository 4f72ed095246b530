import { message } from '../../../shared/i18n/message';
import { AppError } from '../../db/errors';
import { readSyncSettings, writeSmartSettings, writeSyncSettings } from '../../db/sync-repository';
import { audit } from '../audit';
import type { HandlerTable } from '../handlers/types';
import { requireActor } from '../session';
import { foreignRecordsOf, lastPulledAt } from './foreign-store';
import { pullPatient } from './pull';
import { signingKey } from './smart-auth';
import { SyncHttpError } from './sync-client';
import { syncRunnerOf } from './sync-runner';

// exchange.syncStatus, exchange.syncNow, exchange.configureSync, and the pull of other clinics' records. The push
// runs in the back end's SyncRunner, outside any request; a pull is asked for by a person and waits for its answer.

type SyncOperation = 'exchange.syncStatus' | 'exchange.syncNow' | 'exchange.configureSync' | 'exchange.foreignRecords' | 'exchange.pullForeign';

function requirePatient(ctx: Parameters<HandlerTable<'exchange.foreignRecords'>['exchange.foreignRecords']>[1], patientId: string): void {
  if (!ctx.repos.patients.get(patientId)) throw new AppError('not_found', message('exchange.error.patientNotHere'));
}

export const syncHandlers: HandlerTable<SyncOperation> = {
  'exchange.syncStatus': (_input, ctx) => syncRunnerOf(ctx).status(),

  /** Starts the push and answers at once with the status (running: true), so no request waits on the network. */
  'exchange.syncNow': (_input, ctx) => {
    const runner = syncRunnerOf(ctx);
    void runner.runNow(requireActor(ctx));
    return runner.status();
  },

  /** In dispatch's transaction with its audit row; the token and the private key are logged only as set or not. */
  'exchange.configureSync': (input, ctx) => {
    if (input.smart?.privateKey !== undefined) {
      const key = signingKey(input.smart.privateKey);
      if (!key.ok) throw new AppError('invalid_input', key.message, { 'smart.privateKey': key.message });
    }
    const before = readSyncSettings(ctx.db);
    if (input.smart && input.smart.privateKey === undefined && !before?.smart) {
      const said = message('exchange.error.keyMissing');
      throw new AppError('invalid_input', said, { 'smart.privateKey': said });
    }
    writeSyncSettings(ctx.db, { baseUrl: input.baseUrl, token: input.bearerToken, at: ctx.now(), by: requireActor(ctx) });
    if (input.baseUrl !== null && input.smart !== undefined) {
      writeSmartSettings(ctx.db, input.smart && { clientId: input.smart.clientId, privateKey: input.smart.privateKey, tokenUrl: input.smart.tokenUrl });
    }
    const after = readSyncSettings(ctx.db);
    const shown = (s: typeof before) =>
      s ? { baseUrl: s.baseUrl, bearerToken: s.bearerToken ? 'set' : 'not set', smart: s.smart ? { clientId: s.smart.clientId, tokenUrl: s.smart.tokenUrl, privateKey: 'set' } : null } : null;
    audit(ctx, { at: ctx.now(), operation: 'exchange.configureSync', entity: 'sync_settings', entityId: 'clinic', before: shown(before), after: shown(after) });
    const runner = syncRunnerOf(ctx);
    // The first push soon after a server is set; none once it is removed.
    runner.schedule(after ? 1_000 : undefined);
    return runner.status();
  },

  'exchange.foreignRecords': ({ patientId }, ctx) => {
    requirePatient(ctx, patientId);
    const settings = readSyncSettings(ctx.db);
    return { configured: settings !== null, lastPulledAt: settings ? lastPulledAt(ctx.db, settings.baseUrl, patientId) : null, records: foreignRecordsOf(ctx.db, patientId) };
  },

  /**
   * Waits for the server: the person asked and reads the answer. When the server cannot be reached, the records
   * already held stay as they are and the message says so; nothing is half-written (pull.ts).
   */
  'exchange.pullForeign': async ({ patientId }, ctx) => {
    requirePatient(ctx, patientId);
    const settings = readSyncSettings(ctx.db);
    if (!settings) throw new AppError('conflict', message('exchange.error.noServer'));
    const actor = requireActor(ctx);
    let added: number;
    try {
      ({ added } = await pullPatient(ctx, settings.baseUrl, syncRunnerOf(ctx).clientFor(settings), patientId, actor));
    } catch (err) {
      if (!(err instanceof SyncHttpError)) throw err;
      throw new AppError('conflict', message('exchange.error.nothingFetched', { reason: { message: err.said } }));
    }
    return { added, configured: true, lastPulledAt: lastPulledAt(ctx.db, settings.baseUrl, patientId), records: foreignRecordsOf(ctx.db, patientId) };
  },
};
