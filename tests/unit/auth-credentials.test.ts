import { describe, expect, it } from 'vitest';
import { newCredential } from '../../shared/domain/account';
import { afterFailure, isLocked, minutesLeft, NO_ATTEMPTS, type AttemptState } from '../../electron/auth/lockout';
import { CURRENT_PARAMS, hashCredential, hashCredentialAsync, needsRehash, verifyCredential, verifyCredentialAsync } from '../../electron/auth/password';

const message = (secret: string) => {
  const r = newCredential.safeParse(secret);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('what counts as a credential', () => {
  it('takes a PIN of six digits or more and a password of eight characters or more', () => {
    expect(message('480913')).toBeNull();
    expect(message('correct horse')).toBeNull();
  });

  it('refuses short, trivial and empty ones, saying what would do', () => {
    expect(message('48091')).toBe('A PIN needs at least 6 digits; this one has 5.');
    expect(message('111111')).toMatch(/too easy to guess/);
    expect(message('123456')).toMatch(/too easy to guess/);
    expect(message('abc12')).toMatch(/at least 8 characters/);
    expect(message('')).toBe('Enter a PIN or a password.');
  });
});

describe('scrypt hashing', () => {
  it('verifies the right credential and refuses any other', () => {
    const stored = hashCredential('480913');
    expect(stored.kind).toBe('pin');
    expect(verifyCredential('480913', stored)).toBe(true);
    expect(verifyCredential('480914', stored)).toBe(false);
    expect(verifyCredential('', stored)).toBe(false);
  });

  it('records its parameters and a salt of its own, so two people with the same PIN get different hashes', async () => {
    const a = hashCredential('480913');
    const b = await hashCredentialAsync('480913');
    expect(a.params).toEqual(CURRENT_PARAMS);
    expect(a.params.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(a.salt.equals(b.salt)).toBe(false);
    expect(a.hash.equals(b.hash)).toBe(false);
    expect(await verifyCredentialAsync('480913', b)).toBe(true);
    expect(await verifyCredentialAsync('480913 ', b)).toBe(false);
  });

  it('still verifies a hash made with older parameters and asks for it to be renewed', () => {
    const old = hashCredential('a long passphrase', { algorithm: 'scrypt', N: 2 ** 12, r: 8, p: 1, keyLength: 32 });
    expect(verifyCredential('a long passphrase', old)).toBe(true);
    expect(needsRehash(old.params)).toBe(true);
    expect(needsRehash(CURRENT_PARAMS)).toBe(false);
  });
});

describe('lock-out after failed sign-ins', () => {
  const t0 = '2026-12-02T09:00:00.000Z';
  const at = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();

  it('locks the account at the fifth failure for five minutes, then opens it with five tries again', () => {
    let s: AttemptState = NO_ATTEMPTS;
    for (let i = 1; i <= 4; i++) {
      s = afterFailure(s, t0);
      expect(isLocked(s, t0)).toBe(false);
    }
    const fifth = afterFailure(s, t0);
    expect(fifth.lockedNow).toBe(true);
    expect(isLocked(fifth, at(4.9))).toBe(true);
    expect(minutesLeft(fifth, at(4.9))).toBe(1);
    expect(minutesLeft(fifth, t0)).toBe(5);
    expect(isLocked(fifth, at(5))).toBe(false);
    const after = afterFailure(fifth, at(6));
    expect(after).toEqual({ failures: 1, lockedUntil: null, lockedNow: false });
  });
});
