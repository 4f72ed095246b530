import { randomUUID } from 'node:crypto';
import { validateDegrees } from '../../../shared/domain/catalogue/measurement-value';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { correctRecord, voidRecord } from '../record-changes';
import { requireActor } from '../session';
import { assertNotBeforeBirth, firstVersion, requirePatient } from '../versions';
import type { HandlerTable } from './types';
import { capital, inner, message, type MessageRef } from '../../../shared/i18n/message';
import { motionName } from '../../../shared/domain/message-words';

type VisitOps =
  | 'visits.record'
  | 'visits.addMeasurements'
  | 'visits.list'
  | 'visits.void'
  | 'measurements.correct'
  | 'measurements.void'
  | 'measurements.history';

const measurements = (ctx: ApiContext) => ({ versions: ctx.repos.visits.measurementVersions, read: (id: string) => ctx.repos.visits.measurement(id), entity: 'measurement' });

function requireTherapist(ctx: ApiContext, therapistId: string, field: string): void {
  if (!ctx.repos.therapists.get(therapistId)) {
    throw new AppError('invalid_input', message('domain.visits.unknownTherapist'), { [field]: message('domain.visits.unknownTherapistField') });
  }
}

export const visitHandlers: HandlerTable<VisitOps> = {
  /** The whole visit in dispatch's one transaction: its header and every measurement, or nothing. */
  'visits.record': (input, ctx) => {
    const actor = requireActor(ctx);
    const patient = requirePatient(ctx, input.patientId);
    assertNotBeforeBirth(patient.dateOfBirth, input.date, 'date', 'The visit date');
    const therapistId = input.therapistId ?? actor;
    requireTherapist(ctx, therapistId, 'therapistId');
    const at = ctx.now();
    const visitId = randomUUID();
    ctx.repos.visits.insertVisit({
      id: visitId,
      patientId: patient.id,
      date: input.date,
      therapistId,
      setting: input.setting,
      symptoms: input.symptoms,
      notes: input.notes,
      instrument: input.defaults.instrument,
      endFeel: input.defaults.endFeel,
      recordedAt: at,
      recordedBy: actor,
    });
    for (const m of input.measurements) {
      ctx.repos.visits.insertMeasurement(firstVersion(ctx, at), {
        visitId,
        patientId: patient.id,
        motion: m.motion,
        side: m.side,
        mode: m.mode,
        degrees: m.degrees,
        raterId: therapistId,
        instrument: m.instrument ?? input.defaults.instrument,
        endFeel: m.endFeel === undefined ? input.defaults.endFeel : m.endFeel,
        pain: m.pain,
        note: m.note,
      });
    }
    const visit = ctx.repos.visits.visit(visitId)!;
    audit(ctx, { at, operation: 'visits.record', entity: 'visit', entityId: visitId, before: null, after: visit });
    return visit;
  },

  /**
   * Readings added to a visit already recorded: the visit completed later the same day, or an omission found
   * after. Allowed at any time, since the record says who added what and when (each measurement's own recorded
   * time and author, and the audit row); the visit's date, symptoms and notes stay as recorded. A reading the
   * visit already has is refused: changing it is a correction, with its reason.
   */
  'visits.addMeasurements': (input, ctx) => {
    const actor = requireActor(ctx);
    const before = ctx.repos.visits.visit(input.visitId);
    if (!before) throw new AppError('not_found', message('domain.visits.unknown'), { visitId: message('domain.visits.unknownField') });
    if (ctx.repos.visits.visitVoid(before.id)) {
      throw new AppError('conflict', message('domain.visits.voided'), { visitId: message('domain.visits.voided') });
    }
    const raterId = input.raterId ?? actor;
    requireTherapist(ctx, raterId, 'raterId');
    const fields: Record<string, MessageRef> = {};
    input.measurements.forEach((m, i) => {
      const existing = ctx.repos.visits.currentReading(before.id, m.motion, m.side, m.mode);
      if (existing) {
        fields[`measurements.${i}.degrees`] = message('domain.visits.readingThere', {
          motion: capital(motionName(m.motion)),
          side: inner(message(`side.${m.side}`)),
          mode: inner(message(`mode.${m.mode}`)),
          degrees: { degrees: existing.degrees },
        });
      }
    });
    if (Object.keys(fields).length > 0) throw new AppError('invalid_input', message('domain.visits.readingsThere'), fields);
    const at = ctx.now();
    for (const m of input.measurements) {
      ctx.repos.visits.insertMeasurement(firstVersion(ctx, at), {
        visitId: before.id,
        patientId: before.patientId,
        motion: m.motion,
        side: m.side,
        mode: m.mode,
        degrees: m.degrees,
        raterId,
        instrument: m.instrument ?? before.instrument,
        endFeel: m.endFeel === undefined ? before.endFeel : m.endFeel,
        pain: m.pain,
        note: m.note,
      });
    }
    const after = ctx.repos.visits.visit(before.id)!;
    audit(ctx, { at, operation: 'visits.addMeasurements', entity: 'visit', entityId: before.id, before, after });
    return after;
  },

  'visits.list': (input, ctx) => {
    requirePatient(ctx, input.patientId);
    return ctx.repos.visits.visitsOf(input.patientId);
  },

  /** A visit entered for the wrong patient or twice: the visit and all its current measurements, one reason. */
  'visits.void': (input, ctx) => {
    const actor = requireActor(ctx);
    const visit = ctx.repos.visits.visit(input.id);
    if (!visit) throw new AppError('not_found', message('domain.visits.unknown'));
    if (ctx.repos.visits.visitVoid(visit.id)) throw new AppError('conflict', message('domain.visits.alreadyVoided'));
    const at = ctx.now();
    for (const m of visit.measurements) ctx.repos.visits.measurementVersions.void(m.id, at, actor, input.reason);
    ctx.repos.visits.voidVisit(visit.id, at, actor, input.reason);
    audit(ctx, { at, operation: 'visits.void', entity: 'visit', entityId: visit.id, before: visit, after: { voided: { at, by: actor, reason: input.reason } } });
    return { visitId: visit.id, measurementsVoided: visit.measurements.length };
  },

  'measurements.correct': (input, ctx) =>
    correctRecord(ctx, measurements(ctx), 'measurements.correct', input, (version, old) => {
      const degrees = validateDegrees(old.motion, input.degrees);
      if (!degrees.ok) throw new AppError('invalid_input', message('errors.fieldsNeedAttention', { count: 1 }), { degrees: degrees.ref });
      // The rater stays who measured; recorded_by says who corrected.
      return ctx.repos.visits.insertMeasurement(version, {
        visitId: old.visit_id,
        patientId: old.patient_id,
        motion: old.motion,
        side: old.side,
        mode: old.mode,
        degrees: degrees.value,
        raterId: old.rater_id,
        instrument: input.instrument,
        endFeel: input.endFeel,
        pain: input.pain,
        note: input.note,
      });
    }),

  'measurements.void': (input, ctx) => voidRecord(ctx, measurements(ctx), 'measurements.void', input).after,

  'measurements.history': (input, ctx) => ctx.repos.visits.measurementHistory(input.id),
};
