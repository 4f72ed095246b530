// What the printed report says, worked out without React from the patient's file, the back end's analysis, the
// plans and the options. The verdicts are the back end's ('analysis.patient') as of the period's end: the same
// verdict the mobility screens showed on that day, from every reading up to it since the joint's latest
// operation, so a report ending today never disagrees with the dashboard. Only what is drawn and listed is
// limited to the period: the charts' points, the visits, symptoms and events.
import { eventsForJoint } from '../../../shared/analysis/patient-series';
import type { AnalysedSeries, PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { MODES, MOTION_KEYS, motionSpec, sideLabel, SIDES, type MotionKey } from '../../../shared/domain/catalogue';
import { todayLocal } from '../../../shared/domain/dates';
import type { ClinicalEvent } from '../../../shared/domain/event';
import { siteMotionJoints, type RiskFactor, type WatchedSite } from '../../../shared/domain/ho';
import { goalStatus, type GoalStatus } from '../../../shared/domain/goal-status';
import type { Goal, Plan, PlanVersion } from '../../../shared/domain/plan-records';
import { groupBySeries, seriesKeyOf } from '../../../shared/domain/series';
import type { Visit } from '../../../shared/domain/visit';
import { dayNumber, eventMarkers, type EventWords } from '../charts/chart-model';
import type { PrintChartData } from '../charts/PrintChart';
import type { ReportOptions } from './report-options';

/** One chart per motion: every side and mode measured in the period, in a fixed order (left, right; active, passive). */
export interface ReportChart extends PrintChartData {
  motion: MotionKey;
  /** Each with its points cut to the period; the verdict stays the whole analysis' (as of the period's end). */
  series: AnalysedSeries[];
}

export interface SymptomRow {
  label: string;
  visits: number;
  first: string | null;
  last: string | null;
}

export interface PainSummary {
  /** Visits with a pain score. */
  recorded: number;
  highest: number | null;
  latest: { date: string; value: number } | null;
}

export interface PlanInPeriod {
  plan: Plan;
  /** The version in force at the end of the period (or the last one in force during it). */
  version: PlanVersion;
  /** Versions in force at some point in the period; more than one means it was revised. */
  versionsInPeriod: number;
  goals: { goal: Goal; status: GoalStatus }[];
}

/** A watched site on page 1: its status, latest grade (on the site) and the verdicts of its series. */
export interface SiteSummary {
  site: WatchedSite;
  /** The site's measured series (an elbow brings the forearm's), as of the period's end, losses first. */
  series: AnalysedSeries[];
}

export interface ReportModel {
  /** Current risk factors, oldest first (undated last): page 1. */
  riskFactors: RiskFactor[];
  /** Current watched sites with their verdicts: page 1. */
  sites: SiteSummary[];
  /** True when the charts and tables cover the watched sites only. */
  watchedOnly: boolean;
  /** The back end's analysis as of the period's end. */
  analysis: PatientAnalysisResult;
  /** Series measured in the period, in the analysis' order (losses first): the summary's rows. */
  series: AnalysedSeries[];
  /** Arcs of the planes measured in the period (their latest arc as of the period's end). */
  arcs: PatientAnalysisResult['arcs'];
  /** Visits in the period, oldest first. */
  visits: Visit[];
  /** Motions measured in the period, catalogue order: the choices for the charts. */
  motions: MotionKey[];
  charts: ReportChart[];
  /** Events in the period (a course counts while it runs), oldest first. */
  events: ClinicalEvent[];
  symptoms: SymptomRow[];
  pain: PainSummary;
  /** Null when the plans could not be read. */
  plans: PlanInPeriod[] | null;
  /** Therapists who measured in the period. */
  raterIds: string[];
  /** Watched motions (side and motion) measured in neither mode in the period: "Left hip flexion". */
  unmeasured: string[];
}

const SYMPTOMS = [
  ['decreasedRange', 'Decreased range of motion'],
  ['swelling', 'Swelling'],
  ['redness', 'Redness'],
  ['warmth', 'Warmth'],
  ['fever', 'Fever'],
] as const;

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * The report of a period. `analysis` must be 'analysis.patient' with today = the period's end (the caller checks
 * analysis.today); its verdicts are printed as they are, never worked out again here.
 */
export function buildReport(
  file: PatientFile,
  analysis: PatientAnalysisResult,
  plans: readonly Plan[] | null,
  o: Pick<ReportOptions, 'from' | 'to' | 'motions' | 'sites'>,
  /** The event markers' words in the document's language (charts/chart-words.ts); English when absent. */
  words?: EventWords,
): ReportModel {
  const inPeriod = (d: string) => d >= o.from && d <= o.to;
  const visits = file.visits.filter((v) => inPeriod(v.date));
  const currentSites = file.sites.filter((s) => s.voided === null);
  const watchedOnly = (o.sites ?? 'watched') === 'watched' && currentSites.length > 0;
  // A series belongs to the report when it was measured in the period; its points are cut to the period.
  const series = analysis.series.filter((s) => s.points.some((p) => inPeriod(p.date)) && (!watchedOnly || s.watched));
  const clipped = series.map((s) => ({ ...s, points: s.points.filter((p) => inPeriod(p.date)) }));
  const measured = new Set(series.map((s) => s.motion));
  const motions = MOTION_KEYS.filter((k) => measured.has(k));
  const chosen = o.motions === null ? motions : motions.filter((m) => o.motions!.includes(m));
  const shownPlans = plans === null ? null : plansInPeriod(plans, file, o.from, o.to);
  const goals = (shownPlans ?? []).flatMap((p) => p.goals.map((g) => g.goal));

  return {
    riskFactors: file.riskFactors
      .filter((r) => r.voided === null)
      .sort((a, b) => (a.onsetDate ?? '9999').localeCompare(b.onsetDate ?? '9999')),
    sites: currentSites.map((site) => ({
      site,
      series: analysis.series.filter((s) => s.side === site.side && siteMotionJoints(site.joint).includes(s.joint) && s.points.length > 0),
    })),
    watchedOnly,
    analysis,
    series,
    arcs: analysis.arcs.filter((a) => series.some((s) => s.side === a.side && s.mode === a.mode && (s.motion === a.first || s.motion === a.second))),
    visits: [...visits].sort(byDate),
    motions,
    charts: chosen.map((m) => chartOf(m, clipped, file.events, goals, o.from, o.to, words)),
    events: eventsInPeriod(file.events, o.from, o.to),
    ...symptomsOf(visits),
    plans: shownPlans,
    unmeasured: unmeasuredMotions(analysis, series),
    raterIds: [...new Set(visits.flatMap((v) => v.measurements.map((m) => m.raterId)).filter((id): id is string => id !== null))],
  };
}

