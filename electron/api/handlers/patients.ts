import type { DateFormat } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import type { HandlerTable } from './types';
import { message } from '../../../shared/i18n/message';

/** Clinic ids are compared after NFKC case folding: "A-1", "a-1" and a full-width "Ａ-1" are one id. */
function assertClinicIdFree(ctx: ApiContext, clinicId: string | null, exceptId?: string): void {
  if (clinicId === null) return;
  const other = ctx.repos.patients.withSameClinicId(clinicId).find((p) => p.id !== exceptId);
  if (other) {
    const name = `${other.familyName}, ${other.givenNames}`;
    const same = other.clinicId === clinicId;
    throw new AppError(
      'conflict',
      same ? message('domain.patients.clinicIdUsed', { clinicId }) : message('domain.patients.clinicIdUsedWritten', { clinicId, written: other.clinicId ?? '' }),
      {
        clinicId: same
          ? message('domain.patients.clinicIdBelongs', { clinicId, name })
          : message('domain.patients.clinicIdBelongsWritten', { clinicId, name, written: other.clinicId ?? '' }),
      },
    );
  }
}

/**
 * The same names and date of birth are most often the same person entered twice: refuse until the user, shown
 * the existing patient, confirms this is someone else. The existing patient's id travels in `duplicateOf`, so
 * the form can link to their record.
 */
function assertNotDuplicate(ctx: ApiContext, input: { familyName: string; givenNames: string; dateOfBirth: string; confirmDuplicate?: boolean | undefined }): void {
  if (input.confirmDuplicate) return;
  const existing = ctx.repos.patients.withSameIdentity(input)[0];
  if (!existing) return;
  const refusal = message('domain.patients.duplicate', { name: patientDisplayName(existing), date: { date: existing.dateOfBirth } });
  throw new AppError('conflict', refusal, { familyName: refusal }, { duplicateOf: existing.id });
}

function clinicDateFormat(ctx: ApiContext): DateFormat {
  return ctx.repos.clinic.get()?.dateFormat ?? 'D MMM YYYY';
}

export const patientHandlers: HandlerTable<'patients.create' | 'patients.update' | 'patients.get' | 'patients.list'> = {
  'patients.create': (input, ctx) => {
    assertClinicIdFree(ctx, input.clinicId);
    assertNotDuplicate(ctx, input);
    const at = ctx.now();
    const { confirmDuplicate: _confirmed, ...values } = input;
    const patient = ctx.repos.patients.insert(values, at);
    audit(ctx, {
      at,
      operation: 'patients.create',
      entity: 'patient',
      entityId: patient.id,
      before: null,
      after: patient,
    });
    return patient;
  },

  'patients.update': (input, ctx) => {
    const before = ctx.repos.patients.get(input.id);
    if (!before) throw new AppError('not_found', message('domain.patients.missing'));
    assertClinicIdFree(ctx, input.clinicId, input.id);
    const at = ctx.now();
    const after = ctx.repos.patients.update(input, at);
    if (!after) {
      throw new AppError('conflict', message('domain.patients.changed'));
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
  },

  'patients.get': (input, ctx) => {
    const patient = ctx.repos.patients.get(input.id);
    if (!patient) throw new AppError('not_found', message('domain.patients.missing'));
    return patient;
  },

  'patients.list': (input, ctx) => {
    const { items, total } = ctx.repos.patients.search(input.query, input.offset, input.limit, clinicDateFormat(ctx));
    return { items, total, offset: input.offset, limit: input.limit };
  },
};
