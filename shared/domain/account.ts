// Who may do what, and what counts as a credential. Both sides use these rules: the set-up and sign-in screens
// check as the person types, the back end checks again where the value enters.
import { z } from 'zod';

/** An administrator keeps the clinic's settings, its therapists, thresholds, backups and restore. */
export const ROLES = ['administrator', 'therapist'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { administrator: 'Administrator', therapist: 'Therapist' };

export const PIN_MIN_DIGITS = 6;
export const PASSWORD_MIN_LENGTH = 8;
/** Longer is refused, not cut: scrypt takes any length, but a pasted document is a mistake. */
export const CREDENTIAL_MAX_LENGTH = 200;

/** Five wrong attempts lock the account for five minutes: enough for typing slips, too few to guess a PIN. */
export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MINUTES = 5;

export type CredentialKind = 'pin' | 'password';

/** A credential is a PIN (digits only, at least six) or a password (at least eight characters). */
export function credentialKind(secret: string): CredentialKind {
  return /^\d+$/.test(secret) ? 'pin' : 'password';
}

/** A new credential: a PIN of at least 6 digits or a password of at least 8 characters. Never trimmed. */
export const newCredential = z
  .string({ error: 'Enter a PIN or a password.' })
  .min(1, { error: 'Enter a PIN or a password.' })
  .max(CREDENTIAL_MAX_LENGTH, { error: `That is too long: keep it to ${CREDENTIAL_MAX_LENGTH} characters.` })
  .superRefine((secret, ctx) => {
    if (credentialKind(secret) === 'pin') {
      if (secret.length < PIN_MIN_DIGITS) ctx.addIssue({ code: 'custom', message: `A PIN needs at least ${PIN_MIN_DIGITS} digits; this one has ${secret.length}.` });
      else if (/^(\d)\1+$/.test(secret) || '01234567890'.includes(secret) || '09876543210'.includes(secret)) {
        ctx.addIssue({ code: 'custom', message: 'This PIN is too easy to guess (all one digit, or digits in a row): choose another.' });
      }
    } else if (secret.length < PASSWORD_MIN_LENGTH) {
      ctx.addIssue({ code: 'custom', message: `A password needs at least ${PASSWORD_MIN_LENGTH} characters (or use a PIN of at least ${PIN_MIN_DIGITS} digits).` });
    }
  });

/** A credential being tried: only its presence and length are checked, so nothing about the real one leaks. */
export const enteredCredential = z
  .string({ error: 'Enter your PIN or password.' })
  .min(1, { error: 'Enter your PIN or password.' })
  .max(CREDENTIAL_MAX_LENGTH, { error: 'That is longer than any PIN or password here.' });
