import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ReportRepository } from '../../db/report-repository';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { requireActor } from '../session';
import { assertNotBeforeBirth, requirePatient } from '../versions';
import type { HandlerTable } from './types';

// One repository per connection, built on first use: the shared Repositories list stays untouched, and a
// restore's new connection gets its own (as plan-reads.ts does for plans).
const repos = new WeakMap<Database.Database, ReportRepository>();
function reportRepo(ctx: ApiContext): ReportRepository {
  let repo = repos.get(ctx.db);
  if (!repo) {
    repo = new ReportRepository(ctx.db);
    repos.set(ctx.db, repo);
  }
  return repo;
}

export const reportHandlers: HandlerTable<'reports.record' | 'reports.list'> = {
  /** A report was printed or saved: logged with who and when, and audited like any other change. */
  'reports.record': (input, ctx) =>
    ctx.transaction(() => {
      const by = requireActor(ctx);
      const patient = requirePatient(ctx, input.patientId);
      assertNotBeforeBirth(patient.dateOfBirth, input.from, 'from', 'The start of the period');
      const at = ctx.now();
      const report = reportRepo(ctx).insert({
        id: randomUUID(),
        patientId: patient.id,
        from: input.from,
        to: input.to,
        paper: input.paper,
        motions: input.motions ?? null,
        recordedAt: at,
        recordedBy: by,
      });
      audit(ctx, { at, operation: 'reports.record', entity: 'report', entityId: report.id, before: null, after: report });
      return report;
    }),

  'reports.list': (input, ctx) => {
    requirePatient(ctx, input.patientId);
    return reportRepo(ctx).listFor(input.patientId);
  },
};
