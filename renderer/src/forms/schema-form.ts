import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/errors';
import { fieldMessages } from '../../../shared/api/issues';
import { readDateBoxes, withDateProblems, type DateBoxes } from './typed-dates';

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
    keys.slice(0, -1).forEach((k) => {
      if (!Object.hasOwn(node, k) || typeof node[k] !== 'object' || node[k] === null) put(node, k, {});
      node = node[k] as Record<string, unknown>;
    });
    put(node, keys[keys.length - 1]!, { type: 'schema', message });
  }
  return out as FieldErrors<T>;
}

/**
 * Validates with the same schema the back end uses, and turns its issues into messages the same
 * way (shared/api/issues), so a field says the same thing whichever side caught the mistake.
 */
export function schemaResolver<T extends FieldValues>(schema: z.ZodType, dates?: DateBoxes): Resolver<T> {
  return mappedResolver<T>(schema, (values) => values, dates);
}

// Checked as typed ('onChange'), not on leaving the field: a message appearing on blur moves the Save
// button between mouse-down and mouse-up, and the therapist's click is lost.
export function useSchemaForm<T extends FieldValues>(schema: z.ZodType, defaultValues: DefaultValues<T>, dates?: DateBoxes): UseFormReturn<T> {
  return useForm<T>({ resolver: schemaResolver<T>(schema, dates), defaultValues, mode: 'onChange', reValidateMode: 'onChange' });
}

/** Puts the back end's per-field messages next to their fields; returns the message for the rest. */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T>, error: ApiError, known: readonly string[]): string | null {
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
export function mappedResolver<T extends FieldValues>(schema: z.ZodType, toInput: (values: T) => unknown, dates?: DateBoxes): Resolver<T> {
  return (typed) => {
    const { values, problems } = readDateBoxes(typed, dates);
    const parsed = schema.safeParse(toInput(values));
    if (parsed.success) return { values, errors: {} };
    return { values: {}, errors: nestErrors<T>(withDateProblems(fieldMessages(parsed.error), problems)) };
  };
}

export function useMappedForm<T extends FieldValues>(schema: z.ZodType, defaultValues: DefaultValues<T>, toInput: (values: T) => unknown, dates?: DateBoxes): UseFormReturn<T> {
  return useForm<T>({ resolver: mappedResolver<T>(schema, toInput, dates), defaultValues, mode: 'onChange', reValidateMode: 'onChange' });
}
