// Clinical events on the form and on the timeline: which boxes each kind shows, how the boxes become the
// 'events.record' input, and one line that says what an event was.
import type { TFunction } from 'i18next';
import type { JointId, Side } from '../../../shared/domain/catalogue';
import type { SiteStatus } from '../../../shared/domain/ho';
import { siteStatusesFor, type ClinicalEvent, type EventKind } from '../../../shared/domain/event';
import { numberFromText, textFromNumber } from '../clinical/format';
import { i18next } from '../i18n/i18n';
import { profileWords } from '../profile/profile-words';
import { eventKindNames } from './event-words';

export interface EventFormValues {
  kind: EventKind | '';
  date: string;
  endDate: string;
  joint: JointId | '';
  side: Side | '';
  title: string;
  value: string;
  unit: string;
  classification: string;
  note: string;
  /** Asked only for a surgery on a watched site (asksExcision): was heterotopic bone excised? */
  excised: '' | 'yes' | 'no';
  /** The watched site's new status, offered when the event can change it (offeredSiteStatus); '' leaves it. */
  siteStatus: '' | SiteStatus;
}

/** Which label a box takes; the words are the form's (EventForm's boxLabels), in the screen's language. */
export type BoxLabel = 'date' | 'startDate' | 'note' | 'findings' | 'whatHappened' | 'operation' | 'operationDetails' | 'drugDose' | 'dose' | 'test' | 'result';

/** What the form asks for each kind; boxes a kind does not use are not shown and are sent as null. */
export interface KindFields {
  dateLabel: BoxLabel;
  endDate: boolean;
  /** The joint and side: required for some kinds, optional for others. */
  site: 'required' | 'optional' | false;
  title: BoxLabel | false;
  value: BoxLabel | false;
  unit: boolean;
  classification: boolean;
  noteLabel: BoxLabel;
}

const base: KindFields = { dateLabel: 'date', endDate: false, site: false, title: false, value: false, unit: false, classification: false, noteLabel: 'note' };

export const KIND_FIELDS: Record<EventKind, KindFields> = {
  injury: { ...base, site: 'optional', title: 'whatHappened' },
  surgery: { ...base, site: 'optional', title: 'operation' },
  excision: { ...base, site: 'required', title: 'operationDetails' },
  nsaid_course: { ...base, dateLabel: 'startDate', endDate: true, title: 'drugDose' },
  bisphosphonate_course: { ...base, dateLabel: 'startDate', endDate: true, title: 'drugDose' },
  radiation: { ...base, site: 'required', value: 'dose' },
  lab_result: { ...base, title: 'test', value: 'result', unit: true },
  bone_scan: { ...base, site: 'optional', noteLabel: 'findings' },
  xray: { ...base, site: 'required', classification: true, noteLabel: 'findings' },
};

/** Each box's label in the screen's language. */
export function boxLabels(t: TFunction): Record<BoxLabel, string> {
  return {
    date: t('events.date'),
    startDate: t('events.startDate'),
    note: t('events.note'),
    findings: t('events.findings'),
    whatHappened: t('events.whatHappened'),
    operation: t('events.operation'),
    operationDetails: t('events.operationDetails'),
    drugDose: t('events.drugDose'),
    dose: t('events.dose'),
    test: t('events.test'),
    result: t('events.result'),
  };
}

/** Other tests the clinical reference names, offered as suggestions in the screen's language; ALP has its own preset button. */
export function otherLabs(t: TFunction): string[] {
  return [t('events.lab.osteocalcin'), t('events.lab.crp'), t('events.lab.esr'), t('events.lab.ck')];
}

export function emptyEventValues(today: string): EventFormValues {
  return { kind: '', date: today, endDate: '', joint: '', side: '', title: '', value: '', unit: '', classification: '', note: '', excised: '', siteStatus: '' };
}

/** A recorded event in the form's boxes; `shown` writes its dates as the clinic reads them. */
export function eventValuesOf(e: ClinicalEvent, shown: (iso: string) => string = (iso) => iso): EventFormValues {
  return {
    kind: e.kind,
    date: shown(e.date),
    endDate: e.endDate ? shown(e.endDate) : '',
    joint: e.joint ?? '',
    side: e.side ?? '',
    title: e.title ?? '',
    value: textFromNumber(e.value),
    unit: e.unit ?? '',
    classification: e.classification ?? '',
    note: e.note ?? '',
    // A correction starts from what was recorded: a surgery was recorded as not an excision.
    excised: e.kind === 'surgery' ? 'no' : '',
    siteStatus: '',
  };
}

