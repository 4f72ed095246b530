import { describe, expect, it } from 'vitest';
import { analysePatient } from '../../shared/analysis/patient-series';
import { analysisAnswer } from '../../shared/api/analysis-answer';
import type { PatientAnalysisResult } from '../../shared/api/operations/analysis';
import type { PatientFile } from '../../shared/api/operations/clinical';
import type { Plan } from '../../shared/domain/plan-records';
import { contentWidthPx, cssString, pageCss } from '../../renderer/src/report/page-style';
import { buildReport, eventsInPeriod } from '../../renderer/src/report/report-model';
import { defaultPeriod, normaliseMotions, parseReportQuery, periodProblems, reportQuery } from '../../renderer/src/report/report-options';

// The report's pure parts: its options in the address, what goes on the page, and what the period contains.

const meta = (id: string) => ({ id, lineageId: id, supersedesId: null, recordedAt: '2026-01-01T10:00:00.000Z', recordedBy: 't1', correctionReason: null, voided: null });
const symptoms = { decreasedRange: false, swelling: false, redness: false, warmth: false, fever: false, pain: null as number | null };

/** A right elbow (flexion, active) with a reading per date; symptoms per date where given. */
function fileWith(readings: [string, number][], extra: Partial<PatientFile> = {}, symptomsOn: Record<string, Partial<typeof symptoms>> = {}): PatientFile {
  const visits = readings.map(([date, degrees], i) => ({
    id: `v${i}`,
    patientId: 'p',
    date,
    therapistId: 't1',
    setting: 'outpatient' as const,
    symptoms: { ...symptoms, ...symptomsOn[date] },
    notes: null,
    instrument: 'goniometer' as const,
    endFeel: null,
    recordedAt: `${date}T10:00:00.000Z`,
    recordedBy: 't1',
    measurements: [{ ...meta(`m${i}`), visitId: `v${i}`, patientId: 'p', date, motion: 'elbow.flexion', side: 'right' as const, mode: 'active' as const, degrees, raterId: 't1', instrument: 'goniometer' as const, endFeel: null, pain: null, note: null }],
  }));
  return {
    patient: { id: 'p', familyName: 'Mensah', givenNames: 'Kofi', clinicId: null, dateOfBirth: '1961-02-28', sex: 'male', version: 1, createdAt: '', updatedAt: '' },
    riskFactors: [],
    sites: [{ ...meta('s1'), patientId: 'p', joint: 'elbow', side: 'right', status: 'confirmed', since: '2025-01-01', note: null, classification: null }],
    visits: visits.reverse(),
    events: [],
    therapists: [],
    ...extra,
  } as PatientFile;
}

/** What 'analysis.patient' answers for the file as of `today` (shared/api/analysis-answer.ts, as the handler sends it). */
function analysisOf(file: PatientFile, today: string): PatientAnalysisResult {
  return analysisAnswer(analysePatient(file, today));
}

/** The report as the screen builds it: the analysis as of the period's end. */
const report = (file: PatientFile, plans: Plan[] | null, o: { from: string; to: string; motions: null | ('elbow.flexion' | 'knee.flexion')[] }) =>
  buildReport(file, analysisOf(file, o.to), plans, o);

const event = (id: string, kind: string, date: string, endDate: string | null = null) =>
  ({ ...meta(id), patientId: 'p', kind, date, endDate, joint: null, side: null, title: null, value: null, unit: null, classification: null, note: null }) as PatientFile['events'][number];

