import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { ImportClinicReport, ImportReport } from '../../../shared/api/operations/exchange';
import { bulkPatients } from '../../../shared/exchange/bulk-read';
import { readBundleObject } from '../../../shared/exchange/read-bundle';
import { AppError } from '../../db/errors';
import type { ApiContext } from '../context';
import { importContents } from './import-bundle';

// A whole-clinic NDJSON file (exchange.exportClinic's) on the machine that holds the database: read twice, a
// patient at a time, never whole. The first pass checks every patient and writes nothing; the second writes them
// in the caller's one transaction, so a clinic file goes in whole or not at all.

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

function refuse(message: string): never {
  throw new AppError('invalid_input', message, { path: message });
}

export function importClinic(ctx: ApiContext, path: string): ImportClinicReport {
  if (!existsSync(path) || !statSync(path).isFile()) refuse(`${path} does not exist. Check the path, or plug in the USB stick.`);
  const problems: string[] = [];
  let patients = 0;
  for (const p of bulkPatients(linesOf(path), problems)) {
    patients++;
    const read = readBundleObject(p.bundle);
    if (!read.ok) problems.push(...read.problems.map((x) => `Patient ${p.n}: ${x}`));
    if (problems.length > 20) break;
  }
  if (patients === 0 && problems.length === 0) problems.push('The file holds no patient.');
  if (problems.length) {
    throw new AppError('invalid_input', `This file cannot be imported; nothing was written. ${problems.slice(0, 10).join(' ')}${problems.length > 10 ? ' (and more problems)' : ''}`);
  }

  const added: ImportReport['added'] = { patients: 0, therapists: 0, visits: 0, measurements: 0, sites: 0, riskFactors: 0, events: 0, planVersions: 0, goals: 0 };
  const matched: ImportReport['added'] = { ...added };
  const conflicts: ImportClinicReport['conflicts'] = [];
  const notImported = new Map<string, number>();
  let unchanged = true;
  for (const p of bulkPatients(linesOf(path), problems)) {
    const read = readBundleObject(p.bundle);
    // Checked in the first pass; the file changing between the passes is refused like any other problem.
    if (!read.ok) throw new AppError('conflict', `${path} changed while it was being imported. Nothing was written.`);
    const report = importContents(ctx, read.contents, undefined);
    for (const k of KINDS) {
      added[k] += report.added[k];
      matched[k] += report.matched[k];
    }
    unchanged &&= report.unchanged;
    for (const c of report.conflicts) conflicts.push({ ...c, patientId: report.patientId });
    for (const n of report.notImported) notImported.set(n.resourceType, (notImported.get(n.resourceType) ?? 0) + n.count);
  }
  return { patients, added, matched, unchanged, conflicts, notImported: [...notImported].map(([resourceType, count]) => ({ resourceType, count })) };
}
