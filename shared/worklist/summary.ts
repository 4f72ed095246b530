// One patient's worklist summary, from the patient's current record: per measured series the figures a
// clinic-wide view needs, per watched site its measurement schedule, the reasons that hold until the record
// changes, and the patient's latest measurement and ALP results. Pure and deterministic: the back end stores
// exactly this (electron/api/worklist-refresh.ts) and the tests compare the stored rows with a fresh call.
//
// The verdicts are analysePatient's (through measuredSeries, its series without the arcs), with the clinic's
// thresholds, as analysis.patient gives them: one analysis for every screen. They are computed over every recorded reading (as of SUMMARY_AS_OF): the forms
// refuse dates in the future, so that is what analysis.patient gives today too, and a summary never depends
// on the day it was computed.
import type { ClinicalEvent } from '../domain/event';
import { findMotionSpec, type JointId } from '../domain/catalogue';
import { siteMotionJoints, type RiskFactor, type WatchedSite } from '../domain/ho';
import type { ThresholdOverride } from '../domain/thresholds';
import type { Visit } from '../domain/visit';
import { dueDates, scheduleAnchor } from './schedule';
import { seriesPointsOf, type SeriesPoints } from '../analysis/series-points';
import { measuredSeriesOf, type MeasuredSeries } from './series';
import type { WorklistSettings } from './settings';
import { alpResults, profileChecks, warningSigns, type VisitLike } from './signs';
import type { PatientWorklistSummary, SeriesSummaryRow, SiteScheduleRow, StoredReason } from './types';

/**
 * The format of the stored summaries: raise it whenever a change here or in the analysis changes what is stored
 * (a verdict rule, a reason), and every patient's summary is rebuilt at the next worklist read.
 */
export const WORKLIST_SUMMARY_VERSION = 1;

/** The date summaries are computed as of: after any reading, so every recorded one counts. */
export const SUMMARY_AS_OF = '9999-12-31';

/** The parts of a patient's file the summary reads ('patients.file' fits it); sites and records current only. */
export interface WorklistSource {
  sites: readonly WatchedSite[];
  /** Newest first, each with its current measurements. */
  visits: readonly Visit[];
  events: readonly ClinicalEvent[];
  riskFactors: readonly RiskFactor[];
}

/**
 * The same record as the summary needs it and no more: the readings grouped into series points
 * (series-points.ts), the visits with only what the warning signs and the schedule look at, the sites without
 * their imaging. What the refresh after every write reads (electron/db/analysis-reads.ts).
 */
export interface WorklistReadings {
  sites: readonly SummarySite[];
  /** Newest first, each with its current measurements in the order recorded. */
  visits: readonly VisitLike[];
  events: readonly ClinicalEvent[];
  riskFactors: readonly Pick<RiskFactor, 'kind' | 'onsetDate' | 'voided'>[];
  points: SeriesPoints;
}
export type SummarySite = Pick<WatchedSite, 'joint' | 'side' | 'status' | 'since' | 'voided'>;

export interface SummaryOptions {
  thresholds: readonly ThresholdOverride[];
  settings: WorklistSettings;
}

export function summarisePatient(source: WorklistSource, options: SummaryOptions): PatientWorklistSummary {
  return summariseReadings({ ...source, points: seriesPointsOf(source.visits) }, options);
}

/** summarisePatient on the lean record: the same summary for the same readings. */
export function summariseReadings(source: WorklistReadings, options: SummaryOptions): PatientWorklistSummary {
  const sites = source.sites.filter((s) => s.voided === null);
  const events = source.events.filter((e) => e.voided === null);
  const measured = measuredSeriesOf({ sites, events, points: source.points }, SUMMARY_AS_OF, { thresholds: options.thresholds });

  const siteRows = sites.map((site) => scheduleOf(site, source, options.settings));
  const series = measured.map((s) => seriesRow(s, siteRows));
  const reasons: StoredReason[] = [
    ...measured.filter((s) => s.watched && s.analysis.verdict.kind === 'losing').flatMap(losingReason),
    ...warningSigns(source.visits, sites),
    ...profileChecks(sites, events),
  ];

  const measuredVisit = source.visits.find((v) => v.measurements.length > 0) ?? null;
  const alp = alpResults(events);
  return {
    patient: {
      lastMeasured: measuredVisit?.date ?? null,
      lastTherapistId: (measuredVisit ?? source.visits[0])?.therapistId ?? null,
      alpLatest: alp.latest,
      alpPrevious: alp.previous,
    },
    series,
    sites: siteRows,
    reasons,
  };
}

