import { z } from 'zod';
import { sameValueTests } from '../../shared/domain/same-value-test';

// The contract's output check without zod's copy. Dispatch checks every value a handler returns against the
// operation's output schema (the renderer trusts what it receives, and a handler's slip must fail loudly, not draw
// a wrong chart). zod's parse answers with a copy of the whole value: on the largest patient's file (2,600
// readings) that copy, and the garbage it leaves, cost as much as reading the file from SQLite.
//
// So each output schema is compiled once (as zod compiles its own object parsers: generated code, so that every
// property is read by its constant name, which V8 makes fast, where a loop over key names is several times
// slower) into a walk of the value that copies nothing and answers one of two things: "certainly valid, and zod
// would return a value deep-equal to this one", or "not sure". Only the schema kinds the contract's outputs use
// are compiled, each with zod's own rule (strings, finite numbers and their integer and bound checks, booleans,
// enums, null and undefined, arrays, plain and strict objects, records keyed by text or by an enum, unions, lazy
// schemas, and a schema whose author registered a plain test as its whole verdict, shared/domain/same-value-test.ts);
// any other kind (a transform, a custom check, a default, a string check) is run through zod itself on
// that part alone and must come back as the very same value. "Not sure" sends the whole value to zod, which gives
// the verdict, the message and the value, exactly as before this walk existed.
// tests/integration/output-check.test.ts holds the walk to zod's verdict on real outputs and on broken ones.

/** True only if zod would accept the value and return one deep-equal to it. */
type Walk = (value: unknown) => boolean;

const compiled = new WeakMap<z.core.$ZodType, Walk>();

/** The compiled walk of a schema (compiled on first use, then kept). */
export function outputWalk(schema: z.core.$ZodType): Walk {
  let walk = compiled.get(schema);
  if (!walk) {
    walk = compile(schema);
    compiled.set(schema, walk);
  }
  return walk;
}

/**
 * The value the operation returns: the handler's own value when the walk is sure, zod's parse of it otherwise.
 * Throws with zod's message when the value breaks the schema.
 */
export function checkedOutput(schema: z.core.$ZodType, value: unknown, what: string): unknown {
  if (outputWalk(schema)(value)) return value;
  const out = z.safeParse(schema, value);
  if (!out.success) throw new Error(`output of ${what} does not match the contract: ${z.prettifyError(out.error)}`);
  return out.data;
}

const SYNC = { async: false } as const;

/** A part only zod can judge: valid only if zod finds no issue and returns the same value (no copy, no default). */
function byZod(schema: z.core.$ZodType): Walk {
  // One payload reused (this runs for every reading's motion): zod writes into it, so it is reset after each run,
  // and replaced whenever zod may have kept a part of it (an issue, or an answer in another object).
  let payload: z.core.ParsePayload = { value: undefined, issues: [] };
  return (value) => {
    payload.value = value;
    const result = schema._zod.run(payload, SYNC);
    const same = result === payload && payload.issues.length === 0;
    const valid = !(result instanceof Promise) && result.issues.length === 0 && Object.is(result.value, value);
    if (same) payload.value = undefined;
    else payload = { value: undefined, issues: [] };
    return valid;
  };
}

/**
 * zod's test of an object: any object but an array. Its copy is an object literal whatever the value's prototype;
 * a client receives a copy either way (IPC's structured clone, HTTP's JSON), so the prototype is not looked at.
 */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object literal's prototype (or none), as zod requires of a record. */
function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Writes one walk's code. Values the code needs (inner walks, enum sets, bounds) are passed in by name, never
 * written into the text; property names are written as JSON string literals.
 */
class Writer {
  private readonly values: unknown[] = [];

  ref(value: unknown): string {
    this.values.push(value);
    return `e${this.values.length - 1}`;
  }

  /** A JavaScript expression, true if the value in variable `x` passes `schema`. */
  test(schema: z.core.$ZodType, x: string): string {
    const declared = sameValueTests.get(schema);
    if (declared) return `${this.ref(declared.test)}(${x})`;
    const def = schema._zod.def;
    const plain = !def.checks?.length && !('coerce' in def && def.coerce);
    if (schema instanceof z.core.$ZodString && plain) return `typeof ${x} === "string"`;
    if (schema instanceof z.core.$ZodNumber && !('coerce' in def && def.coerce)) {
      const bounds = numberBounds(schema, x, (v) => this.ref(v));
      if (bounds !== null) return `(typeof ${x} === "number" && Number.isFinite(${x})${bounds.map((b) => ` && ${b}`).join('')})`;
    }
    if (schema instanceof z.core.$ZodBoolean && plain) return `typeof ${x} === "boolean"`;
    if (schema instanceof z.core.$ZodEnum && plain) {
      const values = [...schema._zod.values];
      if (values.length <= 8 && values.every((v) => typeof v === 'string')) return `(${values.map((v) => `${x} === ${JSON.stringify(v)}`).join(' || ')})`;
      return `${this.ref(new Set<unknown>(values))}.has(${x})`;
    }
    if (schema instanceof z.core.$ZodNullable && plain) return `(${x} === null || ${this.test(schema._zod.def.innerType, x)})`;
    // An inner default would put a value where undefined was: zod decides.
    if (schema instanceof z.core.$ZodOptional && !(schema instanceof z.core.$ZodExactOptional) && plain && schema._zod.def.innerType._zod.optin !== 'defaulted') {
      return `(${x} === undefined || ${this.test(schema._zod.def.innerType, x)})`;
    }
    if (schema instanceof z.core.$ZodArray || schema instanceof z.core.$ZodObject || schema instanceof z.core.$ZodRecord || isPlainUnion(schema)) {
      return `${this.ref(outputWalk(schema))}(${x})`;
    }
    if (schema instanceof z.core.$ZodLazy && plain) {
      // Compiled at its first use: a lazy schema may contain itself.
      let inner: Walk | null = null;
      const walk: Walk = (v) => (inner ??= outputWalk(schema._zod.innerType))(v);
      return `${this.ref(walk)}(${x})`;
    }
    return `${this.ref(byZod(schema))}(${x})`;
  }

