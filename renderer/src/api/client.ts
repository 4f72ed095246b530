import { operationRules, type OperationInput, type OperationName, type OperationOutput } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/errors';
import { HTTP_API_PREFIX, TOKEN_HEADER } from '../../../shared/api/transport';
import { desktopBridge } from './desktop-bridge';
import { ApiFailure } from './failure';
import { refreshAfterChange } from './query-client';

const TOKEN_KEY = 'romtrack.token';

function bridgeCall(): ((operation: string, input: unknown) => Promise<unknown>) | undefined {
  return desktopBridge()?.call;
}

/**
 * Server mode hands the browser its token once, in the opening URL; keep it for this tab and
 * take it out of the address bar so it is not bookmarked or shown.
 */
function serverToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

async function overHttp(operation: string, input: unknown): Promise<Envelope<unknown>> {
  const token = serverToken();
  let response: Response;
  try {
    response = await fetch(`${HTTP_API_PREFIX}${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
      body: JSON.stringify(input),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Cannot reach the ROMtrack server. Check that it is still running, then try again.' },
    };
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a readable result.` } };
  }
}

/**
 * The one way the renderer talks to the back end: the desktop bridge when present, else HTTP. A change that
 * succeeds refreshes the cached reads (query-client.ts) before its caller sees the answer, so a form's
 * "saved" and the screen showing what it saved arrive together, whoever called.
 */
export async function call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<Envelope<OperationOutput<K>>> {
  const viaBridge = bridgeCall();
  const result = viaBridge ? ((await viaBridge(operation, input)) as Envelope<unknown>) : await overHttp(operation, input);
  if (result.ok && operationRules(operation).kind === 'change') await refreshAfterChange();
  return result as Envelope<OperationOutput<K>>;
}

/** For reads through the query cache (use-operation.ts): a failed envelope is thrown, keeping its message. */
export async function callOrThrow<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
  const result = await call(operation, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

// Read the token at load, before any route changes the URL.
if (!bridgeCall()) serverToken();
