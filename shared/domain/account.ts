// Who may do what, and what counts as a credential. Both sides use these rules: the set-up and sign-in screens
// check as the person types, the back end checks again where the value enters.
import { z } from 'zod';
import { message, said, saidIssue } from '../i18n/message';

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
  .string({ error: said(message('domain.account.enterCredential')) })
  .min(1, { error: said(message('domain.account.enterCredential')) })
  .max(CREDENTIAL_MAX_LENGTH, { error: said(message('domain.account.tooLong', { max: CREDENTIAL_MAX_LENGTH })) })
  .superRefine((secret, ctx) => {
    if (credentialKind(secret) === 'pin') {
      if (secret.length < PIN_MIN_DIGITS) ctx.addIssue(saidIssue(message('domain.account.pinShort', { min: PIN_MIN_DIGITS, length: secret.length })));
      else if (/^(\d)\1+$/.test(secret) || '01234567890'.includes(secret) || '09876543210'.includes(secret)) {
        ctx.addIssue(saidIssue(message('domain.account.pinEasy')));
      }
    } else if (secret.length < PASSWORD_MIN_LENGTH) {
      ctx.addIssue(saidIssue(message('domain.account.passwordShort', { min: PASSWORD_MIN_LENGTH, pin: PIN_MIN_DIGITS })));
    }
  });

/** A credential being tried: only its presence and length are checked, so nothing about the real one leaks. */
export const enteredCredential = z
  .string({ error: said(message('domain.account.enterYours')) })
  .min(1, { error: said(message('domain.account.enterYours')) })
  .max(CREDENTIAL_MAX_LENGTH, { error: said(message('domain.account.longerThanAny')) });
