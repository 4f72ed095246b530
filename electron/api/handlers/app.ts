import { schemaVersion } from '../../db/migrate';
import type { HandlerTable } from './types';

export const appHandlers: HandlerTable<'app.info'> = {
  'app.info': (_input, ctx) => ({
    name: ctx.app.name,
    version: ctx.app.version,
    databasePath: ctx.app.databasePath,
    schemaVersion: schemaVersion(ctx.db),
    mode: ctx.app.mode,
  }),
};
