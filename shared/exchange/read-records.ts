import { SIDES, type Side } from '../domain/catalogue/types';
import { EVENT_KIND_LABELS, EVENT_KINDS, EventInput, titleRequired, type ClinicalEvent } from '../domain/event';
import { RiskFactorInput, SITE_STATUS_LABELS, SITE_STATUSES, WatchedSiteInput, type RiskFactor, type WatchedSite } from '../domain/ho';
import { isOneOf } from '../domain/one-of';
import { ALP_LOINC, CONDITION_VERIFICATION, EXTENSION, SYSTEM } from './codes';
import { message } from '../i18n/message';
import { checked, ownNote, readVersion, timedNotes, type Entry, type ImportedVersion, type Known } from './read-entry';
import { atEntry, type Problem } from './read-problems';
import { codeIn, num, obj, objs, str, type Json } from './json-read';

// The reverse of conditions.ts and events.ts: watched sites, risk factors and clinical events, each checked by the
// same domain schema a form uses, so a file cannot bring in what the app would refuse to record.

export type ImportedSite = ImportedVersion & Pick<WatchedSite, 'joint' | 'side' | 'status' | 'since' | 'note'>;
export type ImportedRiskFactor = ImportedVersion & Pick<RiskFactor, 'kind' | 'onsetDate' | 'note'>;
export type ImportedEvent = ImportedVersion & Pick<ClinicalEvent, 'kind' | 'date' | 'endDate' | 'joint' | 'side' | 'title' | 'value' | 'unit' | 'classification' | 'note'>;

const STATUS_LINE = 'ROMtrack status: ';

/** "Left hip" → left: the side is in the text of ROMtrack's joint concept (Condition has no laterality of its own). */
function siteOf(concept: Json | undefined): { joint: string | null; side: Side | null } {
  const joint = codeIn(concept, SYSTEM.joint) ?? null;
  const word = str(concept, 'text')?.split(' ')[0]?.toLowerCase();
  return { joint, side: SIDES.find((s) => s === word) ?? null };
}

const enteredInError = (r: Json): boolean =>
  codeIn(obj(r, 'verificationStatus'), CONDITION_VERIFICATION) === 'entered-in-error' || str(r, 'status') === 'entered-in-error';

export function readSite(e: Entry, known: Known, problems: Problem[]): ImportedSite | null {
  const r = e.resource;
  const version = readVersion(e, known, problems, { recordedAt: str(r, 'recordedDate'), recordedBy: obj(r, 'recorder'), voided: enteredInError(r) });
  // The status in ROMtrack's own words ("ROMtrack status: Confirmed since 2025-01-10"), which FHIR's two statuses
  // cannot tell apart from excised once voided.
  const line = timedNotes(r).find((n) => n.text.startsWith(STATUS_LINE))?.text.slice(STATUS_LINE.length) ?? '';
  const status = SITE_STATUSES.find((s) => line.startsWith(`${SITE_STATUS_LABELS[s]} since `));
  if (!status) problems.push(atEntry(e, message('exchange.read.site.status')));
  const { joint, side } = siteOf(objs(r, 'bodySite')[0]);
  const values = checked(e, problems, WatchedSiteInput.safeParse({ patientId: known.patient, joint, side, status, since: str(r, 'onsetDateTime'), note: ownNote(r, STATUS_LINE) }));
  return values ? { ...version, joint: values.joint, side: values.side, status: values.status, since: values.since, note: values.note } : null;
}

export function readRiskFactor(e: Entry, known: Known, problems: Problem[]): ImportedRiskFactor | null {
  const r = e.resource;
  const version = readVersion(e, known, problems, { recordedAt: str(r, 'recordedDate'), recordedBy: obj(r, 'recorder'), voided: enteredInError(r) });
  const values = checked(e, problems, RiskFactorInput.safeParse({ patientId: known.patient, kind: codeIn(obj(r, 'code'), SYSTEM.riskFactor), onsetDate: str(r, 'onsetDateTime') ?? null, note: ownNote(r) }));
  return values ? { ...version, kind: values.kind, onsetDate: values.onsetDate, note: values.note } : null;
}

