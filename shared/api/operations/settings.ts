import { z } from 'zod';
import { enteredCredential, newCredential, ROLES } from '../../domain/account';
import { Clinic, ClinicInput, ClinicUpdateInput } from '../../domain/clinic';
import { isoInstant, uuid } from '../../domain/schema-parts';
import { LANGUAGES } from '../../i18n/languages';
import { message, said } from '../../i18n/message';
import { LanguagePreferenceInput, Therapist, TherapistDetailsInput, TherapistInput, TherapistUpdateInput } from '../../domain/therapist';
import { Empty } from './common';

/**
 * Who is signed in on this client (a browser in server mode, the desktop app's window), and what the screen must
 * ask next: first-run set-up, setting up accounts on a database from before them, sign-in, the lock screen, or
 * a forced change of a temporary credential.
 */
export const SessionState = z.strictObject({
  needsSetup: z.boolean(),
  /** A database from before accounts: no therapist has a credential yet (session.setUpAccounts). */
  needsAccounts: z.boolean(),
  clinic: Clinic.nullable(),
  /** Signed in on this client, or null. Still set while the session is locked: the lock screen names them. */
  currentTherapist: Therapist.nullable(),
  /** The session is idle past the clinic's lock time: only session.unlock (same person) or signIn goes on. */
  locked: z.boolean(),
  /** The signed-in person's credential is temporary: nothing else goes on until session.changeCredential. */
  mustChangeCredential: z.boolean(),
  lockAfterMinutes: z.number().int(),
  /** For the sign-in list: names and roles, no secrets. */
  activeTherapists: z.array(Therapist),
  /** The language the screens are in for whoever is signed in: their own choice, else the clinic's (English before set-up). */
  language: z.enum(LANGUAGES),
});
export type SessionState = z.infer<typeof SessionState>;

/** First-run set-up: the clinic, and its first therapist, who is administrator with this credential. */
export const SetupInput = z.strictObject({ clinic: ClinicInput, therapist: TherapistDetailsInput, credential: newCredential });

export const SignInInput = z.strictObject({ therapistId: uuid, credential: enteredCredential });
export const UnlockInput = z.strictObject({ credential: enteredCredential });
export const ChangeCredentialInput = z.strictObject({ current: enteredCredential, next: newCredential });
export const SetUpAccountsInput = z.strictObject({ therapistId: uuid, credential: newCredential });
/** The printed recovery key, as typed (any case, with or without dashes; checked against the database's key). */
export const RecoverAdministratorInput = z.strictObject({
  therapistId: uuid,
  recoveryKey: z.string().trim().min(1, { error: said(message('domain.operations.recoveryKey')) }).max(120, { error: said(message('domain.operations.recoveryKeyLong')) }),
  credential: newCredential,
});

/** The kinds of opening a patient's record that leave an access row (the contract's `access` mark). */
export const ACCESS_KINDS = ['file', 'report', 'export'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
export const AccessEntry = z.strictObject({
  at: isoInstant,
  therapistId: z.string(),
  therapistName: z.string(),
  what: z.enum(ACCESS_KINDS),
});
export type AccessEntry = z.infer<typeof AccessEntry>;

// The session operations that hash or check a credential keep their own transactions (`transaction: 'own'`):
// scrypt runs off the main thread between awaits, and a wrong attempt must be counted though the operation fails.
export const settingsOperations = {
  'session.get': { kind: 'read', actor: 'none', input: Empty, output: SessionState },
  'session.signIn': { kind: 'change', actor: 'none', transaction: 'own', input: SignInInput, output: SessionState },
  'session.signOut': { kind: 'change', actor: 'none', input: Empty, output: SessionState },
  'session.unlock': { kind: 'change', actor: 'none', transaction: 'own', input: UnlockInput, output: SessionState },
  /** Ends the person's other sessions: a credential someone else saw stops working everywhere. */
  'session.changeCredential': { kind: 'change', transaction: 'own', input: ChangeCredentialInput, output: SessionState },
  /** Refused unless needsAccounts: the chosen active therapist becomes administrator and is signed in. */
  'session.setUpAccounts': { kind: 'change', actor: 'none', transaction: 'own', input: SetUpAccountsInput, output: SessionState },
  'setup.complete': { kind: 'change', actor: 'none', transaction: 'own', input: SetupInput, output: SessionState },
  /**
   * A forgotten administrator's PIN or password, replaced by whoever holds the clinic's printed recovery key (the
   * database's own key): no back door, since that key already opens every record. Signs the administrator in.
   */
  'session.recoverAdministrator': { kind: 'change', actor: 'none', transaction: 'own', input: RecoverAdministratorInput, output: SessionState },
  /** The signed-in person's own screen language, or null for the clinic's. */
  'session.setLanguage': { kind: 'change', input: LanguagePreferenceInput, output: SessionState },
  'clinic.get': { kind: 'read', input: Empty, output: Clinic },
  'clinic.update': { kind: 'change', role: 'administrator', input: ClinicUpdateInput, output: Clinic },
  'therapists.list': { kind: 'read', input: z.strictObject({ includeInactive: z.boolean().default(false) }), output: z.array(Therapist) },
  'therapists.create': { kind: 'change', role: 'administrator', input: TherapistInput, output: Therapist },
  'therapists.update': { kind: 'change', role: 'administrator', input: TherapistUpdateInput, output: Therapist },
  /** Refuses deactivating the last active administrator. */
  'therapists.setActive': { kind: 'change', role: 'administrator', input: z.strictObject({ id: uuid, active: z.boolean() }), output: Therapist },
  /** A temporary credential, to be changed at next sign-in; clears a lock-out and ends that person's sessions. */
  'therapists.setCredential': { kind: 'change', role: 'administrator', input: z.strictObject({ id: uuid, credential: newCredential }), output: Therapist },
  /** Refused if it would leave no active administrator. */
  'therapists.setRole': { kind: 'change', role: 'administrator', input: z.strictObject({ id: uuid, role: z.enum(ROLES, { error: said(message('domain.therapist.role')) }) }), output: Therapist },
  /** Who opened one patient's record, newest first. */
  'access.forPatient': { kind: 'read', role: 'administrator', input: z.strictObject({ patientId: uuid }), output: z.array(AccessEntry) },
} as const;