describe('report options in the address', () => {
  const defaults = { from: '2025-01-01', to: '2026-11-25', paper: 'A4' as const };

  it('read back what they wrote', () => {
    const o = { from: '2025-03-01', to: '2025-12-31', paper: 'Letter' as const, motions: ['elbow.flexion' as const, 'knee.flexion' as const] };
    expect(reportQuery(o)).toBe('from=2025-03-01&to=2025-12-31&paper=Letter&motions=elbow.flexion,knee.flexion');
    expect(parseReportQuery(reportQuery(o), defaults)).toEqual(o);
  });

  it('fall back to the defaults for anything missing or malformed; an empty motion list means no charts', () => {
    expect(parseReportQuery('', defaults)).toEqual({ ...defaults, motions: null });
    expect(parseReportQuery('from=2025-02-30&to=soon&paper=A3&motions=knee.pronation,hip.flexion', defaults)).toEqual({ ...defaults, motions: ['hip.flexion'] });
    expect(parseReportQuery('motions=', defaults).motions).toEqual([]);
  });

  it('check the period with the shared schema', () => {
    expect(periodProblems('2025-01-01', '2025-06-30')).toEqual({});
    expect(periodProblems('2025-06-30', '2025-01-01').to).toMatch(/cannot end \(2025-01-01\) before it starts/);
    expect(periodProblems('2025-01-01', '2999-01-01').to).toMatch(/future/);
    expect(periodProblems('', '2025-01-01').from).toMatch(/required|real date/);
  });

  it('default to the whole record, and keep chosen motions to those the period has', () => {
    const file = fileWith([['2025-02-01', 120]], { events: [event('e1', 'injury', '2024-12-20'), { ...event('e2', 'injury', '2020-01-01'), voided: { at: '', by: null, reason: 'wrong patient' } }] });
    expect(defaultPeriod(file, '2026-11-25')).toEqual({ from: '2024-12-20', to: '2026-11-25' });
    expect(defaultPeriod({ visits: [], events: [], sites: [] }, '2026-11-25')).toEqual({ from: '2026-11-25', to: '2026-11-25' });
    expect(normaliseMotions(null, ['elbow.flexion'])).toBeNull();
    expect(normaliseMotions(['elbow.flexion', 'knee.flexion'], ['elbow.flexion'])).toBeNull();
    expect(normaliseMotions(['knee.flexion'], ['elbow.flexion', 'knee.flexion'])).toEqual(['knee.flexion']);
    expect(normaliseMotions([], ['elbow.flexion'])).toEqual([]);
  });
});

describe('the printed page', () => {
  it('sets the paper, the margins and the running text, with page X of Y', () => {
    const css = pageCss({ paper: 'Letter', patient: 'MENSAH, Kofi', clinic: 'Riverside', generated: 'Generated 25 Nov 2026 by ROMtrack 0.1.0' });
    expect(css).toContain('size: letter portrait');
    expect(css).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\)/);
    expect(css).toContain('@top-left { content: "MENSAH, Kofi"');
    expect(pageCss({ paper: 'A4', patient: '', clinic: '', generated: '' })).toContain('size: A4 portrait');
  });

  it('keeps typed text inside its string, whatever it holds', () => {
    expect(cssString('O"Neil \\ } @page {')).toBe('"O\\"Neil \\\\ } @page {"');
    expect(cssString('two\nlines')).toBe('"two lines"');
  });

  it('gives charts the page’s content width', () => {
    expect(contentWidthPx('A4')).toBe(680);
    expect(contentWidthPx('Letter')).toBe(702);
  });
});

