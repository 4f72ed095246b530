import { prepared } from './statement-cache';
import type Database from 'better-sqlite3';
import type { RiskFactor, WatchedSite } from '../../shared/domain/ho';
import {
  currentOnly,
  metaOf,
  VERSION_INSERT_COLUMNS,
  VERSION_INSERT_VALUES,
  versionParams,
  VersionedRecords,
  type NewVersion,
  type VersionColumns,
} from './versioned-records';

interface RiskFactorRow extends VersionColumns {
  patient_id: string;
  kind: RiskFactor['kind'];
  onset_date: string | null;
  note: string | null;
}

interface SiteRow extends VersionColumns {
  patient_id: string;
  joint: WatchedSite['joint'];
  side: WatchedSite['side'];
  status: WatchedSite['status'];
  since: string;
  note: string | null;
}

export interface RiskFactorValues {
  patientId: string;
  kind: RiskFactor['kind'];
  onsetDate: string | null;
  note: string | null;
}

export interface SiteValues {
  patientId: string;
  joint: WatchedSite['joint'];
  side: WatchedSite['side'];
  status: WatchedSite['status'];
  since: string;
  note: string | null;
}

const toRiskFactor = (r: RiskFactorRow): RiskFactor => ({ ...metaOf(r), patientId: r.patient_id, kind: r.kind, onsetDate: r.onset_date, note: r.note });

export class HoProfileRepository {
  readonly riskFactorVersions: VersionedRecords<RiskFactorRow>;
  readonly siteVersions: VersionedRecords<SiteRow>;

  constructor(private readonly db: Database.Database) {
    this.riskFactorVersions = new VersionedRecords<RiskFactorRow>(db, 'risk_factors', 'risk factor');
    this.siteVersions = new VersionedRecords<SiteRow>(db, 'watched_sites', 'watched site');
  }

  insertRiskFactor(version: NewVersion, v: RiskFactorValues): RiskFactor {
    prepared(this.db, 
        `INSERT INTO risk_factors (${VERSION_INSERT_COLUMNS}, patient_id, kind, onset_date, note)
         VALUES (${VERSION_INSERT_VALUES}, @patient_id, @kind, @onset_date, @note)`,
      )
      .run({ ...versionParams(version), patient_id: v.patientId, kind: v.kind, onset_date: v.onsetDate, note: v.note });
    return toRiskFactor(this.riskFactorVersions.get(version.id)!);
  }

  riskFactor(id: string): RiskFactor | null {
    const row = this.riskFactorVersions.get(id);
    return row ? toRiskFactor(row) : null;
  }

  riskFactorsOf(patientId: string): RiskFactor[] {
    const rows = prepared<[string], RiskFactorRow>(this.db, `SELECT * FROM risk_factors WHERE patient_id = ? AND ${currentOnly()} ORDER BY onset_date IS NULL, onset_date, recorded_at`)
      .all(patientId);
    return rows.map(toRiskFactor);
  }

  voidedRiskFactorsOf(patientId: string): RiskFactor[] {
    const rows = prepared<[string], RiskFactorRow>(this.db, `SELECT * FROM risk_factors WHERE patient_id = ? AND voided_at IS NOT NULL ORDER BY voided_at DESC`).all(patientId);
    return rows.map(toRiskFactor);
  }

  voidedSitesOf(patientId: string): WatchedSite[] {
    const rows = prepared<[string], SiteRow>(this.db, `SELECT * FROM watched_sites WHERE patient_id = ? AND voided_at IS NOT NULL ORDER BY voided_at DESC`).all(patientId);
    return rows.map((r) => this.toSite(r));
  }

  insertSite(version: NewVersion, v: SiteValues): WatchedSite {
    prepared(this.db, 
        `INSERT INTO watched_sites (${VERSION_INSERT_COLUMNS}, patient_id, joint, side, status, since, note)
         VALUES (${VERSION_INSERT_VALUES}, @patient_id, @joint, @side, @status, @since, @note)`,
      )
      .run({ ...versionParams(version), patient_id: v.patientId, joint: v.joint, side: v.side, status: v.status, since: v.since, note: v.note });
    return this.site(version.id)!;
  }

  site(id: string): WatchedSite | null {
    const row = this.siteVersions.get(id);
    return row ? this.toSite(row) : null;
  }

  currentSite(patientId: string, joint: string, side: string): WatchedSite | null {
    const row = prepared<[string, string, string], SiteRow>(this.db, `SELECT * FROM watched_sites WHERE patient_id = ? AND joint = ? AND side = ? AND ${currentOnly()}`)
      .get(patientId, joint, side);
    return row ? this.toSite(row) : null;
  }

  sitesOf(patientId: string): WatchedSite[] {
    const rows = prepared<[string], SiteRow>(this.db, `SELECT * FROM watched_sites WHERE patient_id = ? AND ${currentOnly()} ORDER BY joint, side`)
      .all(patientId);
    return rows.map((r) => this.toSite(r));
  }

  /** The site's latest imaging classification comes from its current X-ray events: one fact, one place. */
  private toSite(r: SiteRow): WatchedSite {
    const latest = prepared<[string, string, string], { classification: string; event_date: string }>(this.db,
        `SELECT classification, event_date FROM clinical_events
         WHERE patient_id = ? AND kind = 'xray' AND joint = ? AND side = ? AND classification IS NOT NULL AND ${currentOnly()}
         ORDER BY event_date DESC, recorded_at DESC LIMIT 1`,
      )
      .get(r.patient_id, r.joint, r.side);
    return {
      ...metaOf(r),
      patientId: r.patient_id,
      joint: r.joint,
      side: r.side,
      status: r.status,
      since: r.since,
      note: r.note,
      classification: latest ? { code: latest.classification, date: latest.event_date } : null,
    };
  }
}
