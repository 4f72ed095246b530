import { z } from 'zod';

/**
 * Person-readable messages for every schema issue that has no message of its own.
 *
 * Schemas give their own words where a person types (shared/domain/schema-parts.ts); the fields the UI
 * fills itself (ids, versions, page sizes, flags, lists) mostly do not, and zod's defaults ("Too small:
 * expected number to be >=1", "Invalid input: expected string, received number") must never reach a
 * caller. Installed once, globally, by importing this module: shared/api/issues.ts imports it, so every
 * place that turns issues into field messages (dispatch, the renderer's forms) has it. A schema's own
 * message always wins over this one (zod asks the schema and the check first).
 */

type Issue = z.core.$ZodRawIssue;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a big whole number (bigint)',
  boolean: 'true or false',
  date: 'a date',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'a group of fields',
  record: 'a group of fields',
  map: 'a group of fields',
  null: 'empty (null)',
  file: 'a file',
  nan: 'NaN',
};

function typeWord(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

/** What the caller sent, in the same words. */
function receivedWord(input: unknown): string {
  if (input === null) return 'empty (null)';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isFinite(input) ? (Number.isInteger(input) ? 'a whole number' : 'a number') : String(input);
    case 'boolean':
      return input ? 'true' : 'false';
    case 'object':
      return 'a group of fields';
    case 'bigint':
      return 'a big whole number (bigint)';
    default:
      return typeof input;
  }
}

/** "dateOfBirth" → "Date of birth", "patientId" → "Patient ID". */
function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (w === 'id' ? 'ID' : w));
  const text = words.join(' ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : 'This value';
}

