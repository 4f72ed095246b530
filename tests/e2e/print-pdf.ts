import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

/** Runs a poppler tool (pdftotext, pdfinfo, pdftoppm) and gives back what it printed. */
export const poppler = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

export interface PrintedPdf {
  /** pdftotext -layout of every page. */
  text: string;
  pages: number;
  /** Page size in points, as pdfinfo reads it. */
  size: [number, number];
  /** Time Chromium took to print. */
  ms: number;
  file: string;
}

/**
 * Prints the page as print media to a PDF kept with the test, reads it back with poppler, and keeps page 1 as a
 * PNG (at `resolution` dots per inch) for a person to look at.
 */
export async function printPdf(page: Page, testInfo: TestInfo, name: string, resolution = 60): Promise<PrintedPdf> {
  await page.emulateMedia({ media: 'print' });
  const started = Date.now();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const ms = Date.now() - started;
  await page.emulateMedia({ media: 'screen' });
  const file = testInfo.outputPath(`${name}.pdf`);
  writeFileSync(file, pdf);
  await testInfo.attach(`${name}.pdf`, { path: file, contentType: 'application/pdf' });
  poppler('pdftoppm', ['-png', '-r', String(resolution), '-f', '1', '-l', '1', '-singlefile', file, testInfo.outputPath(`${name}-page-1`)]);
  await testInfo.attach(`${name}-page-1.png`, { path: testInfo.outputPath(`${name}-page-1.png`), contentType: 'image/png' });
  const info = poppler('pdfinfo', [file]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
  return { text: poppler('pdftotext', ['-layout', file, '-']), pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), size: [Number(size[1]), Number(size[2])], ms, file };
}
