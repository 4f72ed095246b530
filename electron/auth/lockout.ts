import { LOCKOUT_AFTER_FAILURES, LOCKOUT_MINUTES } from '../../shared/domain/account';

/**
 * Failed sign-ins of one account. Kept in the database, not in memory, so restarting the server or the
 * workstation does not hand a guesser five more tries.
 */
export interface AttemptState {
  failures: number;
  /** ISO instant until which the account is locked, or null. */
  lockedUntil: string | null;
}

export const NO_ATTEMPTS: AttemptState = { failures: 0, lockedUntil: null };

export function isLocked(state: AttemptState, now: string): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}

/** Minutes left before a locked account opens again (at least 1, so the message never says "0 minutes"). */
export function minutesLeft(state: AttemptState, now: string): number {
  if (!state.lockedUntil) return 0;
  return Math.max(1, Math.ceil((Date.parse(state.lockedUntil) - Date.parse(now)) / 60_000));
}

/**
 * After a wrong credential: one more failure; the fifth locks the account for five minutes. Failures of a lock
 * that has run out start again from zero, so a person back after the lock has five tries again.
 */
export function afterFailure(state: AttemptState, now: string): AttemptState & { lockedNow: boolean } {
  const failures = (state.lockedUntil !== null && !isLocked(state, now) ? 0 : state.failures) + 1;
  if (failures >= LOCKOUT_AFTER_FAILURES) {
    return { failures, lockedUntil: new Date(Date.parse(now) + LOCKOUT_MINUTES * 60_000).toISOString(), lockedNow: true };
  }
  return { failures, lockedUntil: null, lockedNow: false };
}
