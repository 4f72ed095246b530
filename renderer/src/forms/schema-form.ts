import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type ResolverResult, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/errors';
import { fieldMessages } from '../../../shared/api/issues';
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

/** The input once the schema accepts it, or the messages of its refusal with those of the date boxes. */
function check<S extends z.ZodType, T extends FieldValues>(schema: S, input: unknown, problems: Record<string, string>): ResolverResult<T, z.input<S>> {
  const refused: z.ZodError[] = [];
  if (acceptedBy(schema, input, refused)) return { values: input, errors: {} };
  const messages = refused[0] ? fieldMessages(refused[0]) : {};
  return { values: {}, errors: nestErrors<T>(withDateProblems(messages, problems)) };
}

/**
 * Validates with the same schema the back end uses, and turns its issues into messages the same
 * way (shared/api/issues), so a field says the same thing whichever side caught the mistake.
 */
export function schemaResolver<S extends z.ZodType>(schema: S, dates?: DateBoxes): Resolver<SchemaFormValues<S>, unknown, z.input<S>> {
  return (typed) => {
    const { values, problems } = readDateBoxes(typed, dates);
    return check(schema, values, problems);
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
  return useForm({ resolver: schemaResolver(schema, dates), defaultValues, mode: 'onChange', reValidateMode: 'onChange' });
}

/** Puts the back end's per-field messages next to their fields; returns the message for the rest. */
export function applyServerErrors<T extends FieldValues, Checked>(form: UseFormReturn<T, unknown, Checked>, error: ApiError, known: readonly string[]): string | null {
  let unplaced: string | null = null;
  let first = true;
  for (const [field, message] of Object.entries(error.fields ?? {})) {
    if (known.includes(field)) {
      form.setError(field as Path<T>, { type: 'server', message }, { shouldFocus: first });
      first = false;
    } else {
      unplaced ??= message;
    }
  }
  return error.fields && !unplaced ? null : (unplaced ?? error.message);
}

/**
 * Like schemaResolver, for forms whose boxes hold text that must first become the input's types (an
 * empty optional date is null, "12" is 12) or that need ids the person never types. Field names stay
 * those of the input, so each message lands on the box it concerns.
 *
 * `dates`: the date boxes, typed in the clinic's format or ISO (typed-dates.ts). They reach `toInput`, and the
 * submit handler, as ISO dates; a box that is not a date gets a message in the clinic's format.
 */
export function mappedResolver<S extends z.ZodType, T extends FieldValues>(schema: S, toInput: (values: T) => Unchecked<z.input<S>>, dates?: DateBoxes): Resolver<T, unknown, z.input<S>> {
  return (typed) => {
    const { values, problems } = readDateBoxes(typed, dates);
    return check(schema, toInput(values), problems);
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
  return useForm({ resolver: mappedResolver(schema, toInput, dates), defaultValues, mode: 'onChange', reValidateMode: 'onChange' });
}