function chartOf(motion: MotionKey, clipped: readonly AnalysedSeries[], events: readonly ClinicalEvent[], goals: readonly Goal[], from: string, to: string, words?: EventWords): ReportChart {
  const order = (s: AnalysedSeries) => SIDES.indexOf(s.side) * 2 + MODES.indexOf(s.mode);
  const series = clipped.filter((s) => s.motion === motion).sort((a, b) => order(a) - order(b));
  const spec = motionSpec(motion);
  const first = dayNumber(from);
  const last = dayNumber(to);
  return {
    motion,
    title: spec.label,
    series,
    markers: eventMarkers(eventsForJoint(events, spec.joint), words).filter((m) => m.day >= first && m.day <= last),
    goals: goals
      .filter((g) => g.motion === motion)
      .map((g) => ({ value: g.target, date: g.targetDate, label: `Goal, ${g.side} ${g.mode}` })),
  };
}

/** Passive range is often not taken; a motion counts as unmeasured in the period only when neither mode was. */
function unmeasuredMotions(analysis: PatientAnalysisResult, inPeriod: readonly AnalysedSeries[]): string[] {
  const measured = new Set(inPeriod.map((s) => `${s.side} ${s.motion}`));
  const missing = [...analysis.series, ...analysis.unmeasured]
    .filter((s) => s.watched && !measured.has(`${s.side} ${s.motion}`))
    .sort((a, b) => MOTION_KEYS.indexOf(a.motion) - MOTION_KEYS.indexOf(b.motion) || SIDES.indexOf(a.side) - SIDES.indexOf(b.side));
  return [...new Set(missing.map((s) => `${sideLabel(s.side)} ${motionSpec(s.motion).label.toLowerCase()}`))];
}

export function eventsInPeriod(events: readonly ClinicalEvent[], from: string, to: string): ClinicalEvent[] {
  // A course with no end date is still running, so it overlaps any period after its start.
  return events.filter((e) => e.voided === null && e.date <= to && (e.endDate === null ? e.kind.endsWith('_course') || e.date >= from : e.endDate >= from)).sort(byDate);
}

function symptomsOf(visits: readonly Visit[]): { symptoms: SymptomRow[]; pain: PainSummary } {
  const sorted = [...visits].sort(byDate);
  const symptoms = SYMPTOMS.map(([key, label]) => {
    const withIt = sorted.filter((v) => v.symptoms[key]);
    return { label, visits: withIt.length, first: withIt[0]?.date ?? null, last: withIt[withIt.length - 1]?.date ?? null };
  });
  const scored = sorted.filter((v) => v.symptoms.pain !== null);
  const last = scored[scored.length - 1];
  return {
    symptoms,
    pain: {
      recorded: scored.length,
      highest: scored.length ? Math.max(...scored.map((v) => v.symptoms.pain!)) : null,
      latest: last ? { date: last.date, value: last.symptoms.pain! } : null,
    },
  };
}

/**
 * Plans with a version in force during the period, each shown as it stood at the period's end, with its goals'
 * status worked out as of that day from every measurement up to it (a goal's baseline may precede the period).
 */
export function plansInPeriod(plans: readonly Plan[], file: Pick<PatientFile, 'visits'>, from: string, to: string): PlanInPeriod[] {
  const bySeries = groupBySeries(file.visits.flatMap((v) => v.measurements));
  const points = new Map([...bySeries].map(([key, readings]) => [key, readings.map((m) => ({ date: m.date, value: m.degrees }))]));
  const out: PlanInPeriod[] = [];
  for (const plan of plans) {
    const versions = plan.versions.filter((v) => v.voided === null && v.effectiveFrom <= to && (v.inForceUntil === null || v.inForceUntil >= from));
    const version = versions[versions.length - 1];
    if (!version) continue;
    // A goal set after the period did not exist at its end (recordedAt is an instant: compare local dates).
    const goals = plan.goals
      .filter((g) => g.voided === null && todayLocal(new Date(g.recordedAt)) <= to)
      .map((goal) => ({
        goal,
        status: goalStatus({ target: goal.target, targetDate: goal.targetDate, planStart: plan.startDate, points: points.get(seriesKeyOf(goal.side, goal.motion, goal.mode)) ?? [], today: to }),
      }));
    out.push({ plan, version, versionsInPeriod: versions.length, goals });
  }
  return out.sort((a, b) => (a.plan.startDate < b.plan.startDate ? -1 : 1));
}
