import type Database from 'better-sqlite3';
import type { Role } from '../../shared/domain/account';
import { prepared } from './statement-cache';

/** A credential as kept: never the secret, only its scrypt hash, salt and the parameters it was made with. */
export interface CredentialRow {
  kind: 'pin' | 'password';
  salt: Buffer;
  hash: Buffer;
  /** JSON of the scrypt parameters; electron/auth reads and checks it. */
  paramsJson: string;
}

export interface AccountRow {
  credential: CredentialRow | null;
  failures: number;
  lockedUntil: string | null;
}

interface Row {
  credential_kind: 'pin' | 'password' | null;
  credential_salt: Buffer | null;
  credential_hash: Buffer | null;
  credential_params: string | null;
  failed_attempts: number;
  locked_until: string | null;
}

/**
 * The account columns of therapists (0012): role, credential and failed sign-ins. Apart from the therapist's
 * details, so no list or detail read ever carries a hash, and a credential change does not bump the details'
 * version (an administrator editing a title does not conflict with the person changing their PIN).
 */
export class AccountRepository {
  constructor(private readonly db: Database.Database) {}

  get(therapistId: string): AccountRow | null {
    const r = prepared<[string], Row>(
      this.db,
      'SELECT credential_kind, credential_salt, credential_hash, credential_params, failed_attempts, locked_until FROM therapists WHERE id = ?',
    ).get(therapistId);
    if (!r) return null;
    const credential =
      r.credential_kind && r.credential_salt && r.credential_hash && r.credential_params
        ? { kind: r.credential_kind, salt: r.credential_salt, hash: r.credential_hash, paramsJson: r.credential_params }
        : null;
    return { credential, failures: r.failed_attempts, lockedUntil: r.locked_until };
  }

  /** A new credential; failed attempts and any lock-out are cleared with it. */
  setCredential(therapistId: string, c: CredentialRow, mustChange: boolean): void {
    const info = prepared(
      this.db,
      `UPDATE therapists SET credential_kind = ?, credential_salt = ?, credential_hash = ?, credential_params = ?,
         must_change_credential = ?, failed_attempts = 0, locked_until = NULL
       WHERE id = ?`,
    ).run(c.kind, c.salt, c.hash, c.paramsJson, mustChange ? 1 : 0, therapistId);
    if (info.changes !== 1) throw new Error(`therapist ${therapistId} has no account row`);
  }

  /** The same secret hashed again with stronger parameters; whether it must be changed stays as it was. */
  replaceHash(therapistId: string, c: CredentialRow): void {
    prepared(this.db, 'UPDATE therapists SET credential_kind = ?, credential_salt = ?, credential_hash = ?, credential_params = ? WHERE id = ?')
      .run(c.kind, c.salt, c.hash, c.paramsJson, therapistId);
  }

  setAttempts(therapistId: string, failures: number, lockedUntil: string | null): void {
    prepared(this.db, 'UPDATE therapists SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failures, lockedUntil, therapistId);
  }

  setRole(therapistId: string, role: Role): void {
    prepared(this.db, 'UPDATE therapists SET role = ? WHERE id = ?').run(role, therapistId);
  }

  /** Active administrators' names, for "ask ..." in a refusal, and to keep at least one. */
  activeAdministrators(): { id: string; name: string }[] {
    return prepared<[], { id: string; name: string }>(
      this.db,
      "SELECT id, name FROM therapists WHERE active = 1 AND role = 'administrator' ORDER BY name COLLATE NOCASE, id",
    ).all();
  }

  /** A database from before accounts: nobody has a credential yet. */
  anyCredential(): boolean {
    return prepared<[], { n: number }>(this.db, 'SELECT count(*) AS n FROM therapists WHERE credential_kind IS NOT NULL').get()!.n > 0;
  }
}
