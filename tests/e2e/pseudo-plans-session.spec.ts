import type { Page, TestInfo } from '@playwright/test';
import { findMotionSpec } from '../../shared/domain/catalogue';
import { todayLocal } from '../../shared/domain/dates';
import { addDays } from '../../shared/domain/plan-periods';
import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { en } from '../../shared/i18n/messages/en';
import { pseudoLocalize } from '../../shared/i18n/pseudo';
import { TEST_CLINIC, TEST_PIN, TEST_THERAPIST } from '../support/backend';
import { expect, keepScreenshot, test } from './fixtures';
import { fitsWidth, textNotTranslated } from './pseudo-text';

// The pseudo-locale pass over the session screens (sign-in, recovery, lock, change of PIN) and the therapy plan
// screens (list, plan page, plan form), issue 20: every visible word comes from a translation (pseudo text has
// no ASCII letter, so an English word left inline shows), and at 1024×640 the 40 % longer text still fits.

test.use({ viewport: { width: 1024, height: 640 } });

const today = todayLocal();
const day = (n: number) => addDays(today, n);
// The records' own words: the clinic and therapist as the test clinic typed them.
const PEOPLE = [TEST_CLINIC.name, TEST_THERAPIST.name, TEST_THERAPIST.title];
// The date boxes show the clinic's date format as their placeholder and in their hint in the screen's letters
// ("JJ MMM AAAA" in French; accented in pseudo), so nothing of theirs is left out any more.
const DATE_BOX: string[] = [];

/** The window's title starts with this text (windowTitle adds the app's name after it). */
const titleStarting = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

async function pseudo(page: Page) {
  await page.addInitScript((key) => window.localStorage.setItem(key, 'pseudo'), LANGUAGE_OVERRIDE_KEY);
}

