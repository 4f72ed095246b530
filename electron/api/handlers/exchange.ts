import { randomInt } from 'node:crypto';
import type { Measurement } from '../../../shared/domain/visit';
import { measurementsCsv, pseudonyms, type CsvPatient } from '../../../shared/exchange/csv';
import { patientBundle } from '../../../shared/exchange/bundle';
import { inRange, type DateRange } from '../../../shared/exchange/source';
import { AppError } from '../../db/errors';
import { exportClinic, type ExportProgress } from '../exchange/export-clinic';
import { importContents } from '../exchange/import-bundle';
import { exchangeClinic, readExchangeSource } from '../exchange/read-source';
import { readBundle } from '../../../shared/exchange/read-bundle';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { readPatientFile } from '../patient-file';
import { requirePatient } from '../versions';
import type { HandlerTable } from './types';

function patientIds(ctx: ApiContext, input: { patientId?: string | undefined }): string[] {
  if (input.patientId) return [requirePatient(ctx, input.patientId).id];
  return ctx.repos.patients.search('', 0, Number.MAX_SAFE_INTEGER).items.map((p) => p.id);
}

const rangeOf = (input: DateRange): DateRange | undefined => (input.from || input.to ? { from: input.from, to: input.to } : undefined);
const rangeTag = (r: DateRange | undefined): string => (r ? `-${r.from ?? 'start'}-to-${r.to ?? 'end'}` : '');
const day = (ctx: ApiContext): string => ctx.now().slice(0, 10);

/** A uniform random order, so the pseudonyms' order says nothing about the patients (or the raters). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The running or last whole-clinic export of each back end, for exchange.exportProgress. */
const progressOf = new WeakMap<ApiContext, ExportProgress & { running: boolean; path: string }>();

export const exchangeHandlers: HandlerTable<'exchange.exportFhir' | 'exchange.exportCsv' | 'exchange.exportClinic' | 'exchange.exportProgress' | 'exchange.importFhir'> = {
  /**
   * A change, as it is logged: dispatch's one transaction makes the file one moment's record, and the audit row
   * (who exported what, to which file name) is written in it. A whole clinic is one transaction Bundle per patient per line, so each line can be sent to a
   * server as it is.
   */
  'exchange.exportFhir': (input, ctx) => {
    const clinic = exchangeClinic(ctx);
    const range = rangeOf(input);
    const ids = patientIds(ctx, input);
    const bundles = ids.map((id) => patientBundle(readExchangeSource(ctx, clinic, id), range));
    const records = bundles.reduce((n, b) => n + (b.entry?.length ?? 0), 0);
    const single = input.patientId !== undefined;
    const fileName = single ? `romtrack-patient-${input.patientId}${rangeTag(range)}.fhir.json` : `romtrack-clinic-${day(ctx)}${rangeTag(range)}.fhir.ndjson`;
    const file = {
      fileName,
      mediaType: single ? ('application/fhir+json' as const) : ('application/fhir+ndjson' as const),
      content: single ? JSON.stringify(bundles[0], null, 2) : bundles.map((b) => `${JSON.stringify(b)}\n`).join(''),
      patients: ids.length,
      records,
    };
    audit(ctx, {
      at: ctx.now(),
      operation: 'exchange.exportFhir',
      entity: single ? 'patient' : 'clinic',
      entityId: single ? ids[0]! : clinic.id,
      before: null,
      after: { format: 'fhir-r4', fileName, range: range ?? null, patients: ids.length, resources: records },
    });
    return file;
  },

  'exchange.exportCsv': (input, ctx) => {
    const clinic = exchangeClinic(ctx);
    const range = rangeOf(input);
    const ids = patientIds(ctx, input);
    const files = ids.map((id) => readPatientFile(ctx, id));
    const therapists = new Map((files[0]?.therapists ?? []).map((t) => [t.id, t.name]));
    const raterIds = [...new Set(files.flatMap((f) => f.visits.flatMap((v) => v.measurements.map((m) => m.raterId ?? ''))))].filter(Boolean);
    const patientNames = input.pseudonymise ? pseudonyms(shuffled(ids), 'P') : null;
    const raterNames = input.pseudonymise ? pseudonyms(shuffled(raterIds), 'R', 2) : null;
    const patients: CsvPatient[] = files.map((f) => ({
      // Without pseudonyms, the clinic id is the only way the table names a patient; a patient without one
      // is named by ROMtrack's id, never by name.
      label: patientNames ? patientNames.get(f.patient.id)! : (f.patient.clinicId ?? f.patient.id),
      measurements: f.visits.flatMap((v) => v.measurements).filter((m: Measurement) => inRange(m.date, range)),
    }));
    const rater = (id: string | null): string => (id === null ? '' : raterNames ? (raterNames.get(id) ?? '') : (therapists.get(id) ?? ''));
    const content = measurementsCsv(patients, rater);
    const records = patients.reduce((n, p) => n + p.measurements.length, 0);
    const fileName = `romtrack-measurements-${day(ctx)}${input.pseudonymise ? '-pseudonymised' : ''}${rangeTag(range)}.csv`;
    audit(ctx, {
      at: ctx.now(),
      operation: 'exchange.exportCsv',
      entity: input.patientId ? 'patient' : 'clinic',
      entityId: input.patientId ? ids[0]! : clinic.id,
      before: null,
      after: { format: 'csv', fileName, range: range ?? null, pseudonymised: input.pseudonymise, patients: ids.length, rows: records },
    });
    return { fileName, mediaType: 'text/csv' as const, content, patients: ids.length, records };
  },

  /**
   * Streamed by electron/api/exchange/export-clinic.ts; one at a time, so two exports never race for the disk. The
   * progress is recorded from the export's first report, made once its checks have passed and before its first
   * await, so a refused export leaves the last one's progress as it was and a second request sees this one running.
   */
  'exchange.exportClinic': async (input, ctx) => {
    if (progressOf.get(ctx)?.running) throw new AppError('conflict', 'An export of the whole clinic is already running. Wait for it to finish.');
    const state = { running: true, path: input.path, done: 0, total: 0 };
    try {
      return await exportClinic(ctx, input, (p) => {
        progressOf.set(ctx, Object.assign(state, p));
      });
    } finally {
      state.running = false;
    }
  },

  /**
   * The file is read and checked whole before anything is written (a refusal lists every problem, each naming its
   * entry); then written in dispatch's one transaction, with one audit row saying what came from where.
   */
  'exchange.importFhir': (input, ctx) => {
    const read = readBundle(input.content);
    if (!read.ok) throw new AppError('invalid_input', `This file cannot be imported: ${read.problems.slice(0, 10).join(' ')}${read.problems.length > 10 ? ` (and ${read.problems.length - 10} more problems)` : ''}`);
    const report = importContents(ctx, read.contents, input.decisions);
    if (!report.unchanged) {
      audit(ctx, {
        at: ctx.now(),
        operation: 'exchange.importFhir',
        entity: 'patient',
        entityId: report.patientId,
        before: null,
        after: { format: 'fhir-r4', fromClinic: read.contents.clinicId, matchedBy: report.matchedBy, added: report.added, decisions: input.decisions ?? null, conflicts: report.conflicts.length, notImported: report.notImported },
      });
    }
    return report;
  },

  'exchange.exportProgress': (_input, ctx) => {
    const state = progressOf.get(ctx);
    return state ? { ...state } : { running: false, path: null, done: 0, total: 0 };
  },
};
