import { randomUUID } from 'node:crypto';
import { AppError } from '../../db/errors';
import { type NewReport } from '../../db/report-repository';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { requireActor } from '../session';
import { assertNotBeforeBirth, requirePatient } from '../versions';
import type { HandlerTable } from './types';
import { message } from '../../../shared/i18n/message';

/** Writes the entry and its audit row; the caller runs it in a transaction. */
function logReport(ctx: ApiContext, by: string, entry: Omit<NewReport, 'id' | 'recordedAt' | 'recordedBy'>, operation: string) {
  const at = ctx.now();
  const report = ctx.repos.reports.insert({ ...entry, id: randomUUID(), recordedAt: at, recordedBy: by });
  audit(ctx, { at, operation, entity: 'report', entityId: report.id, before: null, after: report });
  return report;
}

export const reportHandlers: HandlerTable<'reports.record' | 'reports.recordReprint' | 'reports.list'> = {
  /** A report was printed or saved: logged with what it said, who and when, and audited like any other change. */
  'reports.record': (input, ctx) =>
    ctx.transaction(() => {
      const by = requireActor(ctx);
      const patient = requirePatient(ctx, input.patientId);
      assertNotBeforeBirth(patient.dateOfBirth, input.from, 'from', 'The start of the period');
      const kept = { sites: input.sites, assessment: input.assessment, recommendations: input.recommendations, analysisDate: input.analysisDate };
      return logReport(ctx, by, { patientId: patient.id, from: input.from, to: input.to, paper: input.paper, motions: input.motions ?? null, kept, reprintOf: null }, 'reports.record');
    }),

  /** An earlier report printed again: its options and texts copied from the log, never taken from the page. */
  'reports.recordReprint': (input, ctx) =>
    ctx.transaction(() => {
      const by = requireActor(ctx);
      const original = ctx.repos.reports.get(input.reportId);
      if (!original) throw new AppError('not_found', message('domain.reports.notInLog'));
      if (!original.kept) {
        throw new AppError('invalid_input', message('domain.reports.notKept'), { reportId: message('domain.reports.notKeptField') });
      }
      const { patientId, from, to, paper, motions, kept } = original;
      // A reprint of a reprint names the first printing: every copy points at the report it reproduces.
      return logReport(ctx, by, { patientId, from, to, paper, motions, kept, reprintOf: original.reprintOf ?? original.id }, 'reports.recordReprint');
    }),

  'reports.list': (input, ctx) => {
    requirePatient(ctx, input.patientId);
    return ctx.repos.reports.listFor(input.patientId);
  },
};
