import type { Page } from '@playwright/test';
import { atBothSizes, expect, keepScreenshot, test } from './fixtures';
import { poppler, printPdf } from './print-pdf';

// Documents in the patient's language (issue 20): a clinic working in French prints a Portuguese-speaking
// patient's progress report, home exercise sheet and referral letter in Portuguese, read back from the PDF with
// pdftotext, dates in the clinic's format with Portuguese month names. And each person may see the screens in
// their own language, while the others keep the clinic's.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function frenchClinicWithKwame(app: Parameters<Parameters<typeof test>[2]>[0]['app']) {
  await app.backend.ok('sampleData.create', {});
  const { updatedAt: _at, ...clinic } = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { ...clinic, language: 'fr', dateFormat: 'D MMM YYYY' });
  const kwame = (await app.backend.ok('patients.list', { query: 'Osei' })).items[0]!;
  return kwame;
}

/** A date in the clinic's D MMM YYYY format with the month as Portuguese writes it (from Intl, not from the app). */
const inPortuguese = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${new Intl.DateTimeFormat('pt', { month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`))} ${iso.slice(0, 4)}`;

async function reportReady(page: Page) {
  await expect(page.locator('.report-document')).toBeVisible();
  const charts = page.locator('.report-chart');
  for (const chart of await charts.all()) await expect(chart.locator('.print-chart-markers').first()).toBeVisible();
}

test('a French clinic prints a Portuguese-speaking patient’s report, home sheet and referral letter in Portuguese', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000);
  const kwame = await frenchClinicWithKwame(app);
  const BORN_PT = inPortuguese(kwame.dateOfBirth);

  // The patient's document language, set on the patient form (in French, the screens' language).
  await app.open(page, `#/patients/${kwame.id}/edit`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const choice = page.getByLabel('Langue des documents imprimés');
  await expect(choice).toHaveValue('');
  await expect(choice.locator('option:checked')).toHaveText('Celle de la clinique (Français)');
  await choice.selectOption('pt');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page).toHaveURL(new RegExp(`#/patients/${kwame.id}$`));
  expect((await app.backend.ok('patients.get', { id: kwame.id })).documentLanguage).toBe('pt');

  // The report: its screen in French, the document (and its choice) in Portuguese by default.
  await app.open(page, `#/patients/${kwame.id}/report`);
  await expect(page.getByRole('heading', { name: 'Bilan d’évolution : OSEI, Kwame' })).toBeVisible();
  await expect(page.getByLabel('Langue du document').first()).toHaveValue('pt');
  await reportReady(page);
  await expect(page.locator('.report-document')).toHaveAttribute('lang', 'pt');
  const report = await printPdf(page, testInfo, 'report-pt', 90);
  const text = flat(report.text);
  // The margins repeat the patient, born in the clinic's format with the month in Portuguese, on every page.
  expect(text).toContain(`nascido(a) a ${BORN_PT.split(' ').slice(0, 2).join(' ')}`);
  for (const words of ['Relatório de evolução da amplitude de movimento', 'Ossificação heterotópica: resumo', 'Data de nascimento', `${BORN_PT} (`, 'Medições', 'Gráficos', 'Assinatura', 'Plano terapêutico', 'Eventos clínicos no período', 'Gerado a ']) {
    expect(text, words).toContain(words);
  }
  // The verdict words and the catalogue's names are the document's too.
  expect(text).toMatch(/Perda de amplitude de movimento|Estável|A melhorar|Poucas medições/);
  expect(text).toContain('Flexão');
  for (const other of ['Range-of-motion progress report', 'Measurements', 'Signature', 'Bilan d’évolution', 'Mesures', 'Date de naissance']) {
    expect(text, `"${other}" in the Portuguese report`).not.toContain(other);
  }
  poppler('pdftoppm', ['-png', '-r', '70', report.file, testInfo.outputPath('report-pt-page')]);

  // Chosen per document: the same report in Spanish, the screen still French.
  await page.getByLabel('Langue du document').first().selectOption('es');
  await expect(page.locator('.report-document h1')).toHaveText('Informe de evolución del rango de movimiento');
  await expect(page.getByRole('heading', { name: 'Bilan d’évolution : OSEI, Kwame' })).toBeVisible();

  // The home exercise sheet of a plan, in Portuguese.
  const plan = await app.backend.ok('plans.create', {
    patientId: kwame.id,
    title: 'Cotovelo direito',
    startDate: day(-7),
    sites: [{ joint: 'elbow', side: 'right' }],
    passiveRomAllowed: false,
    items: [{ intervention: 'active_rom', motions: ['elbow.flexion'], doseKind: 'sets_reps', sets: 3, repetitions: 10, frequencyCount: 2, frequencyPer: 'day' }],
  });
  await app.open(page, `#/patients/${kwame.id}/plans/${plan.id}/sheet`);
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Os seus exercícios em casa' })).toBeVisible();
  const sheet = flat((await printPdf(page, testInfo, 'home-sheet-pt', 70)).text);
  for (const words of ['Os seus exercícios em casa', 'Não alongue a articulação', 'Pare e telefone para a clínica', 'Flexão', 'duas vezes por dia', `Impressa a ${day(0).slice(8, 10).replace(/^0/, '')} `]) {
    expect(sheet, words).toContain(words);
  }
  expect(sheet).not.toContain('Your home exercises');
  expect(sheet).not.toContain('Vos exercices');

  // The referral letter: drafted in Portuguese, the screen around it French.
  await app.open(page, `#/patients/${kwame.id}/referral?joint=elbow&side=right`);
  await expect(page.getByRole('heading', { name: 'Lettre d’adressage : OSEI, Kwame, coude droit' })).toBeVisible();
  await expect(page.getByLabel('Lettre', { exact: true })).toHaveValue(/^Caro\(a\) Colega,/);
  await expect(page.locator('.referral-chart .print-chart-markers').first()).toBeVisible();
  const letter = flat((await printPdf(page, testInfo, 'referral-pt', 70)).text);
  for (const words of ['Caro(a) Colega,', 'Assunto:', 'ossificação heterotópica', 'Com os melhores cumprimentos,', `nascido(a) a ${BORN_PT}`, 'cintigrafia óssea trifásica']) {
    expect(letter, words).toContain(words);
  }
  expect(letter).not.toContain('Dear Doctor');
  const kept = await app.backend.ok('referrals.list', { patientId: kwame.id });
  expect(kept[0]!.text).toContain('Caro(a) Colega,');
});

test('a therapist’s own language puts their screens in it; another therapist keeps the clinic’s', async ({ page, app, browser }, testInfo) => {
  test.setTimeout(120_000);
  const kwame = await frenchClinicWithKwame(app);
  const maria = await app.backend.ok('therapists.create', { credential: '735194', name: 'Maria Santos' });

  // Maria chooses Portuguese from the account menu.
  await app.open(page, '#/patients', maria.id);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: 'Langue…' }).click();
  const dialog = page.getByRole('dialog', { name: 'La langue de vos écrans' });
  await expect(dialog.getByRole('radio', { name: 'La langue de la clinique (Français)' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Português' }).check();
  await atBothSizes(page, testInfo, 'language-dialog');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  await expect(page.getByRole('button', { name: 'Língua…' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'maria-in-portuguese');
  // Kept with her account: a new page of hers opens in Portuguese.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  await app.open(page, `#/patients/${kwame.id}/report`, maria.id);
  await expect(page.getByRole('heading', { name: 'Relatório de evolução: OSEI, Kwame' })).toBeVisible();

  // The administrator, in a browser of their own, still sees the clinic's French.
  const other = await browser.newPage();
  await app.open(other, `#/patients/${kwame.id}/report`);
  await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(other.getByRole('heading', { name: 'Bilan d’évolution : OSEI, Kwame' })).toBeVisible();
  await other.close();
  expect((await app.backend.ok('session.get', {})).language).toBe('fr');
});
