import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { ImportClinicReport, ImportReport } from '../../../shared/api/operations/exchange';
import { bulkPatients } from '../../../shared/exchange/bulk-read';
import { readBundleObject } from '../../../shared/exchange/read-bundle';
import { atPatient, problemsParam, type Problem } from '../../../shared/exchange/read-problems';
import { AppError } from '../../db/errors';
import { message, type MessageRef } from '../../../shared/i18n/message';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { importContents } from './import-bundle';
import { exchangeClinic } from './read-source';

// A whole-clinic NDJSON file (exchange.exportClinic's) on the machine that holds the database: read twice, a
// patient at a time, never whole. The first pass checks every patient and writes nothing; the second writes them
// in short transactions with the event loop given back between them (importClinic below).

const CHUNK = 1 << 20;
const KINDS = ['patients', 'therapists', 'visits', 'measurements', 'sites', 'riskFactors', 'events', 'planVersions', 'goals'] as const;

/** The file's lines, read in chunks (a multi-byte character split between chunks is decoded whole). */
function* linesOf(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      const parts = (rest + decoder.write(buffer.subarray(0, n))).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

function refuse(said: MessageRef): never {
  throw new AppError('invalid_input', said, { path: said });
}

/** Where a running whole-clinic import is: patients checked (total not known yet), then patients written of the total. */
export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

const noCounts = (): ImportReport['added'] => ({ patients: 0, therapists: 0, visits: 0, measurements: 0, sites: 0, riskFactors: 0, events: 0, planVersions: 0, goals: 0 });

/** The event loop is given back at least this often, so other clients are answered while a large file goes in. */
const YIELD_MS = 25;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Checked whole, then written in parts: each part (the patients written in one YIELD_MS slice) is one transaction
 * with one audit row, and between parts the event loop is free, so the app answers others (no transaction is
 * open while it waits). A file that fails half way leaves its first parts written; importing it again finishes
 * it, since an import only adds what is not here yet.
 */
export async function importClinic(ctx: ApiContext, path: string, onProgress: (p: ImportProgress) => void = () => {}): Promise<ImportClinicReport> {
  if (!existsSync(path) || !statSync(path).isFile()) refuse(message('exchange.error.noFile', { path }));
  const problems: Problem[] = [];
  let patients = 0;
  let lastYield = performance.now();
  const breathe = async (): Promise<void> => {
    if (performance.now() - lastYield < YIELD_MS) return;
    await nextTurn();
    lastYield = performance.now();
  };
  onProgress({ phase: 'checking', done: 0, total: 0 });
  for (const p of bulkPatients(linesOf(path), problems)) {
    patients++;
    const read = readBundleObject(p.bundle);
    if (!read.ok) problems.push(...read.problems.map((x) => atPatient(p.n, x)));
    if (problems.length > 20) break;
    onProgress({ phase: 'checking', done: patients, total: 0 });
    await breathe();
  }
  if (patients === 0 && problems.length === 0) problems.push(message('exchange.read.noPatient'));
  if (problems.length) {
    // The reader's problems (shared/exchange/read-*.ts) as ids, each naming its patient and line or entry. The
    // check stops after 20, so "and N more" counts those found, not every one in the file.
    throw new AppError('invalid_input', message('exchange.error.clinicFileRefused', { problems: problemsParam(problems) }));
  }

  const added = noCounts();
  const matched = noCounts();
  const conflicts: ImportClinicReport['conflicts'] = [];
  const notImported = new Map<string, number>();
  let unchanged = true;
  let written = 0;
  let part = 0;
  const clinicId = exchangeClinic(ctx).id;
  const file = bulkPatients(linesOf(path), problems);
  onProgress({ phase: 'writing', done: 0, total: patients });
  try {
    for (let next = file.next(); !next.done; ) {
      const partAdded = noCounts();
      const first = written + 1;
      let partChanged = false;
      ctx.transaction(() => {
        const started = performance.now();
        // One part: patients until the slice is used up (at least one, so a slow patient still moves on).
        do {
          const read = readBundleObject(next.value!.bundle);
          // Checked in the first pass; the file changing between the passes is refused like any other problem.
          if (!read.ok) throw new AppError('conflict', message('exchange.error.fileChanged', { path, first }));
          const report = importContents(ctx, read.contents, undefined);
          for (const k of KINDS) {
            partAdded[k] += report.added[k];
            matched[k] += report.matched[k];
          }
          partChanged ||= !report.unchanged;
          for (const c of report.conflicts) conflicts.push({ ...c, patientId: report.patientId });
          for (const n of report.notImported) notImported.set(n.resourceType, (notImported.get(n.resourceType) ?? 0) + n.count);
          written++;
          next = file.next();
        } while (!next.done && performance.now() - started < YIELD_MS);
        if (partChanged) {
          part++;
          audit(ctx, {
            at: ctx.now(),
            operation: 'exchange.importClinic',
            entity: 'clinic',
            entityId: clinicId,
            before: null,
            after: { format: 'fhir-r4-bulk-ndjson', path, part, patients: { from: first, to: written, of: patients }, added: partAdded },
          });
        }
      });
      for (const k of KINDS) added[k] += partAdded[k];
      unchanged &&= !partChanged;
      onProgress({ phase: 'writing', done: written, total: patients });
      await nextTurn();
    }
  } finally {
    // Closes the file when a part failed.
    file.return(undefined);
  }
  return { patients, added, matched, unchanged, conflicts, notImported: [...notImported].map(([resourceType, count]) => ({ resourceType, count })) };
}
