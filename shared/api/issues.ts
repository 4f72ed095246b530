import type { z } from 'zod';
import { englishText, message, refOfIssue, type MessageRef } from '../i18n/message';
import type { ApiError } from './errors';
// Installs the person-readable messages for issues whose schema gave none (a side effect, once).
import './zod-messages';

/**
 * A fresh set of field messages: an object without a prototype, so a field named "__proto__",
 * "constructor" or "toString" is a key like any other (in a plain object those names find
 * Object.prototype's members, and `??=` or the __proto__ setter would drop the message). It still
 * serialises to JSON with every key.
 */
export function newFieldMessages<T = string>(): Record<string, T> {
  const messages: Record<string, T> = {};
  Object.setPrototypeOf(messages, null);
  return messages;
}

/** A copy of field messages from elsewhere (an AppError, a handler) as own keys of a prototype-free object. */
export function copyFieldMessages<T = string>(fields: Readonly<Record<string, T>>): Record<string, T> {
  const out = newFieldMessages<T>();
  for (const [key, message] of Object.entries(fields)) out[key] = message;
  return out;
}

/** Each field's first issue as an id: the schema's own (said) or the one zod-messages wrote; absent where it has none. */
export function fieldRefs(error: z.ZodError): Record<string, MessageRef> {
  const refs = newFieldMessages<MessageRef>();
  const seen = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        if (!seen.has(path)) refs[path] = message('errors.field.unknownKey', { key });
        seen.add(path);
      }
      continue;
    }
    const path = issue.path.join('.') || '_';
    if (seen.has(path)) continue;
    seen.add(path);
    const ref = refOfIssue(issue);
    if (ref) refs[path] = ref;
  }
  return refs;
}

/** Turns schema issues into per-field messages, the form the renderer shows next to each field. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields = newFieldMessages();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        fields[path] ??= englishText(message('errors.field.unknownKey', { key }));
      }
      continue;
    }
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export function summaryRef(fields: Record<string, unknown>): MessageRef {
  const n = Object.keys(fields).length;
  return n === 0 ? message('errors.refused') : message('errors.fieldsNeedAttention', { count: n });
}

export function summarize(fields: Record<string, string>): string {
  return englishText(summaryRef(fields));
}

/** A refused input as the API answers it: English for API callers, ids for the screens. */
export function refusalOf(error: z.ZodError): ApiError {
  const fields = fieldMessages(error);
  return { code: 'invalid_input', message: summarize(fields), messageRef: summaryRef(fields), fields, fieldRefs: fieldRefs(error) };
}
