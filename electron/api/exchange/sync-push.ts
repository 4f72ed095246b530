import { createHash } from 'node:crypto';
import { patientEntries } from '../../../shared/exchange/bundle';
import { SYSTEM } from '../../../shared/exchange/codes';
import type { BundleEntry, Resource } from '../../../shared/exchange/fhir';
import { englishText, message } from '../../../shared/i18n/message';
import { AppError } from '../../db/errors';
import type { ApiContext } from '../context';
import {
  acknowledge,
  acknowledged,
  changedPatients,
  isConflicted,
  lastAuditSeq,
  markSuccess,
  readSyncState,
  recordConflict,
  type AcknowledgedResource,
} from '../../db/sync-repository';
import { exchangeClinic, readExchangeSource } from './read-source';
import { SyncHttpError, type FhirClient } from './sync-client';

// One push: every patient the audit log says changed since the last acknowledged row, as transaction Bundles of
// at most `chunkSize` entries. What the server acknowledged is written after each Bundle, so a push stopped
// anywhere (a kill, a power cut, the network) resumes where the server's answers left it; the cursor moves only
// when every patient up to it was acknowledged. A Bundle that reached the server but whose answer was lost is
// sent again, which is safe: originals are conditional creates on ROMtrack's identifier.
//
// Per record, the hash of the entry last acknowledged decides what goes:
// - the same hash: nothing (references to it name the server's resource, `Observation/123`);
// - a first version, or a correction or void (a conditional update by identifier): in a Bundle;
// - an original whose content changed (the patient's demographics, the clinic's name, a plan's status): an update
//   of the server's resource with If-Match on the version last acknowledged. A 412 means someone else changed it
//   there: recorded as a conflict for a person, and not sent again until the record changes here.

export interface PushOptions {
  chunkSize: number;
  /** Called after each Bundle the server acknowledged (tests use it to count). */
  onChunk?: (entries: number) => void;
}

export interface PushResult {
  /** The audit seq everything is now acknowledged up to. */
  upTo: number;
  patients: number;
  /** Entries sent in transaction Bundles, and updates sent one by one. */
  sent: number;
  updated: number;
  conflicts: number;
}

interface Planned {
  entry: BundleEntry;
  type: string;
  lineage: string;
  hash: string;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function lineageOf(resource: Resource): string {
  const ids = 'identifier' in resource && Array.isArray(resource.identifier) ? resource.identifier : [];
  for (const id of ids) {
    if (typeof id === 'object' && id !== null && 'system' in id && id.system === SYSTEM.record && 'value' in id && typeof id.value === 'string') return id.value;
  }
  throw new AppError('internal', message('exchange.sync.error.noIdentifier', { type: resource.resourceType }));
}

function hashOf(entry: BundleEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('hex');
}

/** Every `urn:uuid:` reference inside a resource. */
function referencesOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesOf(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string' && v.startsWith('urn:uuid:')) out.push(v);
      else referencesOf(v, out);
    }
  }
  return out;
}

/** A copy with each reference to a resource the server already holds written as `<type>/<id>`. */
function rewritten<T>(value: T, known: ReadonlyMap<string, string>): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'reference' && typeof v === 'string' ? (known.get(v) ?? v) : v)));
}

/**
 * Cuts the entries into Bundles of about `size`, never between an entry and an entry it references further on:
 * a `urn:uuid` reference resolves only inside its own Bundle. References back to an earlier Bundle are written
 * as the server's ids once that Bundle is acknowledged.
 */
export function chunked(planned: readonly Planned[], size: number): Planned[][] {
  const index = new Map(planned.map((p, i) => [p.entry.fullUrl, i]));
  const chunks: Planned[][] = [];
  let start = 0;
  let reach = 0;
  planned.forEach((p, i) => {
    for (const r of referencesOf(p.entry.resource)) reach = Math.max(reach, index.get(r) ?? 0);
    if ((i - start + 1 >= size && reach <= i) || i === planned.length - 1) {
      chunks.push(planned.slice(start, i + 1));
      start = i + 1;
    }
  });
  return chunks;
}

