import { deflateRawSync, inflateRawSync } from 'node:zlib';

// How an audit row's before and after are stored (schema 17 on): the exact JSON text the row's hash covers,
// packed into a BLOB whose first byte names the format. A clinic's log was more than half its file, nearly
// all of it the same keys and UUIDs over and over; packed, a visit's row is about a tenth of its text.
//
//   0: the text's UTF-8 bytes as they are (short texts, where deflate would not save anything);
//   1: deflateRaw with a preset dictionary: DICTIONARY_1, then the row's own actor id and entity id, then
//      (for the after) the before text. A record and its ids, or a correction and the version it replaces,
//      then share most of their bytes, and deflate stores the repeats as back-references.
//
// A stored format is frozen history, like a migration: its bytes must inflate to the same text for as long
// as the file exists, so the dictionary below never changes (tests/unit/audit-pack.test.ts pins it). A
// better dictionary is a new format byte beside this one, and every reader keeps reading 1.

const PLAIN = 0;
const DEFLATED_1 = 1;

/**
 * The keys of the audited records in the order JSON.stringify writes them, and their common values. The most
 * frequent shapes (a visit with its measurements) come last: deflate reaches the nearest bytes most cheaply.
 */
const DICTIONARY_1 = Buffer.from(
  [
    '{"format":"fhir-r4-bulk-ndjson","path":"","patients":,"resources":,"bytes":,"range":null}',
    '{"folder":"","name":"","sizeBytes":,"safetyBackup":"","restoredFrom":"","schemaVersion":,"otherDatabase":false}',
    '{"motion":"","instrument":null,"degrees":null,"catalogueDefault":}',
    '{"language":null}{"server":"","added":}',
    '{"id":"","name":"","title":"PT","registrationNumber":"","initials":"","active":true,"role":"therapist","hasCredential":false,"mustChangeCredential":false,"language":null,"version":1,"createdAt":"","updatedAt":""}',
    '{"id":"","lineageId":"","supersedesId":null,"recordedAt":"","recordedBy":"","correctionReason":null,"voided":null,"patientId":"","title":"","effectiveFrom":"","endDate":null,"sites":[{"joint":"","side":""}],"passiveRomAllowed":false,"precautions":null,"items":[{"id":"","position":1,"intervention":"active_rom","motions":[],"doseKind":"sets_reps","sets":3,"repetitions":10,"minutes":null,"frequencyCount":2,"frequencyPer":"day","instructions":null}],"ended":null,"goals":[{"planId":"","motion":"","side":"","mode":"active","target":,"targetDate":"","setWhenMet":false}]}',
    '{"id":"","lineageId":"","supersedesId":null,"recordedAt":"","recordedBy":"","correctionReason":null,"voided":null,"patientId":"","kind":"traumatic_brain_injury","onsetDate":"","note":null}',
    '{"id":"","lineageId":"","supersedesId":null,"recordedAt":"","recordedBy":"","correctionReason":null,"voided":null,"patientId":"","kind":"injury","date":"","endDate":null,"joint":null,"side":null,"title":"Injury","value":null,"unit":null,"classification":null,"note":null}',
    '{"id":"","lineageId":"","supersedesId":null,"recordedAt":"","recordedBy":"","correctionReason":null,"voided":null,"patientId":"","joint":"","side":"","status":"at_risk","since":"","note":null,"classification":null}',
    '{"id":"","familyName":"","givenNames":"","clinicId":"","dateOfBirth":"","sex":"female","documentLanguage":null,"version":1,"createdAt":"","updatedAt":""}',
    '"shoulder.flexion","shoulder.abduction","shoulder.external_rotation","hip.flexion","hip.extension","hip.abduction","knee.extension","ankle.dorsiflexion","wrist.extension","elbow.extension"',
    '"voided":{"at":"","by":"","reason":""}',
    '{"id":"","patientId":"","date":"","therapistId":"","setting":"outpatient","symptoms":{"decreasedRange":false,"swelling":false,"redness":false,"warmth":false,"fever":false,"pain":null},"notes":null,"instrument":"goniometer","endFeel":null,"recordedAt":"","recordedBy":"","measurements":[',
    '{"id":"","lineageId":"","supersedesId":null,"recordedAt":"","recordedBy":"","correctionReason":null,"voided":null,"visitId":"","patientId":"","date":"","motion":"knee.flexion","side":"left","mode":"passive","degrees":,"raterId":"","instrument":"goniometer","endFeel":null,"pain":null,"note":null}',
    '],"extensions":[]}',
  ].join(''),
  'utf8',
);

/** What a row's packed texts were packed against: columns of the same row, all covered by its hash. */
export interface PackContext {
  actorId: string | null;
  entityId: string;
}

function dictionary(context: PackContext, before: string | null): Buffer {
  return Buffer.concat([DICTIONARY_1, Buffer.from(`${context.actorId ?? ''}${context.entityId}${before ?? ''}`, 'utf8')]);
}

function pack(text: string | null, dict: () => Buffer): Buffer | null {
  if (text === null) return null;
  const plain = Buffer.from(text, 'utf8');
  const deflated = deflateRawSync(plain, { dictionary: dict() });
  return deflated.length < plain.length ? Buffer.concat([Buffer.of(DEFLATED_1), deflated]) : Buffer.concat([Buffer.of(PLAIN), plain]);
}

function unpack(packed: Buffer | null, dict: () => Buffer): string | null {
  if (packed === null) return null;
  const body = packed.subarray(1);
  switch (packed[0]) {
    case PLAIN:
      return body.toString('utf8');
    case DEFLATED_1:
      return inflateRawSync(body, { dictionary: dict() }).toString('utf8');
    default:
      throw new Error(`unknown audit text format ${String(packed[0])}`);
  }
}

/** A row's before and after JSON texts as stored. */
export function packAuditTexts(context: PackContext, before: string | null, after: string | null): { before: Buffer | null; after: Buffer | null } {
  return { before: pack(before, () => dictionary(context, null)), after: pack(after, () => dictionary(context, before)) };
}

/** The exact texts a row's packed before and after were made from. Throws on bytes that are no packed text. */
export function unpackAuditTexts(context: PackContext, before: Buffer | null, after: Buffer | null): { before: string | null; after: string | null } {
  const beforeText = unpack(before, () => dictionary(context, null));
  return { before: beforeText, after: unpack(after, () => dictionary(context, beforeText)) };
}

/** The dictionary of format 1, for the test that keeps it from ever changing. */
export const dictionaryOfFormat1 = (): Buffer => Buffer.from(DICTIONARY_1);
