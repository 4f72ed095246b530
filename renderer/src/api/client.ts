import { operationRules, type OperationInput, type OperationName, type OperationOutput } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/errors';
import { HTTP_API_PREFIX } from '../../../shared/api/transport';
import { message } from '../../../shared/i18n/message';
import { desktopBridge } from './desktop-bridge';
import { ApiFailure } from './failure';
import { refreshAfterChange } from './query-client';

function bridgeCall(): ((operation: string, input: unknown) => Promise<unknown>) | undefined {
  return desktopBridge()?.call;
}

// Server mode authenticates by the session cookie the sign-in set (HttpOnly, so this page never sees it):
// a same-origin fetch sends it, and nothing secret travels in the URL or in the page's storage.
async function overHttp(operation: string, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`${HTTP_API_PREFIX}${operation}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Cannot reach the ROMtrack server. Check that it is still running, then try again.', messageRef: message('errors.transport.unreachable') },
    };
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a readable result.`, messageRef: message('errors.transport.unreadable', { status: response.status }) } };
  }
}

let onUnauthorized: (() => void) | null = null;

/**
 * Told when an operation is refused as `unauthorized` (no session, a locked one, or an administrator's operation):
 * the session screen reads the session again and shows sign-in or the lock screen. The session operations
 * themselves answer a wrong PIN that way too; their screens show that message at the field instead.
 */
export function whenUnauthorized(listener: (() => void) | null): void {
  onUnauthorized = listener;
}

/**
 * The one way the renderer talks to the back end: the desktop bridge when present, else HTTP. A change that
 * succeeds refreshes the cached reads (query-client.ts) before its caller sees the answer, so a form's
 * "saved" and the screen showing what it saved arrive together, whoever called.
 */
export async function call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<Envelope<OperationOutput<K>>> {
  const viaBridge = bridgeCall();
  const result = viaBridge ? ((await viaBridge(operation, input)) as Envelope<unknown>) : await overHttp(operation, input);
  if (result.ok && operationRules(operation).kind === 'change') await refreshAfterChange(operation, input);
  if (!result.ok && result.error.code === 'unauthorized' && !operation.startsWith('session.')) onUnauthorized?.();
  return result as Envelope<OperationOutput<K>>;
}

/** For reads through the query cache (use-operation.ts): a failed envelope is thrown, keeping its message. */
export async function callOrThrow<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
  const result = await call(operation, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
