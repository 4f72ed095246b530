import type { Page } from '@playwright/test';

// What the pseudo-locale passes (tests/e2e/pseudo-*.spec.ts) look for. Pseudo text has no ASCII letter
// (shared/i18n/pseudo.ts), so an ASCII letter left on a screen, apart from the records' own data, was written
// inline instead of coming from a translation.

/** Every visible text node and placeholder inside `selector`, with the records' own words taken out. */
export async function textNotTranslated(page: Page, selector: string, data: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ({ selector, data }) => {
      const root = document.querySelector(selector);
      if (!root) return [`nothing matches ${selector}`];
      const seen: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('.visually-hidden') || parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
        seen.push(node.textContent ?? '');
      }
      for (const input of root.querySelectorAll('input[placeholder], textarea[placeholder]')) seen.push(input.getAttribute('placeholder') ?? '');
      // Longest first, so "KWAME" goes before "KWA" could cut it.
      const words = [...data].filter(Boolean).sort((a, b) => b.length - a.length);
      return seen
        .map((text) => words.reduce((rest, word) => rest.split(word).join(' '), text))
        .filter((rest) => /[A-Za-z]/.test(rest));
    },
    { selector, data: [...data] },
  );
}

export async function fitsWidth(page: Page): Promise<{ scrollWidth: number; width: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
}
