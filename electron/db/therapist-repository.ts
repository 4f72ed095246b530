import { prepared } from './statement-cache';
import { nextKeySql } from './measurement-keys';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Therapist } from '../../shared/domain/therapist';

export interface TherapistValues {
  name: string;
  title: string | null;
  registrationNumber: string | null;
  initials: string;
}

interface TherapistRow {
  id: string;
  name: string;
  title: string | null;
  registration_number: string | null;
  initials: string;
  active: number;
  role: Therapist['role'];
  credential_kind: string | null;
  must_change_credential: number;
  language: Therapist['language'];
  version: number;
  created_at: string;
  updated_at: string;
}

function toTherapist(r: TherapistRow): Therapist {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    registrationNumber: r.registration_number,
    initials: r.initials,
    active: r.active === 1,
    role: r.role,
    hasCredential: r.credential_kind !== null,
    mustChangeCredential: r.must_change_credential === 1,
    language: r.language,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class TherapistRepository {
  constructor(private readonly db: Database.Database) {}

  insert(v: TherapistValues, at: string): Therapist {
    const id = randomUUID();
    prepared(this.db, 
        `INSERT INTO therapists (id, name, title, registration_number, initials, active, version, created_at, updated_at, key)
         VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?, ${nextKeySql('therapists')})`,
      )
      .run(id, v.name, v.title, v.registrationNumber, v.initials, at, at);
    return this.get(id)!;
  }

  /** A therapist named by another workstation's file (exchange.importFhir), under the id given there. */
  insertImported(id: string, v: TherapistValues & { active: boolean }, at: string): Therapist {
    prepared(this.db,
        `INSERT INTO therapists (id, name, title, registration_number, initials, active, version, created_at, updated_at, key)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ${nextKeySql('therapists')})`,
      )
      .run(id, v.name, v.title, v.registrationNumber, v.initials, v.active ? 1 : 0, at, at);
    return this.get(id)!;
  }

  update(id: string, expectedVersion: number, v: TherapistValues, at: string): Therapist | null {
    const info = prepared(this.db, 
        `UPDATE therapists SET name = ?, title = ?, registration_number = ?, initials = ?, version = version + 1, updated_at = ?
         WHERE id = ? AND version = ?`,
      )
      .run(v.name, v.title, v.registrationNumber, v.initials, at, id, expectedVersion);
    return info.changes === 1 ? this.get(id) : null;
  }

  /** The person's own screen language (null: the clinic's); not a detail an administrator edits, so no version check. */
  setLanguage(id: string, language: Therapist['language'], at: string): Therapist {
    const info = prepared(this.db, 'UPDATE therapists SET language = ?, version = version + 1, updated_at = ? WHERE id = ?').run(language, at, id);
    if (info.changes !== 1) throw new Error(`therapist ${id} was not updated`);
    return this.get(id)!;
  }

  setActive(id: string, active: boolean, at: string): Therapist {
    const info = prepared(this.db, 'UPDATE therapists SET active = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(active ? 1 : 0, at, id);
    if (info.changes !== 1) throw new Error(`therapist ${id} was not updated`);
    return this.get(id)!;
  }

  get(id: string): Therapist | null {
    const row = prepared<[string], TherapistRow>(this.db, 'SELECT * FROM therapists WHERE id = ?').get(id);
    return row ? toTherapist(row) : null;
  }

  findByRegistration(registrationNumber: string): Therapist | null {
    const row = prepared<[string], TherapistRow>(this.db, 'SELECT * FROM therapists WHERE registration_number = ?').get(registrationNumber);
    return row ? toTherapist(row) : null;
  }

  list(includeInactive: boolean): Therapist[] {
    const rows = prepared<[], TherapistRow>(this.db, `SELECT * FROM therapists ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, name COLLATE NOCASE, id`)
      .all();
    return rows.map(toTherapist);
  }

  countActive(): number {
    return prepared<[], { n: number }>(this.db, 'SELECT count(*) AS n FROM therapists WHERE active = 1').get()?.n ?? 0;
  }
}
