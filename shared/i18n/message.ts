// A message the back end (or a shared rule) says to a person, as an id and its parameters: the renderer writes it
// in the screen's language and the clinic's date format, and the English text for API callers is written from the
// same English messages. Dates, degrees and durations travel as values, never as text, so they are formatted once,
// on the screen, in the person's language.
import { z } from 'zod';
import type { Formatter } from '../format';
import type { MessageKey } from './keys';
import { en } from './messages/en';

export type MessageParam =
  | string
  | number
  | { date: string }
  | { degrees: number }
  /** A signed change: "+10°", "-5°". */
  | { change: number }
  | { message: MessageRef; lower?: boolean; capital?: boolean }
  /** A number in the language's digits and separators. */
  | { number: number }
  /**
   * "a, b and c", "a, b or c" in the language's own way (Intl.ListFormat), "a; b" for items holding commas, or
   * whole sentences one after another ("A. B.").
   */
  | { list: readonly MessageParam[]; join?: 'and' | 'or' | 'semicolon' | 'sentences' };

export interface MessageRef {
  id: MessageKey;
  params?: Readonly<Record<string, MessageParam>>;
}

/** A message by its id: the compiler checks the id is an English key (or a plural key's base). */
export function message(id: MessageKey, params?: Readonly<Record<string, MessageParam>>): MessageRef {
  return params ? { id, params } : { id };
}

/** A nested message, lower-cased at its start where it sits inside a sentence ("Flexion" → "flexion"). */
export function inner(ref: MessageRef): MessageParam {
  return { message: ref, lower: true };
}

/** A nested message starting a sentence, its first letter made a capital ("elbow flexion" → "Elbow flexion"). */
export function capital(ref: MessageRef): MessageParam {
  return { message: ref, capital: true };
}

/** Writes one message: `translate` looks an id up (with i18next's plural and interpolation rules). */
export type Translate = (id: MessageKey, values: Record<string, string | number>) => string;

export interface MessageWriter {
  translate: Translate;
  format: Pick<Formatter, 'date' | 'degrees' | 'change' | 'number'>;
  /** The Intl locale, for lists and lower-casing. */
  locale: string;
}

export function writeMessage(ref: MessageRef, w: MessageWriter): string {
  const values: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(ref.params ?? {})) {
    // A count stays a number: i18next picks the plural form from it.
    values[name] = name === 'count' && typeof param === 'number' ? param : paramText(param, w);
  }
  return w.translate(ref.id, values);
}

function paramText(p: MessageParam, w: MessageWriter): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return String(p);
  if ('date' in p) return w.format.date(p.date);
  if ('degrees' in p) return w.format.degrees(p.degrees);
  if ('change' in p) return w.format.change(p.change);
  if ('number' in p) return w.format.number(p.number);
  if ('list' in p) return listText(p.list.map((x) => paramText(x, w)), p.join ?? 'and', w.locale);
  const text = writeMessage(p.message, w);
  if (!text) return text;
  if (p.lower) return text[0]!.toLocaleLowerCase(w.locale) + text.slice(1);
  return p.capital ? text[0]!.toLocaleUpperCase(w.locale) + text.slice(1) : text;
}

// Made once per language and kind: building an Intl.ListFormat costs more than the worklist row it writes.
const listFormats = new Map<string, Intl.ListFormat>();

function listText(items: string[], join: 'and' | 'or' | 'semicolon' | 'sentences', locale: string): string {
  if (join === 'sentences') return items.join(' ');
  // French sets a space before a semicolon, as before a colon.
  if (join === 'semicolon') return items.join(locale.startsWith('fr') ? ' ; ' : '; ');
  // English lists as the rest of ROMtrack writes them, without the serial comma ("a, b and c").
  const key = `${locale} ${join}`;
  let format = listFormats.get(key);
  if (!format) listFormats.set(key, (format = new Intl.ListFormat(locale.startsWith('en') ? 'en-GB' : locale, { type: join === 'or' ? 'disjunction' : 'conjunction' })));
  return format.format(items);
}

const ENGLISH: Readonly<Record<string, string>> = en;
const PLURAL = new Intl.PluralRules('en');

/** English from the English messages, as i18next would write it: {{name}} filled, _one or _other by count. */
function translateEnglish(id: MessageKey, values: Record<string, string | number>): string {
  const count = values['count'];
  const key = typeof count === 'number' && !(id in ENGLISH) ? `${id}_${PLURAL.select(count)}` : id;
  const { texts, names, wholes } = templateOf(ENGLISH[key] ?? ENGLISH[`${id}_other`] ?? id);
  let out = texts[0]!;
  for (let i = 0; i < names.length; i++) out += (names[i]! in values ? String(values[names[i]!]) : wholes[i]!) + texts[i + 1]!;
  return out;
}

