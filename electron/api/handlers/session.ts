import { timingSafeEqual } from 'node:crypto';
import type { OperationOutput } from '../../../shared/api/contract';
import { DEFAULT_LOCK_AFTER_MINUTES } from '../../../shared/domain/clinic';
import { initialsOf } from '../../../shared/domain/therapist';
import { checkCredential, newCredentialRow, refusalMessage } from '../../auth/credentials';
import { requestActor, type ClientScope } from '../../auth/sessions';
import { parseRecoveryKey } from '../../db/database-key';
import { AppError } from '../../db/errors';
import { databaseKeyOf } from '../../db/open';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { applyLockTime, requireActor, requireScope } from '../session';
import type { HandlerTable } from './types';
import { message } from '../../../shared/i18n/message';

type SessionOps =
  | 'session.get'
  | 'session.signIn'
  | 'session.signOut'
  | 'session.unlock'
  | 'session.changeCredential'
  | 'session.setUpAccounts'
  | 'session.recoverAdministrator'
  | 'session.setLanguage'
  | 'setup.complete';

/** Lock-out times are read by the person at the workstation, in the clinic's own time (the server's zone). */
const formatTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export function sessionState(ctx: ApiContext): OperationOutput<'session.get'> {
  const clinic = ctx.repos.clinic.get();
  const peeked = ctx.sessions.peek(requestActor.getStore()?.token ?? undefined);
  const current = peeked ? ctx.repos.therapists.get(peeked.session.therapistId) : null;
  const signedIn = current?.active ? current : null;
  return {
    needsSetup: clinic === null,
    needsAccounts: clinic !== null && !ctx.repos.accounts.anyCredential(),
    clinic,
    currentTherapist: signedIn,
    locked: signedIn !== null && peeked!.locked,
    mustChangeCredential: signedIn?.mustChangeCredential ?? false,
    lockAfterMinutes: clinic?.lockAfterMinutes ?? DEFAULT_LOCK_AFTER_MINUTES,
    activeTherapists: ctx.repos.therapists.list(false),
    language: signedIn?.language ?? clinic?.language ?? 'en',
  };
}

/** An account event in the audit log: who, what, and no secret. */
function auditAccount(ctx: ApiContext, operation: string, therapistId: string, actorId: string, after: Record<string, unknown> = {}): void {
  audit(ctx, { at: ctx.now(), operation, entity: 'therapist', entityId: therapistId, before: null, after, actorId });
}

/** This client's session becomes the given person's; whoever was signed in on it is signed out. */
function signInOnClient(ctx: ApiContext, scope: ClientScope, therapistId: string): void {
  const previous = ctx.sessions.peek(scope.token ?? undefined)?.session;
  if (previous) {
    ctx.sessions.end(previous.token);
    auditAccount(ctx, 'session.signOut', previous.therapistId, previous.therapistId, { replacedBy: therapistId });
  }
  scope.token = ctx.sessions.start(therapistId).token;
  auditAccount(ctx, 'session.signIn', therapistId, therapistId);
}

/**
 * Checks the person's credential, counting a wrong one (and auditing it, and the lock-out it may cause) in a
 * transaction of its own, so the failure stays recorded though the operation fails.
 */
async function verifyOrRefuse(ctx: ApiContext, therapistId: string, name: string, secret: string, operation: string): Promise<void> {
  const outcome = await checkCredential(ctx.repos.accounts, therapistId, secret, ctx.now, ctx.transaction, ctx.credentialParams);
  if (outcome.kind === 'right') return;
  if (outcome.kind !== 'no_credential') {
    ctx.transaction(() => {
      auditAccount(ctx, 'session.failedAttempt', therapistId, therapistId, { during: operation, refused: outcome.kind });
      if (outcome.kind === 'wrong' && outcome.lockedNow) auditAccount(ctx, 'session.lockedOut', therapistId, therapistId, { until: outcome.lockedUntil });
    });
  }
  throw new AppError('unauthorized', refusalMessage(outcome, name, formatTime), { credential: refusalMessage(outcome, name, formatTime) });
}

function activeTherapist(ctx: ApiContext, therapistId: string) {
  const therapist = ctx.repos.therapists.get(therapistId);
  if (!therapist) throw new AppError('not_found', message('domain.session.personUnknown'));
  if (!therapist.active) throw new AppError('conflict', message('domain.session.deactivated', { name: therapist.name }));
  return therapist;
}

