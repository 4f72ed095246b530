import type { OperationOutput } from '../../../shared/api/contract';
import { initialsOf } from '../../../shared/domain/therapist';
import type { TherapistValues } from '../../db/therapist-repository';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { LAST_THERAPIST_KEY } from '../session';
import type { HandlerTable } from './types';

type SettingsOps =
  | 'session.get'
  | 'session.selectTherapist'
  | 'setup.complete'
  | 'clinic.get'
  | 'clinic.update'
  | 'therapists.list'
  | 'therapists.create'
  | 'therapists.update'
  | 'therapists.setActive';

function sessionState(ctx: ApiContext): OperationOutput<'session.get'> {
  const clinic = ctx.repos.clinic.get();
  const currentId = ctx.session.current();
  const current = currentId ? ctx.repos.therapists.get(currentId) : null;
  return {
    needsSetup: clinic === null,
    clinic,
    currentTherapist: current && current.active ? current : null,
    lastTherapistId: ctx.repos.meta.get(LAST_THERAPIST_KEY),
    activeTherapists: ctx.repos.therapists.list(false),
  };
}

function therapistValues(input: { name: string; title: string | null; registrationNumber: string | null; initials: string | null }): TherapistValues {
  return { name: input.name, title: input.title, registrationNumber: input.registrationNumber, initials: input.initials ?? initialsOf(input.name) };
}

function assertRegistrationFree(ctx: ApiContext, registrationNumber: string | null, exceptId?: string): void {
  if (!registrationNumber) return;
  const other = ctx.repos.therapists.findByRegistration(registrationNumber);
  if (other && other.id !== exceptId) {
    throw new AppError('conflict', `Registration number ${registrationNumber} is already recorded.`, {
      registrationNumber: `Registration number ${registrationNumber} already belongs to ${other.name}${other.active ? '' : ' (deactivated)'}. Check the number.`,
    });
  }
}

function chooseTherapist(ctx: ApiContext, therapistId: string): void {
  ctx.session.select(therapistId);
  ctx.repos.meta.set(LAST_THERAPIST_KEY, therapistId);
}

export const settingsHandlers: HandlerTable<SettingsOps> = {
  'session.get': (_input, ctx) => sessionState(ctx),

  'session.selectTherapist': (input, ctx) => {
    const therapist = ctx.repos.therapists.get(input.therapistId);
    if (!therapist) throw new AppError('not_found', 'This therapist is not on the list. Reload and choose again.');
    if (!therapist.active) {
      throw new AppError('conflict', `${therapist.name} is deactivated. Reactivate them in Settings, or choose another therapist.`);
    }
    chooseTherapist(ctx, therapist.id);
    return sessionState(ctx);
  },

  'setup.complete': (input, ctx) => {
    if (ctx.repos.clinic.get()) {
      throw new AppError('conflict', 'This clinic is already set up. Change its details in Settings.');
    }
    const at = ctx.now();
    const therapist = ctx.repos.therapists.insert(therapistValues(input.therapist), at);
    const clinic = ctx.repos.clinic.insert(input.clinic, at);
    audit(ctx, { at, operation: 'setup.complete', entity: 'therapist', entityId: therapist.id, before: null, after: therapist, actorId: therapist.id });
    audit(ctx, { at, operation: 'setup.complete', entity: 'clinic', entityId: 'clinic', before: null, after: { ...clinic, logo: clinic.logo ? '(image)' : null }, actorId: therapist.id });
    chooseTherapist(ctx, therapist.id);
    return sessionState(ctx);
  },

  'clinic.get': (_input, ctx) => {
    const clinic = ctx.repos.clinic.get();
    if (!clinic) throw new AppError('not_found', 'The clinic has not been set up yet.');
    return clinic;
  },

  'clinic.update': (input, ctx) => {
    const before = ctx.repos.clinic.get();
    if (!before) throw new AppError('not_found', 'The clinic has not been set up yet.');
    const { version, ...values } = input;
    const at = ctx.now();
    const after = ctx.repos.clinic.update(values, version, at);
    if (!after) throw new AppError('conflict', 'The clinic details were changed by someone else meanwhile. Reload Settings and make your change again.');
    // The audit keeps whether the logo changed, not a second copy of the image.
    const logoNote = (c: typeof before) => ({ ...c, logo: c.logo ? `(image, ${c.logo.length} characters)` : null });
    audit(ctx, { at, operation: 'clinic.update', entity: 'clinic', entityId: 'clinic', before: logoNote(before), after: logoNote(after) });
    return after;
  },

  'therapists.list': (input, ctx) => ctx.repos.therapists.list(input.includeInactive),

  'therapists.create': (input, ctx) => {
    assertRegistrationFree(ctx, input.registrationNumber);
    const at = ctx.now();
    const therapist = ctx.repos.therapists.insert(therapistValues(input), at);
    audit(ctx, { at, operation: 'therapists.create', entity: 'therapist', entityId: therapist.id, before: null, after: therapist });
    return therapist;
  },

  'therapists.update': (input, ctx) => {
    const before = ctx.repos.therapists.get(input.id);
    if (!before) throw new AppError('not_found', 'This therapist is not on the list.');
    assertRegistrationFree(ctx, input.registrationNumber, input.id);
    const at = ctx.now();
    const after = ctx.repos.therapists.update(input.id, input.version, therapistValues(input), at);
    if (!after) throw new AppError('conflict', `${before.name}'s details were changed by someone else meanwhile. Reload and make your change again.`);
    audit(ctx, { at, operation: 'therapists.update', entity: 'therapist', entityId: after.id, before, after });
    return after;
  },

  'therapists.setActive': (input, ctx) => {
    const before = ctx.repos.therapists.get(input.id);
    if (!before) throw new AppError('not_found', 'This therapist is not on the list.');
    if (before.active === input.active) return before;
    if (!input.active && ctx.repos.therapists.countActive() === 1) {
      throw new AppError('conflict', `${before.name} is the only active therapist. Add another therapist before deactivating ${before.name}.`);
    }
    const at = ctx.now();
    const after = ctx.repos.therapists.setActive(input.id, input.active, at);
    audit(ctx, { at, operation: input.active ? 'therapists.reactivate' : 'therapists.deactivate', entity: 'therapist', entityId: after.id, before, after });
    // A deactivated therapist stops working here now; the next change asks who is working.
    if (!input.active && ctx.session.current() === after.id) ctx.session.select(null);
    return after;
  },
};
