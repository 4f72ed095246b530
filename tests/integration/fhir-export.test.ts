import { validateResource } from '@medplum/core';
import type { Bundle, CarePlan, Goal, Identifier, Observation, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsWhere } from '../../electron/db/audit-rows';
import { openTestBackend, type TestBackend } from '../support/backend';
import { addPlans, type PlannedPatient } from '../support/exchange-plans';
import { loadR4Definitions } from '../support/fhir-setup';

// The export of the sample clinic, checked the way a receiving FHIR server would: every resource against the base
// R4 definitions (Medplum's validator), then the CSV a researcher would open.

let api: TestBackend;
let voidedId: string;
let correctedLineage: string;
let someoneId: string;
let planned: PlannedPatient;

beforeAll(async () => {
  loadR4Definitions();
  api = openTestBackend();
  await api.ok('sampleData.create', {});
  const page = await api.ok('patients.list', { query: '' });
  someoneId = page.items[0]!.id;
  const file = await api.ok('patients.file', { patientId: someoneId });
  const [first, second] = file.visits.flatMap((v) => v.measurements);
  voidedId = first!.id;
  await api.ok('measurements.void', { id: first!.id, reason: 'Measured the wrong side' });
  const corrected = await api.ok('measurements.correct', {
    id: second!.id,
    reason: 'Read the goniometer wrongly',
    degrees: second!.degrees - 2,
    instrument: second!.instrument,
    endFeel: second!.endFeel,
    pain: second!.pain,
    note: null,
  });
  correctedLineage = corrected.lineageId;
  planned = await addPlans(api, someoneId);
}, 120_000);
afterAll(() => api?.dispose());

const resources = (b: Bundle): Resource[] => (b.entry ?? []).map((e) => e.resource!);
const identifiersOf = (r: Resource): Identifier[] => ('identifier' in r && Array.isArray(r.identifier) ? r.identifier : []);