async function pushPatient(ctx: ApiContext, server: string, client: FhirClient, entries: readonly BundleEntry[], options: PushOptions, result: PushResult): Promise<void> {
  const known = new Map<string, string>();
  const send: Planned[] = [];
  const updates: { p: Planned; ack: AcknowledgedResource }[] = [];
  for (const entry of entries) {
    if (!entry.resource || !entry.fullUrl || !entry.request) throw new AppError('internal', message('exchange.sync.error.noResource'));
    const p: Planned = { entry, type: entry.resource.resourceType, lineage: lineageOf(entry.resource), hash: hashOf(entry) };
    const ack = acknowledged(ctx.db, server, p.type, p.lineage);
    if (ack) known.set(entry.fullUrl, `${p.type}/${ack.serverId}`);
    if (ack && (ack.contentHash === p.hash || isConflicted(ctx.db, server, p.type, p.lineage, p.hash))) continue;
    if (ack && entry.request.method === 'POST') updates.push({ p, ack });
    else send.push(p);
  }

  for (const chunk of chunked(send, options.chunkSize)) {
    const answers = await client.transaction({ resourceType: 'Bundle', type: 'transaction', entry: chunk.map((p) => rewritten(p.entry, known)) });
    const at = ctx.now();
    ctx.transaction(() =>
      chunk.forEach((p, i) => {
        const answer = answers[i]!;
        const [type, serverId] = answer.location.split('/');
        if (type !== p.type || !serverId) throw new SyncHttpError(message('exchange.sync.error.wrongAnswer', { type: p.type, location: answer.location }), null, false);
        acknowledge(ctx.db, server, p.type, p.lineage, { contentHash: p.hash, serverId, serverVersion: answer.version }, at);
        known.set(p.entry.fullUrl!, answer.location);
      }),
    );
    result.sent += chunk.length;
    options.onChunk?.(chunk.length);
  }

  for (const { p, ack } of updates) {
    const resource = { ...rewritten(p.entry.resource!, known), id: ack.serverId };
    try {
      const { version } = await client.update(resource, ack.serverVersion);
      ctx.transaction(() => acknowledge(ctx.db, server, p.type, p.lineage, { contentHash: p.hash, serverId: ack.serverId, serverVersion: version }, ctx.now()));
      result.updated++;
    } catch (err) {
      if (!(err instanceof SyncHttpError) || err.status !== 412) throw err;
      ctx.transaction(() =>
        recordConflict(ctx.db, server, {
          resourceType: p.type,
          lineage: p.lineage,
          serverId: ack.serverId,
          contentHash: p.hash,
          detectedAt: ctx.now(),
          // English for API callers; Settings writes the conflict from its fields in the reader's language.
          message: englishText(message('exchange.sync.error.serverChanged', { type: p.type, id: ack.serverId })),
        }),
      );
      result.conflicts++;
    }
  }
}

/** Pushes every change the server has not acknowledged; throws (leaving the cursor) at the first failure that remains after retries. */
export async function pushChanges(ctx: ApiContext, server: string, client: FhirClient, options: PushOptions): Promise<PushResult> {
  const from = readSyncState(ctx.db, server).acknowledgedSeq;
  const upTo = lastAuditSeq(ctx.db);
  const result: PushResult = { upTo, patients: 0, sent: 0, updated: 0, conflicts: 0 };
  if (upTo > from) {
    const clinic = exchangeClinic(ctx);
    for (const patientId of changedPatients(ctx.db, from, upTo)) {
      // One read transaction per patient: the entries are one moment's record.
      const entries = ctx.transaction(() => [...patientEntries(readExchangeSource(ctx, clinic, patientId))]);
      await pushPatient(ctx, server, client, entries, options, result);
      result.patients++;
      await nextTurn();
    }
  }
  ctx.transaction(() => markSuccess(ctx.db, server, upTo, ctx.now()));
  return result;
}

/** Patients with changes after the cursor: "0 waiting". */
export function waitingPatients(ctx: ApiContext, server: string): number {
  const from = readSyncState(ctx.db, server).acknowledgedSeq;
  const upTo = lastAuditSeq(ctx.db);
  return upTo > from ? changedPatients(ctx.db, from, upTo).length : 0;
}
