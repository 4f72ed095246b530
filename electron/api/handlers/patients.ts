import { AppError } from '../../db/errors';
import { audit } from '../audit';
import { requireActor } from '../session';
import type { ApiContext } from '../context';
import type { HandlerTable } from './types';

function assertClinicIdFree(ctx: ApiContext, clinicId: string | null, exceptId?: string): void {
  if (clinicId === null) return;
  const other = ctx.repos.patients.findByClinicId(clinicId);
  if (other && other.id !== exceptId) {
    throw new AppError('conflict', `Clinic id ${clinicId} is already used by another patient.`, {
      clinicId: `Clinic id ${clinicId} already belongs to ${other.familyName}, ${other.givenNames}. Check the number, or open that patient instead.`,
    });
  }
}

export const patientHandlers: HandlerTable<'patients.create' | 'patients.update' | 'patients.get' | 'patients.list'> = {
  'patients.create': (input, ctx) =>
    ctx.transaction(() => {
      requireActor(ctx);
      assertClinicIdFree(ctx, input.clinicId);
      const at = ctx.now();
      const patient = ctx.repos.patients.insert(input, at);
      audit(ctx, {
        at,
        operation: 'patients.create',
        entity: 'patient',
        entityId: patient.id,
        before: null,
        after: patient,
      });
      return patient;
    }),

  'patients.update': (input, ctx) =>
    ctx.transaction(() => {
      requireActor(ctx);
      const before = ctx.repos.patients.get(input.id);
      if (!before) throw new AppError('not_found', 'This patient does not exist. They may have been merged or the link is old.');
      assertClinicIdFree(ctx, input.clinicId, input.id);
      const at = ctx.now();
      const after = ctx.repos.patients.update(input, at);
      if (!after) {
        throw new AppError(
          'conflict',
          'Someone else changed this patient while you were editing. Reload the patient to see their change, then make yours again.',
        );
      }
      audit(ctx, {
        at,
        operation: 'patients.update',
        entity: 'patient',
        entityId: after.id,
        before,
        after,
      });
      return after;
    }),

  'patients.get': (input, ctx) => {
    const patient = ctx.repos.patients.get(input.id);
    if (!patient) throw new AppError('not_found', 'This patient does not exist. They may have been merged or the link is old.');
    return patient;
  },

  'patients.list': (input, ctx) => {
    const { items, total } = ctx.repos.patients.search(input.query, input.offset, input.limit);
    return { items, total, offset: input.offset, limit: input.limit };
  },
};
