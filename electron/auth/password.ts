import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { credentialKind, type CredentialKind } from '../../shared/domain/account';

/**
 * scrypt's cost, stored with every hash so it can be raised later without locking anyone out: a hash made
 * with older parameters still verifies, and is replaced at the next successful sign-in (needsRehash).
 * N = 2^15, r = 8 needs 32 MiB and about a tenth of a second on an old clinic PC: slow for a guesser with a
 * stolen file, still quick for a person signing in.
 */
export interface ScryptParams {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

export const CURRENT_PARAMS: ScryptParams = { algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

export interface StoredCredential {
  kind: CredentialKind;
  /** A fresh random salt per credential, so two people with the same PIN get different hashes. */
  salt: Buffer;
  hash: Buffer;
  params: ScryptParams;
}

function options(params: ScryptParams): ScryptOptions {
  // Node refuses by default above 32 MiB; allow twice what the parameters need.
  return { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
}

export function hashCredential(secret: string, params: ScryptParams = CURRENT_PARAMS): StoredCredential {
  const salt = randomBytes(16);
  return { kind: credentialKind(secret), salt, hash: scryptSync(secret.normalize('NFC'), salt, params.keyLength, options(params)), params };
}

/** The same as hashCredential, off the main thread: for the server, where a blocking hash stalls every client. */
export function hashCredentialAsync(secret: string, params: ScryptParams = CURRENT_PARAMS): Promise<StoredCredential> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, params.keyLength, options(params), (err, hash) =>
      err ? reject(err) : resolve({ kind: credentialKind(secret), salt, hash, params }),
    ),
  );
}

export function verifyCredential(secret: string, stored: StoredCredential): boolean {
  const hash = scryptSync(secret.normalize('NFC'), stored.salt, stored.params.keyLength, options(stored.params));
  return hash.length === stored.hash.length && timingSafeEqual(hash, stored.hash);
}

export function verifyCredentialAsync(secret: string, stored: StoredCredential): Promise<boolean> {
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), stored.salt, stored.params.keyLength, options(stored.params), (err, hash) =>
      err ? reject(err) : resolve(hash.length === stored.hash.length && timingSafeEqual(hash, stored.hash)),
    ),
  );
}

export function needsRehash(params: ScryptParams): boolean {
  return params.N < CURRENT_PARAMS.N || params.r < CURRENT_PARAMS.r || params.p < CURRENT_PARAMS.p || params.keyLength < CURRENT_PARAMS.keyLength;
}
