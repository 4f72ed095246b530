import type { ApiError } from '../../../shared/api/errors';
import { englishText, message, type MessageRef } from '../../../shared/i18n/message';
import { useMessageText } from '../i18n/use-message-text';

/** A failed envelope as a thrown value, for the query cache: the back end's answer, with its message. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

const READ_FAILED = message('errors.readFailed');

/** What a screen shows for anything a read threw: the API's own error, or the thrown message as an internal one. */
export function apiErrorOf(thrown: unknown): ApiError {
  if (thrown instanceof ApiFailure) return thrown.error;
  if (thrown instanceof Error && thrown.message) return { code: 'internal', message: thrown.message };
  return { code: 'internal', message: englishText(READ_FAILED), messageRef: READ_FAILED };
}

/**
 * An error's message as a person reads it: from its id in the screen's language where it has one, else as sent.
 * Given a field, that field's own message first. Screens never show `error.message` itself, which is English.
 */
export function useApiErrorText(): (error: ApiError, field?: string) => string {
  const say = useMessageText();
  return (error, field) => apiErrorText(say, error, field);
}

/** The same, written by a given `say` (the update screen writes in the start language, before the app's is known). */
export function apiErrorText(say: (ref: MessageRef) => string, error: ApiError, field?: string): string {
  const fieldRef = field ? error.fieldRefs?.[field] : undefined;
  if (fieldRef) return say(fieldRef);
  return error.messageRef ? say(error.messageRef) : error.message;
}
