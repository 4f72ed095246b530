// Typed errors live below every layer that throws them (db, backup, api), so no lower layer imports a higher one.
import type { ErrorCode } from '../../shared/api/errors';

/** A failure the caller can act on; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
