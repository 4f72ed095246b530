import { SHARED_TYPES } from './bulk';
import { message } from '../i18n/message';
import { isJson, str, type Json } from './json-read';
import type { Problem } from './read-problems';

// The reverse of bulk.ts: a whole-clinic NDJSON file (one bare resource a line, the clinic and its therapists once,
// each patient's resources after its Patient) back into one transaction Bundle per patient, so each is read and
// checked by read-bundle.ts exactly as a patient's own file is.

const SHARED = new Set<string>(SHARED_TYPES);
const TYPED_REFERENCE = /"reference":"([A-Za-z]+)\/([0-9a-f-]{36})"/g;

/** A bare resource as the transaction entry it was made from: its id as the fullUrl, references as urn:uuid. */
function entryOf(resource: Json): Json {
  const { id, ...rest } = resource;
  return { fullUrl: `urn:uuid:${String(id)}`, resource: JSON.parse(JSON.stringify(rest).replace(TYPED_REFERENCE, '"reference":"urn:uuid:$2"')) };
}

export interface BulkPatient {
  /** Its place in the file, 1 for the first patient, for messages. */
  n: number;
  bundle: Json;
}

/**
 * Patients one at a time from the file's lines. A line that is not a resource, or a patient's record before any
 * Patient, is a problem for the caller to report; the clinic and therapists seen so far ride in every Bundle.
 */
export function* bulkPatients(lines: Iterable<string>, problems: Problem[]): Generator<BulkPatient> {
  const shared = new Map<string, Json>();
  let current: Json[] | null = null;
  let n = 0;
  let lineNo = 0;
  const bundle = (own: Json[]): Json => ({ resourceType: 'Bundle', type: 'transaction', entry: [...shared.values(), ...own].map(entryOf) });
  for (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch {
      problems.push(message('exchange.read.line.notJson', { line: lineNo }));
      return;
    }
    const type = isJson(r) ? str(r, 'resourceType') : undefined;
    if (!isJson(r) || !type || !str(r, 'id')) {
      problems.push(message('exchange.read.line.notResource', { line: lineNo }));
      return;
    }
    if (SHARED.has(type)) shared.set(`${type}/${str(r, 'id')}`, r);
    else if (type === 'Patient') {
      if (current) yield { n, bundle: bundle(current) };
      current = [r];
      n++;
    } else if (current) current.push(r);
    else {
      problems.push(message('exchange.read.line.beforePatient', { line: lineNo, type }));
      return;
    }
  }
  if (current) yield { n, bundle: bundle(current) };
}
