import { EVENT_KIND_LABELS } from '../../../shared/domain/event';
import { formatDate } from '../../../shared/domain/dates';
import type { SiteStatus } from '../../../shared/domain/ho';
import { isJointId, isSide } from '../../../shared/domain/catalogue';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { profileHandlers } from './profile';
import { correctRecord, voidRecord } from '../record-changes';
import { assertNotBeforeBirth, firstVersion, requirePatient } from '../versions';
import type { HandlerTable } from './types';
import { inner, message } from '../../../shared/i18n/message';
import { siteName, siteStatusWord } from '../../../shared/domain/message-words';

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
  const where = event.joint && isJointId(event.joint) && isSide(event.side) ? siteName(event.side, event.joint) : message('domain.events.theSite');
  const site = event.joint && event.side ? ctx.repos.profile.currentSite(event.patientId, event.joint, event.side) : null;
  if (!site) {
    throw new AppError('invalid_input', message('domain.events.notWatched'), { siteStatus: message('domain.events.notWatchedField', { site: { message: where } }) });
  }
  if (site.status === status) {
    throw new AppError('invalid_input', message('domain.events.sameStatus'), {
      siteStatus: message('domain.events.sameStatusField', { site: { message: where }, status: inner(siteStatusWord(status)) }),
    });
  }
  const note = `From the ${EVENT_KIND_LABELS[event.kind].toLowerCase()} of ${formatDate(event.date)}.`;
  try {
    profileHandlers['sites.changeStatus']({ id: site.id, status, since: event.date, note }, ctx);
  } catch (err) {
    // The status change's own field message, placed on the event form's status box.
    const said = err instanceof AppError && err.fields ? err.fieldSaid(Object.keys(err.fields)[0]!) : undefined;
    if (err instanceof AppError && said !== undefined) throw new AppError(err.code, err.messageRef ?? err.message, { siteStatus: said });
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
