import { schemaVersion } from '../../db/migrate';
import type { HandlerTable } from './types';

export const appHandlers: HandlerTable<'app.info' | 'app.startup'> = {
  'app.info': (_input, ctx) => ({
    name: ctx.app.name,
    version: ctx.app.version,
    databasePath: ctx.app.databasePath,
    schemaVersion: schemaVersion(ctx.db),
    mode: ctx.app.mode,
  }),
  // A back end that answers at all is open (the start gate, api/startup-gate.ts, answers before that).
  'app.startup': (_input, ctx) => {
    const version = schemaVersion(ctx.db);
    return { phase: 'ready', step: null, stepIndex: 0, stepCount: 0, version: null, fromVersion: version, toVersion: version, done: 1, total: 1, failure: null, advice: null };
  },
};