/** Sites at risk or suspected are on the schedule; confirmed and excised ones are followed by their plan. */
export function isScheduled(status: WatchedSite['status']): boolean {
  return status === 'at_risk' || status === 'suspected';
}

function isMeasuredJoint(motion: string, joints: readonly JointId[]): boolean {
  const joint = findMotionSpec(motion)?.joint;
  return joint !== undefined && joints.includes(joint);
}

function scheduleOf(site: SummarySite, source: WorklistReadings, settings: WorklistSettings): SiteScheduleRow {
  const anchor = scheduleAnchor(site, source.events, source.riskFactors);
  const joints = siteMotionJoints(site.joint);
  const measured = source.visits.find((v) => v.measurements.some((m) => m.side === site.side && isMeasuredJoint(m.motion, joints)));
  const lastMeasured = measured?.date ?? null;
  return { joint: site.joint, side: site.side, status: site.status, anchorDate: anchor.date, anchorWhat: anchor.what, lastMeasured, ...scheduleDates(site.status, anchor.date, lastMeasured, settings) };
}

/** The due columns of a site row: also how a change of the clinic's schedule updates the stored rows. */
export function scheduleDates(status: WatchedSite['status'], anchorDate: string, lastMeasured: string | null, settings: WorklistSettings): Pick<SiteScheduleRow, 'dueOn' | 'overdueOn' | 'endsOn' | 'intervalDays'> {
  const due = isScheduled(status) ? dueDates(anchorDate, lastMeasured, settings) : null;
  return { dueOn: due?.dueOn ?? null, overdueOn: due?.overdueOn ?? null, endsOn: due?.endsOn ?? null, intervalDays: due?.intervalDays ?? null };
}

/** A series' next due date: the earliest of the scheduled sites that bring its motion on its side. */
export function seriesNextDue(s: Pick<SeriesSummaryRow, 'joint' | 'side' | 'watched'>, sites: readonly Pick<SiteScheduleRow, 'joint' | 'side' | 'dueOn'>[]): string | null {
  if (!s.watched) return null;
  let next: string | null = null;
  for (const site of sites) {
    if (site.side !== s.side || site.dueOn === null || !siteMotionJoints(site.joint).includes(s.joint)) continue;
    if (next === null || site.dueOn < next) next = site.dueOn;
  }
  return next;
}

function seriesRow(s: MeasuredSeries, sites: readonly SiteScheduleRow[]): SeriesSummaryRow {
  const { summary, verdict } = s.analysis;
  const last = s.points[s.points.length - 1]!;
  return {
    seriesKey: s.key,
    motion: s.motion,
    joint: s.joint,
    side: s.side,
    mode: s.mode,
    watched: s.watched,
    readings: summary.points.length,
    latestValue: summary.latest?.value ?? null,
    latestDate: summary.latest?.date ?? null,
    baselineValue: summary.baseline?.value ?? null,
    baselineDate: summary.baseline?.date ?? null,
    bestValue: summary.best?.value ?? null,
    bestDate: summary.best?.date ?? null,
    verdict: verdict.kind,
    needsConfirmation: verdict.needsConfirmation,
    lastMeasured: last.date,
    nextDue: seriesNextDue(s, sites),
  };
}

function losingReason(s: MeasuredSeries): StoredReason[] {
  const v = s.analysis.verdict;
  if (!v.comparison) return [];
  const c = v.comparison;
  return [
    {
      code: 'losing',
      joint: s.joint,
      side: s.side,
      seriesKey: s.key,
      facts: {
        code: 'losing',
        label: s.label,
        against: c.against,
        from: { value: c.from.value, date: c.from.date },
        to: { value: c.to.value, date: c.to.date },
        change: c.change,
        threshold: v.threshold.degrees,
        reason: v.reason,
        reasonRef: v.reasonRef,
      },
    },
  ];
}