describe('exchange.exportFhir', () => {
  it('exports every patient of the sample clinic as a valid R4 transaction Bundle', async () => {
    const page = await api.ok('patients.list', { query: '' });
    const files = await Promise.all(page.items.map((p) => api.ok('exchange.exportFhir', { patientId: p.id })));
    expect(files.every((f) => f.mediaType === 'application/fhir+json')).toBe(true);
    let checked = 0;
    const types = new Set<string>();
    for (const file of files) {
      const bundle = JSON.parse(file.content) as Bundle;
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
      // Medplum warns on every urn:uuid reference (it checks only Type/id against the expected types); inside a
      // transaction those are resolved by the server, so each must name an entry of this Bundle, and nothing else
      // may be reported.
      const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
      for (const issue of validateResource(bundle)) {
        const urn = /^Invalid reference: got "(urn:uuid:[0-9a-f-]{36})"/.exec(issue.details?.text ?? '')?.[1];
        expect(issue.severity === 'warning' && urn !== undefined && fullUrls.has(urn), JSON.stringify(issue)).toBe(true);
      }
      for (const r of resources(bundle)) {
        const issues = validateResource(r).filter((i) => i.severity === 'error');
        expect(issues, `${r.resourceType}: ${JSON.stringify(issues)}`).toEqual([]);
        types.add(r.resourceType);
        checked++;
      }
    }
    expect(checked).toBe(files.reduce((n, f) => n + f.records, 0));
    expect(checked).toBeGreaterThan(100);
    // Every kind of resource the mapping makes was among those validated.
    expect([...types].sort()).toEqual(
      ['CarePlan', 'Condition', 'DiagnosticReport', 'Encounter', 'Goal', 'MedicationStatement', 'Observation', 'Organization', 'Patient', 'Practitioner', 'Procedure'],
    );
  });

  it('the validator used above does refuse a broken resource (it throws on errors, returns warnings)', () => {
    const broken = JSON.parse('{"resourceType":"Observation","code":{"text":"x"},"valueQuantity":{"value":"ten"}}') as Observation;
    expect(() => validateResource(broken)).toThrow(/Missing required property \(Observation.status\)/);
  });

  it('sends a voided measurement as entered-in-error with its reason, and a correction as amended, both as updates of their lineage', async () => {
    const file = await api.ok('exchange.exportFhir', { patientId: someoneId });
    const bundle = JSON.parse(file.content) as Bundle;
    const byVersion = (id: string) => bundle.entry!.find((e) => e.resource!.resourceType === 'Observation' && (e.resource as Observation).identifier!.some((i) => i.value === id));
    const voided = byVersion(voidedId)!;
    expect((voided.resource as Observation).status).toBe('entered-in-error');
    expect((voided.resource as Observation).note?.[0]?.text).toContain('Measured the wrong side');
    expect(voided.request).toEqual({ method: 'PUT', url: `Observation?identifier=${encodeURIComponent(`urn:romtrack:record-id|${voidedId}`)}` });
    const corrected = byVersion(correctedLineage)!;
    expect((corrected.resource as Observation).status).toBe('amended');
    expect((corrected.resource as Observation).note?.[0]?.text).toContain('Read the goniometer wrongly');
    expect(corrected.request?.method).toBe('PUT');
  });

  it('sends each plan version as a CarePlan that replaces the one before, the replaced one revoked with the reason, and goals with their target', async () => {
    const bundle = JSON.parse((await api.ok('exchange.exportFhir', { patientId: someoneId })).content) as Bundle;
    const entryOf = (id: string) => bundle.entry!.find((e) => identifiersOf(e.resource!).some((i) => i.system === 'urn:romtrack:record-id' && i.value === id))!;
    const first = entryOf(planned.firstVersionId);
    const current = entryOf(planned.currentVersionId);
    const old = first.resource as CarePlan;
    const now = current.resource as CarePlan;
    expect(old).toMatchObject({ status: 'revoked', intent: 'plan' });
    expect(old.note?.[0]?.text).toMatch(/^Replaced from .* by version 2: Progressed after review$/);
    expect(first.request?.method).toBe('PUT');
    // No passive ROM in the first version: an activity not to perform.
    expect(old.activity?.some((a) => a.detail?.doNotPerform === true)).toBe(true);
    expect(now).toMatchObject({ status: 'active', replaces: [{ reference: `urn:uuid:${planned.firstVersionId}`, type: 'CarePlan' }] });
    expect(now.identifier).toContainEqual({ use: 'secondary', system: 'urn:romtrack:plan-id', value: planned.revisedPlanId });
    expect(current.request).toMatchObject({ method: 'POST', url: 'CarePlan' });
    expect(now.activity?.[0]?.detail).toMatchObject({ status: 'in-progress', scheduledTiming: { repeat: { frequency: 3, period: 1, periodUnit: 'wk', duration: 10, durationUnit: 'min' } } });
    expect(now.goal).toEqual([{ reference: `urn:uuid:${planned.keptGoalId}`, type: 'Goal' }]);
    const goal = entryOf(planned.keptGoalId).resource as Goal;
    expect(goal).toMatchObject({ lifecycleStatus: 'active', achievementStatus: { coding: [{ code: 'achieved' }] } });
    expect(goal.target?.[0]).toMatchObject({ detailQuantity: { comparator: '>=', code: 'deg', system: 'http://unitsofmeasure.org' }, measure: { coding: [{ code: '364564000' }, {}] } });
    const voided = entryOf(planned.voidedGoalId);
    expect(voided.resource).toMatchObject({ lifecycleStatus: 'entered-in-error', note: [{ text: 'Entered in error: Set on the wrong mode' }] });
    expect(voided.request?.method).toBe('PUT');
    const ended = bundle.entry!.find((e) => identifiersOf(e.resource!).some((i) => i.system === 'urn:romtrack:plan-id' && i.value === planned.endedPlanId))!.resource as CarePlan;
    expect(ended.status).toBe('revoked');
    expect(ended.note?.[0]?.text).toMatch(/^Stopped after .*: Patient moved away$/);
  });

  it('gives the same Bundle twice, so a resend matches the same resources', async () => {
    const a = await api.ok('exchange.exportFhir', { patientId: someoneId });
    const b = await api.ok('exchange.exportFhir', { patientId: someoneId });
    expect(a.content).toBe(b.content);
  });

  it('keeps only the clinical records inside a date range', async () => {
    const all = JSON.parse((await api.ok('exchange.exportFhir', { patientId: someoneId })).content) as Bundle;
    const dates = resources(all).flatMap((r) => (r.resourceType === 'Observation' && r.effectiveDateTime ? [r.effectiveDateTime] : [])).sort();
    const from = dates[Math.floor(dates.length / 2)]!;
    const part = JSON.parse((await api.ok('exchange.exportFhir', { patientId: someoneId, from })).content) as Bundle;
    const kept = resources(part).flatMap((r) => (r.resourceType === 'Observation' && r.effectiveDateTime ? [r.effectiveDateTime] : []));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(dates.length);
    expect(kept.every((d) => d >= from)).toBe(true);
  });

  it('audits each export with who and what', async () => {
    await api.ok('exchange.exportFhir', { patientId: someoneId });
    const row = auditRowsWhere(api.context.db, `operation = 'exchange.exportFhir'`).at(-1)!;
    expect(row.actor_id).toBe(api.actorId());
    expect(row.entity_id).toBe(someoneId);
    expect(row.after_json).toContain('fhir-r4');
  });

  it('refuses both a patient and the whole clinic, or neither', async () => {
    // The whole clinic is exchange.exportClinic, streamed: a Bundle of every patient in memory is not offered.
    expect(await api.call('exchange.exportFhir', JSON.parse(JSON.stringify({ patientId: someoneId, all: true })))).toMatchObject({ ok: false });
    expect(await api.call('exchange.exportFhir', JSON.parse('{}'))).toMatchObject({ ok: false });
  });
});

describe('exchange.exportCsv', () => {
  async function currentMeasurements(): Promise<number> {
    const page = await api.ok('patients.list', { query: '' });
    let n = 0;
    for (const p of page.items) n += (await api.ok('patients.file', { patientId: p.id })).visits.flatMap((v) => v.measurements).length;
    return n;
  }

  it('has one row per current measurement, the voided one left out', async () => {
    const file = await api.ok('exchange.exportCsv', { all: true });
    const lines = file.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('patient,date,joint,side,motion,mode,degrees,rater,instrument,end_feel,pain');
    expect(lines.length - 1).toBe(await currentMeasurements());
    expect(file.records).toBe(lines.length - 1);
  });

  it('pseudonymised: no patient or therapist name and no clinic id appears, and one patient keeps one pseudonym', async () => {
    const file = await api.ok('exchange.exportCsv', { all: true, pseudonymise: true });
    const page = await api.ok('patients.list', { query: '' });
    const therapists = (await api.ok('patients.file', { patientId: someoneId })).therapists;
    for (const p of page.items) {
      expect(file.content).not.toContain(p.familyName);
      if (p.clinicId) expect(file.content).not.toContain(p.clinicId);
    }
    for (const t of therapists) expect(file.content).not.toContain(t.name);
    const rows = file.content.trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[0])).size).toBe(page.total);
    expect(rows.every((r) => /^P\d{4}$/.test(r[0]!) && /^(R\d{2})?$/.test(r[7]!))).toBe(true);
  });
});
