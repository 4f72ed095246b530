// Clinical events as they bear on a joint's series: the operations that restart it, and those a chart marks.

import type { JointId, Side } from '../domain/catalogue';
import type { ClinicalEvent } from '../domain/event';
import { siteMotionJoints } from '../domain/ho';
import type { ResetInfo } from './series-summary';

export type EventLike = Pick<ClinicalEvent, 'id' | 'kind' | 'date' | 'endDate' | 'joint' | 'side' | 'title' | 'classification' | 'note' | 'voided'>;

/** An operation that restarts a series, with what a reason needs to name it. */
export interface SeriesReset extends ResetInfo {
  eventId: string;
  kind: 'surgery' | 'excision';
}

/** Event kinds that change the joint itself, so readings before them describe a different joint. */
const isResetting = (kind: EventLike['kind']): kind is SeriesReset['kind'] => kind === 'surgery' || kind === 'excision';

/**
 * Current (not voided) operations on this side whose joint is this one or brings it (an elbow operation
 * restarts the forearm's series too; a forearm one only the forearm's), oldest first. Any operation on the
 * joint, not only an HO excision: a release, a replacement or a fixation changes the range as much, and
 * judging the new joint against the old baseline would call every post-operative gain or loss wrongly.
 * An operation with no joint recorded (skin grafts, a general operation) restarts nothing.
 */
export function resetsFor(events: readonly EventLike[], joint: JointId, side: Side): SeriesReset[] {
  return events
    .flatMap((e) => (e.voided === null && isResetting(e.kind) && e.side === side && e.joint !== null && siteMotionJoints(e.joint).includes(joint) ? [{ date: e.date, kind: e.kind, title: e.title, eventId: e.id }] : []))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The distinct dates of resetsFor, oldest first. */
export function resetDatesFor(events: readonly EventLike[], joint: JointId, side: Side): string[] {
  return [...new Set(resetsFor(events, joint, side).map((r) => r.date))];
}

/**
 * Events that belong on a motion's chart: those of either side of a joint that is this motion's joint or
 * brings it, and those with no joint (drug courses, general surgery). Lab results and injuries stay off.
 */
export function eventsForJoint(events: readonly EventLike[], joint: JointId): EventLike[] {
  const charted = new Set<EventLike['kind']>(['surgery', 'excision', 'radiation', 'nsaid_course', 'bisphosphonate_course', 'xray', 'bone_scan']);
  return events
    .filter((e) => e.voided === null && charted.has(e.kind) && (e.joint === null || siteMotionJoints(e.joint).includes(joint)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
