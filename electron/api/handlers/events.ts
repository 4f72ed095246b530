import { EVENT_KIND_LABELS } from '../../../shared/domain/event';
import { formatDate } from '../../../shared/domain/dates';
import { SITE_STATUS_LABELS, type SiteStatus } from '../../../shared/domain/ho';
import { isSide, sideLabel } from '../../../shared/domain/catalogue';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { profileHandlers } from './profile';
import { correctRecord, voidRecord } from '../record-changes';
import { assertNotBeforeBirth, firstVersion, requirePatient } from '../versions';
import type { HandlerTable } from './types';

const events = (ctx: ApiContext) => ({ versions: ctx.repos.events.versions, read: (id: string) => ctx.repos.events.get(id), entity: 'event' });

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
  'events.record': (input, ctx) => {
    const patient = requirePatient(ctx, input.patientId);
    assertNotBeforeBirth(patient.dateOfBirth, input.date, 'date', 'The date');
    const at = ctx.now();
    const { siteStatus, ...values } = input;
    const event = ctx.repos.events.insert(firstVersion(ctx, at), values);
    audit(ctx, { at, operation: 'events.record', entity: 'event', entityId: event.lineageId, before: null, after: event });
    if (siteStatus) changeSiteStatusWith(ctx, event, siteStatus);
    return event;
  },

  'events.correct': (input, ctx) =>
    correctRecord(ctx, events(ctx), 'events.correct', input, (version, old) => {
      const patient = requirePatient(ctx, old.patient_id);
      assertNotBeforeBirth(patient.dateOfBirth, input.date, 'date', 'The date');
      const { id: _id, reason: _reason, ...values } = input;
      return ctx.repos.events.insert(version, { ...values, patientId: old.patient_id });
    }),

  'events.void': (input, ctx) => voidRecord(ctx, events(ctx), 'events.void', input).after,

  'events.list': (input, ctx) => {
    requirePatient(ctx, input.patientId);
    return ctx.repos.events.eventsOf(input.patientId);
  },

  'events.history': (input, ctx) => ctx.repos.events.history(input.id),
};
