// Small readers over parsed JSON of unknown shape (an import file): each returns the value or undefined, so the
// reverse mapper states what it expects without casts, and says what is wrong where it is not so.

export type Json = Record<string, unknown>;

export function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(o: Json | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(o: Json | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function obj(o: Json | undefined, key: string): Json | undefined {
  const v = o?.[key];
  return isJson(v) ? v : undefined;
}

/** The objects of an array field; anything else in it is skipped (a missing field is an empty list). */
export function objs(o: Json | undefined, key: string): Json[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isJson) : [];
}

/** The codings of a CodeableConcept field. */
export function codings(o: Json | undefined, key: string): Json[] {
  return objs(obj(o, key), 'coding');
}

export function codeIn(concept: Json | undefined, system: string): string | undefined {
  return str(objs(concept, 'coding').find((c) => str(c, 'system') === system), 'code');
}

export function identifierValue(resource: Json, system: string): string | undefined {
  return str(objs(resource, 'identifier').find((i) => str(i, 'system') === system), 'value');
}

/** The UUID a `urn:uuid:` reference names, or undefined. */
export function referencedUuid(reference: Json | undefined): string | undefined {
  const r = str(reference, 'reference');
  return r?.startsWith('urn:uuid:') ? r.slice('urn:uuid:'.length) : undefined;
}
