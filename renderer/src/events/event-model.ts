// Clinical events on the form and on the timeline: which boxes each kind shows, how the boxes become the
// 'events.record' input, and one line that says what an event was.
import type { JointId, Side } from '../../../shared/domain/catalogue';
import { CLASSIFICATION_LABELS, type SiteStatus } from '../../../shared/domain/ho';
import { EVENT_KIND_LABELS, siteStatusesFor, type ClinicalEvent, type EventKind } from '../../../shared/domain/event';
import { numberFromText, siteLabel, textFromNumber } from '../clinical/format';

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

/** What the form asks for each kind; boxes a kind does not use are not shown and are sent as null. */
export interface KindFields {
  dateLabel: string;
  endDate: boolean;
  /** The joint and side: required for some kinds, optional for others. */
  site: 'required' | 'optional' | false;
  title: string | false;
  value: string | false;
  unit: boolean;
  classification: boolean;
  noteLabel: string;
}

const base: KindFields = { dateLabel: 'Date', endDate: false, site: false, title: false, value: false, unit: false, classification: false, noteLabel: 'Note' };

export const KIND_FIELDS: Record<EventKind, KindFields> = {
  injury: { ...base, site: 'optional', title: 'What happened' },
  surgery: { ...base, site: 'optional', title: 'Operation' },
  excision: { ...base, site: 'required', title: 'Operation details (optional)' },
  nsaid_course: { ...base, dateLabel: 'Start date', endDate: true, title: 'Drug and dose' },
  bisphosphonate_course: { ...base, dateLabel: 'Start date', endDate: true, title: 'Drug and dose' },
  radiation: { ...base, site: 'required', value: 'Dose (Gy)' },
  lab_result: { ...base, title: 'Test', value: 'Result', unit: true },
  bone_scan: { ...base, site: 'optional', noteLabel: 'Findings' },
  xray: { ...base, site: 'required', classification: true, noteLabel: 'Findings' },
};

/** Other tests the clinical reference names, offered as suggestions; ALP has its own preset button. */
export const OTHER_LABS = ['Osteocalcin', 'C-reactive protein (CRP)', 'Erythrocyte sedimentation rate (ESR)', 'Creatine kinase'];

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

export const EXCISION_QUESTION = 'Was heterotopic bone excised in this operation?';

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

/** One line saying what the event was, for the timeline and its history. */
export function describeEvent(e: ClinicalEvent, formatDate: (d: string) => string): string {
  const site = e.joint && e.side ? siteLabel(e.joint, e.side) : null;
  const parts: string[] = [];
  switch (e.kind) {
    case 'nsaid_course':
    case 'bisphosphonate_course':
      parts.push(e.title ?? '', e.endDate ? `until ${formatDate(e.endDate)}` : 'ongoing (no end date)');
      break;
    case 'radiation':
      parts.push(`${e.value === null ? '?' : String(e.value)} Gy${site ? ` to the ${site.toLowerCase()}` : ''}`);
      break;
    case 'lab_result':
      parts.push(`${e.title ?? 'Test'}: ${e.value === null ? '?' : String(e.value)} ${e.unit ?? ''}`.trim());
      break;
    case 'xray':
      parts.push(site ?? '', e.classification ? (CLASSIFICATION_LABELS[e.classification] ?? e.classification) : 'no classification');
      break;
    default:
      parts.push(site ?? '', e.title ?? '');
  }
  if (e.note) parts.push(e.note);
  const text = parts.filter((p) => p.trim() !== '').join('; ');
  return text || EVENT_KIND_LABELS[e.kind];
}
