import { operationRules, type OperationName } from '../../shared/api/contract';
import { requestActor } from '../auth/sessions';
import { AppError } from '../db/errors';
import type { ApiContext } from './context';

// Who may call what: the contract's marks (shared/api/contract.ts, OperationSpec) applied before any handler
// runs, and the access row an operation that opens a patient's record leaves behind it.

/**
 * What an administrator-only operation is, in the words of its refusal. Every operation the contract marks
 * `role: 'administrator'` has its words here (tests/integration/accounts.test.ts checks each one).
 */
const ADMIN_WORK: [prefix: string, what: string][] = [
  ['clinic.', "change the clinic's settings"],
  ['therapists.', "change the therapists' accounts"],
  ['thresholds.', "change the clinic's thresholds"],
  ['worklist.', "change the worklist's settings"],
  ['backups.', 'make or restore backups'],
  ['access.', "see who opened a patient's record"],
  ['security.recoveryKey', "show the clinic's recovery key"],
  ['exchange.configureSync', "set up sync with the district's server"],
  ['exchange.exportClinic', "export the whole clinic's records"],
  ['exchange.importClinic', "import a whole clinic's records"],
];

function adminRefusal(ctx: ApiContext, operation: OperationName): string {
  const what = ADMIN_WORK.find(([prefix]) => operation.startsWith(prefix))?.[1] ?? 'do this';
  const admins = ctx.repos.accounts.activeAdministrators().map((a) => a.name);
  const ask = admins.length ? `ask ${admins.join(' or ')}` : 'ask an administrator';
  return `Only an administrator can ${what}: ${ask}.`;
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
  if (!state) throw new AppError('unauthorized', 'Sign in to go on.');
  if (state.locked) throw new AppError('unauthorized', 'The screen is locked: enter your PIN or password.');
  const therapist = ctx.repos.therapists.get(state.session.therapistId);
  if (!therapist?.active) {
    // Deactivated while signed in: the session ends here, whatever the client still shows.
    ctx.sessions.end(state.session.token);
    throw new AppError('unauthorized', 'Sign in to go on: this account is no longer active.');
  }
  if (therapist.mustChangeCredential && operation !== 'session.changeCredential') {
    throw new AppError('unauthorized', 'Your PIN or password was set by an administrator: choose your own to go on.');
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
