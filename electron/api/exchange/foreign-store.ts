import type Database from 'better-sqlite3';
import type { ForeignRecord } from '../../../shared/api/operations/sync';
import { clinicalDate, recordStatus, recordSummary } from '../../../shared/exchange/foreign-summary';
import { prepared } from '../../db/statement-cache';

// Other clinics' records of a patient, as fetched (migration 0016 says why they live apart and read-only). Rows are
// only ever added: a version already held is ignored, a newer one is a row of its own.

export interface FetchedRecord {
  resourceType: string;
  serverId: string;
  version: string;
  lastUpdated: string;
  originRef: string | null;
  originName: string | null;
  json: string;
}

/** Adds the versions not held yet; returns how many were new. */
export function storeForeign(db: Database.Database, server: string, patientId: string, records: readonly FetchedRecord[], at: string, by: string | null): number {
  const insert = prepared(
    db,
    `INSERT INTO foreign_records (server, resource_type, server_id, server_version, patient_id, last_updated, origin_ref, origin_name, fetched_at, fetched_by, resource_json)
     VALUES (@server, @type, @id, @version, @patientId, @lastUpdated, @originRef, @originName, @at, @by, @json)
     ON CONFLICT (server, resource_type, server_id, server_version) DO NOTHING`,
  );
  let added = 0;
  for (const r of records) {
    added += insert.run({ server, type: r.resourceType, id: r.serverId, version: r.version, patientId, lastUpdated: r.lastUpdated, originRef: r.originRef, originName: r.originName, at, by, json: r.json }).changes;
  }
  return added;
}

/** The newest `meta.lastUpdated` seen for this patient and type on the server: the next pull asks for newer. */
export function pullSince(db: Database.Database, server: string, patientId: string, resourceType: string): string | null {
  return prepared<[string, string, string], string | null>(db, 'SELECT server_since FROM foreign_pulls WHERE server = ? AND patient_id = ? AND resource_type = ?').pluck().get(server, patientId, resourceType) ?? null;
}

/** `since` only moves forward; null (nothing seen) keeps the one held. */
export function markPulled(db: Database.Database, server: string, patientId: string, resourceType: string, since: string | null, at: string): void {
  prepared(
    db,
    `INSERT INTO foreign_pulls (server, patient_id, resource_type, server_since, pulled_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (server, patient_id, resource_type) DO UPDATE SET pulled_at = excluded.pulled_at,
       server_since = CASE WHEN foreign_pulls.server_since IS NULL OR excluded.server_since > foreign_pulls.server_since THEN coalesce(excluded.server_since, foreign_pulls.server_since) ELSE foreign_pulls.server_since END`,
  ).run(server, patientId, resourceType, since, at);
}

export function lastPulledAt(db: Database.Database, server: string, patientId: string): string | null {
  return prepared<[string, string], string | null>(db, 'SELECT max(pulled_at) FROM foreign_pulls WHERE server = ? AND patient_id = ?').pluck().get(server, patientId) ?? null;
}

interface Row {
  server: string;
  resource_type: string;
  server_id: string;
  server_version: string;
  versions: number;
  last_updated: string;
  origin_ref: string | null;
  origin_name: string | null;
  fetched_at: string;
  resource_json: string;
}

/** The newest version of each record held for the patient, from every server it was fetched from; newest first. */
export function foreignRecordsOf(db: Database.Database, patientId: string): ForeignRecord[] {
  const rows = prepared<{ patientId: string }, Row>(
    db,
    `SELECT f.server, f.resource_type, f.server_id, f.server_version, f.last_updated, f.origin_ref, f.origin_name, f.fetched_at, f.resource_json, n.versions
     FROM foreign_records f
     JOIN (SELECT server, resource_type, server_id, max(last_updated) AS newest, count(*) AS versions FROM foreign_records WHERE patient_id = @patientId
           GROUP BY server, resource_type, server_id) n
       ON n.server = f.server AND n.resource_type = f.resource_type AND n.server_id = f.server_id AND n.newest = f.last_updated
     WHERE f.patient_id = @patientId`,
  ).all({ patientId });
  const records = rows.map((r): ForeignRecord => {
    const parsed: unknown = JSON.parse(r.resource_json);
    const resource = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.fromEntries(Object.entries(parsed)) : {};
    return {
      resourceType: r.resource_type,
      serverId: r.server_id,
      version: r.server_version,
      versions: r.versions,
      status: recordStatus(resource),
      date: clinicalDate(resource),
      summary: recordSummary(resource),
      origin: { server: r.server, organization: r.origin_ref, name: r.origin_name },
      lastUpdated: r.last_updated,
      fetchedAt: r.fetched_at,
    };
  });
  return records.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.resourceType.localeCompare(b.resourceType) || a.summary.localeCompare(b.summary));
}
