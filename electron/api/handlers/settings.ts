import { initialsOf } from '../../../shared/domain/therapist';
import type { TherapistValues } from '../../db/therapist-repository';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { newCredentialRowNow } from '../../auth/credentials';
import { applyLockTime } from '../session';
import { refuseLosingLastAdministrator } from './accounts';
import type { HandlerTable } from './types';
import { message } from '../../../shared/i18n/message';

type SettingsOps = 'clinic.get' | 'clinic.update' | 'therapists.list' | 'therapists.create' | 'therapists.update' | 'therapists.setActive';

function therapistValues(input: { name: string; title: string | null; registrationNumber: string | null; initials: string | null }): TherapistValues {
  return { name: input.name, title: input.title, registrationNumber: input.registrationNumber, initials: input.initials ?? initialsOf(input.name) };
}

function assertRegistrationFree(ctx: ApiContext, registrationNumber: string | null, exceptId?: string): void {
  if (!registrationNumber) return;
  const other = ctx.repos.therapists.findByRegistration(registrationNumber);
  if (other && other.id !== exceptId) {
    const words = { number: registrationNumber, name: other.name };
    throw new AppError('conflict', message('domain.settings.registrationUsed', words), {
      registrationNumber: other.active ? message('domain.settings.registrationBelongs', words) : message('domain.settings.registrationBelongsInactive', words),
    });
  }
}

export const settingsHandlers: HandlerTable<SettingsOps> = {
  'clinic.get': (_input, ctx) => {
    const clinic = ctx.repos.clinic.get();
    if (!clinic) throw new AppError('not_found', message('domain.settings.noClinic'));
    return clinic;
  },

  'clinic.update': (input, ctx) => {
    const before = ctx.repos.clinic.get();
    if (!before) throw new AppError('not_found', message('domain.settings.noClinic'));
    const { version, ...values } = input;
    const at = ctx.now();
    const after = ctx.repos.clinic.update(values, version, at);
    if (!after) throw new AppError('conflict', message('domain.settings.clinicChanged'));
    // The audit keeps whether the logo changed, not a second copy of the image.
    const logoNote = (c: typeof before) => ({ ...c, logo: c.logo ? `(image, ${c.logo.length} characters)` : null });
    audit(ctx, { at, operation: 'clinic.update', entity: 'clinic', entityId: 'clinic', before: logoNote(before), after: logoNote(after) });
    applyLockTime(ctx);
    return after;
  },

  'therapists.list': (input, ctx) => ctx.repos.therapists.list(input.includeInactive),

  // The first credential is temporary: the person chooses their own at first sign-in, so nobody else knows it.
  'therapists.create': (input, ctx) => {
    assertRegistrationFree(ctx, input.registrationNumber);
    const row = newCredentialRowNow(input.credential, ctx.credentialParams);
    const at = ctx.now();
    const created = ctx.repos.therapists.insert(therapistValues(input), at);
    ctx.repos.accounts.setRole(created.id, input.role);
    ctx.repos.accounts.setCredential(created.id, row, true);
    const therapist = ctx.repos.therapists.get(created.id)!;
    audit(ctx, { at, operation: 'therapists.create', entity: 'therapist', entityId: therapist.id, before: null, after: therapist });
    return therapist;
  },

  'therapists.update': (input, ctx) => {
    const before = ctx.repos.therapists.get(input.id);
    if (!before) throw new AppError('not_found', message('domain.accounts.notListed'));
    assertRegistrationFree(ctx, input.registrationNumber, input.id);
    const at = ctx.now();
    const after = ctx.repos.therapists.update(input.id, input.version, therapistValues(input), at);
    if (!after) throw new AppError('conflict', message('domain.settings.therapistChanged', { name: before.name }));
    audit(ctx, { at, operation: 'therapists.update', entity: 'therapist', entityId: after.id, before, after });
    return after;
  },

  'therapists.setActive': (input, ctx) => {
    const before = ctx.repos.therapists.get(input.id);
    if (!before) throw new AppError('not_found', message('domain.accounts.notListed'));
    if (before.active === input.active) return before;
    if (!input.active && ctx.repos.therapists.countActive() === 1) {
      throw new AppError('conflict', message('domain.settings.lastTherapist', { name: before.name }));
    }
    if (!input.active) refuseLosingLastAdministrator(ctx, before, 'deactivating');
    const at = ctx.now();
    const after = ctx.repos.therapists.setActive(input.id, input.active, at);
    audit(ctx, { at, operation: input.active ? 'therapists.reactivate' : 'therapists.deactivate', entity: 'therapist', entityId: after.id, before, after });
    // A deactivated person is signed out everywhere at once, not at their next sign-in.
    if (!input.active) ctx.sessions.endAllOf(after.id);
    return after;
  },
};