/** Names the field the issue is about, as a sentence's subject. */
export function subjectOf(path: readonly PropertyKey[] | undefined): string {
  const segments = (path ?? []).map((s) => (typeof s === 'symbol' ? (s.description ?? '') : String(s)));
  if (segments.length === 0) return 'The input';
  const last = segments[segments.length - 1]!;
  if (/^\d+$/.test(last)) {
    const parent = segments.length > 1 ? segments[segments.length - 2]! : '';
    const entry = `Entry ${Number(last) + 1}`;
    return parent && !/^\d+$/.test(parent) ? `${entry} of “${humanize(parent).toLowerCase()}”` : entry;
  }
  return humanize(last);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** "a", "a or b", "a, b or c"; long lists are cut with a count. */
function orList(values: readonly unknown[], quote = true): string {
  const shown = values.slice(0, 12).map((v) => (quote ? show(v) : String(v)));
  if (values.length > shown.length) return `${shown.join(', ')} … (${values.length} in all)`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

function andList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

function bound(value: number | bigint, origin: string): string {
  if (origin === 'date') {
    const d = new Date(Number(value));
    return Number.isNaN(d.getTime()) ? String(value) : d.toISOString().slice(0, 10);
  }
  return String(value);
}

function plural(n: number | bigint, one: string, many: string): string {
  return `${String(n)} ${Number(n) === 1 ? one : many}`;
}

const SIZE_UNITS: Record<string, [string, string]> = {
  string: ['character', 'characters'],
  array: ['entry', 'entries'],
  set: ['entry', 'entries'],
  map: ['entry', 'entries'],
  file: ['byte', 'bytes'],
};

function tooSmall(s: string, issue: Extract<Issue, { code: 'too_small' }>): string {
  const origin = String(issue.origin ?? '');
  const min = issue.minimum;
  const unit = SIZE_UNITS[origin];
  if (unit) {
    if (issue.exact) return `${s} must have exactly ${plural(min, unit[0], unit[1])}.`;
    if (Number(min) <= 1 && issue.inclusive !== false) return origin === 'string' ? `${s} cannot be empty.` : `${s} needs at least one ${unit[0]}.`;
    return `${s} must have at least ${plural(min, unit[0], unit[1])}.`;
  }
  if (issue.exact) return `${s} must be exactly ${bound(min, origin)}.`;
  if (origin === 'date') return issue.inclusive === false ? `${s} must be after ${bound(min, origin)}.` : `${s} cannot be before ${bound(min, origin)}.`;
  return issue.inclusive === false ? `${s} must be more than ${bound(min, origin)}.` : `${s} must be at least ${bound(min, origin)}.`;
}

function tooBig(s: string, issue: Extract<Issue, { code: 'too_big' }>): string {
  const origin = String(issue.origin ?? '');
  const max = issue.maximum;
  const unit = SIZE_UNITS[origin];
  if (unit) {
    if (issue.exact) return `${s} must have exactly ${plural(max, unit[0], unit[1])}.`;
    if (origin === 'string') return `${s} is too long: keep it to ${plural(max, unit[0], unit[1])}.`;
    return `${s} can have at most ${plural(max, unit[0], unit[1])}.`;
  }
  if (issue.exact) return `${s} must be exactly ${bound(max, origin)}.`;
  if (origin === 'date') return issue.inclusive === false ? `${s} must be before ${bound(max, origin)}.` : `${s} cannot be after ${bound(max, origin)}.`;
  return issue.inclusive === false ? `${s} must be less than ${bound(max, origin)}.` : `${s} must be at most ${bound(max, origin)}.`;
}

const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address',
  url: 'a web address (URL)',
  date: 'a date written YYYY-MM-DD, for example 2026-03-14',
  datetime: 'a date and time such as 2026-03-14T09:30:00Z',
  time: 'a time such as 09:30',
  duration: 'a duration',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  base64: 'base64 text',
  base64url: 'base64url text',
  e164: 'a phone number in international form, such as +233370000000',
};

function badFormat(s: string, issue: Extract<Issue, { code: 'invalid_format' }>): string {
  const format = String(issue.format);
  if (format === 'uuid' || format === 'guid' || format === 'uuidv4' || format === 'uuidv6' || format === 'uuidv7' || format === 'cuid' || format === 'cuid2' || format === 'ulid' || format === 'nanoid') {
    return `${s} is not a valid id. Reload the page and try again.`;
  }
  if (format === 'starts_with') return `${s} must start with ${show('prefix' in issue ? issue.prefix : undefined)}.`;
  if (format === 'ends_with') return `${s} must end with ${show('suffix' in issue ? issue.suffix : undefined)}.`;
  if (format === 'includes') return `${s} must contain ${show('includes' in issue ? issue.includes : undefined)}.`;
  const words = FORMAT_WORDS[format];
  return words ? `${s} must be ${words}.` : `${s} is not written in the form this field needs.`;
}

function badUnion(s: string, issue: Extract<Issue, { code: 'invalid_union' }>): string {
  if (issue.inclusive === false) return `${s} fits more than one of the accepted forms; send only one.`;
  if ('options' in issue && Array.isArray(issue.options) && issue.options.length > 0) return `${s}: choose one of ${orList(issue.options)}.`;
  // Each option failed: when each only wanted another type, say which types would do.
  const branches: readonly (readonly z.core.$ZodIssue[])[] = Array.isArray(issue.errors) ? issue.errors : [];
  const expected = branches.map(([first, ...rest]) => (first?.code === 'invalid_type' && rest.length === 0 && first.path.length === 0 ? first.expected : undefined));
  if (expected.length > 0 && expected.every((e) => e !== undefined)) {
    if (issue.input === undefined) return `${s} is required.`;
    return `${s} must be ${orList([...new Set(expected.map((e) => typeWord(e!)))], false)}, not ${receivedWord(issue.input)}.`;
  }
  return `${s} is not in any of the forms this field accepts.`;
}

/** The message for one issue; exported for tests and for callers that build their own issues. */
export function personMessage(issue: Issue): string {
  const s = subjectOf(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `${s} is required.`;
      if (issue.expected === 'nonoptional') return `${s} is required.`;
      if (issue.expected === 'never' || issue.expected === 'undefined' || issue.expected === 'void') return `${s} is not expected here.`;
      if (issue.expected === 'int' && typeof issue.input === 'number') return `${s} must be a whole number.`;
      return `${s} must be ${typeWord(String(issue.expected))}, not ${receivedWord(issue.input)}.`;
    }
    case 'too_small':
      return tooSmall(s, issue);
    case 'too_big':
      return tooBig(s, issue);
    case 'invalid_value':
      if (issue.values.length === 1) return `${s} must be ${show(issue.values[0])}.`;
      return `${s}: choose one of ${orList(issue.values)}.`;
    case 'invalid_format':
      return badFormat(s, issue);
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? `${s} must be a whole number.` : `${s} must be a multiple of ${String(issue.divisor)}.`;
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`);
      return `${andList(keys)} ${keys.length === 1 ? 'is' : 'are'} not expected here.`;
    }
    case 'invalid_key':
      return `${s} has a key that is not allowed.`;
    case 'invalid_element':
      return `${s} has an entry that is not valid.`;
    case 'invalid_union':
      return badUnion(s, issue);
    default:
      return `${s} is not valid.`;
  }
}

z.config({ customError: (issue) => personMessage(issue) });
