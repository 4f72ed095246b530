// The names both transports agree on, kept in one place.
import { isOneOf } from '../domain/one-of';

/** The one IPC channel the preload uses; the main process dispatches on the operation name inside it. */
export const IPC_CHANNEL = 'romtrack:api';
/** Server mode: POST `${HTTP_API_PREFIX}<operation>`. */
export const HTTP_API_PREFIX = '/api/';
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
  return isOneOf(MENU_COMMANDS, value);
}

/**
 * The desktop shell's one channel that is not an operation: saving the report on screen as a PDF needs the
 * window itself (webContents.printToPDF) and a save dialog, which no operation of the contract can reach.
 * The preload exposes it as `printToPdf`; main.ts checks the sender as it does for IPC_CHANNEL.
 */
export const PRINT_TO_PDF_CHANNEL = 'romtrack:print-to-pdf';
/** What the page sends: the paper (a fallback: the page's own @page size wins) and the surname for the file name. */
export interface PrintToPdfRequest {
  paper: 'A4' | 'Letter';
  familyName: string;
}
/** saved: false when the person cancelled the save dialog. */
export type PrintToPdfResult = { saved: true; path: string } | { saved: false };

/**
 * The desktop shell's save dialog for exports (electron/shell/save-export.ts): `write` saves an operation's answer
 * (exchange.exportFhir, exchange.exportCsv) where the person chooses; `choose` only asks where, for the
 * whole-clinic NDJSON the back end writes itself. Title and filter name come translated from the page.
 */
export const SAVE_EXPORT_CHANNEL = 'romtrack:save-export';
type ExportMediaType = 'application/fhir+json' | 'application/fhir+ndjson' | 'text/csv';
export type SaveExportRequest =
  | { kind: 'write'; fileName: string; mediaType: ExportMediaType; content: string; title: string; filterName: string }
  | { kind: 'choose'; fileName: string; mediaType: ExportMediaType; title: string; filterName: string };
/** saved: false when the person cancelled the dialog. */
export type SaveExportResult = { saved: true; path: string } | { saved: false };

/**
 * What the preload exposes on `window[BRIDGE_NAME]`: electron/preload.ts `satisfies` it and the renderer reads it
 * through renderer/src/api/desktop-bridge.ts only. Results cross the bridge unchecked (`unknown`); the callers
 * treat them as envelopes and check their shape.
 */
export interface DesktopBridge {
  call(operation: string, input: unknown): Promise<unknown>;
  /** Saves the page on screen (the progress report) as a PDF where the person chooses; resolves to an envelope. */
  printToPdf(request: PrintToPdfRequest): Promise<unknown>;
  /** Saves an export, or asks where one goes, in the system's save dialog; resolves to an envelope. */
  saveExport(request: SaveExportRequest): Promise<unknown>;
  /** Calls back with each menu command; returns the unsubscribe. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}
