import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { copyFieldMessages, fieldMessages, summarize } from '../../shared/api/issues';
import { nestErrors } from '../../renderer/src/forms/schema-form';

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
/** zod's own English wording, which must never reach a person. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Expected|Unrecognized)|expected \w+, received \w+/;

function messages(schema: z.ZodType, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected the input to be refused');
  return fieldMessages(r.error);
}

describe('field messages', () => {
  it('gives every key a message, Object.prototype names included, and serialises them all', () => {
    const input = JSON.parse('{"name":"x","__proto__":1,"constructor":2,"toString":3,"hasOwnProperty":4,"valueOf":5}') as unknown;
    const fields = messages(z.strictObject({ name: z.string() }), input);
    expect(Object.keys(fields).sort()).toEqual([...PROTO_KEYS].sort());
    for (const key of PROTO_KEYS) expect(typeof fields[key]).toBe('string');
    expect(summarize(fields)).toBe('5 fields need attention.');
    expect(Object.keys(JSON.parse(JSON.stringify(fields)) as object).sort()).toEqual([...PROTO_KEYS].sort());
  });

  it('copies messages from elsewhere into an object where those names are plain keys', () => {
    const copy = copyFieldMessages(JSON.parse('{"__proto__":"a","constructor":"b"}') as Record<string, string>);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect({ ...copy }).toEqual(JSON.parse('{"__proto__":"a","constructor":"b"}'));
  });

  it('nests them for the form without touching Object.prototype', () => {
    const errors = nestErrors(JSON.parse('{"__proto__":"a","constructor.prototype.polluted":"b","toString":"c","cells.0.degrees":"d"}') as Record<string, string>) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.hasOwn(errors, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect((errors['toString'] as unknown as { message: string }).message).toBe('c');
    expect(errors).toMatchObject({ cells: { 0: { degrees: { message: 'd' } } } });
  });
});

describe('person-readable schema messages (shared/api/zod-messages.ts)', () => {
  it('writes a message from the issue where the schema gave none', () => {
    const schema = z.strictObject({
      version: z.number().int().min(1),
      count: z.number().max(200),
      active: z.boolean(),
      id: z.string(),
      tags: z.array(z.string()).min(1),
      paper: z.enum(['A4', 'Letter']),
      note: z.string().max(10),
    });
    const fields = messages(schema, { version: 0, count: 500, active: 'yes', tags: [], paper: 'A3', note: 'x'.repeat(20), extra: 1 });
    expect(fields).toEqual({
      version: 'Version must be at least 1.',
      count: 'Count must be at most 200.',
      active: 'Active must be true or false, not text.',
      id: 'ID is required.',
      tags: 'Tags needs at least one entry.',
      paper: 'Paper: choose one of "A4" or "Letter".',
      note: 'Note is too long: keep it to 10 characters.',
      extra: '"extra" is not a field this form accepts. Remove it.',
    });
    expect(messages(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })).toEqual({
      b: '"b" is not a field this form accepts. Remove it.',
      c: '"c" is not a field this form accepts. Remove it.',
    });
    const unknownKeys = z.strictObject({}).safeParse({ x: 1 });
    expect(unknownKeys.success ? '' : unknownKeys.error.issues[0]!.message).toBe('"x" is not expected here.');
    expect(messages(z.strictObject({ v: z.number().int() }), { v: 1.5 })).toEqual({ v: 'V must be a whole number.' });
    expect(messages(z.strictObject({ items: z.array(z.number()) }), { items: [1, 'x'] })).toEqual({ 'items.1': 'Entry 2 of “items” must be a number, not text.' });
    expect(messages(z.strictObject({ n: z.union([z.number(), z.null()]) }), { n: 'x' })).toEqual({ n: 'N must be a number or empty (null), not text.' });
    expect(messages(z.number(), 'x')).toEqual({ _: 'The input must be a number, not text.' });
  });

  it('keeps a schema’s own message', () => {
    expect(messages(z.strictObject({ n: z.number({ error: 'Type a number.' }).min(1, { error: 'At least one.' }) }), { n: 'x' })).toEqual({ n: 'Type a number.' });
    expect(messages(z.strictObject({ n: z.number().min(1, { error: 'At least one.' }) }), { n: 0 })).toEqual({ n: 'At least one.' });
  });

  it('never falls back to zod’s default wording', () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.string().uuid(), 'x'],
      [z.string().email(), 'x'],
      [z.string().regex(/^a$/), 'b'],
      [z.string().startsWith('a'), 'b'],
      [z.number().multipleOf(5), 3],
      [z.number().gt(0), 0],
      [z.number().lt(0), 0],
      [z.date().min(new Date('2020-01-01')), new Date('2019-01-01')],
      [z.string().length(3), 'ab'],
      [z.array(z.number()).max(1), [1, 2]],
      [z.literal('a'), 'b'],
      [z.record(z.enum(['a']), z.number()), { b: 1 }],
      [z.map(z.string(), z.number()), new Map([['a', 'b']])],
      [z.set(z.number()), new Set(['a'])],
      [z.string().refine(() => false), 'x'],
      [z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]), { kind: 'c' }],
      [z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]), { c: 1 }],
      [z.number().optional().nonoptional(), undefined],
      [z.never(), 1],
      [z.nan(), 1],
      [z.bigint(), 1],
      [z.tuple([z.string()]), [1, 2]],
    ];
    for (const [schema, input] of schemas) {
      const r = schema.safeParse(input);
      expect(r.success).toBe(false);
      for (const issue of r.success ? [] : r.error.issues) {
        expect(issue.message, `${issue.code}: ${issue.message}`).not.toMatch(ZOD_DEFAULT);
        expect(issue.message.length).toBeGreaterThan(5);
      }
    }
  });
});
