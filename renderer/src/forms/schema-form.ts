import { useRef } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type ResolverResult, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/errors';
import { fieldMessages, fieldRefs } from '../../../shared/api/issues';
import type { MessageRef } from '../../../shared/i18n/message';
import { useMessageText, type MessageText } from '../i18n/use-message-text';
import { readDateBoxes, withDateProblems, type DateBoxes } from './typed-dates';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Flat messages keyed by path ("cells.3.degrees") into the nested shape react-hook-form keeps. Keys are
 * read and written as own properties only, so "__proto__" or "constructor" is a field like any other and
 * never reaches Object.prototype.
 */
export function nestErrors<T extends FieldValues>(flat: Record<string, string>): FieldErrors<T> {
  const out: Record<string, unknown> = {};
  const put = (node: Record<string, unknown>, key: string, value: unknown) =>
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [path, message] of Object.entries(flat)) {
    const keys = path.split('.');
    let node = out;
    for (const k of keys.slice(0, -1)) {
      const existing: unknown = Object.hasOwn(node, k) ? node[k] : undefined;
      const next: Record<string, unknown> = isRecord(existing) ? existing : {};
      if (next !== existing) put(node, k, next);
      node = next;
    }
    put(node, keys[keys.length - 1]!, { type: 'schema', message });
  }
  return out as FieldErrors<T>;
}

/**
 * What a form hands its schema: the schema's input, except that a choice from a list may still be '' (nothing
 * chosen yet, the "Choose…" option), which the schema then refuses with its own message.
 */
export type Unchosen<I> = I extends string
  ? string extends I
    ? I
    : I | ''
  : I extends readonly (infer E)[]
    ? Unchosen<E>[]
    : I extends object
      ? { [K in keyof I]: Unchosen<I[K]> }
      : I;

/**
 * What a mapped form hands its schema to judge: the input's fields, each holding what the boxes gave (text that is
 * not a number, nothing chosen), so a field the schema renames or adds is missed here, not at the back end.
 */
export type Unchecked<I> = I extends readonly (infer E)[] ? Unchecked<E>[] : I extends object ? { [K in keyof I]: Unchecked<I[K]> } : unknown;

/** The boxes of a form whose values go to its schema as they are: the schema's input, choices possibly empty. */
export type SchemaFormValues<S extends z.ZodType> = Unchosen<z.input<S>> extends infer V extends FieldValues ? V : never;

/** The boxes of a mapped form that are its input less what the person never types (ids), derived from the schema. */
export type BoxesOf<S extends z.ZodType, Hidden extends PropertyKey = never> = Omit<SchemaFormValues<S>, Hidden>;

/** True when the schema accepts the value as its input; a refusal is added to `refused`, for its messages. */
function acceptedBy<S extends z.ZodType>(schema: S, value: unknown, refused: z.ZodError[]): value is z.input<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) refused.push(parsed.error);
  return parsed.success;
}

/**
 * A refusal's field messages in the screen's language: each written from its id where it has one (every message of
 * the shared schemas), else as the schema wrote it.
 */
export function translatedFieldMessages(error: z.ZodError, say: MessageText): Record<string, string> {
  const refs = fieldRefs(error);
  const out = fieldMessages(error);
  for (const path of Object.keys(out)) if (refs[path]) out[path] = say(refs[path]);
  return out;
}

/** The date boxes' messages (shared/domain/schema-parts.ts typedDate) in the screen's language. */
export function translatedProblems(problems: Record<string, string>, refs: Record<string, MessageRef>, say: MessageText): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(problems)) {
    const ref = refs[path];
    out[path] = ref ? say(ref) : text;
  }
  return out;
}

interface DateProblems {
  problems: Record<string, string>;
  problemRefs: Record<string, MessageRef>;
}

/** The input once the schema accepts it, or the messages of its refusal with those of the date boxes. */
function check<S extends z.ZodType, T extends FieldValues>(schema: S, input: unknown, { problems, problemRefs }: DateProblems, say?: MessageText): ResolverResult<T, z.input<S>> {
  const refused: z.ZodError[] = [];
  if (acceptedBy(schema, input, refused)) return { values: input, errors: {} };
  if (!say) return { values: {}, errors: nestErrors<T>(withDateProblems(refused[0] ? fieldMessages(refused[0]) : {}, problems)) };
  const messages = refused[0] ? translatedFieldMessages(refused[0], say) : {};
  return { values: {}, errors: nestErrors<T>(withDateProblems(messages, translatedProblems(problems, problemRefs, say))) };
}

