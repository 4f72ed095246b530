import type { ApiError } from '../../../shared/api/errors';

/** A failed envelope as a thrown value, for the query cache: the back end's answer, with its message. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** What a screen shows for anything a read threw: the API's own error, or the thrown message as an internal one. */
export function apiErrorOf(thrown: unknown): ApiError {
  if (thrown instanceof ApiFailure) return thrown.error;
  const message = thrown instanceof Error && thrown.message ? thrown.message : 'Something went wrong reading this.';
  return { code: 'internal', message };
}
