// Typed errors live below every layer that throws them (db, backup, api), so no lower layer imports a higher one.
import type { ApiError, ErrorCode } from '../../shared/api/errors';
import { copyFieldMessages, newFieldMessages } from '../../shared/api/issues';
import type { DateFormat } from '../../shared/domain/dates';
import { createFormatter } from '../../shared/format';
import { englishText, type MessageRef } from '../../shared/i18n/message';

/** Dates in an AppError's English text: the clinic's format where the caller knows it, else "14 Mar 2026". */
function englishIn(dateFormat: DateFormat = 'D MMM YYYY') {
  const format = createFormatter({ dateFormat, language: 'en' });
  return (said: MessageRef) => englishText(said, format);
}
const ENGLISH = englishIn();

/**
 * A failure the caller can act on; the dispatcher turns it into an error envelope. Its messages are ids
 * (shared/i18n/messages/<lang>/domain.ts, errors.ts), written on the screen in the person's language; `message` and
 * `fields` are their English text, for API callers and logs.
 */
export class AppError extends Error {
  readonly messageRef: MessageRef;
  readonly fields?: Record<string, string>;
  readonly fieldRefs?: Record<string, MessageRef>;

  constructor(
    readonly code: ErrorCode,
    said: MessageRef,
    fields?: Readonly<Record<string, MessageRef>>,
    /**
     * Values beside the field messages that are not words, the same in every language: the id of the record a
     * refusal points to (`duplicateOf`), which the screen links to. Sent in `fields` as they are.
     */
    values?: Readonly<Record<string, string>>,
  ) {
    super(ENGLISH(said));
    this.name = 'AppError';
    this.messageRef = said;
    if (fields || values) {
      const texts = newFieldMessages();
      const refs = newFieldMessages<MessageRef>();
      for (const [path, field] of Object.entries(fields ?? {})) {
        texts[path] = ENGLISH(field);
        refs[path] = field;
      }
      for (const [path, value] of Object.entries(values ?? {})) texts[path] = value;
      this.fields = texts;
      if (fields) this.fieldRefs = refs;
    }
  }

  /**
   * The error as the API answers it, its English dates in the clinic's format; field messages copied into
   * prototype-free objects ("__proto__" is a field too).
   */
  toApiError(dateFormat?: DateFormat): ApiError {
    const english = dateFormat ? englishIn(dateFormat) : ENGLISH;
    const fields = this.fields && copyFieldMessages(this.fields);
    for (const [path, ref] of Object.entries(this.fieldRefs ?? {})) if (fields) fields[path] = english(ref);
    return {
      code: this.code,
      message: english(this.messageRef),
      messageRef: this.messageRef,
      ...(fields ? { fields } : {}),
      ...(this.fieldRefs ? { fieldRefs: copyFieldMessages(this.fieldRefs) } : {}),
    };
  }

  /** Each field's message as the caller gave it, to throw again under another field. */
  fieldSaid(path: string): MessageRef | undefined {
    return this.fieldRefs?.[path];
  }
}

/**
 * The text of anything thrown: an error's own message, or the thrown value itself as text. `catch` gives
 * `unknown`, and a library (or a worker's message) may throw something that is not an Error.
 */
export function messageOf(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string') return err.message;
  return String(err);
}

/** The code a failed system or SQLite call carries (ENOENT, EEXIST, SQLITE_FULL…), or undefined when it has none. */
export function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}