/**
 * The writer of messages for a form's resolver, current at every render (the language or the date format may change
 * while the form is open), and remembered by the form's control for applyServerErrors.
 */
const WRITERS = new WeakMap<object, { current: MessageText }>();
function useWriter(): { current: MessageText } {
  const say = useMessageText();
  const ref = useRef(say);
  ref.current = say;
  return ref;
}
function remember<T extends FieldValues, C>(form: UseFormReturn<T, unknown, C>, writer: { current: MessageText }): UseFormReturn<T, unknown, C> {
  WRITERS.set(form.control, writer);
  return form;
}

/**
 * Validates with the same schema the back end uses, and turns its issues into messages the same
 * way (shared/api/issues), so a field says the same thing whichever side caught the mistake.
 */
export function schemaResolver<S extends z.ZodType>(schema: S, dates?: DateBoxes, writer?: { current: MessageText }): Resolver<SchemaFormValues<S>, unknown, z.input<S>> {
  return (typed) => {
    const { values, ...problems } = readDateBoxes(typed, dates);
    return check(schema, values, problems, writer?.current);
  };
}

// Checked as typed ('onChange'), not on leaving the field: a message appearing on blur moves the Save
// button between mouse-down and mouse-up, and the therapist's click is lost.
/** The submit handler receives the values once the schema accepted them, typed as its input (dates as ISO). */
export function useSchemaForm<S extends z.ZodType>(
  schema: S,
  defaultValues: DefaultValues<SchemaFormValues<S>>,
  dates?: DateBoxes,
): UseFormReturn<SchemaFormValues<S>, unknown, z.input<S>> {
  const writer = useWriter();
  return remember(useForm({ resolver: schemaResolver(schema, dates, writer), defaultValues, mode: 'onChange', reValidateMode: 'onChange' }), writer);
}

/**
 * Puts the back end's per-field messages next to their fields; returns the message for the rest. Each is written
 * from its id in the screen's language where the back end sent one (and the form is one of useSchemaForm's or
 * useMappedForm's, which know the screen's language).
 */
export function applyServerErrors<T extends FieldValues, Checked>(form: UseFormReturn<T, unknown, Checked>, error: ApiError, known: readonly string[]): string | null {
  const say = WRITERS.get(form.control)?.current;
  const text = (field: string, english: string) => {
    const ref = error.fieldRefs?.[field];
    return say && ref ? say(ref) : english;
  };
  let unplaced: string | null = null;
  let first = true;
  for (const [field, english] of Object.entries(error.fields ?? {})) {
    const message = text(field, english);
    if (known.includes(field)) {
      form.setError(field as Path<T>, { type: 'server', message }, { shouldFocus: first });
      first = false;
    } else {
      unplaced ??= message;
    }
  }
  const summary = say && error.messageRef ? say(error.messageRef) : error.message;
  return error.fields && !unplaced ? null : (unplaced ?? summary);
}

/**
 * Like schemaResolver, for forms whose boxes hold text that must first become the input's types (an
 * empty optional date is null, "12" is 12) or that need ids the person never types. Field names stay
 * those of the input, so each message lands on the box it concerns.
 *
 * `dates`: the date boxes, typed in the clinic's format or ISO (typed-dates.ts). They reach `toInput`, and the
 * submit handler, as ISO dates; a box that is not a date gets a message in the clinic's format.
 */
export function mappedResolver<S extends z.ZodType, T extends FieldValues>(
  schema: S,
  toInput: (values: T) => Unchecked<z.input<S>>,
  dates?: DateBoxes,
  writer?: { current: MessageText },
): Resolver<T, unknown, z.input<S>> {
  return (typed) => {
    const { values, ...problems } = readDateBoxes(typed, dates);
    return check(schema, toInput(values), problems, writer?.current);
  };
}

/**
 * A form whose boxes (T, the type of `toInput`'s argument) become the schema's input through `toInput`. The submit
 * handler receives that input once the schema accepted it, typed as the schema's input: what the operation takes.
 */
export function useMappedForm<S extends z.ZodType, T extends FieldValues>(
  schema: S,
  defaultValues: DefaultValues<NoInfer<T>>,
  toInput: (values: T) => Unchecked<z.input<S>>,
  dates?: DateBoxes,
): UseFormReturn<T, unknown, z.input<S>> {
  const writer = useWriter();
  return remember(useForm({ resolver: mappedResolver(schema, toInput, dates, writer), defaultValues, mode: 'onChange', reValidateMode: 'onChange' }), writer);
}
