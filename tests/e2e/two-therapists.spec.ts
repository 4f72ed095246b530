// Two therapists, two browsers, one server (issue 18): each records a visit at the same moment, and the audit
// log names each for their own visit; the server's one process never mixes who did what.
import { auditFor } from '../../electron/db/audit-repository';
import { expect, test } from './fixtures';

test('two browsers signed in as two therapists record visits at the same time; the audit log names each', async ({ browser, app }) => {
  const abenaId = app.backend.actorId()!;
  const jonas = await app.backend.ok('therapists.create', { name: 'Jonas Meier', title: 'Physiotherapist', credential: '735194' });
  const kofi = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  const ama = await app.backend.ok('patients.create', { familyName: 'Owusu', givenNames: 'Ama', dateOfBirth: '1975-06-12', sex: 'female' });
  for (const p of [kofi, ama]) await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: '2026-01-05' });

  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [abenaPage, jonasPage] = await Promise.all(contexts.map((c) => c.newPage()));
    await app.open(abenaPage!, `#/patients/${kofi.id}/visits/new`);
    await app.open(jonasPage!, `#/patients/${ama.id}/visits/new`, jonas.id);
    for (const [page, name] of [[abenaPage!, 'MENSAH, Kofi'], [jonasPage!, 'OWUSU, Ama']] as const) {
      await expect(page.getByRole('heading', { name: `Record a visit: ${name}` })).toBeVisible();
      await page.getByLabel('Right elbow flexion, active').fill(page === abenaPage ? '110' : '95');
    }
    // Each form offers its own browser's person as the therapist.
    await expect(abenaPage!.getByLabel('Therapist', { exact: true }).locator('option:checked')).toHaveText('Abena Owusu');
    await expect(jonasPage!.getByLabel('Therapist', { exact: true }).locator('option:checked')).toHaveText('Jonas Meier');

    // Both saved at once: the two requests reach the server together.
    await Promise.all([abenaPage!.getByLabel('Right elbow flexion, active').press('Control+Enter'), jonasPage!.getByLabel('Right elbow flexion, active').press('Control+Enter')]);
    await expect(abenaPage!.getByRole('heading', { name: 'MENSAH, Kofi', exact: true })).toBeVisible();
    await expect(jonasPage!.getByRole('heading', { name: 'OWUSU, Ama', exact: true })).toBeVisible();

    const [kofiVisit] = await app.backend.ok('visits.list', { patientId: kofi.id });
    const [amaVisit] = await app.backend.ok('visits.list', { patientId: ama.id });
    expect([kofiVisit!.therapistId, kofiVisit!.recordedBy]).toEqual([abenaId, abenaId]);
    expect([amaVisit!.therapistId, amaVisit!.recordedBy]).toEqual([jonas.id, jonas.id]);
    expect(auditFor(app.backend.context.db, 'visit', kofiVisit!.id).map((a) => a.actorId)).toEqual([abenaId]);
    expect(auditFor(app.backend.context.db, 'visit', amaVisit!.id).map((a) => a.actorId)).toEqual([jonas.id]);
    // Opening each record on screen left an access row naming the person who opened it.
    expect((await app.backend.ok('access.forPatient', { patientId: ama.id })).map((e) => e.therapistName)).toContain('Jonas Meier');
    expect((await app.backend.ok('access.forPatient', { patientId: ama.id })).map((e) => e.therapistName)).not.toContain('Abena Owusu');
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
