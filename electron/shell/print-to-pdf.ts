import { join } from 'node:path';
import type { PrintToPDFOptions } from 'electron';
import { z } from 'zod';
import type { Envelope } from '../../shared/api/errors';
import type { PrintToPdfRequest, PrintToPdfResult } from '../../shared/api/transport';
import { messageOf } from '../db/errors';
import { isTrustedIpcSender } from './trusted-url';

// "Save as PDF…" in the desktop app: the page on screen, printed by Chromium exactly as the browser's own
// print would print it, then written where the person chooses. Everything but the Electron calls lives here,
// so it is tested in plain Node; main.ts passes the calls in.

/**
 * preferCSSPageSize: the report's @page rule decides the paper and the margins, so the browser's print,
 * Playwright's page.pdf and this give the same document; pageSize only matters if that rule were missing.
 * printBackground false: the report is a black-and-white document and must not rely on fills.
 */
export function pdfOptions(paper: PrintToPdfRequest['paper']): PrintToPDFOptions {
  return { preferCSSPageSize: true, printBackground: false, pageSize: paper, landscape: false, displayHeaderFooter: false, generateTaggedPDF: true };
}

/**
 * "ROMtrack report MENSAH 2026-11-25.pdf". The surname is reduced to what every file system accepts: no path
 * separators, no characters Windows refuses, no control characters, no runs of dots, at most 60 characters.
 */
export function reportFileName(familyName: string, date: string): string {
  const cleaned = familyName
    .normalize('NFC')
    .split('')
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    // Runs of dots ("..") mean nothing in a name and read like a path; a leading dot hides a file on Unix.
    .replace(/\.{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 60)
    .trim()
    .toUpperCase();
  return `ROMtrack report ${cleaned || 'PATIENT'} ${date}.pdf`;
}

const PrintRequest: z.ZodType<PrintToPdfRequest> = z.strictObject({ paper: z.enum(['A4', 'Letter']), familyName: z.string().max(200) });

/** Accepts only { paper: 'A4' | 'Letter', familyName: text up to 200 characters }; anything else is refused. */
export function parsePrintRequest(value: unknown): PrintToPdfRequest | null {
  const parsed = PrintRequest.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export interface SavePdfSteps {
  printToPdf(options: PrintToPDFOptions): Promise<Uint8Array>;
  /** The save dialog; resolves to the chosen path, or null when cancelled. */
  chooseFile(defaultPath: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  documentsDir: string;
  /** Today's calendar date on this workstation, YYYY-MM-DD. */
  today: string;
}

/**
 * The PRINT_TO_PDF_CHANNEL handler: only our own top frame, a well-formed request, then print, ask where,
 * write. The PDF is made before the dialog opens so that what is saved is what was on screen when the person
 * asked. Failures come back as an envelope with a sentence a person can act on.
 */
export async function savePdf(steps: SavePdfSteps, frameUrl: string | undefined, isMainFrame: boolean, request: unknown): Promise<Envelope<PrintToPdfResult>> {
  if (!isTrustedIpcSender(frameUrl, isMainFrame)) {
    return { ok: false, error: { code: 'unauthorized', message: 'Refused: this request did not come from ROMtrack.' } };
  }
  const parsed = parsePrintRequest(request);
  if (!parsed) return { ok: false, error: { code: 'invalid_input', message: 'The request to save a PDF was not understood.' } };
  let pdf: Uint8Array;
  try {
    pdf = await steps.printToPdf(pdfOptions(parsed.paper));
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `The PDF could not be made: ${messageOf(err)}` } };
  }
  const path = await steps.chooseFile(join(steps.documentsDir, reportFileName(parsed.familyName, steps.today)));
  if (path === null) return { ok: true, value: { saved: false } };
  const target = path.toLowerCase().endsWith('.pdf') ? path : `${path}.pdf`;
  try {
    await steps.writeFile(target, pdf);
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `The PDF could not be written to ${target}: ${messageOf(err)}. Choose another folder and try again.` } };
  }
  return { ok: true, value: { saved: true, path: target } };
}
