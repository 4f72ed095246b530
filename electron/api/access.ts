import { operationRules, type OperationName } from '../../shared/api/contract';
import { requestActor } from '../auth/sessions';
import { AppError } from '../db/errors';
import type { ApiContext } from './context';
import { message, type MessageRef } from '../../shared/i18n/message';

// Who may call what: the contract's marks (shared/api/contract.ts, OperationSpec) applied before any handler
// runs, and the access row an operation that opens a patient's record leaves behind it.

/**
 * What an administrator-only operation is, in the words of its refusal. Every operation the contract marks
 * `role: 'administrator'` has its words here (tests/integration/accounts.test.ts checks each one).
 */
const ADMIN_WORK: [prefix: string, what: MessageRef][] = [
  ['clinic.', message('domain.access.work.clinic')],
  ['therapists.', message('domain.access.work.therapists')],
  ['thresholds.', message('domain.access.work.thresholds')],
  ['worklist.', message('domain.access.work.worklist')],
  ['backups.', message('domain.access.work.backups')],
  ['access.', message('domain.access.work.access')],
  ['security.recoveryKey', message('domain.access.work.recoveryKey')],
  ['exchange.configureSync', message('domain.access.work.sync')],
  ['exchange.exportClinic', message('domain.access.work.exportClinic')],
  ['exchange.importClinic', message('domain.access.work.importClinic')],
];

function adminRefusal(ctx: ApiContext, operation: OperationName): MessageRef {
  const what = { message: ADMIN_WORK.find(([prefix]) => operation.startsWith(prefix))?.[1] ?? message('domain.access.work.other') };
  const admins = ctx.repos.accounts.activeAdministrators().map((a) => a.name);
  return admins.length ? message('domain.access.adminOnly', { what, admins: { list: admins, join: 'or' } }) : message('domain.access.adminOnlyAnyone', { what });
}

/**
 * Refuses, as `unauthorized` with what to do, an operation this request's client may not call: nobody signed in,
 * the screen locked, a temporary credential not yet changed, or an administrator's operation asked by a
 * therapist. A call that passes counts as activity on the session (its idle time starts again).
 */
export function checkAccess(ctx: ApiContext, operation: OperationName): void {
  const rules = operationRules(operation);
  if (!rules.needsActor) return;
  const token = requestActor.getStore()?.token ?? undefined;
  const state = ctx.sessions.use(token);
  if (!state) throw new AppError('unauthorized', message('domain.access.signIn'));
  if (state.locked) throw new AppError('unauthorized', message('domain.access.locked'));
  const therapist = ctx.repos.therapists.get(state.session.therapistId);
  if (!therapist?.active) {
    // Deactivated while signed in: the session ends here, whatever the client still shows.
    ctx.sessions.end(state.session.token);
    throw new AppError('unauthorized', message('domain.access.inactive'));
  }
  if (therapist.mustChangeCredential && operation !== 'session.changeCredential') {
    throw new AppError('unauthorized', message('domain.access.mustChange'));
  }
  if (rules.role === 'administrator' && therapist.role !== 'administrator') throw new AppError('unauthorized', adminRefusal(ctx, operation));
}

function patientIdOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'patientId' in value && typeof value.patientId === 'string' ? value.patientId : null;
}

/**
 * After an operation marked `access` succeeded: one access row naming the signed-in person. The patient is the
 * input's (or, for a reprint named by its report, the output's); a whole-clinic export names none and leaves none.
 */
export function recordAccess(ctx: ApiContext, operation: OperationName, input: unknown, output: unknown): void {
  const what = operationRules(operation).access;
  if (!what) return;
  const patientId = patientIdOf(input) ?? patientIdOf(output);
  const actor = ctx.actorId();
  if (!patientId || !actor) return;
  ctx.repos.accessLog.add(ctx.now(), actor, patientId, what);
}
