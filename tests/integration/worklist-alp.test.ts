import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayLocal } from '../../shared/domain/dates';
import { makePatient } from '../support/clinical-fixtures';
import { openTestBackend, type TestBackend } from '../support/backend';

// The ALP reason through dispatch on a real SQLite file: the SQL that picks the worklist's page and the
// sentences agree that a child's ALP is not held to the adult limit (a rise still counts), and that a result
// older than six months is no reason today. The property test (worklist-summaries.test.ts) holds the two to the
// same answer on random records; this one names the cases.

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));
/** A date of birth that makes the patient `years` old about a month from now. */
const bornYearsAgo = (years: number) => {
  const d = daysAgo(-30).replace('-02-29', '-02-28');
  return `${Number(d.slice(0, 4)) - years}${d.slice(4)}`;
};

let api: TestBackend;
const ids: Record<string, string> = {};

async function withAlp(key: string, dateOfBirth: string, results: [ago: number, value: number][]) {
  const p = await makePatient(api, { familyName: key, givenNames: 'Test', dateOfBirth });
  ids[key] = p.id;
  for (const [ago, value] of results) {
    await api.ok('events.record', { patientId: p.id, kind: 'lab_result', date: daysAgo(ago), title: 'Serum alkaline phosphatase', value, unit: 'U/L' });
  }
}

beforeAll(async () => {
  api = openTestBackend();
  await withAlp('childHigh', bornYearsAgo(15), [[10, 320]]);
  await withAlp('childRising', bornYearsAgo(15), [[60, 180], [10, 320]]);
  await withAlp('adultHigh', bornYearsAgo(40), [[10, 245]]);
  await withAlp('adultOld', bornYearsAgo(40), [[230, 150], [200, 400]]);
}, 60_000);
afterAll(() => api.dispose());

describe('the ALP reason', () => {
  it('lists an adult above the limit and a child whose ALP rose by more than half, not a child above the adult limit nor a result from before the window', async () => {
    const page = await api.ok('worklist.get', { limit: 200 });
    const listed = page.rows.map((r) => Object.entries(ids).find(([, id]) => id === r.patientId)![0]).sort();
    expect(listed).toEqual(['adultHigh', 'childRising']);
    expect(page.counts.alp_high).toBe(2);
    const text = (key: string) => page.rows.find((r) => r.patientId === ids[key])!.reasons[0]!.text;
    expect(text('childRising')).toMatch(/^Alkaline phosphatase 320 U\/L .*: up 78 % from 180 U\/L .* \(taken before the age of 18: the adult limit does not apply\)\.$/);
    expect(text('adultHigh')).toMatch(/245 U\/L .*: above the clinic's upper limit of 130 U\/L\.$/);
  });

  it('judges the window against the day asked for: the old result was a reason when it was recent', async () => {
    const then = await api.ok('worklist.get', { today: daysAgo(195), limit: 200 });
    expect(then.rows.find((r) => r.patientId === ids.adultOld)?.reasons[0]!.text).toMatch(/400 U\/L .*: above the clinic's upper limit of 130 U\/L, and up 167 % from 150 U\/L/);
  });

  it('gives the patient list the same status', async () => {
    const statuses = await api.ok('worklist.statuses', { patientIds: [ids.childHigh!, ids.childRising!, ids.adultHigh!, ids.adultOld!] });
    expect(statuses.map((s) => s.label)).toEqual(['OK', 'Attention', 'Attention', 'OK']);
  });
});
