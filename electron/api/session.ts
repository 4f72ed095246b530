import { AppError } from '../db/errors';
import type { ApiContext } from './context';

/**
 * Who is working at this workstation. The one place the current therapist is chosen and read,
 * so that passwords or locking can later be added here alone. In server mode it is one choice
 * for the whole server process, shared by every browser tab that has the token.
 */
export class WorkSession {
  private currentId: string | null = null;

  current(): string | null {
    return this.currentId;
  }

  select(therapistId: string | null): void {
    this.currentId = therapistId;
  }
}

export const LAST_THERAPIST_KEY = 'last_therapist_id';

/** Changes to records need a who for the audit log and the rater of a measurement. */
export function requireActor(ctx: ApiContext): string {
  const id = ctx.actorId();
  if (!id) throw new AppError('unauthorized', 'Choose who is working before making changes (the therapist menu at the top).');
  return id;
}
