// How the report leaves the screen. Print is the browser's own print (window.print) in both modes: the page's
// @page rule sets paper, margins and page numbers, and the print stylesheet shows only the document. Save as
// PDF is the desktop shell's printToPDF (the preload's printToPdf), present only in the desktop app; in a
// browser, the print dialog's own "Save as PDF" printer does the same.
import type { ApiError, Envelope } from '../../../shared/api/errors';
import type { DesktopBridge, PrintToPdfRequest, PrintToPdfResult } from '../../../shared/api/transport';
import { desktopBridge } from '../api/desktop-bridge';
import { message } from '../../../shared/i18n/message';

/** The DOM event File → Print report sends when the report is already on screen: print it. */
export const PRINT_REPORT_EVENT = 'romtrack:print-report';

export type PdfBridge = Pick<DesktopBridge, 'printToPdf'>;

export function pdfBridge(win: Window = window): PdfBridge | null {
  const printToPdf = desktopBridge(win)?.printToPdf;
  return typeof printToPdf === 'function' ? { printToPdf } : null;
}

/** Asks the shell to print the page to PDF and save it; an envelope in every case, never a throw. */
export async function saveReportPdf(bridge: PdfBridge, request: PrintToPdfRequest): Promise<Envelope<PrintToPdfResult>> {
  try {
    const result = (await bridge.printToPdf(request)) as Envelope<PrintToPdfResult> | undefined;
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: { code: 'internal', message: 'The desktop app gave no answer about the PDF.', messageRef: message('errors.transport.noPdfAnswer') } };
  } catch (err) {
    const error: ApiError = { code: 'internal', message: `The PDF could not be saved: ${(err as Error).message}` };
    return { ok: false, error };
  }
}
