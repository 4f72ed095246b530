import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from './statement-cache';
import { lineageSql, storedIdSql } from './measurement-keys';

// What the district's FHIR server has acknowledged, and where the change feed (the audit log's seq) stands.
// Migration 0013 says why each table exists. The repository takes the connection per call, because a restore
// replaces the app's connection while a sync run may be waiting on the network.

/** SMART Backend Services: a client id, its private key (PEM, a secret) and the token endpoint when set by hand. */
export interface SmartSettings {
  clientId: string;
  privateKey: string;
  tokenUrl: string | null;
}

export interface SyncSettings {
  baseUrl: string;
  bearerToken: string | null;
  smart: SmartSettings | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface SyncStateRow {
  acknowledgedSeq: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
}

export interface AcknowledgedResource {
  contentHash: string;
  serverId: string;
  serverVersion: string | null;
}

export interface SyncConflict {
  resourceType: string;
  lineage: string;
  serverId: string;
  detectedAt: string;
  message: string;
}

interface SettingsRow {
  base_url: string;
  bearer_token: string | null;
  client_id: string | null;
  private_key: string | null;
  token_url: string | null;
  updated_at: string;
  updated_by: string | null;
}

export function readSyncSettings(db: Database.Database): SyncSettings | null {
  const r = prepared<[], SettingsRow>(db, 'SELECT base_url, bearer_token, client_id, private_key, token_url, updated_at, updated_by FROM sync_settings WHERE id = 1').get();
  if (!r) return null;
  const smart = r.client_id && r.private_key ? { clientId: r.client_id, privateKey: r.private_key, tokenUrl: r.token_url } : null;
  return { baseUrl: r.base_url, bearerToken: r.bearer_token, smart, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

/**
 * SMART Backend Services: null removes it; `privateKey` undefined keeps the key set (a new client id or token
 * endpoint alone does not ask for the key again).
 */
export function writeSmartSettings(db: Database.Database, smart: { clientId: string; privateKey: string | undefined; tokenUrl: string | null } | null): void {
  if (smart === null) {
    prepared(db, 'UPDATE sync_settings SET client_id = NULL, private_key = NULL, token_url = NULL WHERE id = 1').run();
    return;
  }
  prepared(
    db,
    `UPDATE sync_settings SET client_id = @clientId, token_url = @tokenUrl,
       private_key = CASE WHEN @key IS NULL THEN private_key ELSE @key END WHERE id = 1`,
  ).run({ clientId: smart.clientId, tokenUrl: smart.tokenUrl, key: smart.privateKey ?? null });
}

/** `token`: undefined keeps the one set, null removes it. `baseUrl` null turns sync off (the acknowledgements stay). */
export function writeSyncSettings(db: Database.Database, s: { baseUrl: string | null; token: string | null | undefined; at: string; by: string | null }): void {
  if (s.baseUrl === null) {
    prepared(db, 'DELETE FROM sync_settings WHERE id = 1').run();
    return;
  }
  const keep = s.token === undefined ? 1 : 0;
  prepared(
    db,
    `INSERT INTO sync_settings (id, base_url, bearer_token, updated_at, updated_by) VALUES (1, @url, @token, @at, @by)
     ON CONFLICT (id) DO UPDATE SET base_url = excluded.base_url, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
       bearer_token = CASE WHEN @keep = 1 THEN sync_settings.bearer_token ELSE excluded.bearer_token END`,
  ).run({ url: s.baseUrl, token: s.token ?? null, at: s.at, by: s.by, keep });
}

interface StateDbRow {
  acknowledged_seq: number;
  last_success_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  failures: number;
}

export function readSyncState(db: Database.Database, server: string): SyncStateRow {
  const r = prepared<[string], StateDbRow>(db, 'SELECT * FROM sync_state WHERE server = ?').get(server);
  return {
    acknowledgedSeq: r?.acknowledged_seq ?? 0,
    lastSuccessAt: r?.last_success_at ?? null,
    lastAttemptAt: r?.last_attempt_at ?? null,
    lastError: r?.last_error ?? null,
    lastErrorAt: r?.last_error_at ?? null,
    failures: r?.failures ?? 0,
  };
}

function ensureState(db: Database.Database, server: string): void {
  prepared(db, 'INSERT INTO sync_state (server) VALUES (?) ON CONFLICT (server) DO NOTHING').run(server);
}

export function markAttempt(db: Database.Database, server: string, at: string): void {
  ensureState(db, server);
  prepared(db, 'UPDATE sync_state SET last_attempt_at = ? WHERE server = ?').run(at, server);
}

/** The cursor moves only forward, and only here: after every change up to `seq` was acknowledged. */
export function markSuccess(db: Database.Database, server: string, seq: number, at: string): void {
  ensureState(db, server);
  const info = prepared(db, `UPDATE sync_state SET acknowledged_seq = max(acknowledged_seq, ?), last_success_at = ?, last_error = NULL, last_error_at = NULL, failures = 0 WHERE server = ?`).run(seq, at, server);
  if (info.changes !== 1) throw new Error('sync state was not updated');
}

export function markFailure(db: Database.Database, server: string, message: string, at: string): void {
  ensureState(db, server);
  prepared(db, 'UPDATE sync_state SET last_error = ?, last_error_at = ?, failures = failures + 1 WHERE server = ?').run(message, at, server);
}

export function acknowledged(db: Database.Database, server: string, resourceType: string, lineage: string): AcknowledgedResource | null {
  const r = prepared<[string, string, string], { content_hash: string; server_id: string; server_version: string | null }>(
    db,
    'SELECT content_hash, server_id, server_version FROM sync_resources WHERE server = ? AND resource_type = ? AND lineage = ?',
  ).get(server, resourceType, lineage);
  return r ? { contentHash: r.content_hash, serverId: r.server_id, serverVersion: r.server_version } : null;
}

export function acknowledge(db: Database.Database, server: string, resourceType: string, lineage: string, ack: AcknowledgedResource, at: string): void {
  prepared(
    db,
    `INSERT INTO sync_resources (server, resource_type, lineage, content_hash, server_id, server_version, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (server, resource_type, lineage) DO UPDATE SET content_hash = excluded.content_hash, server_id = excluded.server_id,
       server_version = excluded.server_version, acknowledged_at = excluded.acknowledged_at`,
  ).run(server, resourceType, lineage, ack.contentHash, ack.serverId, ack.serverVersion, at);
}

/** Whether this exact content was already refused as stale: it is not sent again until the record changes. */
export function isConflicted(db: Database.Database, server: string, resourceType: string, lineage: string, contentHash: string): boolean {
  return (
    prepared<[string, string, string, string], number>(db, 'SELECT 1 FROM sync_conflicts WHERE server = ? AND resource_type = ? AND lineage = ? AND content_hash = ?')
      .pluck()
      .get(server, resourceType, lineage, contentHash) !== undefined
  );
}

export function recordConflict(db: Database.Database, server: string, c: SyncConflict & { contentHash: string }): void {
  prepared(
    db,
    `INSERT INTO sync_conflicts (id, server, resource_type, lineage, server_id, content_hash, detected_at, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (server, resource_type, lineage, content_hash) DO NOTHING`,
  ).run(randomUUID(), server, c.resourceType, c.lineage, c.serverId, c.contentHash, c.detectedAt, c.message);
}

export function conflicts(db: Database.Database, server: string): SyncConflict[] {
  const rows = prepared<[string], { resource_type: string; lineage: string; server_id: string; detected_at: string; message: string }>(
    db,
    'SELECT resource_type, lineage, server_id, detected_at, message FROM sync_conflicts WHERE server = ? ORDER BY detected_at DESC LIMIT 50',
  ).all(server);
  return rows.map((r) => ({ resourceType: r.resource_type, lineage: r.lineage, serverId: r.server_id, detectedAt: r.detected_at, message: r.message }));
}

export function lastAuditSeq(db: Database.Database): number {
  return prepared<[], number>(db, 'SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() ?? 0;
}

// The change feed: which patients' FHIR resources the audit rows in (after, upTo] may have changed. Each audited
// entity leads to its patient through its own table; a change to the clinic or a therapist's name or status
// changes the Organization or Practitioner that every patient's Bundle carries, so it leads to every patient.
// Rows of other kinds (thresholds, backups, reports printed, sync settings, sessions) change nothing sent.
const CHANGED_PATIENTS = `
  WITH rows AS (SELECT entity, entity_id, operation FROM audit_log WHERE seq > @after AND seq <= @upTo)
  SELECT id FROM patients WHERE EXISTS (
    SELECT 1 FROM rows WHERE operation IN ('clinic.update', 'therapists.update', 'therapists.deactivate', 'therapists.reactivate')
  )
  UNION SELECT entity_id FROM rows WHERE entity = 'patient' AND entity_id IN (SELECT id FROM patients)
  UNION SELECT v.patient_id FROM rows JOIN visits v ON v.id = rows.entity_id WHERE rows.entity = 'visit'
  UNION SELECT p.id FROM rows JOIN measurements m ON ${lineageSql('m', storedIdSql('rows.entity_id'))} JOIN patients p ON p.key = m.patient
    WHERE rows.entity = 'measurement'
  UNION SELECT s.patient_id FROM rows JOIN watched_sites s ON s.lineage_id = rows.entity_id WHERE rows.entity = 'watched_site'
  UNION SELECT r.patient_id FROM rows JOIN risk_factors r ON r.lineage_id = rows.entity_id WHERE rows.entity = 'risk_factor'
  UNION SELECT e.patient_id FROM rows JOIN clinical_events e ON e.lineage_id = rows.entity_id WHERE rows.entity = 'event'
  UNION SELECT g.patient_id FROM rows JOIN plan_goals g ON g.lineage_id = rows.entity_id WHERE rows.entity = 'plan_goal'
  UNION SELECT p.patient_id FROM rows JOIN plan_versions p ON p.id = rows.entity_id OR p.lineage_id = rows.entity_id WHERE rows.entity = 'therapy_plan'
  ORDER BY 1
`;

export function changedPatients(db: Database.Database, after: number, upTo: number): string[] {
  return prepared<{ after: number; upTo: number }, string>(db, CHANGED_PATIENTS).pluck().all({ after, upTo });
}
