import { EVENT_KIND_LABELS } from '../../../shared/domain/event';
import { formatDate } from '../../../shared/domain/dates';
import { SITE_STATUS_LABELS, type SiteStatus } from '../../../shared/domain/ho';
import { isSide, sideLabel } from '../../../shared/domain/catalogue';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { profileHandlers } from './profile';
import { requireActor } from '../session';
import { assertNotBeforeBirth, correctionOf, firstVersion, requirePatient } from '../versions';
import type { HandlerTable } from './types';

type EventOps = 'events.record' | 'events.correct' | 'events.void' | 'events.list' | 'events.history';

/**
 * The site's new status, recorded by the same code as 'sites.changeStatus' (its own version and audit row),
 * inside the event's transaction: if the status cannot change, the event is not recorded either.
 */
function changeSiteStatusWith(
  ctx: ApiContext,
  event: { patientId: string; kind: keyof typeof EVENT_KIND_LABELS; date: string; joint: string | null; side: string | null },
  status: SiteStatus,
): void {
  const where = event.joint && isSide(event.side) ? `${sideLabel(event.side).toLowerCase()} ${event.joint}` : 'site';
  const site = event.joint && event.side ? ctx.repos.profile.currentSite(event.patientId, event.joint, event.side) : null;
  if (!site) {
    throw new AppError('invalid_input', 'This site is not watched.', {
      siteStatus: `The ${where} is not a watched site, so it has no status to change. Add it to the HO profile first, or leave the status unchanged.`,
    });
  }
  if (site.status === status) {
    throw new AppError('invalid_input', 'The site already has this status.', {
      siteStatus: `The ${where} is already ${SITE_STATUS_LABELS[status].toLowerCase()}: leave its status unchanged.`,
    });
  }
  const note = `From the ${EVENT_KIND_LABELS[event.kind].toLowerCase()} of ${formatDate(event.date)}.`;
  try {
    profileHandlers['sites.changeStatus']({ id: site.id, status, since: event.date, note }, ctx);
  } catch (err) {
    if (err instanceof AppError && err.fields) {
      throw new AppError(err.code, err.message, { siteStatus: Object.values(err.fields).join(' ') });
    }
    throw err;
  }
}

export const eventHandlers: HandlerTable<EventOps> = {
  'events.record': (input, ctx) =>
    ctx.transaction(() => {
      const patient = requirePatient(ctx, input.patientId);
      assertNotBeforeBirth(patient.dateOfBirth, input.date, 'date', 'The date');
      const at = ctx.now();
      const { siteStatus, ...values } = input;
      const event = ctx.repos.events.insert(firstVersion(ctx, at), values);
      audit(ctx, { at, operation: 'events.record', entity: 'event', entityId: event.lineageId, before: null, after: event });
      if (siteStatus) changeSiteStatusWith(ctx, event, siteStatus);
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