export const sessionHandlers: HandlerTable<SessionOps> = {
  'session.get': (_input, ctx) => sessionState(ctx),

  'session.setLanguage': (input, ctx) => {
    const therapistId = requireActor(ctx);
    const before = activeTherapist(ctx, therapistId);
    const after = ctx.repos.therapists.setLanguage(therapistId, input.language, ctx.now());
    audit(ctx, { at: after.updatedAt, operation: 'session.setLanguage', entity: 'therapist', entityId: therapistId, before: { language: before.language }, after: { language: after.language } });
    return sessionState(ctx);
  },

  'session.signIn': async (input, ctx) => {
    const scope = requireScope();
    if (!ctx.repos.clinic.get()) throw new AppError('conflict', message('domain.session.noClinic'));
    if (!ctx.repos.accounts.anyCredential()) throw new AppError('conflict', message('domain.session.noAccounts'));
    const therapist = activeTherapist(ctx, input.therapistId);
    await verifyOrRefuse(ctx, therapist.id, therapist.name, input.credential, 'session.signIn');
    ctx.transaction(() => signInOnClient(ctx, scope, therapist.id));
    return sessionState(ctx);
  },

  'session.signOut': (_input, ctx) => {
    const scope = requireScope();
    const session = ctx.sessions.peek(scope.token ?? undefined)?.session;
    if (session) {
      ctx.sessions.end(session.token);
      auditAccount(ctx, 'session.signOut', session.therapistId, session.therapistId);
    }
    scope.token = null;
    return sessionState(ctx);
  },

  'session.unlock': async (input, ctx) => {
    const scope = requireScope();
    const session = ctx.sessions.peek(scope.token ?? undefined)?.session;
    if (!session) throw new AppError('unauthorized', message('domain.access.signIn'));
    const therapist = activeTherapist(ctx, session.therapistId);
    await verifyOrRefuse(ctx, therapist.id, therapist.name, input.credential, 'session.unlock');
    ctx.sessions.resume(session.token);
    return sessionState(ctx);
  },

  'session.changeCredential': async (input, ctx) => {
    const scope = requireScope();
    const therapistId = requireActor(ctx);
    const therapist = activeTherapist(ctx, therapistId);
    if (input.current === input.next) {
      throw new AppError('invalid_input', message('domain.session.sameCredential'), { next: message('domain.session.chooseDifferent') });
    }
    await verifyOrRefuse(ctx, therapistId, therapist.name, input.current, 'session.changeCredential');
    const row = await newCredentialRow(input.next, ctx.credentialParams);
    ctx.transaction(() => {
      ctx.repos.accounts.setCredential(therapistId, row, false);
      auditAccount(ctx, 'session.changeCredential', therapistId, therapistId, { kind: row.kind });
    });
    // A credential someone else may have seen stops working everywhere: every other session of the person ends.
    ctx.sessions.endAllOf(therapistId);
    scope.token = ctx.sessions.start(therapistId).token;
    return sessionState(ctx);
  },

  'session.setUpAccounts': async (input, ctx) => {
    const scope = requireScope();
    const refuse = () => new AppError('conflict', message('domain.session.accountsSetUp'));
    if (!ctx.repos.clinic.get() || ctx.repos.accounts.anyCredential()) throw refuse();
    const therapist = activeTherapist(ctx, input.therapistId);
    const row = await newCredentialRow(input.credential, ctx.credentialParams);
    ctx.transaction(() => {
      // Checked again inside the transaction: two workstations racing to set up accounts, one wins.
      if (ctx.repos.accounts.anyCredential()) throw refuse();
      ctx.repos.accounts.setRole(therapist.id, 'administrator');
      ctx.repos.accounts.setCredential(therapist.id, row, false);
      auditAccount(ctx, 'session.setUpAccounts', therapist.id, therapist.id, { role: 'administrator', kind: row.kind });
      signInOnClient(ctx, scope, therapist.id);
    });
    return sessionState(ctx);
  },

  'session.recoverAdministrator': async (input, ctx) => {
    const scope = requireScope();
    const key = databaseKeyOf(ctx.db);
    if (!key) throw new AppError('conflict', message('domain.session.notEncrypted'));
    let typed: Buffer;
    try {
      typed = parseRecoveryKey(input.recoveryKey);
    } catch (err) {
      if (err instanceof AppError) throw new AppError(err.code, err.messageRef ?? err.message, { recoveryKey: err.messageRef ?? err.message });
      throw err;
    }
    if (typed.length !== key.length || !timingSafeEqual(typed, key)) {
      const refusal = message('domain.session.wrongRecoveryKey');
      throw new AppError('unauthorized', refusal, { recoveryKey: refusal });
    }
    const therapist = activeTherapist(ctx, input.therapistId);
    if (therapist.role !== 'administrator') {
      throw new AppError('conflict', message('domain.session.notAdmin', { name: therapist.name }));
    }
    const row = await newCredentialRow(input.credential, ctx.credentialParams);
    ctx.transaction(() => {
      ctx.repos.accounts.setCredential(therapist.id, row, false);
      auditAccount(ctx, 'session.recoverAdministrator', therapist.id, therapist.id, { kind: row.kind, with: 'recovery key' });
    });
    ctx.sessions.endAllOf(therapist.id);
    ctx.transaction(() => signInOnClient(ctx, scope, therapist.id));
    return sessionState(ctx);
  },

  'setup.complete': async (input, ctx) => {
    const scope = requireScope();
    const refuse = () => new AppError('conflict', message('domain.session.clinicSetUp'));
    if (ctx.repos.clinic.get()) throw refuse();
    const row = await newCredentialRow(input.credential, ctx.credentialParams);
    ctx.transaction(() => {
      if (ctx.repos.clinic.get()) throw refuse();
      const at = ctx.now();
      const t = input.therapist;
      const created = ctx.repos.therapists.insert({ name: t.name, title: t.title, registrationNumber: t.registrationNumber, initials: t.initials ?? initialsOf(t.name) }, at);
      ctx.repos.accounts.setRole(created.id, 'administrator');
      ctx.repos.accounts.setCredential(created.id, row, false);
      const therapist = ctx.repos.therapists.get(created.id)!;
      const clinic = ctx.repos.clinic.insert(input.clinic, at);
      audit(ctx, { at, operation: 'setup.complete', entity: 'therapist', entityId: therapist.id, before: null, after: therapist, actorId: therapist.id });
      audit(ctx, { at, operation: 'setup.complete', entity: 'clinic', entityId: 'clinic', before: null, after: { ...clinic, logo: clinic.logo ? '(image)' : null }, actorId: therapist.id });
      signInOnClient(ctx, scope, therapist.id);
    });
    applyLockTime(ctx);
    return sessionState(ctx);
  },
};
