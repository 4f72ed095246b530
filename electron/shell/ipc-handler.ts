import type { Envelope } from '../../shared/api/errors';
import { MAX_REQUEST_BYTES } from '../../shared/api/transport';
import type { Dispatch } from '../api/dispatch';
import { inDesktopScope } from './desktop-scope';
import { isTrustedIpcSender } from './trusted-url';

/**
 * The desktop transport's checks, the same ones server mode makes over HTTP: only our own top
 * frame, an operation name that is text, and no more than MAX_REQUEST_BYTES of JSON. The input is
 * handed on as parsed JSON, so both transports give `dispatch` exactly the same kind of value
 * (no Dates, Maps or undefined that only structured cloning over IPC could carry). The call runs as the
 * person signed in on the window (desktop-scope.ts).
 */
export async function handleIpcCall(
  dispatch: Dispatch,
  frameUrl: string | undefined,
  isMainFrame: boolean,
  operation: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!isTrustedIpcSender(frameUrl, isMainFrame)) {
    return { ok: false, error: { code: 'unauthorized', message: 'Refused: this request did not come from ROMtrack.' } };
  }
  if (typeof operation !== 'string') {
    return { ok: false, error: { code: 'invalid_input', message: 'The operation name must be text.' } };
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(input);
  } catch {
    return { ok: false, error: { code: 'invalid_input', message: 'The request could not be read as JSON.' } };
  }
  if (json !== undefined && Buffer.byteLength(json, 'utf8') > MAX_REQUEST_BYTES) {
    return { ok: false, error: { code: 'invalid_input', message: `The request is larger than ${MAX_REQUEST_BYTES / 1024} KiB and was refused.` } };
  }
  const copy: unknown = json === undefined ? undefined : JSON.parse(json);
  return inDesktopScope(() => dispatch(operation, copy));
}
