import type { z } from 'zod';
// Installs the person-readable messages for issues whose schema gave none (a side effect, once).
import './zod-messages';

/**
 * A fresh set of field messages: an object without a prototype, so a field named "__proto__",
 * "constructor" or "toString" is a key like any other (in a plain object those names find
 * Object.prototype's members, and `??=` or the __proto__ setter would drop the message). It still
 * serialises to JSON with every key.
 */
export function newFieldMessages(): Record<string, string> {
  const messages: Record<string, string> = {};
  Object.setPrototypeOf(messages, null);
  return messages;
}

/** A copy of field messages from elsewhere (an AppError, a handler) as own keys of a prototype-free object. */
export function copyFieldMessages(fields: Readonly<Record<string, string>>): Record<string, string> {
  const out = newFieldMessages();
  for (const [key, message] of Object.entries(fields)) out[key] = message;
  return out;
}

/** Turns schema issues into per-field messages, the form the renderer shows next to each field. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields = newFieldMessages();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        fields[path] ??= `"${key}" is not a field this form accepts. Remove it.`;
      }
      continue;
    }
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export function summarize(fields: Record<string, string>): string {
  const n = Object.keys(fields).length;
  if (n === 0) return 'The request was refused: check the values sent.';
  return n === 1 ? 'One field needs attention.' : `${n} fields need attention.`;
}