/** A template cut once at its {{names}} (a worklist page writes hundreds of messages): texts around the names. */
interface Template {
  texts: string[];
  names: string[];
  /** Each {{name}} as written, kept where no value is given. */
  wholes: string[];
}
const templates = new Map<string, Template>();

function templateOf(template: string): Template {
  let t = templates.get(template);
  if (!t) {
    t = { texts: [], names: [], wholes: [] };
    let from = 0;
    for (const m of template.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) {
      t.texts.push(template.slice(from, m.index));
      t.names.push(m[1]!);
      t.wholes.push(m[0]);
      from = m.index + m[0].length;
    }
    t.texts.push(template.slice(from));
    templates.set(template, t);
  }
  return t;
}

/** How the English text for API callers writes values; the clinic's date format where the caller knows it. */
const PLAIN_FORMAT: MessageWriter['format'] = {
  date: (d) => d,
  degrees: (n) => `${Object.is(Math.round(n * 10) / 10, -0) ? 0 : Math.round(n * 10) / 10}°`,
  change: (n) => `${n > 0 ? '+' : ''}${Object.is(Math.round(n * 10) / 10, -0) ? 0 : Math.round(n * 10) / 10}°`,
  number: (n) => String(n),
};

/**
 * The English text of a message, for API callers and logs. `format` is the clinic's formatter where the caller has
 * one; without it dates stay ISO and degrees plain (no formatter is loaded, so the schemas' own messages can be
 * written while their modules load).
 */
export function englishText(ref: MessageRef, format?: MessageWriter['format']): string {
  return writeMessage(ref, { translate: translateEnglish, format: format ?? PLAIN_FORMAT, locale: 'en-US' });
}

// zod keeps a message as text; its issue also keeps `params`, which reach the refusal. A schema's message is given
// as an error map that writes the English text and puts the id beside it, on the issue itself (zod finalises an
// issue after asking its map, so what the map sets travels with it): tests/unit/messages-by-id.test.ts checks so.
/** Where an issue carries its message as an id: `issue.params[ISSUE_REF]`. */
export const ISSUE_REF = 'messageRef';

/** Puts a message's id on a zod issue (a raw one, before zod finalises it), keeping the issue's other params. */
export function tagIssue(issue: object, ref: MessageRef): void {
  const params: unknown = 'params' in issue ? issue.params : undefined;
  const own = typeof params === 'object' && params !== null ? params : {};
  Object.assign(issue, { params: { ...own, [ISSUE_REF]: ref } });
}

/**
 * A schema's own message, as zod's `error` option: zod shows the English text, and the issue carries the id, so the
 * refusal's field messages are ids too (shared/api/issues.ts fieldRefs). The text is written once, when first used.
 */
export function said(ref: MessageRef): (issue: object) => string {
  let text: string | undefined;
  return (issue) => {
    tagIssue(issue, ref);
    return (text ??= englishText(ref));
  };
}

/** A custom issue (superRefine's ctx.addIssue) saying a message: English text, and the id in its params. */
export function saidIssue(ref: MessageRef): { code: 'custom'; message: string; params: Record<string, MessageRef> } {
  return { code: 'custom', message: englishText(ref), params: { [ISSUE_REF]: ref } };
}

/** The id a finalised zod issue carries (said, saidIssue), or undefined where its message has none. */
export function refOfIssue(issue: object): MessageRef | undefined {
  const params: unknown = 'params' in issue ? issue.params : undefined;
  if (typeof params !== 'object' || params === null || !(ISSUE_REF in params)) return undefined;
  return isMessageRef(params[ISSUE_REF]) ? params[ISSUE_REF] : undefined;
}

function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && 'id' in value && isMessageKey(value.id);
}

// The schema of a message where an operation outputs one (the contract's output checks): the id and its values.
const Param: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.strictObject({ date: z.string() }),
    z.strictObject({ degrees: z.number() }),
    z.strictObject({ change: z.number() }),
    z.strictObject({ message: MessageRefSchema, lower: z.boolean().optional(), capital: z.boolean().optional() }),
    z.strictObject({ number: z.number() }),
    z.strictObject({ list: z.array(Param), join: z.enum(['and', 'or', 'semicolon', 'sentences']).optional() }),
  ]),
);
/** An English key, or a plural key's base: what a message id may be. */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && (Object.hasOwn(ENGLISH, value) || Object.hasOwn(ENGLISH, `${value}_other`));
}
const MessageId = z.custom<MessageKey>(isMessageKey, { error: 'Not one of the message ids of shared/i18n.' });
export const MessageRefSchema: z.ZodType<MessageRef> = z.lazy(() => z.strictObject({ id: MessageId, params: z.record(z.string(), Param).optional() }));
