import type { ExportFile } from '../../../shared/api/operations/exchange';
import type { SaveExportRequest } from '../../../shared/api/transport';
import { desktopBridge } from '../api/desktop-bridge';
import { ApiFailure } from '../api/failure';
import { englishText, message, MessageRefSchema, type MessageRef } from '../../../shared/i18n/message';

type File = Pick<ExportFile, 'fileName' | 'mediaType' | 'content'>;
/** The save dialog's words, in the screen's language (the shell has no language of its own). */
export interface DialogWords {
  title: string;
  filterName: string;
}
/** Where the file went: a path the person chose (desktop), the browser's downloads, or nowhere (cancelled). */
export type Saved = { saved: true; path: string | null } | { saved: false };

function failure(ref: MessageRef): ApiFailure {
  return new ApiFailure({ code: 'internal', message: englishText(ref), messageRef: ref });
}

/** What the shell answered, read without trusting it: { ok: true, value: { saved, path? } }, or an ApiError. */
function readAnswer(answer: unknown): Saved | ApiFailure {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return failure(message('exchange.error.desktopNoAnswer'));
  if (answer.ok !== true) {
    const error = 'error' in answer && typeof answer.error === 'object' && answer.error !== null && 'messageRef' in answer.error ? MessageRefSchema.safeParse(answer.error.messageRef) : null;
    return failure(error?.success ? error.data : message('exchange.error.notSaved'));
  }
  const value = 'value' in answer && typeof answer.value === 'object' && answer.value !== null ? answer.value : null;
  if (value && 'saved' in value && value.saved === true && 'path' in value && typeof value.path === 'string') return { saved: true, path: value.path };
  return { saved: false };
}

/**
 * In the desktop app, the system's save dialog (electron/shell/save-export.ts): the person chooses where, with
 * the filter of the export's kind. Where `choose` is all that is wanted (the whole-clinic NDJSON, which the back
 * end writes), resolves to the chosen path. Null when there is no desktop shell (a browser).
 */
export async function askDesktop(request: SaveExportRequest): Promise<Saved | null> {
  const save = desktopBridge()?.saveExport;
  if (!save) return null;
  const answer = readAnswer(await save(request));
  if (answer instanceof ApiFailure) throw answer;
  return answer;
}

/**
 * Saves an export the back end answered as a file. In the desktop app, where the person chooses; in a browser
 * (server mode), the browser's own download (its folder, its prompt) through a Blob: no path crosses the API.
 */
export async function saveFile(file: File, words: DialogWords): Promise<Saved> {
  const desktop = await askDesktop({ kind: 'write', ...file, ...words });
  if (desktop) return desktop;
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the download; revoking at once can cut it short in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, path: null };
}
