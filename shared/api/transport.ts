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

/** The one event the desktop shell sends the page when a menu item concerns it (New patient, Print report). */
export const MENU_COMMAND_CHANNEL = 'romtrack:menu-command';
/** What that event can carry; the preload drops anything else, and the renderer handles each one. */
export const MENU_COMMANDS = ['new-patient', 'print-report'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