/**
 * A surgery on a joint and side the patient's HO profile watches may be the excision of heterotopic bone.
 * Recorded as an excision, the site's charts restart from it; so the form asks instead of assuming.
 */
export function asksExcision(v: Pick<EventFormValues, 'kind' | 'joint' | 'side'>, sites: readonly { joint: JointId; side: Side }[]): boolean {
  return v.kind === 'surgery' && sites.some((s) => s.joint === v.joint && s.side === v.side);
}

export interface WatchedSiteState {
  joint: JointId;
  side: Side;
  status: SiteStatus;
  since: string;
}

/**
 * The watched site this event concerns and the new statuses it can give it (an X-ray graded above 0 or a bone
 * scan: suspected, confirmed; an excision, or a surgery answered "yes, excised": excised), without the status
 * the site already has. Null when there is nothing to offer.
 */
export function offeredSiteStatus(v: EventFormValues, sites: readonly WatchedSiteState[]): { site: WatchedSiteState; statuses: SiteStatus[] } | null {
  if (!v.kind || !v.joint || !v.side) return null;
  const site = sites.find((s) => s.joint === v.joint && s.side === v.side);
  if (!site) return null;
  const f = eventFields(v, asksExcision(v, sites));
  const statuses = siteStatusesFor(f).filter((s) => s !== site.status);
  return statuses.length ? { site, statuses } : null;
}

/** What the form sends as `siteStatus`: only a status it still offers (the kind or grade may have changed since). */
export function chosenSiteStatus(v: EventFormValues, sites: readonly WatchedSiteState[]): SiteStatus | null {
  const offer = offeredSiteStatus(v, sites);
  return offer && v.siteStatus && offer.statuses.includes(v.siteStatus) ? v.siteStatus : null;
}

/**
 * The shared schema's fields (EventInput without patientId), with only the boxes this kind shows. `excision`:
 * the form asked the excision question (asksExcision); "yes" records the surgery as an HO excision.
 */
export function eventFields(v: EventFormValues, excision = false) {
  const f = v.kind ? KIND_FIELDS[v.kind] : base;
  const text = (s: string) => (s.trim() === '' ? null : s);
  return {
    kind: (excision && v.excised === 'yes' ? 'excision' : v.kind) as EventKind,
    date: v.date,
    endDate: f.endDate ? text(v.endDate) : null,
    joint: f.site ? (v.joint || null) : null,
    side: f.site ? (v.side || null) : null,
    title: f.title ? text(v.title) : null,
    value: f.value ? (numberFromText(v.value) as number | null) : null,
    // A radiation dose is always in Gy; the form does not ask.
    unit: v.kind === 'radiation' ? 'Gy' : f.unit ? text(v.unit) : null,
    classification: f.classification ? v.classification || null : null,
    note: text(v.note),
  };
}

export const EVENT_FIELD_NAMES = ['kind', 'date', 'endDate', 'joint', 'side', 'title', 'value', 'unit', 'classification', 'note', 'siteStatus'] as const;

/**
 * One line saying what the event was, for the timeline, its history and the report. `t`: the language to say it
 * in, the screen's unless given (a printed document in the patient's language passes its own).
 */
export function describeEvent(e: ClinicalEvent, formatDate: (d: string) => string, t: TFunction = i18next.t): string {
  const profile = profileWords(t);
  const site = e.joint && e.side ? profile.site(e.joint, e.side) : null;
  const value = e.value === null ? '?' : String(e.value);
  const parts: string[] = [];
  switch (e.kind) {
    case 'nsaid_course':
    case 'bisphosphonate_course':
      parts.push(e.title ?? '', e.endDate ? t('events.until', { date: formatDate(e.endDate) }) : t('events.ongoing'));
      break;
    case 'radiation':
      parts.push(site ? t('events.radiationTo', { dose: value, site: site.toLocaleLowerCase() }) : t('events.radiation', { dose: value }));
      break;
    case 'lab_result':
      parts.push(t('events.labLine', { test: e.title ?? t('events.test'), value, unit: e.unit ?? '' }).trim());
      break;
    case 'xray':
      parts.push(site ?? '', e.classification ? profile.classification(e.classification) : t('events.noClassification'));
      break;
    default:
      parts.push(site ?? '', e.title ?? '');
  }
  if (e.note) parts.push(e.note);
  const text = parts.filter((p) => p.trim() !== '').join('; ');
  return text || eventKindNames(t)[e.kind];
}
