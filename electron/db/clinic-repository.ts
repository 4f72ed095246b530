import { prepared } from './statement-cache';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Clinic, ClinicInput } from '../../shared/domain/clinic';

type ClinicValues = z.output<typeof ClinicInput>;

interface ClinicRow {
  name: string;
  address: string | null;
  phone: string | null;
  logo_mime: string | null;
  logo: Buffer | null;
  paper_size: Clinic['paperSize'];
  date_format: Clinic['dateFormat'];
  lock_after_minutes: number;
  language: Clinic['language'];
  version: number;
  updated_at: string;
}

function toClinic(r: ClinicRow): Clinic {
  return {
    name: r.name,
    address: r.address,
    phone: r.phone,
    logo: r.logo && r.logo_mime ? `data:${r.logo_mime};base64,${r.logo.toString('base64')}` : null,
    paperSize: r.paper_size,
    dateFormat: r.date_format,
    lockAfterMinutes: r.lock_after_minutes,
    language: r.language,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** The logo is kept as bytes, not as its data URL, so the database holds the image once and compactly. */
function splitLogo(logo: string | null): { mime: string | null; bytes: Buffer | null } {
  if (!logo) return { mime: null, bytes: null };
  const comma = logo.indexOf(',');
  return { mime: logo.slice(5, logo.indexOf(';')), bytes: Buffer.from(logo.slice(comma + 1), 'base64') };
}

export class ClinicRepository {
  constructor(private readonly db: Database.Database) {}

  get(): Clinic | null {
    const row = prepared<[], ClinicRow>(this.db, 'SELECT * FROM clinic WHERE id = 1').get();
    return row ? toClinic(row) : null;
  }

  insert(values: ClinicValues, at: string): Clinic {
    const { mime, bytes } = splitLogo(values.logo);
    prepared(this.db, 
        `INSERT INTO clinic (id, name, address, phone, logo_mime, logo, paper_size, date_format, lock_after_minutes, language, version, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(values.name, values.address, values.phone, mime, bytes, values.paperSize, values.dateFormat, values.lockAfterMinutes, values.language ?? 'en', at);
    return this.get()!;
  }

  update(values: ClinicValues, expectedVersion: number, at: string): Clinic | null {
    const { mime, bytes } = splitLogo(values.logo);
    const info = prepared(this.db, 
        `UPDATE clinic SET name = ?, address = ?, phone = ?, logo_mime = ?, logo = ?, paper_size = ?, date_format = ?,
           lock_after_minutes = ?,
           -- An update that does not name a language keeps the one chosen.
           language = COALESCE(?, language), version = version + 1, updated_at = ?
         WHERE id = 1 AND version = ?`,
      )
      .run(values.name, values.address, values.phone, mime, bytes, values.paperSize, values.dateFormat, values.lockAfterMinutes, values.language ?? null, at, expectedVersion);
    return info.changes === 1 ? this.get() : null;
  }
}
