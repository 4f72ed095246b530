import type { z } from 'zod';
import { SYSTEM } from './codes';
import type { RecordState } from './identifiers';
import { message } from '../i18n/message';
import { identifierValue, obj, objs, referencedUuid, str, type Json } from './json-read';
import { atEntry, issueProblem, type Problem } from './read-problems';

/** One entry of an import file, with the names every reader checks it against. */
export interface Entry {
  n: number;
  uuid: string;
  resource: Json;
  type: string;
  lineageId: string;
}

/** What the records of one Bundle may point at: its patient and the therapists it carries. */
export interface Known {
  patient: string;
  therapists: ReadonlySet<string>;
}

/** A versioned record's place in its lineage, as the file gives it. */
export interface ImportedVersion {
  id: string;
  lineageId: string;
  recordedAt: string;
  recordedBy: string | null;
  state: RecordState;
  /** When it was voided (the note's time), for a voided record. */
  voidedAt: string | null;
}

const CORRECTED = 'Corrected: ';
const VOIDED = 'Entered in error: ';

/**
 * The version, its author and state, from the identifiers and the reason notes the export writes ("Corrected: …",
 * "Entered in error: …", each with a time). `voided` is what the resource's own status says.
 */
export function readVersion(e: Entry, known: Known, problems: Problem[], at: { recordedAt: string | undefined; recordedBy: Json | undefined; voided: boolean; notes?: { text: string; time: string | undefined }[] }): ImportedVersion {
  const id = identifierValue(e.resource, SYSTEM.version) ?? e.lineageId;
  if (id !== e.uuid) problems.push(atEntry(e, message('exchange.read.versionMismatch')));
  if (referencedUuid(obj(e.resource, 'subject')) !== known.patient) {
    problems.push(atEntry(e, message('exchange.read.notThisPatient')));
  }
  const recordedBy = referencedUuid(at.recordedBy) ?? null;
  if (recordedBy && !known.therapists.has(recordedBy)) problems.push(atEntry(e, message('exchange.read.recorderMissing')));
  if (!at.recordedAt || Number.isNaN(Date.parse(at.recordedAt))) problems.push(atEntry(e, message('exchange.read.recordedAtMissing')));
  const notes = at.notes ?? timedNotes(e.resource);
  const corrected = notes.find((x) => x.time && x.text.startsWith(CORRECTED));
  const voided = notes.find((x) => x.time && x.text.startsWith(VOIDED));
  const state: RecordState = at.voided
    ? { kind: 'voided', reason: voided?.text.slice(VOIDED.length) || 'Entered in error at the sending workstation' }
    : corrected
      ? { kind: 'corrected', reason: corrected.text.slice(CORRECTED.length) }
      : { kind: 'original' };
  return { id, lineageId: e.lineageId, recordedAt: at.recordedAt ?? '', recordedBy, state, voidedAt: at.voided ? (voided?.time ?? null) : null };
}

export function timedNotes(r: Json): { text: string; time: string | undefined }[] {
  return objs(r, 'note').flatMap((n) => {
    const text = str(n, 'text');
    return text === undefined ? [] : [{ text, time: str(n, 'time') }];
  });
}

/** The record's own note: the one without a time that is not one of the export's own lines. */
export function ownNote(r: Json, ...generated: string[]): string | null {
  return timedNotes(r).find((n) => !n.time && !generated.some((g) => n.text.startsWith(g)))?.text ?? null;
}

/** A domain schema's verdict, each problem naming the entry, so the file is checked by the rules a form uses. */
export function checked<T>(e: Entry, problems: Problem[], result: z.ZodSafeParseResult<T>): T | null {
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(atEntry(e, issueProblem(issue)));
  return null;
}
