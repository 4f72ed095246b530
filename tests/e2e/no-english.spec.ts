import type { Page } from '@playwright/test';
import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { messagesFor } from '../../shared/i18n';
import { en } from '../../shared/i18n/messages/en';
import { expect, keepScreenshot, test } from './fixtures';

// Issue 20, "no English string remains on any main screen": every main screen with the French override, over the
// sample clinic. The pseudo-locale passes (pseudo-*.spec.ts) are the strict check, since pseudo text has no ASCII
// letter at all; this pass says what a French clinic would actually read in English. A word counts as English
// when ROMtrack's English messages use it and its French messages never do ("recorded", "the"); the records' own
// words (names, notes, titles, as the file holds them) are taken out first.

// Ten screens over the sample clinic, on a shared and busy machine.
test.setTimeout(300_000);

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
function typedStrings(value: unknown, into: Set<string>): Set<string> {
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
async function englishOn(page: Page, data: readonly string[]): Promise<string[]> {
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

// At the clinic's two screen sizes, each kept as pictures to look at.
for (const { width, height } of [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
]) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test(`every main screen in French at ${width}×${height}: no text a French clinic would read in English`, async ({ page, app }, testInfo) => {
      await app.backend.ok('sampleData.create', {});
      const { items } = await app.backend.ok('patients.list', { query: '', offset: 0, limit: 50 });
      // A patient with a therapy plan, so the plans screen has one to show.
      let patient = items[0]!;
      for (const p of items) {
        if ((await app.backend.ok('plans.list', { patientId: p.id })).length > 0) {
          patient = p;
          break;
        }
      }
      const file = await app.backend.ok('patients.file', { patientId: patient.id });
      const data = typedStrings(file, new Set(['ROMtrack']));
      for (const p of items) for (const word of [p.familyName.toUpperCase(), p.familyName, p.givenNames, p.clinicId ?? '']) data.add(word);
      typedStrings(await app.backend.ok('plans.list', { patientId: patient.id }), data);
      // Only names from the session and the worklist: their other texts are ours (the worklist's reasons).
      const session = await app.backend.ok('session.get', {});
      for (const t of session.activeTherapists) data.add(t.name);
      if (session.clinic) data.add(session.clinic.name);

      await page.addInitScript((key) => window.localStorage.setItem(key, 'fr'), LANGUAGE_OVERRIDE_KEY);
      const id = encodeURIComponent(patient.id);
      const screens: [string, string][] = [
        ['worklist', '#/worklist'],
        ['patient-list', '#/patients'],
        ['patient-page', `#/patients/${id}`],
        ['visit-form', `#/patients/${id}/visits/new`],
        ['dashboard', `#/patients/${id}/mobility`],
        ['plans', `#/patients/${id}/plans`],
        ['settings', '#/settings'],
        ['access-log', `#/patients/${id}/access`],
        ['report-preview', `#/patients/${id}/report`],
      ];
      const found: Record<string, string[]> = {};
      const look = async (name: string) => {
        await expect(page.locator('main h1').first()).toBeVisible();
        await expect(page.locator('main p.status[role="status"]')).toHaveCount(0, { timeout: 30_000 });
        await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
        const english = await englishOn(page, [...data]);
        found[name] = english;
        // Said as it goes, so a screen that fails further on does not hide what the earlier ones showed.
        if (english.length > 0) console.log(`English on the French ${name}:`, JSON.stringify(english));
        await keepScreenshot(page, testInfo, `fr-${name}`);
      };
      for (const [name, hash] of screens) {
        await app.open(page, hash);
        await look(name);
      }
      // The detail chart of the dashboard's first series.
      await app.open(page, `#/patients/${id}/mobility`);
      await page.locator(`main a[href^="#/patients/${id}/mobility/"]`).first().click();
      await look('detail-chart');
      const english = Object.entries(found).filter(([, texts]) => texts.length > 0);
      await testInfo.attach('english-on-french-screens.json', { body: JSON.stringify(Object.fromEntries(english), null, 2), contentType: 'application/json' });
      expect(Object.fromEntries(english)).toEqual({});
    });
  });
}
