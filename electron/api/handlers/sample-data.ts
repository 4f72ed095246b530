import { createSampleData } from '../../sample-data';
import { AppError } from '../../db/errors';
import { requireActor } from '../session';
import type { HandlerTable } from './types';

export const sampleDataHandlers: HandlerTable<'sampleData.create'> = {
  /**
   * Six sample patients, made by calling the other operations through ctx.dispatch (the same table both
   * transports use, handed over by createBackend) rather than by building a second table here, which would
   * make this file import the dispatcher that imports it. So every sample record is validated, audited and
   * versioned exactly like one a therapist types.
   *
   * All of it runs in one transaction: a failure part-way leaves no half-made patients behind (and the
   * refusal below would then block a retry). ctx.transaction cannot take an async function, so BEGIN and
   * COMMIT are explicit; the inner operations' own transactions become savepoints inside it. Nothing else
   * can write in the meantime: the handlers are synchronous, so the whole run is one chain of microtasks
   * and no IPC or HTTP request (a macrotask) is handled until it has committed or rolled back.
   */
  'sampleData.create': async (_input, ctx) => {
    requireActor(ctx);
    const dispatch = ctx.dispatch;
    if (!dispatch) throw new Error('sampleData.create needs ctx.dispatch, which createBackend sets.');
    if (ctx.db.inTransaction) throw new Error('sampleData.create cannot run inside another transaction.');
    const db = ctx.db;
    db.exec('BEGIN IMMEDIATE');
    try {
      const existing = ctx.repos.patients.search('', 0, 1).total;
      if (existing > 0) {
        throw new AppError(
          'conflict',
          `Sample patients are only added to an empty database, so they never mix with real records, and this one already has ${existing === 1 ? '1 patient' : `${existing} patients`}. To try the sample data, use a separate database file.`,
        );
      }
      const made = await createSampleData(dispatch);
      db.exec('COMMIT');
      return { patients: made.patients, visits: made.visits, measurements: made.measurements, events: made.events };
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  },
};
