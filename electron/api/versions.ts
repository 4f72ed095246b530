import { randomUUID } from 'node:crypto';
import type { NewVersion } from '../db/versioned-records';
import { AppError } from '../db/errors';
import type { ApiContext } from './context';
import { requireActor } from './session';
import { fieldLabel } from '../../shared/i18n/field-labels';
import { message } from '../../shared/i18n/message';

/** A first version: its own lineage. */
export function firstVersion(ctx: ApiContext, at: string): NewVersion {
  const id = randomUUID();
  return { id, lineageId: id, supersedesId: null, recordedAt: at, recordedBy: requireActor(ctx), correctionReason: null };
}

/** The version that replaces `previous`, in the same lineage, with the reason for the correction. */
export function correctionOf(ctx: ApiContext, previous: { id: string; lineage_id: string }, at: string, reason: string): NewVersion {
  return { id: randomUUID(), lineageId: previous.lineage_id, supersedesId: previous.id, recordedAt: at, recordedBy: requireActor(ctx), correctionReason: reason };
}

export function requirePatient(ctx: ApiContext, patientId: string, field = 'patientId') {
  const patient = ctx.repos.patients.get(patientId);
  if (!patient) throw new AppError('not_found', message('domain.patients.unknown'), { [field]: message('domain.patients.unknownField') });
  return patient;
}

/** Clinical dates cannot precede the patient's birth: almost always a slip in the year. */
export function assertNotBeforeBirth(dateOfBirth: string, date: string, field: string, what: string): void {
  if (date < dateOfBirth) {
    throw new AppError('invalid_input', message('domain.patients.beforeBirth', { field: fieldLabel(what) }), {
      [field]: message('domain.patients.beforeBirthField', { field: fieldLabel(what), date: { date }, birth: { date: dateOfBirth } }),
    });
  }
}