  /** The walk whose body is `body` (its value is `v`). */
  finish(body: string): Walk {
    const names = this.values.map((_, i) => `e${i}`);
    // The one place code is generated: from the contract's own schemas, with names quoted as JSON.
    const make = new Function('isPlain', 'isObject', ...names, `"use strict"; return function walk(v) {\n${body}\n};`);
    const walk: unknown = make(isPlain, isObject, ...this.values);
    if (typeof walk !== 'function') throw new Error('the output walk did not compile');
    return (value) => walk(value) === true;
  }
}

/** The number checks as expressions on `x`, or null for a check only zod knows. */
function numberBounds(schema: z.core.$ZodNumber, x: string, ref: (v: unknown) => string): string[] | null {
  const out: string[] = [];
  for (const check of schema._zod.def.checks ?? []) {
    if (check instanceof z.core.$ZodCheckNumberFormat && check._zod.def.format === 'safeint') out.push(`Number.isSafeInteger(${x})`);
    else if (check instanceof z.core.$ZodCheckGreaterThan && typeof check._zod.def.value === 'number') {
      out.push(`${x} ${check._zod.def.inclusive ? '>=' : '>'} ${ref(check._zod.def.value)}`);
    } else if (check instanceof z.core.$ZodCheckLessThan && typeof check._zod.def.value === 'number') {
      out.push(`${x} ${check._zod.def.inclusive ? '<=' : '<'} ${ref(check._zod.def.value)}`);
    } else return null;
  }
  return out;
}

/** A plain z.union (first option that passes wins), not a discriminated or exclusive one. */
function isPlainUnion(schema: z.core.$ZodType): schema is z.core.$ZodUnion {
  return schema instanceof z.core.$ZodUnion && [...schema._zod.traits].every((t) => t === '$ZodType' || t === 'ZodType' || t === '$ZodUnion' || t === 'ZodUnion');
}

const pureSchemas = new WeakMap<z.core.$ZodType, boolean>();

/**
 * Whether the walk's "no" on this schema always means zod's "no" (never "zod would accept, but with a value of its
 * own"): then a union may go on to its next option. Structural, so a schema met again inside itself counts as pure.
 */
function isPure(schema: z.core.$ZodType): boolean {
  const known = pureSchemas.get(schema);
  if (known !== undefined) return known;
  pureSchemas.set(schema, true);
  const pure = purity(schema);
  pureSchemas.set(schema, pure);
  return pure;
}

function purity(schema: z.core.$ZodType): boolean {
  // Its test is zod's whole verdict, so its "no" is zod's "no".
  if (sameValueTests.has(schema)) return true;
  const def = schema._zod.def;
  if ('coerce' in def && def.coerce) return false;
  // A custom check never changes its value.
  if (schema instanceof z.core.$ZodCustom) return true;
  const plain = !def.checks?.length;
  if (schema instanceof z.core.$ZodString || schema instanceof z.core.$ZodBoolean || schema instanceof z.core.$ZodEnum) return plain;
  if (schema instanceof z.core.$ZodNumber) return numberBounds(schema, 'x', () => 'e') !== null;
  if (schema instanceof z.core.$ZodNullable) return plain && isPure(schema._zod.def.innerType);
  if (schema instanceof z.core.$ZodOptional) {
    return plain && !(schema instanceof z.core.$ZodExactOptional) && schema._zod.def.innerType._zod.optin !== 'defaulted' && isPure(schema._zod.def.innerType);
  }
  if (schema instanceof z.core.$ZodArray) return arrayWalk(schema) !== null && isPure(schema._zod.def.element);
  // A plain object's walk says no to extra keys, which zod drops and accepts: only a strict one is pure.
  if (schema instanceof z.core.$ZodObject) {
    return schema._zod.def.catchall instanceof z.core.$ZodNever && objectWalk(schema) !== null && Object.values(schema._zod.def.shape).every(isPure);
  }
  if (schema instanceof z.core.$ZodRecord) return recordWalk(schema) !== null && isPure(schema._zod.def.valueType);
  if (schema instanceof z.core.$ZodLazy) return plain && isPure(schema._zod.innerType);
  if (isPlainUnion(schema)) return plain && schema._zod.def.options.every(isPure);
  return false;
}

