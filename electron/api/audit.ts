import { writeAudit } from '../db/audit-repository';
import type { ApiContext } from './context';
import { requireActor } from './session';

export interface Change {
  at: string;
  operation: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** Only first-run set-up acts before anyone is chosen; it names the therapist it creates. */
  actorId?: string;
}

/** Records a change made by the current therapist; call inside the change's transaction. */
export function audit(ctx: ApiContext, change: Change): void {
  writeAudit(ctx.db, { ...change, actorId: change.actorId ?? requireActor(ctx) });
}
