import type { z } from 'zod';

/** Turns schema issues into per-field messages, the form the renderer shows next to each field. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
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
  return n === 1 ? 'One field needs attention.' : `${n} fields need attention.`;
}
