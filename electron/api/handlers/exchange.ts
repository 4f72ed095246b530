import { randomInt } from 'node:crypto';
import type { Measurement } from '../../../shared/domain/visit';
import { measurementsCsv, pseudonyms, type CsvPatient } from '../../../shared/exchange/csv';
import { patientBundle } from '../../../shared/exchange/bundle';
import { inRange, type DateRange, type ExchangeClinic, type ExchangeSource } from '../../../shared/exchange/source';
import { ensureDatabaseIdentity } from '../../db/identity';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { readPatientFile } from '../patient-file';
import { requirePatient } from '../versions';
import type { HandlerTable } from './types';

/** The clinic as exports name it: the database's identity is its stable id (the clinic row has none). */
function exchangeClinic(ctx: ApiContext): ExchangeClinic {
  const clinic = ctx.repos.clinic.get();
  if (!clinic) throw new AppError('conflict', 'Set up the clinic before exporting.');
  return { id: ensureDatabaseIdentity(ctx.db), name: clinic.name, address: clinic.address, phone: clinic.phone };
}

function readSource(ctx: ApiContext, clinic: ExchangeClinic, patientId: string): ExchangeSource {
  const file = readPatientFile(ctx, patientId);
  return {
    clinic,
    file,
    voided: {
      visits: ctx.repos.visits.voidedVisitsOf(patientId),
      measurements: ctx.repos.visits.voidedMeasurementsOf(patientId),
      events: ctx.repos.events.voidedOf(patientId),
      riskFactors: ctx.repos.profile.voidedRiskFactorsOf(patientId),
      sites: ctx.repos.profile.voidedSitesOf(patientId),
    },
  };
}

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

export const exchangeHandlers: HandlerTable<'exchange.exportFhir' | 'exchange.exportCsv'> = {
  /**
   * A change, as it is logged: dispatch's one transaction makes the file one moment's record, and the audit row
   * (who exported what, to which file name) is written in it. A whole clinic is one transaction Bundle per patient per line, so each line can be sent to a
   * server as it is.
   */
  'exchange.exportFhir': (input, ctx) => {
    const clinic = exchangeClinic(ctx);
    const range = rangeOf(input);
    const ids = patientIds(ctx, input);
    const bundles = ids.map((id) => patientBundle(readSource(ctx, clinic, id), range));
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
};
