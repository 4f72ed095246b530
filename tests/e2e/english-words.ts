// What counts as English on a French screen (issue 20), for tests/e2e/no-english*.spec.ts: a word ROMtrack's English
// messages use and its French messages never do ("recorded", "the"), once the records' own words are taken out.
import type { Page } from '@playwright/test';
import { messagesFor } from '../../shared/i18n';
import { en } from '../../shared/i18n/messages/en';

/** The words of a set of messages, lower case, placeholders and tags left out. */
function wordsOf(messages: Readonly<Record<string, string>>): Set<string> {
  const words = new Set<string>();
  for (const text of Object.values(messages)) {
    for (const w of text.replace(/\{\{[^}]+\}\}|<\/?\d+>/g, ' ').match(/[A-Za-z]{3,}/g) ?? []) words.add(w.toLowerCase());
  }
  return words;
}

const FRENCH_WORDS = wordsOf(messagesFor('fr'));
const ENGLISH_ONLY = [...wordsOf(en)].filter((w) => !FRENCH_WORDS.has(w));

/** Every string a record holds that a person typed or that names someone: text with a capital or a space. */
export function typedStrings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (/[A-Z\s]/.test(value) && !/^\d{4}-\d{2}-\d{2}/.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) typedStrings(v, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) typedStrings(v, into);
  }
  return into;
}

/** The visible texts (and placeholders) of the page's main area holding a word only English uses. */
export async function englishOn(page: Page, data: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ({ data, englishOnly }) => {
      const english = new Set(englishOnly);
      const root = document.querySelector('main') ?? document.body;
      const seen: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('.visually-hidden') || parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
        // A command to type is the same in every language.
        if (parent.closest('code, kbd, samp')) continue;
        seen.push(node.textContent ?? '');
      }
      for (const input of root.querySelectorAll('input[placeholder], textarea[placeholder]')) seen.push(input.getAttribute('placeholder') ?? '');
      // The values a form already holds are the record's (a note typed in English stays English).
      const words = [...data].filter(Boolean).sort((a, b) => b.length - a.length);
      return [
        ...new Set(
          seen
            .map((text) => words.reduce((rest, word) => rest.split(word).join(' '), text).trim())
            // A file's path is the machine's, not a sentence.
            .map((text) => text.replace(/\S*\/\S*/g, ' '))
            .filter((rest) => (rest.match(/[A-Za-z]{3,}/g) ?? []).some((w) => english.has(w.toLowerCase()))),
        ),
      ];
    },
    { data: [...data], englishOnly: ENGLISH_ONLY },
  );
}
