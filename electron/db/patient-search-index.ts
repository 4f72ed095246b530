import type Database from 'better-sqlite3';
import { identifierKey, searchFold } from '../../shared/domain/schema-parts';
import type { Patient } from '../../shared/domain/patient';
import { prepared } from './statement-cache';

/**
 * The clinic's patients in memory, for the search ("osei, k", "wam", accents and case ignored) and for the two
 * identity checks (clinic id after NFKC case folding, same names and birth date).
 *
 * Why in memory and not in SQL: matching any part of any word, accents folded, needs either a normalised column
 * (a migration: not possible in this change) or a full scan calling a JavaScript function per row (about 15 ms
 * at 10,000 patients, over the 10 ms budget). The whole list is small (10,000 patients: a few MB) and changes
 * rarely, so one scan builds it and the search is then a loop over short strings (under 2 ms).
 *
 * Kept true by: (1) this connection's writes, applied in place by the repository (`put`); (2) other
 * connections' commits, seen through `PRAGMA data_version`, which then rebuilds it whole; (3) a write that was
 * rolled back: every id written is re-read from the database at the next use outside a transaction.
 */
export interface IndexedPatient {
  patient: Patient;
  /** Folded words of the family name, given names and clinic id. */
  words: string[];
  clinicKey: string | null;
  /** Folded family name, given names and date of birth: two patients with the same are probably one. */
  identityKey: string;
}

export function identityKeyOf(p: Pick<Patient, 'familyName' | 'givenNames' | 'dateOfBirth'>): string {
  const squash = (s: string) => searchFold(s).split(/\s+/).filter(Boolean).join(' ');
  return `${squash(p.familyName)}|${squash(p.givenNames)}|${p.dateOfBirth}`;
}

function indexed(patient: Patient): IndexedPatient {
  const words = searchFold([patient.familyName, patient.givenNames, patient.clinicId ?? ''].join(' '))
    .split(/[\s,]+/)
    .filter(Boolean);
  return {
    patient,
    words,
    clinicKey: patient.clinicId === null ? null : identifierKey(patient.clinicId),
    identityKey: identityKeyOf(patient),
  };
}

/** The list's order, as SQL's BINARY collation sorts: family name, given names, id. */
function before(a: Patient, b: Patient): boolean {
  if (a.familyName !== b.familyName) return a.familyName < b.familyName;
  if (a.givenNames !== b.givenNames) return a.givenNames < b.givenNames;
  return a.id < b.id;
}

export class PatientSearchIndex {
  private entries: IndexedPatient[] | null = null;
  private dataVersion = -1;
  private readonly unconfirmed = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly readAll: () => Patient[],
    private readonly readOne: (id: string) => Patient | null,
  ) {}

  /** The patients in list order, current as this connection sees them. */
  all(): readonly IndexedPatient[] {
    // The pragma always answers one row.
    const version = prepared<[], number>(this.db, 'PRAGMA data_version').pluck().get()!;
    if (this.entries === null || version !== this.dataVersion) {
      this.entries = this.readAll().map(indexed);
      this.dataVersion = version;
      this.unconfirmed.clear();
    } else if (this.unconfirmed.size > 0 && !this.db.inTransaction) {
      // A write that was rolled back must not stay in the list: re-read what this connection wrote.
      for (const id of [...this.unconfirmed]) this.put(this.readOne(id), id);
      this.unconfirmed.clear();
    }
    return this.entries;
  }

  /** Records this connection's write of one patient (null: the row is not there). */
  put(patient: Patient | null, id: string): void {
    if (this.entries === null) return;
    if (this.db.inTransaction) this.unconfirmed.add(id);
    const at = this.entries.findIndex((e) => e.patient.id === id);
    if (at >= 0) this.entries.splice(at, 1);
    if (!patient) return;
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.entries[mid]!.patient, patient)) lo = mid + 1;
      else hi = mid;
    }
    this.entries.splice(lo, 0, indexed(patient));
  }
}
