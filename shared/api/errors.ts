import type { MessageRef } from '../i18n/message';

export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unauthorized', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** In English, for API callers and logs; a screen shows `messageRef` in the person's language where there is one. */
  message: string;
  /** The message as an id with its values (shared/i18n/message.ts), where the back end has one. */
  messageRef?: MessageRef;
  /**
   * Per-field messages a person can act on, keyed by the field's path (e.g. "dateOfBirth"), in English. Built
   * without a prototype (shared/api/issues.ts newFieldMessages), so any key, "__proto__" included, is an own key.
   */
  fields?: Record<string, string>;
  /** The same field messages as ids with their values, for those that have one; a screen shows these first. */
  fieldRefs?: Record<string, MessageRef>;
}

/** Every call returns this: thrown errors lose their details across IPC, so failures are values. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