async function allTranslatedAndFits(page: Page, testInfo: TestInfo, selector: string, data: readonly string[], shot: string) {
  await expect(page.locator(selector)).toBeVisible();
  expect(await textNotTranslated(page, selector, data), shot).toEqual([]);
  expect(await fitsWidth(page), shot).toEqual({ scrollWidth: 1024, width: 1024 });
  await keepScreenshot(page, testInfo, `${shot}-1024x640`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await keepScreenshot(page, testInfo, `${shot}-1366x768`);
  await page.setViewportSize({ width: 1024, height: 640 });
}

test('sign-in, recovery, lock screen and change of PIN in the pseudo-locale: all translated, and they fit at 1024×640', async ({ page, app }, testInfo) => {
  test.slow();
  await pseudo(page);
  // No session: the sign-in page, as a stranger arrives.
  await page.goto(`${app.server.url}/`);
  const signIn = 'main.sign-in';
  await expect(page.locator(signIn).getByRole('heading', { level: 1 })).toHaveText(pseudoLocalize(en['session.signIn']));
  await allTranslatedAndFits(page, testInfo, signIn, PEOPLE, 'pseudo-session-1-sign-in');
  await expect(page).toHaveTitle(titleStarting(pseudoLocalize(en['session.signIn'])));

  // The recovery page, from the sign-in page.
  await page.locator(signIn).getByRole('button', { name: pseudoLocalize(en['session.signInPage.forgotten']) }).click();
  await expect(page.locator('#recover-heading')).toHaveText(pseudoLocalize(en['session.recover.heading']));
  await allTranslatedAndFits(page, testInfo, 'main.setup', PEOPLE, 'pseudo-session-2-recover');
  await page.getByRole('button', { name: pseudoLocalize(en['session.recover.back']) }).click();

  // Signed in, then locked from the account menu.
  await page.getByLabel(pseudoLocalize(en['session.credential'])).fill(TEST_PIN);
  await page.getByLabel(pseudoLocalize(en['session.credential'])).press('Enter');
  await page.getByRole('button', { name: pseudoLocalize(en['session.lock']), exact: true }).click();
  const lock = 'main.lock-screen';
  await expect(page.locator('#lock-heading')).toHaveText(pseudoLocalize(en['session.lockScreen.heading']));
  await expect(page).toHaveTitle(titleStarting(pseudoLocalize(en['session.locked'])));
  await allTranslatedAndFits(page, testInfo, lock, PEOPLE, 'pseudo-session-3-lock');
  // The question before someone else signs in.
  await page.getByRole('button', { name: pseudoLocalize(en['session.lockScreen.someoneElse']) }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await textNotTranslated(page, 'dialog[open]', PEOPLE)).toEqual([]);
  await keepScreenshot(page, testInfo, 'pseudo-session-4-lock-confirm');
  await page.getByRole('button', { name: pseudoLocalize(en['session.lockScreen.goBack']) }).click();
  await page.getByLabel(pseudoLocalize(en['session.lockScreen.credentialOf']).replace('{{name}}', TEST_THERAPIST.name)).fill(TEST_PIN);
  await page.getByRole('button', { name: pseudoLocalize(en['session.lockScreen.unlock']), exact: true }).click();
  await expect(page.locator(lock)).toHaveCount(0);

  // Changing one's PIN, with the two new entries differing: the form's own message, translated.
  await page.goto(`${app.server.url}/#/account`);
  const change = 'section[aria-labelledby="change-credential-heading"]';
  await expect(page.locator('#change-credential-heading')).toHaveText(pseudoLocalize(en['session.change.heading']));
  await page.getByLabel(pseudoLocalize(en['session.change.current'])).fill(TEST_PIN);
  await page.getByLabel(pseudoLocalize(en['session.newCredential']), { exact: true }).fill('135790');
  await page.getByLabel(pseudoLocalize(en['session.credentialAgain']).replace('{{label}}', pseudoLocalize(en['session.newCredential']))).fill('135791');
  await expect(page.locator(change).getByText(pseudoLocalize(en['session.mismatch']))).toBeVisible();
  await allTranslatedAndFits(page, testInfo, change, PEOPLE, 'pseudo-session-5-change-pin');
});

test('the plan list, a plan page and the plan form in the pseudo-locale: all translated, and they fit at 1024×640', async ({ page, app }, testInfo) => {
  test.slow();
  const p = await app.backend.ok('patients.create', { familyName: 'Osei', givenNames: 'Kwame', dateOfBirth: '1958-05-02', sex: 'male' });
  for (const [n, flexion] of [[-40, 96], [-20, 101], [-5, 104]] as const) {
    await app.backend.ok('visits.record', { patientId: p.id, date: day(n), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: flexion }] });
  }
  const plan = await app.backend.ok('plans.create', {
    patientId: p.id,
    title: 'Right elbow after excision',
    startDate: day(-30),
    sites: [
      { joint: 'elbow', side: 'right' },
      { joint: 'knee', side: 'left' },
      { joint: 'knee', side: 'right' },
    ],
    passiveRomAllowed: false,
    precautions: 'No forced end-range movement.',
    items: [
      { intervention: 'active_rom', motions: ['elbow.flexion', 'knee.flexion'], doseKind: 'sets_reps', sets: 3, repetitions: 10, frequencyCount: 2, frequencyPer: 'day', instructions: 'Slowly, without forcing.' },
      { intervention: 'home_program', motions: ['elbow.extension'], doseKind: 'minutes', minutes: 15, frequencyCount: 3, frequencyPer: 'week', instructions: '' },
    ],
    goals: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', target: 130, targetDate: day(60) }],
  });
  const data = ['OSEI, Kwame', 'Right elbow after excision', 'No forced end-range movement.', 'Slowly, without forcing.', ...PEOPLE];
  await pseudo(page);

  await app.open(page, `#/patients/${p.id}/plans`);
  await expect(page.locator('#plans-heading')).toHaveText(pseudoLocalize(en['plans.list.heading']).replace('{{name}}', 'OSEI, Kwame'));
  await allTranslatedAndFits(page, testInfo, 'section[aria-labelledby="plans-heading"]', data, 'pseudo-plans-1-list');

  await app.open(page, `#/patients/${p.id}/plans/${plan.id}`);
  const planPage = 'section.plan-page';
  await expect(page.locator('#plan-heading')).toHaveText('Right elbow after excision');
  // The goal's status and the reason for it, both from the plan words.
  await expect(page.locator(`${planPage} .goal-status`)).toHaveText(/^\S+ ⟦[^A-Za-z]+⟧$/);
  await allTranslatedAndFits(page, testInfo, planPage, data, 'pseudo-plans-2-plan-page');
  // Stopping the plan: the inline form.
  await page.getByRole('button', { name: pseudoLocalize(en['plans.page.stop']) }).click();
  await allTranslatedAndFits(page, testInfo, planPage, [...data, ...DATE_BOX], 'pseudo-plans-3-stop');

  // The plan form, with a goal added (its functional value's source is a citation, kept as published).
  await app.open(page, `#/patients/${p.id}/plans/new`);
  const editor = 'section.plan-editor';
  await expect(page.locator('#plan-editor-heading')).toHaveText(pseudoLocalize(en['plans.title.new']));
  await page.getByRole('checkbox', { name: pseudoLocalize(en['plans.site.elbow.right']) }).press('Space');
  await page.getByRole('button', { name: pseudoLocalize(en['plans.goals.add']) }).press('Enter');
  const goal = page.getByRole('group', { name: pseudoLocalize(en['plans.form.goalLegend']).replace('{{number}}', '1') });
  await goal.getByLabel(pseudoLocalize(en['plans.goal.motion'])).selectOption('elbow.flexion');
  await goal.locator('.plan-goal-notes button').press('Enter');
  await goal.getByLabel(pseudoLocalize(en['plans.goal.targetDate'])).fill(day(60));
  await expect(goal.getByLabel(pseudoLocalize(en['plans.goal.target']))).toHaveValue('130');
  const citation = findMotionSpec('elbow.flexion')!.functional!.source;
  await allTranslatedAndFits(page, testInfo, editor, [...data, ...DATE_BOX, citation], 'pseudo-plans-4-form');
  // The select boxes' options are words too.
  const options = await page.locator(`${editor} option`).allInnerTexts();
  expect(options.filter((o) => /[A-Za-z]/.test(o))).toEqual([]);
});
