import { prepared } from './statement-cache';
import { nextKeySql } from './measurement-keys';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { DateFormat } from '../../shared/domain/dates';
import { matchesPatientQuery, parsePatientQuery, type Patient, type PatientInput, type PatientUpdateInput } from '../../shared/domain/patient';
import { identifierKey } from '../../shared/domain/schema-parts';
import { identityKeyOf, PatientSearchIndex } from './patient-search-index';

type NewPatient = z.output<typeof PatientInput>;
type PatientUpdate = z.output<typeof PatientUpdateInput>;

interface PatientRow {
  id: string;
  family_name: string;
  given_names: string;
  clinic_id: string | null;
  date_of_birth: string;
  sex: Patient['sex'];
  document_language: Patient['documentLanguage'];
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
    documentLanguage: r.document_language,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class PatientRepository {
  private readonly index: PatientSearchIndex;

  constructor(private readonly db: Database.Database) {
    this.index = new PatientSearchIndex(
      db,
      () => prepared<[], PatientRow>(db, `SELECT * FROM patients ORDER BY family_name, given_names, id`).all().map(toPatient),
      (id) => this.get(id),
    );
  }

  insert(input: NewPatient, at: string): Patient {
    const id = randomUUID();
    prepared(this.db, 
        `INSERT INTO patients (id, family_name, given_names, clinic_id, date_of_birth, sex, document_language, version, created_at, updated_at, key)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ${nextKeySql('patients')})`,
      )
      .run(id, input.familyName, input.givenNames, input.clinicId, input.dateOfBirth, input.sex, input.documentLanguage ?? null, at, at);
    const patient = this.get(id)!;
    this.index.put(patient, id);
    return patient;
  }

  /** A patient from another workstation's file (exchange.importFhir): it keeps the id it was given there. */
  insertImported(input: NewPatient & { id: string }, at: string): Patient {
    prepared(this.db,
        `INSERT INTO patients (id, family_name, given_names, clinic_id, date_of_birth, sex, document_language, version, created_at, updated_at, key)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ${nextKeySql('patients')})`,
      )
      .run(input.id, input.familyName, input.givenNames, input.clinicId, input.dateOfBirth, input.sex, input.documentLanguage ?? null, at, at);
    const patient = this.get(input.id)!;
    this.index.put(patient, input.id);
    return patient;
  }

  /** Returns the updated patient, or null when the expected version is no longer current. */
  update(input: PatientUpdate, at: string): Patient | null {
    const info = prepared(this.db, 
        `UPDATE patients SET family_name = ?, given_names = ?, clinic_id = ?, date_of_birth = ?, sex = ?,
           -- Left out (undefined): kept as it was; null: back to the clinic's language.
           document_language = CASE WHEN ? THEN ? ELSE document_language END,
           version = version + 1, updated_at = ?
         WHERE id = ? AND version = ?`,
      )
      .run(input.familyName, input.givenNames, input.clinicId, input.dateOfBirth, input.sex, input.documentLanguage === undefined ? 0 : 1, input.documentLanguage ?? null, at, input.id, input.version);
    if (info.changes === 0) return null;
    if (info.changes !== 1) throw new Error(`patient update changed ${info.changes} rows`);
    const patient = this.get(input.id);
    this.index.put(patient, input.id);
    return patient;
  }

  get(id: string): Patient | null {
    const row = prepared<[string], PatientRow>(this.db, `SELECT * FROM patients WHERE id = ?`).get(id);
    return row ? toPatient(row) : null;
  }

  /** Other patients whose clinic id is the same after NFKC case folding ("ａ-1" and "A-1" are one id). */
  withSameClinicId(clinicId: string): Patient[] {
    const key = identifierKey(clinicId);
    return this.index.all().filter((e) => e.clinicKey === key).map((e) => e.patient);
  }

  /** Patients with the same family name, given names (accents, case and spacing ignored) and date of birth. */
  withSameIdentity(p: Pick<Patient, 'familyName' | 'givenNames' | 'dateOfBirth'>): Patient[] {
    const key = identityKeyOf(p);
    return this.index.all().filter((e) => e.identityKey === key).map((e) => e.patient);
  }

  /**
   * Any part of any word of the names or clinic id, in any order, accents and case ignored; dates of birth in
   * ISO or the clinic's format. Over the in-memory index (patient-search-index.ts says why).
   */
  search(query: string, offset: number, limit: number, dateFormat: DateFormat = 'YYYY-MM-DD'): { items: Patient[]; total: number } {
    if (query === '') {
      const total = prepared<[], { n: number }>(this.db, `SELECT count(*) AS n FROM patients`).get()?.n ?? 0;
      const rows = prepared<[number, number], PatientRow>(this.db, `SELECT * FROM patients ORDER BY family_name, given_names, id LIMIT ? OFFSET ?`)
        .all(limit, offset);
      return { items: rows.map(toPatient), total };
    }
    const q = parsePatientQuery(query, dateFormat);
    const matching = this.index.all().filter((e) => matchesPatientQuery(e.words, e.patient.dateOfBirth, q));
    return { items: matching.slice(offset, offset + limit).map((e) => e.patient), total: matching.length };
  }
}
