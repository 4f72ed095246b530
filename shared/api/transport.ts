// The names both transports agree on, kept in one place.

/** The one IPC channel the preload uses; the main process dispatches on the operation name inside it. */
export const IPC_CHANNEL = 'romtrack:api';
/** Server mode: POST `${HTTP_API_PREFIX}<operation>`. */
export const HTTP_API_PREFIX = '/api/';
/** Server mode: the per-start token travels in this header (and once in the opening URL's `token` query). */
export const TOKEN_HEADER = 'x-romtrack-token';
/** Requests larger than this are refused before parsing. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_NAME = 'romtrack';
