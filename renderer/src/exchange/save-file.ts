import type { ExportFile } from '../../../shared/api/operations/exchange';

/**
 * Saves an export the back end answered as a file, the browser's way: a Blob behind a download link. In server
 * mode this is the browser's own download (its folder, its prompt); no path crosses the API. The desktop shell's
 * download handling is not wired for this yet (docs/architecture.md, Exchange).
 */
export function saveFile(file: Pick<ExportFile, 'fileName' | 'mediaType' | 'content'>): void {
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
}
