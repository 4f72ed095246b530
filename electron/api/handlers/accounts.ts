import type { Therapist } from '../../../shared/domain/therapist';
import { newCredentialRowNow } from '../../auth/credentials';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { requireActor } from '../session';
import type { HandlerTable } from './types';
import { message } from '../../../shared/i18n/message';

type AccountOps = 'therapists.setCredential' | 'therapists.setRole' | 'access.forPatient';

/** A clinic always keeps an active administrator: without one nobody could change its settings or accounts. */
export function refuseLosingLastAdministrator(ctx: ApiContext, therapist: Therapist, doing: 'deactivating' | 'making a therapist'): void {
  if (therapist.role !== 'administrator' || !therapist.active) return;
  const others = ctx.repos.accounts.activeAdministrators().filter((a) => a.id !== therapist.id);
  if (others.length === 0) {
    throw new AppError('conflict', doing === 'deactivating' ? message('domain.accounts.lastAdminDeactivating', { name: therapist.name }) : message('domain.accounts.lastAdminDemoting', { name: therapist.name }));
  }
}

function existing(ctx: ApiContext, id: string): Therapist {
  const therapist = ctx.repos.therapists.get(id);
  if (!therapist) throw new AppError('not_found', message('domain.accounts.notListed'));
  return therapist;
}

export const accountHandlers: HandlerTable<AccountOps> = {
  /**
   * A temporary credential for someone who forgot theirs (or whose account locked): it clears the lock-out, must be
   * changed at their next sign-in, and ends their sessions, so whoever had their screen open is out.
   */
  'therapists.setCredential': (input, ctx) => {
    const target = existing(ctx, input.id);
    if (target.id === ctx.actorId()) {
      throw new AppError('conflict', message('domain.accounts.ownCredential'));
    }
    const row = newCredentialRowNow(input.credential, ctx.credentialParams);
    ctx.repos.accounts.setCredential(target.id, row, true);
    audit(ctx, { at: ctx.now(), operation: 'therapists.setCredential', entity: 'therapist', entityId: target.id, before: null, after: { kind: row.kind, mustChangeCredential: true } });
    ctx.sessions.endAllOf(target.id);
    return existing(ctx, target.id);
  },

  'therapists.setRole': (input, ctx) => {
    const before = existing(ctx, input.id);
    if (before.role === input.role) return before;
    if (input.role !== 'administrator') refuseLosingLastAdministrator(ctx, before, 'making a therapist');
    ctx.repos.accounts.setRole(before.id, input.role);
    const after = existing(ctx, before.id);
    audit(ctx, { at: ctx.now(), operation: 'therapists.setRole', entity: 'therapist', entityId: before.id, before: { role: before.role }, after: { role: after.role } });
    return after;
  },

  'access.forPatient': (input, ctx) => {
    requireActor(ctx);
    if (!ctx.repos.patients.get(input.patientId)) throw new AppError('not_found', message('domain.accounts.patientNotListed'));
    return ctx.repos.accessLog.forPatient(input.patientId);
  },
};
