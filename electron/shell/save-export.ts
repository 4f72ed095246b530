import { basename, extname, join } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { z } from 'zod';
import type { Envelope } from '../../shared/api/errors';
import type { SaveExportRequest, SaveExportResult } from '../../shared/api/transport';
import { messageOf } from '../db/errors';
import { isTrustedIpcSender } from './trusted-url';

// Saving an export in the desktop app: the operation's answer (a patient's Bundle, a CSV), or the path for the
// whole-clinic NDJSON the back end streams, goes where the person chooses in the system's save dialog, not to a
// fixed place. The operations are the same as in server mode; only where the file lands differs. Everything but
// the Electron calls lives here so it is tested in plain Node; main.ts passes the dialog and the write in.

/** The extension each kind of export must end in, and so the one filter its dialog offers. */
const EXTENSION = { 'application/fhir+json': 'json', 'application/fhir+ndjson': 'ndjson', 'text/csv': 'csv' } as const satisfies Record<SaveExportRequest['mediaType'], string>;

const MEDIA_TYPES = ['application/fhir+json', 'application/fhir+ndjson', 'text/csv'] as const;
const label = z.string().trim().min(1).max(200);
const Request: z.ZodType<SaveExportRequest> = z.discriminatedUnion('kind', [
  // The page has the file's text (the operation's answer) and the shell writes it.
  z.strictObject({ kind: z.literal('write'), fileName: z.string().max(255), mediaType: z.enum(MEDIA_TYPES), content: z.string(), title: label, filterName: label }),
  // The back end writes the file itself (the whole clinic, streamed): the shell only asks where.
  z.strictObject({ kind: z.literal('choose'), fileName: z.string().max(255), mediaType: z.enum(MEDIA_TYPES), title: label, filterName: label }),
]);

export function parseSaveExportRequest(value: unknown): SaveExportRequest | null {
  const parsed = Request.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The file name the dialog proposes: the operation's own name reduced to its last part (no folders from the
 * page), characters file systems refuse replaced, and the kind's extension, added when it is missing.
 */
export function exportFileName(fileName: string, mediaType: SaveExportRequest['mediaType']): string {
  const ext = EXTENSION[mediaType];
  const cleaned = basename(fileName.replace(/\\/g, '/'))
    .split('')
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || '\\/:*?"<>|'.includes(c) ? '-' : c))
    .join('')
    .replace(/^\.+/, '')
    .slice(0, 120);
  const stem = cleaned.toLowerCase().endsWith(`.${ext}`) ? cleaned.slice(0, -ext.length - 1) : cleaned;
  return `${stem || 'romtrack-export'}.${ext}`;
}

/** The save dialog for one export: in the documents folder, the proposed name, and only its own kind's filter. */
export function saveDialogOptions(request: SaveExportRequest, documentsDir: string): SaveDialogOptions {
  const name = exportFileName(request.fileName, request.mediaType);
  return {
    title: request.title,
    defaultPath: join(documentsDir, name),
    filters: [{ name: request.filterName, extensions: [EXTENSION[request.mediaType]] }],
    // The whole-clinic export never writes over a file (it refuses one that exists), so it asks no question.
    properties: request.kind === 'write' ? ['showOverwriteConfirmation', 'createDirectory'] : ['createDirectory'],
  };
}

/** The chosen path, with the kind's extension added when the person typed a name without it. */
export function withExtension(path: string, mediaType: SaveExportRequest['mediaType']): string {
  const ext = EXTENSION[mediaType];
  return extname(path).toLowerCase() === `.${ext}` ? path : `${path}.${ext}`;
}

export interface SaveExportSteps {
  /** The system's save dialog; resolves to the chosen path, or null when cancelled. */
  chooseFile(options: SaveDialogOptions): Promise<string | null>;
  writeFile(path: string, text: string): Promise<void>;
  documentsDir: string;
}

/**
 * The SAVE_EXPORT_CHANNEL handler: only our own top frame and a well-formed request; then the dialog, and for
 * `write` the file. The answer is an envelope; a cancelled dialog is { saved: false }, not an error.
 */
export async function saveExport(steps: SaveExportSteps, frameUrl: string | undefined, isMainFrame: boolean, request: unknown): Promise<Envelope<SaveExportResult>> {
  if (!isTrustedIpcSender(frameUrl, isMainFrame)) {
    return { ok: false, error: { code: 'unauthorized', message: 'Refused: this request did not come from ROMtrack.' } };
  }
  const parsed = parseSaveExportRequest(request);
  if (!parsed) return { ok: false, error: { code: 'invalid_input', message: 'The request to save an export was not understood.' } };
  const chosen = await steps.chooseFile(saveDialogOptions(parsed, steps.documentsDir));
  if (chosen === null) return { ok: true, value: { saved: false } };
  const path = withExtension(chosen, parsed.mediaType);
  if (parsed.kind === 'choose') return { ok: true, value: { saved: true, path } };
  try {
    await steps.writeFile(path, parsed.content);
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `The export could not be written to ${path}: ${messageOf(err)}. Choose another folder and try again.` } };
  }
  return { ok: true, value: { saved: true, path } };
}
