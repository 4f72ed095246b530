import { audit } from '../audit';
import { requireActor } from '../session';
import { assertNotBeforeBirth, correctionOf, firstVersion, requirePatient } from '../versions';
import type { HandlerTable } from './types';

type EventOps = 'events.record' | 'events.correct' | 'events.void' | 'events.list' | 'events.history';

export const eventHandlers: HandlerTable<EventOps> = {
  'events.record': (input, ctx) =>
    ctx.transaction(() => {
      const patient = requirePatient(ctx, input.patientId);
      assertNotBeforeBirth(patient.dateOfBirth, input.date, 'date', 'The date');
      const at = ctx.now();
      const event = ctx.repos.events.insert(firstVersion(ctx, at), input);
      audit(ctx, { at, operation: 'events.record', entity: 'event', entityId: event.lineageId, before: null, after: event });
      return event;
    }),

  'events.correct': (input, ctx) =>
    ctx.transaction(() => {
      const old = ctx.repos.events.versions.current(input.id);
      const patient = requirePatient(ctx, old.patient_id);
      assertNotBeforeBirth(patient.dateOfBirth, input.date, 'date', 'The date');
      const before = ctx.repos.events.get(old.id)!;
      const at = ctx.now();
      const { id: _id, reason, ...values } = input;
      const after = ctx.repos.events.insert(correctionOf(ctx, old, at, reason), { ...values, patientId: old.patient_id });
      ctx.repos.events.versions.markSuperseded(old.id, after.id);
      audit(ctx, { at, operation: 'events.correct', entity: 'event', entityId: old.lineage_id, before, after });
      return after;
    }),

  'events.void': (input, ctx) =>
    ctx.transaction(() => {
      const old = ctx.repos.events.versions.current(input.id);
      const before = ctx.repos.events.get(old.id)!;
      const at = ctx.now();
      ctx.repos.events.versions.void(old.id, at, requireActor(ctx), input.reason);
      const after = ctx.repos.events.get(old.id)!;
      audit(ctx, { at, operation: 'events.void', entity: 'event', entityId: old.lineage_id, before, after });
      return after;
    }),

  'events.list': (input, ctx) => {
    requirePatient(ctx, input.patientId);
    return ctx.repos.events.eventsOf(input.patientId);
  },

  'events.history': (input, ctx) => ctx.repos.events.history(input.id),
};
