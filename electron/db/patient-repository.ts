import { prepared } from './statement-cache';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Patient, PatientInput, PatientUpdateInput } from '../../shared/domain/patient';

type NewPatient = z.output<typeof PatientInput>;
type PatientUpdate = z.output<typeof PatientUpdateInput>;

interface PatientRow {
  id: string;
  family_name: string;
  given_names: string;
  clinic_id: string | null;
  date_of_birth: string;
  sex: Patient['sex'];
  version: number;
  created_at: string;
  updated_at: string;
}

function toPatient(r: PatientRow): Patient {
  return {
    id: r.id,
    familyName: r.family_name,
    givenNames: r.given_names,
    clinicId: r.clinic_id,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** LIKE treats % and _ as wildcards; a name such as "O_Neil" must match only itself. */
function likePrefix(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

export class PatientRepository {
  constructor(private readonly db: Database.Database) {}

  insert(input: NewPatient, at: string): Patient {
    const id = randomUUID();
    prepared(this.db, 
        `INSERT INTO patients (id, family_name, given_names, clinic_id, date_of_birth, sex, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(id, input.familyName, input.givenNames, input.clinicId, input.dateOfBirth, input.sex, at, at);
    return this.get(id)!;
  }

  /** Returns the updated patient, or null when the expected version is no longer current. */
  update(input: PatientUpdate, at: string): Patient | null {
    const info = prepared(this.db, 
        `UPDATE patients SET family_name = ?, given_names = ?, clinic_id = ?, date_of_birth = ?, sex = ?,
           version = version + 1, updated_at = ?
         WHERE id = ? AND version = ?`,
      )
      .run(input.familyName, input.givenNames, input.clinicId, input.dateOfBirth, input.sex, at, input.id, input.version);
    if (info.changes === 0) return null;
    if (info.changes !== 1) throw new Error(`patient update changed ${info.changes} rows`);
    return this.get(input.id);
  }

  get(id: string): Patient | null {
    const row = prepared(this.db, `SELECT * FROM patients WHERE id = ?`).get(id) as PatientRow | undefined;
    return row ? toPatient(row) : null;
  }

  findByClinicId(clinicId: string): Patient | null {
    const row = prepared(this.db, `SELECT * FROM patients WHERE clinic_id = ?`).get(clinicId) as PatientRow | undefined;
    return row ? toPatient(row) : null;
  }

  /** Prefix search on family name, given names or clinic id, case-insensitive; each arm uses its index. */
  search(query: string, offset: number, limit: number): { items: Patient[]; total: number } {
    if (query === '') {
      const total = (prepared(this.db, `SELECT count(*) AS n FROM patients`).get() as { n: number }).n;
      const rows = prepared(this.db, `SELECT * FROM patients ORDER BY family_name, given_names, id LIMIT ? OFFSET ?`)
        .all(limit, offset) as PatientRow[];
      return { items: rows.map(toPatient), total };
    }
    const p = likePrefix(query);
    const matching = `
      SELECT id FROM patients WHERE family_name LIKE @p ESCAPE '\\'
      UNION SELECT id FROM patients WHERE given_names LIKE @p ESCAPE '\\'
      UNION SELECT id FROM patients WHERE clinic_id LIKE @p ESCAPE '\\'`;
    const total = (prepared(this.db, `SELECT count(*) AS n FROM (${matching})`).get({ p }) as { n: number }).n;
    const rows = prepared(this.db, 
        `SELECT patients.* FROM patients WHERE id IN (${matching})
         ORDER BY family_name, given_names, id LIMIT @limit OFFSET @offset`,
      )
      .all({ p, limit, offset }) as PatientRow[];
    return { items: rows.map(toPatient), total };
  }
}