/** An event's resource: which kind of record it is is in its code (ALP carries only its LOINC code). */
export function isEventResource(e: Entry): boolean {
  const code = obj(e.resource, e.type === 'MedicationStatement' ? 'medicationCodeableConcept' : 'code');
  if (e.type === 'Observation') return codeIn(code, ALP_LOINC.system) === ALP_LOINC.code || isOneOf(EVENT_KINDS, codeIn(code, SYSTEM.eventKind));
  return ['Condition', 'Procedure', 'MedicationStatement', 'DiagnosticReport'].includes(e.type) && isOneOf(EVENT_KINDS, codeIn(code, SYSTEM.eventKind));
}

/** The radiation dose, sent as an Observation of its own under `<event lineage>/dose`. */
export function isDose(e: Entry): boolean {
  return e.type === 'Observation' && codeIn(obj(e.resource, 'code'), SYSTEM.eventKind) === 'radiation-dose';
}

const RECORDED: Record<string, { at: (r: Json) => string | undefined; by: (r: Json) => Json | undefined }> = {
  Condition: { at: (r) => str(r, 'recordedDate'), by: (r) => obj(r, 'recorder') },
  Procedure: { at: (r) => str(objs(r, 'extension').find((x) => str(x, 'url') === EXTENSION.recordedAt), 'valueDateTime'), by: (r) => obj(r, 'recorder') },
  MedicationStatement: { at: (r) => str(r, 'dateAsserted'), by: (r) => obj(r, 'informationSource') },
  Observation: { at: (r) => str(r, 'issued'), by: (r) => objs(r, 'performer')[0] },
  DiagnosticReport: { at: (r) => str(r, 'issued'), by: (r) => objs(r, 'performer')[0] },
};

export function readEvent(e: Entry, known: Known, doses: ReadonlyMap<string, Json>, problems: Problem[]): ImportedEvent | null {
  const r = e.resource;
  const recorded = RECORDED[e.type]!;
  const code = obj(r, e.type === 'MedicationStatement' ? 'medicationCodeableConcept' : 'code');
  const kind = codeIn(code, ALP_LOINC.system) === ALP_LOINC.code ? 'lab_result' : codeIn(code, SYSTEM.eventKind);
  // DiagnosticReport has no note: the reason lines and the findings share its conclusion, reason first.
  const lines = e.type === 'DiagnosticReport' ? (str(r, 'conclusion')?.split('\n') ?? []) : [];
  const reasonLine = lines[0] && /^(Corrected|Entered in error): /.test(lines[0]) ? lines[0] : null;
  const notes = e.type === 'DiagnosticReport' ? (reasonLine ? [{ text: reasonLine, time: str(r, 'issued') }] : []) : undefined;
  const version = readVersion(e, known, problems, { recordedAt: recorded.at(r), recordedBy: recorded.by(r), voided: enteredInError(r), ...(notes ? { notes } : {}) });
  const text = str(code, 'text') ?? null;
  // An event without a title is sent with its kind's label as text; a kind that needs a title keeps even that
  // text (an injury recorded as "Injury" is still described).
  const title = isOneOf(EVENT_KINDS, kind) && !titleRequired(kind) && text === EVENT_KIND_LABELS[kind] ? null : text;
  const where_ = objs(r, 'bodySite')[0] ?? obj(objs(r, 'extension').find((x) => str(x, 'url') === EXTENSION.site), 'valueCodeableConcept');
  const { joint, side } = siteOf(where_);
  const dose = doses.get(e.lineageId);
  const quantity = obj(dose ?? r, 'valueQuantity');
  const period = obj(r, 'effectivePeriod');
  const date = str(r, 'performedDateTime') ?? str(r, 'onsetDateTime') ?? str(r, 'effectiveDateTime') ?? str(period, 'start');
  const note = e.type === 'DiagnosticReport' ? lines.slice(reasonLine ? 1 : 0).join('\n') || null : ownNote(r);
  const values = checked(
    e,
    problems,
    EventInput.safeParse({
      patientId: known.patient,
      kind,
      date,
      endDate: str(period, 'end') ?? null,
      joint,
      side,
      title,
      value: num(quantity, 'value') ?? null,
      unit: kind === 'radiation' && dose ? 'Gy' : (str(quantity, 'unit') ?? null),
      classification: codeIn(objs(r, 'conclusionCode')[0], SYSTEM.classification) ?? null,
      note,
    }),
  );
  if (!values) return null;
  const { patientId: _p, siteStatus: _s, ...fields } = values;
  return { ...version, ...fields };
}
