import type { BundleEntry, Identifier, Resource } from './fhir';
import { SYSTEM } from './codes';

/**
 * How a ROMtrack record is named in FHIR. The identifier's value is the bare lineage UUID and the entry's fullUrl
 * is `urn:uuid:<version UUID>`: they never coincide, because one server rewrote identifiers equal to a fullUrl
 * and every resend then duplicated everything (exchange.md).
 */
export interface RecordKey {
  /** The id of the first version: stays the same through corrections. */
  lineageId: string;
  /** The id of the version sent; for unversioned rows (patients, visits, therapists) the same as lineageId. */
  versionId: string;
}

export function recordIdentifiers(key: RecordKey): Identifier[] {
  const ids: Identifier[] = [{ use: 'official', system: SYSTEM.record, value: key.lineageId }];
  if (key.versionId !== key.lineageId) ids.push({ use: 'secondary', system: SYSTEM.version, value: key.versionId });
  return ids;
}

export function fullUrlOf(versionId: string): string {
  return `urn:uuid:${versionId}`;
}

/** A reference to a resource of the same Bundle, which the server resolves to the resource it matched or made. */
export function ref<T extends Resource['resourceType']>(type: T, versionId: string): { reference: string; type: T } {
  // The type is stated because a validator (and a reader) cannot tell it from a urn:uuid.
  return { reference: fullUrlOf(versionId), type };
}

/**
 * How a record changed since it was first written, which decides the entry's request: a first version is a
 * conditional create, a correction or a void a conditional update of the same lineage.
 */
export type RecordState = { kind: 'original' } | { kind: 'corrected'; reason: string } | { kind: 'voided'; reason: string };

export function recordState(r: { supersedesId: string | null; correctionReason: string | null; voided: { reason: string } | null }): RecordState {
  if (r.voided) return { kind: 'voided', reason: r.voided.reason };
  if (r.supersedesId) return { kind: 'corrected', reason: r.correctionReason ?? 'Corrected' };
  return { kind: 'original' };
}

/**
 * One transaction entry. An original is `POST` with `ifNoneExist` on the lineage identifier, so a resend creates
 * nothing; a corrected or voided record is `PUT <Type>?identifier=…`, which updates the resource that lineage made.
 */
export function entryFor<T extends Resource>(resource: T, key: RecordKey, state: RecordState): BundleEntry<T> {
  const query = `identifier=${encodeURIComponent(`${SYSTEM.record}|${key.lineageId}`)}`;
  return {
    fullUrl: fullUrlOf(key.versionId),
    resource,
    request:
      state.kind === 'original'
        ? { method: 'POST', url: resource.resourceType, ifNoneExist: query }
        : { method: 'PUT', url: `${resource.resourceType}?${query}` },
  };
}

/**
 * A stable UUID-shaped name for something that has no row of its own (a visit's swelling, its pain score): the
 * same input always gives the same value, so a resend matches. Two 64-bit FNV-1a hashes, formatted with RFC 9562's
 * version 8 ("custom") and variant bits; not a secret, only a name.
 */
export function derivedUuid(...parts: string[]): string {
  const text = parts.join('\u0000');
  const hash = (seed: bigint): string => {
    let h = seed;
    for (let i = 0; i < text.length; i++) {
      h ^= BigInt(text.charCodeAt(i));
      h = BigInt.asUintN(64, h * 0x100000001b3n);
    }
    return h.toString(16).padStart(16, '0');
  };
  const hex = hash(0xcbf29ce484222325n) + hash(0x84222325cbf29ce4n);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The reason a correction or a void was made, as an annotation the receiving clinician reads. */
export function stateNote(state: RecordState, at: string): { text: string; time: string }[] {
  if (state.kind === 'corrected') return [{ text: `Corrected: ${state.reason}`, time: at }];
  if (state.kind === 'voided') return [{ text: `Entered in error: ${state.reason}`, time: at }];
  return [];
}
