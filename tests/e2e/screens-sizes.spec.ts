import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { todayLocal } from '../../shared/domain/dates';
import { expect, test } from './fixtures';

// Issue 17, "done when": the visit form, the patient page and page 1 of the report, at the clinic's two screen
// sizes (a 1366×768 workstation, a 1024×640 laptop), kept as test artifacts to look at. Each picture is taken
// once what matters on it is checked: the grid's first box in view, the patient page's verdicts and ALP chart,
// page 1 of the printed report holding the HO summary and the typed assessment.

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
] as const;

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/** What the person sees: the window at this size, not the whole scrolled page. */
async function keepView(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the visit form, the patient page and page 1 of the report at 1366×768 and 1024×640, kept as pictures', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000);
  const p = await app.backend.ok('patients.create', { familyName: 'Adjei', givenNames: 'Kojo', clinicId: 'RT-2025-044', dateOfBirth: '1966-01-30', sex: 'male' });
  await app.backend.ok('riskFactors.add', { patientId: p.id, kind: 'spinal_cord_injury', onsetDate: daysAgo(200), note: null });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'hip', side: 'right', status: 'suspected', since: daysAgo(180) });
  for (let i = 0; i < 6; i++) {
    await app.backend.ok('visits.record', {
      patientId: p.id,
      date: daysAgo(170 - i * 28),
      measurements: [
        { motion: 'hip.flexion', side: 'right', mode: 'active', degrees: 110 - i * 5 },
        { motion: 'hip.abduction', side: 'right', mode: 'active', degrees: 35 - i },
      ],
    });
  }
  for (const [ago, value] of [[150, 104], [100, 176], [50, 158]] as const) {
    await app.backend.ok('events.record', { patientId: p.id, kind: 'lab_result', date: daysAgo(ago), title: 'Serum alkaline phosphatase', value, unit: 'U/L' });
  }

  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;
    await page.setViewportSize(size);

    await app.open(page, `#/patients/${p.id}/visits/new`);
    const first = page.getByLabel('Right hip flexion, active');
    await expect(first).toBeFocused();
    await expect(first).toBeInViewport({ ratio: 1 });
    await keepView(page, testInfo, `visit-form-${tag}`);

    await app.open(page, `#/patients/${p.id}`);
    await expect(page.getByRole('heading', { name: 'ADJEI, Kojo' })).toBeVisible();
    await expect(page.getByText('Losing motion').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Alkaline phosphatase (ALP)' })).toBeVisible();
    await keepView(page, testInfo, `patient-page-${tag}`);

    await app.open(page, `#/patients/${p.id}/report`);
    await expect(page.getByRole('heading', { name: /^Progress report:/ })).toBeVisible();
    await expect(page.locator('.report-chart .print-chart-markers').first()).toBeVisible();
    await page.getByLabel('Assessment').fill('Right hip flexion has fallen by 25° in five months; ALP was raised in the summer.');
    await page.getByLabel('Recommendations').fill('X-ray of the right hip; review by the rehabilitation physician.');
    // The preview's first page: the document's top at the top of the window.
    await page.locator('.report-document').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await keepView(page, testInfo, `report-preview-${tag}`);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const file = testInfo.outputPath(`report-${tag}.pdf`);
    writeFileSync(file, pdf);
    run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, testInfo.outputPath(`report-page-1-${tag}`)]);
    await testInfo.attach(`report-page-1-${tag}`, { path: testInfo.outputPath(`report-page-1-${tag}.png`), contentType: 'image/png' });
    const page1 = run('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-']).replace(/\s+/g, ' ');
    for (const words of ['Heterotopic ossification: summary', 'Right hip', 'Suspected', 'Hip flexion, active: Losing', 'ALP was raised in the summer.', 'X-ray of the right hip;']) {
      expect(page1).toContain(words);
    }
  }
});
