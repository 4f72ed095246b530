export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unauthorized', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /**
   * Per-field messages a person can act on, keyed by the field's path (e.g. "dateOfBirth"). Built without a
   * prototype (shared/api/issues.ts newFieldMessages), so any key, "__proto__" included, is an own key.
   */
  fields?: Record<string, string>;
}

/** Every call returns this: thrown errors lose their details across IPC, so failures are values. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
