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