function compile(schema: z.core.$ZodType): Walk {
  if (isPlainUnion(schema)) return unionWalk(schema) ?? byZod(schema);
  if (schema instanceof z.core.$ZodArray) return arrayWalk(schema) ?? byZod(schema);
  if (schema instanceof z.core.$ZodObject) return objectWalk(schema) ?? byZod(schema);
  if (schema instanceof z.core.$ZodRecord) return recordWalk(schema) ?? byZod(schema);
  const w = new Writer();
  return w.finish(`return ${w.test(schema, 'v')};`);
}

function arrayWalk(schema: z.core.$ZodArray): Walk | null {
  let min = 0;
  let max = Infinity;
  for (const check of schema._zod.def.checks ?? []) {
    if (check instanceof z.core.$ZodCheckMinLength) min = Math.max(min, check._zod.def.minimum);
    else if (check instanceof z.core.$ZodCheckMaxLength) max = Math.min(max, check._zod.def.maximum);
    else return null;
  }
  const w = new Writer();
  return w.finish(`if (!Array.isArray(v) || v.length < ${w.ref(min)} || v.length > ${w.ref(max)}) return false;
    for (let i = 0; i < v.length; i++) { const x = v[i]; if (!(${w.test(schema._zod.def.element, 'x')})) return false; }
    return true;`);
}

function objectWalk(schema: z.core.$ZodObject): Walk | null {
  const def = schema._zod.def;
  const catchall = def.catchall;
  // A strict object refuses other keys; a plain one drops them from its copy. Either way such a value goes to zod,
  // so both are walked alike: every key of the value must be one of the shape's.
  if (def.checks?.length || (catchall !== undefined && !(catchall instanceof z.core.$ZodNever))) return null;
  const keys = Object.keys(def.shape);
  if (keys.includes('__proto__')) return null;
  const w = new Writer();
  const fields = keys.map((k) => {
    const field = def.shape[k]!;
    const name = JSON.stringify(k);
    // A key that may be left out entirely: zod then leaves it out of its copy too.
    const omittable = field._zod.optin === 'optional' && field._zod.optout === 'optional';
    return `x = v[${name}];
    if (x !== undefined || ${name} in v) { if (!(${w.test(field, 'x')})) return false; n++; }${omittable ? '' : ' else return false;'}`;
  });
  return w.finish(`if (!isObject(v)) return false;
    let n = 0;
    let x;
    ${fields.join('\n    ')}
    for (const _ in v) n--;
    return n === 0;`);
}

/**
 * zod takes the first option that passes. An option the walk says yes to is that one only if every option before
 * it is pure (its "no" is zod's "no"); an object that is not an object literal goes to zod.
 */
function unionWalk(schema: z.core.$ZodUnion): Walk | null {
  if (schema._zod.def.checks?.length) return null;
  const w = new Writer();
  const options = schema._zod.def.options.map((o) => `if (${w.test(o, 'v')}) return true;${isPure(o) ? '' : ' return false;'}`);
  return w.finish(`if (typeof v === "object" && v !== null && !Array.isArray(v) && !isPlain(v)) return false;
    ${options.join('\n    ')}
    return false;`);
}

function recordWalk(schema: z.core.$ZodRecord): Walk | null {
  const def = schema._zod.def;
  const keyType = def.keyType;
  if (def.checks?.length || keyType._zod.def.checks?.length || ('mode' in def && def.mode === 'loose')) return null;
  // Keyed by any text: every own key is one, but for __proto__ (which zod leaves out) and symbols (which it refuses).
  if (keyType instanceof z.core.$ZodString && !('coerce' in keyType._zod.def && keyType._zod.def.coerce)) {
    const w = new Writer();
    return w.finish(`if (!isPlain(v) || Object.getOwnPropertySymbols(v).length > 0) return false;
    for (const k in v) { if (k === "__proto__") return false; const x = v[k]; if (!(${w.test(def.valueType, 'x')})) return false; }
    return true;`);
  }
  // Keyed by an enum, so every key must be there and no other.
  if (!(keyType instanceof z.core.$ZodEnum) || ('partial' in def && def.partial)) return null;
  const keys = [...keyType._zod.values];
  if (!keys.every((k): k is string => typeof k === 'string' && k !== '__proto__')) return null;
  const w = new Writer();
  const fields = keys.map((k) => {
    const name = JSON.stringify(k);
    return `x = v[${name}]; if (!(${name} in v) || !(${w.test(def.valueType, 'x')})) return false;`;
  });
  return w.finish(`if (!isPlain(v)) return false;
    let x;
    ${fields.join('\n    ')}
    let n = ${keys.length};
    for (const _ in v) n--;
    return n === 0;`);
}
