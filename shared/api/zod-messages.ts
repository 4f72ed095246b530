import { z } from 'zod';
import { englishText, message, tagIssue, type MessageParam, type MessageRef } from '../i18n/message';

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

const TYPE_KEYS: Record<string, MessageRef> = {
  string: message('errors.type.text'),
  number: message('errors.type.number'),
  int: message('errors.type.int'),
  bigint: message('errors.type.bigint'),
  boolean: message('errors.type.boolean'),
  date: message('errors.type.date'),
  array: message('errors.type.list'),
  tuple: message('errors.type.list'),
  set: message('errors.type.list'),
  object: message('errors.type.group'),
  record: message('errors.type.group'),
  map: message('errors.type.group'),
  null: message('errors.type.null'),
  file: message('errors.type.file'),
};

function typeWord(expected: string): MessageParam {
  const ref = TYPE_KEYS[expected];
  return ref ? { message: ref } : expected;
}

/** What the caller sent, in the same words. */
function receivedWord(input: unknown): MessageParam {
  if (input === null) return typeWord('null');
  if (Array.isArray(input)) return typeWord('array');
  switch (typeof input) {
    case 'string':
      return typeWord('string');
    case 'number':
      return Number.isFinite(input) ? typeWord(Number.isInteger(input) ? 'int' : 'number') : String(input);
    case 'boolean':
      return { message: input ? message('errors.type.true') : message('errors.type.false') };
    case 'object':
      return typeWord('object');
    case 'bigint':
      return typeWord('bigint');
    default:
      return typeof input;
  }
}

