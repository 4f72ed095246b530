// The printed page: paper size, margins and what repeats on every page (patient, clinic, page X of Y, when
// and by which version it was made), as CSS paged media. Margin boxes are drawn by Chromium's own print
// (since version 131), so the browser's print dialog, Playwright's page.pdf({ preferCSSPageSize: true }) and
// Electron's printToPDF all give the same pages, without a header/footer template per path.
import type { PaperSize } from '../../../shared/domain/clinic';

export interface PageText {
  paper: PaperSize;
  /** Top left of every page: who the page is about, so a loose page is never anonymous. */
  patient: string;
  /** Top right: the clinic. */
  clinic: string;
  /** Bottom left: "Generated 25 Nov 2026, 14:05 by ROMtrack 0.1.0". */
  generated: string;
}

/** Top and bottom leave room for the margin boxes; 15 mm at the sides fits the charts on A4 and Letter alike. */
export const PAGE_MARGINS_MM = { top: 18, right: 15, bottom: 18, left: 15 } as const;

/** The page's content width in CSS pixels (96 per inch), so charts can be drawn to fit exactly. */
export function contentWidthPx(paper: PaperSize): number {
  const widthMm = paper === 'A4' ? 210 : 215.9;
  return Math.floor(((widthMm - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right) / 25.4) * 96);
}

/** A CSS string literal: quotes and backslashes escaped, line breaks as spaces, nothing that ends the rule. */
export function cssString(text: string): string {
  const clean = text.replace(/[\r\n\t\f]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `"${clean}"`;
}

export function pageCss(t: PageText): string {
  const m = PAGE_MARGINS_MM;
  const box = 'font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 8pt; color: #000;';
  return `@page {
  size: ${t.paper === 'A4' ? 'A4' : 'letter'} portrait;
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-left { content: ${cssString(t.patient)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(t.clinic)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-left { content: ${cssString(t.generated)}; ${box} vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 3mm; }
}`;
}

export interface PageSheet {
  update(css: string): void;
  remove(): void;
}

/**
 * Puts the rule on the document for as long as the report is open. A constructed
 * stylesheet, because the Content-Security-Policy (style-src 'self') rightly refuses inline <style> elements,
 * and the rule carries text known only at run time.
 */
export function applyPageCss(css: string, doc: Document = document): PageSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return {
    update: (next) => sheet.replaceSync(next),
    remove: () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
