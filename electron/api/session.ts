import { requestActor, type ClientScope } from '../auth/sessions';
import { AppError } from '../db/errors';
import type { ApiContext } from './context';
import { message } from '../../shared/i18n/message';

/** Changes to records need a who for the audit log and the rater of a measurement. */
export function requireActor(ctx: ApiContext): string {
  const id = ctx.actorId();
  if (!id) throw new AppError('unauthorized', message('domain.access.signIn'));
  return id;
}

/** The client this request came from. Every transport runs dispatch inside one; a call without is a bug. */
export function requireScope(): ClientScope {
  const scope = requestActor.getStore();
  if (!scope) throw new Error('dispatch was called outside a client scope (requestActor.run)');
  return scope;
}

/** The therapist signed in on this request's client, locked or not; null when nobody is. */
export function signedInId(ctx: ApiContext): string | null {
  return ctx.sessions.peek(requestActor.getStore()?.token ?? undefined)?.session.therapistId ?? null;
}

/** The clinic's lock time, applied to every session: at start, after set-up, a clinic change or a restore. */
export function applyLockTime(ctx: ApiContext): void {
  const minutes = ctx.repos.clinic.get()?.lockAfterMinutes;
  if (minutes !== undefined) ctx.sessions.setTimes({ ...ctx.sessions.times(), lockAfterMs: minutes * 60_000 });
}
