import { LOCKOUT_AFTER_FAILURES, LOCKOUT_MINUTES } from '../../shared/domain/account';
import type { AccountRepository, CredentialRow } from '../db/account-repository';
import { afterFailure, isLocked, minutesLeft, NO_ATTEMPTS } from './lockout';
import { CURRENT_PARAMS, hashCredential, hashCredentialAsync, needsRehash, verifyCredentialAsync, type ScryptParams, type StoredCredential } from './password';
import { message, type MessageRef } from '../../shared/i18n/message';

/** What trying a credential came to. The caller writes the audit rows and the answer the person reads. */
export type CheckOutcome =
  | { kind: 'right'; rehashed: CredentialRow | null }
  | { kind: 'wrong'; attemptsLeft: number; lockedNow: boolean; lockedUntil: string | null }
  | { kind: 'locked'; lockedUntil: string; minutesLeft: number }
  | { kind: 'no_credential' };

export function toRow(c: StoredCredential): CredentialRow {
  return { kind: c.kind, salt: c.salt, hash: c.hash, paramsJson: JSON.stringify(c.params) };
}

/** The stored parameters, checked: a damaged row must refuse the sign-in, never pass it. */
function parseParams(json: string): ScryptParams {
  const p: unknown = JSON.parse(json);
  if (typeof p === 'object' && p !== null && 'algorithm' in p && p.algorithm === 'scrypt' && 'N' in p && 'r' in p && 'p' in p && 'keyLength' in p) {
    const { N, r, p: par, keyLength } = p;
    if ([N, r, par, keyLength].every((n) => typeof n === 'number' && Number.isInteger(n) && n > 0)) {
      return { algorithm: 'scrypt', N: Number(N), r: Number(r), p: Number(par), keyLength: Number(keyLength) };
    }
  }
  throw new Error('stored credential parameters are not scrypt parameters');
}

export function fromRow(row: CredentialRow): StoredCredential {
  return { kind: row.kind, salt: row.salt, hash: row.hash, params: parseParams(row.paramsJson) };
}

export async function newCredentialRow(secret: string, params: ScryptParams = CURRENT_PARAMS): Promise<CredentialRow> {
  return toRow(await hashCredentialAsync(secret, params));
}

/**
 * The same, on the main thread: for an administrator's rare changes (a new therapist, a temporary credential), so
 * they run whole inside dispatch's transaction, and sample data's run stays one chain of microtasks.
 */
export function newCredentialRowNow(secret: string, params: ScryptParams = CURRENT_PARAMS): CredentialRow {
  return toRow(hashCredential(secret, params));
}

/**
 * Tries a credential. The hash is worked out off the main thread; the failure count is then re-read and written
 * in the caller's transaction (`commit`), so two wrong tries racing each other both count.
 */
export async function checkCredential(
  accounts: AccountRepository,
  therapistId: string,
  secret: string,
  now: () => string,
  commit: <T>(fn: () => T) => T,
  params: ScryptParams = CURRENT_PARAMS,
): Promise<CheckOutcome> {
  const before = accounts.get(therapistId);
  if (!before?.credential) return { kind: 'no_credential' };
  const state = { failures: before.failures, lockedUntil: before.lockedUntil };
  if (isLocked(state, now())) return { kind: 'locked', lockedUntil: state.lockedUntil!, minutesLeft: minutesLeft(state, now()) };
  const stored = fromRow(before.credential);
  const right = await verifyCredentialAsync(secret, stored);
  if (right) {
    // Older, cheaper parameters are replaced while the secret is at hand (params: the back end's current ones).
    const rehashed = needsRehash(stored.params) && !needsRehash(params) ? await newCredentialRow(secret, params) : null;
    commit(() => {
      if (rehashed) accounts.replaceHash(therapistId, rehashed);
      accounts.setAttempts(therapistId, NO_ATTEMPTS.failures, NO_ATTEMPTS.lockedUntil);
    });
    return { kind: 'right', rehashed };
  }
  return commit(() => {
    const current = accounts.get(therapistId) ?? before;
    const at = now();
    const next = afterFailure({ failures: current.failures, lockedUntil: current.lockedUntil }, at);
    accounts.setAttempts(therapistId, next.failures, next.lockedUntil);
    return { kind: 'wrong', attemptsLeft: Math.max(0, LOCKOUT_AFTER_FAILURES - next.failures), lockedNow: next.lockedNow, lockedUntil: next.lockedUntil };
  });
}

/** The person's message for a wrong or refused credential. */
export function refusalMessage(outcome: Exclude<CheckOutcome, { kind: 'right' }>, name: string, formatTime: (iso: string) => string): MessageRef {
  switch (outcome.kind) {
    case 'no_credential':
      return message('domain.credential.none', { name });
    case 'locked':
      return message('domain.credential.locked', { name, failures: LOCKOUT_AFTER_FAILURES, until: formatTime(outcome.lockedUntil), minutes: outcome.minutesLeft });
    case 'wrong':
      if (outcome.lockedNow) {
        return message('domain.credential.lockedNow', { failures: LOCKOUT_AFTER_FAILURES, minutes: LOCKOUT_MINUTES, until: formatTime(outcome.lockedUntil!) });
      }
      return message('domain.credential.wrong', { count: outcome.attemptsLeft, minutes: LOCKOUT_MINUTES });
  }
}
