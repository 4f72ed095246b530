import type { BundleEntry, Resource } from './fhir';

// The whole clinic as FHIR Bulk Data NDJSON: one bare resource per line. Outside a transaction there is no
// server to resolve `urn:uuid:` references, so each resource takes the entry's UUID as its logical id and every
// reference becomes `<Type>/<id>`, which a bulk reader ($import, a data warehouse) resolves within the file set.
// The identifiers stay as they are, so an importer still matches by lineage, as a transaction would.

const URN = 'urn:uuid:';

/**
 * Every reference the mapper makes comes from `ref()` (identifiers.ts) as `{ reference, type }` in that order, so
 * the serialised text is relinked in one pass rather than by copying each resource: at two million measurements
 * the copy was the export's largest cost. A quote inside free text is escaped (`\"`), so text never matches.
 */
const URN_REFERENCE = /"reference":"urn:uuid:([0-9a-f-]{36})","type":"([A-Za-z]+)"/g;

/** One transaction entry as one NDJSON line (with its newline): its fullUrl's UUID as the id, references relinked. */
export function bulkLine(entry: BundleEntry): string {
  const resource = entry.resource;
  if (!resource || !entry.fullUrl?.startsWith(URN)) throw new Error('A bulk resource needs an entry with a resource and a urn:uuid fullUrl.');
  const id = entry.fullUrl.slice(URN.length);
  const json = JSON.stringify(resource);
  // The mapper writes resourceType first; the id goes right after it, where FHIR's own JSON puts it.
  const head = `{"resourceType":${JSON.stringify(resource.resourceType)},`;
  const withId = json.startsWith(head) ? `${head}"id":"${id}",${json.slice(head.length)}` : JSON.stringify({ resourceType: resource.resourceType, id, ...withoutType(resource) });
  return `${withId.replace(URN_REFERENCE, '"reference":"$2/$1","type":"$2"')}\n`;
}

function withoutType(resource: Resource): Omit<Resource, 'resourceType'> {
  const { resourceType: _type, ...rest } = resource;
  return rest;
}

/**
 * The resources that are the clinic's rather than one patient's (the clinic itself, its therapists): each patient's
 * Bundle carries the ones it names, and a whole-clinic file has each once.
 */
export const SHARED_TYPES: ReadonlySet<Resource['resourceType']> = new Set(['Organization', 'Practitioner']);
