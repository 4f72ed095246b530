import { randomInt } from 'node:crypto';
import type { ClinicExport, ImportProgress } from '../../../shared/api/operations/exchange';
import type { Measurement } from '../../../shared/domain/visit';
import { measurementsCsv, pseudonyms, type CsvPatient } from '../../../shared/exchange/csv';
import { patientBundle } from '../../../shared/exchange/bundle';
import { inRange, type DateRange } from '../../../shared/exchange/source';
import { AppError } from '../../db/errors';
import { message, type MessageRef } from '../../../shared/i18n/message';
import { exportClinic, type ExportProgress } from '../exchange/export-clinic';
import { importContents } from '../exchange/import-bundle';
import { importClinic } from '../exchange/import-clinic';
import { exchangeClinic, readExchangeSource } from '../exchange/read-source';
import { readBundle } from '../../../shared/exchange/read-bundle';
import { problemsParam } from '../../../shared/exchange/read-problems';
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

/** Why an export or import stopped, for the screen: the refusal's own id, or an unforeseen failure's text inside one. */
function stopReason(e: unknown): MessageRef {
  if (e instanceof AppError && e.messageRef) return e.messageRef;
  return message('exchange.error.stopped', { detail: e instanceof Error ? e.message : String(e) });
}

/** The running or last whole-clinic export of each back end, for exchange.exportProgress. */
type ProgressState = ExportProgress & { running: boolean; path: string; result: ClinicExport | null; error: string | null; errorRef: MessageRef | null };
const progressOf = new WeakMap<ApiContext, ProgressState>();
/** The running or last whole-clinic import of each back end, for exchange.importProgress. */
const importOf = new WeakMap<ApiContext, ImportProgress>();

export const exchangeHandlers: HandlerTable<'exchange.exportFhir' | 'exchange.exportCsv' | 'exchange.exportClinic' | 'exchange.exportProgress' | 'exchange.importFhir' | 'exchange.importClinic' | 'exchange.importProgress'> = {
  /**
   * One patient. A change, as it is logged: dispatch's one transaction makes the file one moment's record, and the
   * audit row (who exported what, to which file name) is written in it. The whole clinic is exchange.exportClinic.
   */
  'exchange.exportFhir': (input, ctx) => {
    const clinic = exchangeClinic(ctx);
    const range = rangeOf(input);
    const patientId = requirePatient(ctx, input.patientId).id;
    const bundle = patientBundle(readExchangeSource(ctx, clinic, patientId), range);
    const records = bundle.entry?.length ?? 0;
    const fileName = `romtrack-patient-${patientId}${rangeTag(range)}.fhir.json`;
    audit(ctx, {
      at: ctx.now(),
      operation: 'exchange.exportFhir',
      entity: 'patient',
      entityId: patientId,
      before: null,
      after: { format: 'fhir-r4', fileName, range: range ?? null, patients: 1, resources: records },
    });
    return { fileName, mediaType: 'application/fhir+json' as const, content: JSON.stringify(bundle, null, 2), patients: 1, records };
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
    if (progressOf.get(ctx)?.running) throw new AppError('conflict', message('exchange.error.exportRunning'));
    const state: ProgressState = { running: true, path: input.path, done: 0, total: 0, result: null, error: null, errorRef: null };
    try {
      const result = await exportClinic(ctx, input, (p) => {
        progressOf.set(ctx, Object.assign(state, p));
      });
      state.result = result;
      return result;
    } catch (e) {
      // Said to whoever reads the progress next: the export runs on after a page is left or reloaded.
      state.error = e instanceof Error ? e.message : String(e);
      state.errorRef = stopReason(e);
      throw e;
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
    if (!read.ok) throw new AppError('invalid_input', message('exchange.error.fileRefused', { problems: problemsParam(read.problems) }));
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

  /**
   * Checked whole, then written in parts with the event loop free between them (import-clinic.ts writes each part's
   * audit row); one at a time, with its progress kept for exchange.importProgress.
   */
  'exchange.importClinic': async (input, ctx) => {
    if (importOf.get(ctx)?.running) throw new AppError('conflict', message('exchange.error.importRunning'));
    const state: ImportProgress = { running: true, path: input.path, phase: 'checking', done: 0, total: 0, result: null, error: null, errorRef: null };
    importOf.set(ctx, state);
    try {
      state.result = await importClinic(ctx, input.path, (p) => Object.assign(state, p));
      return state.result;
    } catch (e) {
      state.error = e instanceof Error ? e.message : String(e);
      state.errorRef = stopReason(e);
      throw e;
    } finally {
      state.running = false;
    }
  },

  'exchange.importProgress': (_input, ctx) => {
    const state = importOf.get(ctx);
    return state ? { ...state } : { running: false, path: null, phase: null, done: 0, total: 0, result: null, error: null, errorRef: null };
  },

  'exchange.exportProgress': (_input, ctx) => {
    const state = progressOf.get(ctx);
    return state ? { ...state, result: state.result && { ...state.result } } : { running: false, path: null, done: 0, total: 0, result: null, error: null, errorRef: null };
  },
};