describe('what the period holds', () => {
  // Gains to the best in June, then a steady loss.
  const readings: [string, number][] = [
    ['2025-01-10', 100],
    ['2025-02-10', 110],
    ['2025-03-10', 120],
    ['2025-06-10', 135],
    ['2025-09-10', 125],
    ['2025-10-10', 118],
    ['2025-11-10', 110],
  ];

  it('prints the verdict as of the period’s end, from every reading up to it; draws only the period’s points', () => {
    const file = fileWith(readings);
    const all = report(file, [], { from: '2025-01-01', to: '2025-12-31', motions: null });
    expect(all.series[0]!.verdict.kind).toBe('losing');
    const firstHalf = report(file, [], { from: '2025-01-01', to: '2025-06-30', motions: null });
    expect(firstHalf.series[0]!.verdict.kind).toBe('improving');
    expect(firstHalf.visits.map((v) => v.date)).toEqual(['2025-01-10', '2025-02-10', '2025-03-10', '2025-06-10']);
    // The autumn alone: the verdict still weighs the spring's readings (the same verdict the dashboard gave on
    // 31 Dec), but the chart draws the autumn's points only.
    const autumn = report(file, [], { from: '2025-09-01', to: '2025-12-31', motions: null });
    expect(autumn.series[0]!.verdict).toEqual(all.series[0]!.verdict);
    expect(autumn.series[0]!.analysis.summary.baseline!.date).toBe('2025-01-10');
    expect(autumn.charts[0]!.series[0]!.points.map((p) => p.date)).toEqual(['2025-09-10', '2025-10-10', '2025-11-10']);
    const empty = report(file, [], { from: '2026-01-01', to: '2026-02-01', motions: null });
    expect(empty.series).toEqual([]);
    expect(empty.charts).toEqual([]);
    expect(empty.unmeasured).toContain('Right elbow flexion');
  });

  it('draws the chosen charts only', () => {
    const file = fileWith(readings);
    expect(report(file, [], { from: '2025-01-01', to: '2025-12-31', motions: null }).charts.map((c) => c.motion)).toEqual(['elbow.flexion']);
    expect(report(file, [], { from: '2025-01-01', to: '2025-12-31', motions: [] }).charts).toEqual([]);
  });

  it('lists events that touch the period, a running course included', () => {
    const events = [event('a', 'xray', '2024-12-01'), event('b', 'nsaid_course', '2024-11-01', '2025-01-15'), event('c', 'bisphosphonate_course', '2024-06-01'), event('d', 'lab_result', '2025-03-01'), event('e', 'xray', '2026-01-01')];
    expect(eventsInPeriod(events, '2025-01-01', '2025-12-31').map((e) => e.id)).toEqual(['c', 'b', 'd']);
  });

  it('counts symptoms and pain over the period’s visits', () => {
    const file = fileWith(readings, {}, { '2025-09-10': { swelling: true, pain: 4 }, '2025-10-10': { swelling: true, warmth: true, pain: 6 }, '2025-11-10': { pain: 3 } });
    const r = report(file, [], { from: '2025-01-01', to: '2025-12-31', motions: null });
    expect(r.symptoms.find((s) => s.label === 'Swelling')).toEqual({ label: 'Swelling', visits: 2, first: '2025-09-10', last: '2025-10-10' });
    expect(r.symptoms.find((s) => s.label === 'Fever')).toEqual({ label: 'Fever', visits: 0, first: null, last: null });
    expect(r.pain).toEqual({ recorded: 3, highest: 6, latest: { date: '2025-11-10', value: 3 } });
  });

  it('shows the plans in force during the period with goal statuses as of its end', () => {
    const goal = (id: string, target: number, recordedAt: string) => ({
      ...meta(id),
      recordedAt,
      planId: 'plan1',
      patientId: 'p',
      motion: 'elbow.flexion' as const,
      side: 'right' as const,
      mode: 'active' as const,
      target,
      targetDate: '2025-12-31',
      setWhenMet: false,
      status: { kind: 'not_started' as const, latest: null, projected: null, reason: '' },
    });
    const version = { ...meta('plan1'), patientId: 'p', number: 1, title: 'Elbow', effectiveFrom: '2025-02-01', endDate: null, inForceUntil: null, sites: [], passiveRomAllowed: false, precautions: null, items: [], ended: null };
    const plan: Plan = { id: 'plan1', patientId: 'p', startDate: '2025-02-01', endDate: null, versions: [version], goals: [goal('g1', 130, '2025-02-01T09:00:00.000Z'), goal('g2', 140, '2026-03-01T09:00:00.000Z')] };
    const later: Plan = { ...plan, id: 'plan2', startDate: '2026-02-01', versions: [{ ...version, id: 'plan2', effectiveFrom: '2026-02-01' }], goals: [] };
    const file = fileWith(readings);

    const june = report(file, [plan, later], { from: '2025-01-01', to: '2025-06-30', motions: null });
    expect(june.plans!.map((p) => p.plan.id)).toEqual(['plan1']);
    expect(june.plans![0]!.goals.map((g) => [g.goal.id, g.status.kind])).toEqual([['g1', 'met']]);
    expect(june.charts[0]!.goals).toEqual([{ value: 130, date: '2025-12-31', label: 'Goal, right active' }]);

    const december = report(file, [plan, later], { from: '2025-01-01', to: '2025-12-31', motions: null });
    expect(december.plans![0]!.goals[0]!.status.kind).toBe('off_track');
    expect(report(file, null, { from: '2025-01-01', to: '2025-12-31', motions: null }).plans).toBeNull();
  });
});