/** "dateOfBirth" → "Date of birth", "patientId" → "Patient ID": the field's own name, said as code names it. */
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
export function subjectOf(path: readonly PropertyKey[] | undefined): MessageParam {
  const segments = (path ?? []).map((s) => (typeof s === 'symbol' ? (s.description ?? '') : String(s)));
  if (segments.length === 0) return { message: message('errors.subject.input') };
  const last = segments[segments.length - 1]!;
  if (/^\d+$/.test(last)) {
    const parent = segments.length > 1 ? segments[segments.length - 2]! : '';
    const n = Number(last) + 1;
    return { message: parent && !/^\d+$/.test(parent) ? message('errors.subject.entryOf', { n, list: humanize(parent).toLowerCase() }) : message('errors.subject.entry', { n }) };
  }
  return humanize(last);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** "a", "a or b", "a, b or c" in the language's words; long lists are cut with a count. */
function orList(values: readonly unknown[]): MessageParam {
  const shown = values.slice(0, 12).map(show);
  if (values.length > shown.length) return { message: message('errors.longList', { values: shown.join(', '), count: values.length }) };
  return { list: shown, join: 'or' };
}

function bound(value: number | bigint, origin: string): MessageParam {
  if (origin === 'date') {
    const d = new Date(Number(value));
    return Number.isNaN(d.getTime()) ? String(value) : { date: d.toISOString().slice(0, 10) };
  }
  return String(value);
}

// Each unit as a message of its count ("10 characters", "1 entry").
type Unit = (count: number) => MessageRef;
const SIZE_UNITS: Record<string, Unit> = {
  string: (count) => message('errors.unit.character', { count }),
  array: (count) => message('errors.unit.entry', { count }),
  set: (count) => message('errors.unit.entry', { count }),
  map: (count) => message('errors.unit.entry', { count }),
  file: (count) => message('errors.unit.byte', { count }),
};

function sizeOf(unit: Unit, n: number | bigint): MessageParam {
  return { message: unit(Number(n)) };
}

function tooSmall(field: MessageParam, issue: Extract<Issue, { code: 'too_small' }>): MessageRef {
  const origin = String(issue.origin ?? '');
  const min = issue.minimum;
  const unit = SIZE_UNITS[origin];
  if (unit) {
    if (issue.exact) return message('errors.field.exactSize', { field, size: sizeOf(unit, min) });
    if (Number(min) <= 1 && issue.inclusive !== false) {
      if (origin === 'string') return message('errors.field.empty', { field });
      return origin === 'file' ? message('errors.field.atLeastOneByte', { field }) : message('errors.field.atLeastOneEntry', { field });
    }
    return message('errors.field.atLeastSize', { field, size: sizeOf(unit, min) });
  }
  const value = bound(min, origin);
  if (issue.exact) return message('errors.field.exactly', { field, value });
  if (origin === 'date') return issue.inclusive === false ? message('errors.field.after', { field, value }) : message('errors.field.notBefore', { field, value });
  return issue.inclusive === false ? message('errors.field.moreThan', { field, value }) : message('errors.field.atLeast', { field, value });
}

function tooBig(field: MessageParam, issue: Extract<Issue, { code: 'too_big' }>): MessageRef {
  const origin = String(issue.origin ?? '');
  const max = issue.maximum;
  const unit = SIZE_UNITS[origin];
  if (unit) {
    if (issue.exact) return message('errors.field.exactSize', { field, size: sizeOf(unit, max) });
    if (origin === 'string') return message('errors.field.tooLong', { field, size: sizeOf(unit, max) });
    return message('errors.field.atMostSize', { field, size: sizeOf(unit, max) });
  }
  const value = bound(max, origin);
  if (issue.exact) return message('errors.field.exactly', { field, value });
  if (origin === 'date') return issue.inclusive === false ? message('errors.field.before', { field, value }) : message('errors.field.notAfter', { field, value });
  return issue.inclusive === false ? message('errors.field.lessThan', { field, value }) : message('errors.field.atMost', { field, value });
}

const FORMAT_KEYS: Record<string, MessageRef> = {
  email: message('errors.format.email'),
  url: message('errors.format.url'),
  date: message('errors.format.date'),
  datetime: message('errors.format.datetime'),
  time: message('errors.format.time'),
  duration: message('errors.format.duration'),
  ipv4: message('errors.format.ipv4'),
  ipv6: message('errors.format.ipv6'),
  base64: message('errors.format.base64'),
  base64url: message('errors.format.base64url'),
  e164: message('errors.format.e164'),
};

const ID_FORMATS = new Set(['uuid', 'guid', 'uuidv4', 'uuidv6', 'uuidv7', 'cuid', 'cuid2', 'ulid', 'nanoid']);

function badFormat(field: MessageParam, issue: Extract<Issue, { code: 'invalid_format' }>): MessageRef {
  const format = String(issue.format);
  if (ID_FORMATS.has(format)) return message('errors.field.notId', { field });
  if (format === 'starts_with') return message('errors.field.startsWith', { field, text: show('prefix' in issue ? issue.prefix : undefined) });
  if (format === 'ends_with') return message('errors.field.endsWith', { field, text: show('suffix' in issue ? issue.suffix : undefined) });
  if (format === 'includes') return message('errors.field.includes', { field, text: show('includes' in issue ? issue.includes : undefined) });
  const words = FORMAT_KEYS[format];
  return words ? message('errors.field.mustBe', { field, value: { message: words } }) : message('errors.field.badForm', { field });
}

function badUnion(field: MessageParam, issue: Extract<Issue, { code: 'invalid_union' }>): MessageRef {
  if (issue.inclusive === false) return message('errors.field.severalForms', { field });
  if ('options' in issue && Array.isArray(issue.options) && issue.options.length > 0) return message('errors.field.chooseOneOf', { field, options: orList(issue.options) });
  // Each option failed: when each only wanted another type, say which types would do.
  const branches: readonly (readonly z.core.$ZodIssue[])[] = Array.isArray(issue.errors) ? issue.errors : [];
  const expected = branches.map(([first, ...rest]) => (first?.code === 'invalid_type' && rest.length === 0 && first.path.length === 0 ? first.expected : undefined));
  if (expected.length > 0 && expected.every((e) => e !== undefined)) {
    if (issue.input === undefined) return message('errors.field.required', { field });
    // Types that read the same (a list, a tuple) are said once.
    const words = [...new Map(expected.map((e) => [TYPE_KEYS[e!]?.id ?? e!, typeWord(e!)])).values()];
    return message('errors.field.wrongType', { field, expected: { list: words, join: 'or' }, received: receivedWord(issue.input) });
  }
  return message('errors.field.noForm', { field });
}

/** The message for one issue, as an id with its values; exported for tests and for callers that build their own issues. */
export function personRef(issue: Issue): MessageRef {
  const field = subjectOf(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.expected === 'nonoptional') return message('errors.field.required', { field });
      if (issue.expected === 'never' || issue.expected === 'undefined' || issue.expected === 'void') return message('errors.field.notExpected', { field });
      if (issue.expected === 'int' && typeof issue.input === 'number') return message('errors.field.wholeNumber', { field });
      return message('errors.field.wrongType', { field, expected: typeWord(String(issue.expected)), received: receivedWord(issue.input) });
    }
    case 'too_small':
      return tooSmall(field, issue);
    case 'too_big':
      return tooBig(field, issue);
    case 'invalid_value':
      if (issue.values.length === 1) return message('errors.field.mustBe', { field, value: show(issue.values[0]) });
      return message('errors.field.chooseOneOf', { field, options: orList(issue.values) });
    case 'invalid_format':
      return badFormat(field, issue);
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? message('errors.field.wholeNumber', { field }) : message('errors.field.multipleOf', { field, value: String(issue.divisor) });
    case 'unrecognized_keys':
      return message('errors.keysNotExpected', { keys: { list: issue.keys.map((k) => `"${k}"`) }, count: issue.keys.length });
    case 'invalid_key':
      return message('errors.field.badKey', { field });
    case 'invalid_element':
      return message('errors.field.badEntry', { field });
    case 'invalid_union':
      return badUnion(field, issue);
    default:
      return message('errors.field.notValid', { field });
  }
}

/** The message for one issue in English, as API callers read it. */
export function personMessage(issue: Issue): string {
  return englishText(personRef(issue));
}

// The English goes into the issue's message, and the id it was written from into its params (shared/i18n/message.ts).
z.config({
  customError: (issue) => {
    const ref = personRef(issue);
    tagIssue(issue, ref);
    return englishText(ref);
  },
});
