// The report's options live in its address ('#/patients/:id/report?from=2025-01-01&to=2026-11-25&paper=A4&
// motions=elbow.flexion,knee.flexion'), so File → Print report, a bookmark or a reload opens the same report.
// The typed assessment and recommendations are not in it: they are free text about a patient and an
// address is shown, kept in history and copied around.
import { ReportPeriod } from '../../../shared/api/operations/reports';
import { MOTION_KEYS, type MotionKey } from '../../../shared/domain/catalogue';
import { PAPER_SIZES, type PaperSize } from '../../../shared/domain/clinic';
import type { TFunction } from 'i18next';
import { dateInputHint, isCalendarDate, parseDateInput, type DateFormat } from '../../../shared/domain/dates';
import type { DisplayLanguage } from '../../../shared/i18n';

export interface ReportOptions {
  from: string;
  to: string;
  paper: PaperSize;
  /** null: every motion measured in the period gets its chart. */
  motions: MotionKey[] | null;
  /**
   * 'watched' (the default): the charts and tables cover the watched sites only, which is what the referring
   * doctor asked about; 'all' adds every other joint measured. A patient with no watched site gets all.
   * Absent means 'watched', so an address from before this option opens as it did.
   */
  sites?: 'watched' | 'all';
}

interface Dated {
  visits: readonly { date: string }[];
  events: readonly { date: string; voided: unknown }[];
  sites: readonly { since: string; voided: unknown }[];
}

/** Earliest visit, event or watched site up to today, else today: by default the report covers the whole record. */
export function defaultPeriod(file: Dated, today: string): { from: string; to: string } {
  const current = <T extends { voided: unknown }>(list: readonly T[]) => list.filter((x) => x.voided === null);
  const dates = [...file.visits.map((v) => v.date), ...current(file.events).map((e) => e.date), ...current(file.sites).map((s) => s.since)].filter((d) => d <= today);
  const from = dates.reduce((a, b) => (b < a ? b : a), today);
  return { from, to: today };
}

/** The period's end a new report opens with: the query's, else today (what parseReportQuery gives). */
export function queryPeriodEnd(query: string, today: string): string {
  return parseReportQuery(query, { from: today, to: today, paper: 'A4' }).to;
}

/** Reads the query; anything missing or malformed falls back to the default, so a stale link still opens. */
export function parseReportQuery(query: string, defaults: { from: string; to: string; paper: PaperSize }): ReportOptions {
  const q = new URLSearchParams(query);
  const date = (key: 'from' | 'to') => {
    const v = q.get(key);
    return v !== null && isCalendarDate(v) ? v : defaults[key];
  };
  const paperParam = q.get('paper');
  const paper = (PAPER_SIZES as readonly string[]).includes(paperParam ?? '') ? (paperParam as PaperSize) : defaults.paper;
  const listed = q.get('motions');
  // "motions=" (empty) is a summary without charts; an absent parameter is every chart.
  const motions = listed === null ? null : MOTION_KEYS.filter((k) => listed.split(',').includes(k));
  return { from: date('from'), to: date('to'), paper, motions, ...(q.get('sites') === 'all' ? { sites: 'all' as const } : {}) };
}

export function reportQuery(o: ReportOptions): string {
  const q = new URLSearchParams({ from: o.from, to: o.to, paper: o.paper });
  if (o.motions) q.set('motions', o.motions.join(','));
  if (o.sites === 'all') q.set('sites', 'all');
  // Commas and dots are safe in a hash; keeping them readable makes the address easy to check by eye.
  return q.toString().replace(/%2C/g, ',');
}

/** The period's problems as messages by field, with the shared schema's wording ('from', 'to'). */
export function periodProblems(from: string, to: string): Partial<Record<'from' | 'to', string>> {
  const r = ReportPeriod.safeParse({ from, to });
  if (r.success) return {};
  const out: Partial<Record<'from' | 'to', string>> = {};
  for (const issue of r.error.issues) {
    const key = issue.path[0];
    if ((key === 'from' || key === 'to') && !out[key]) out[key] = issue.message;
  }
  return out;
}

/** The chosen motions, kept to those the period has; null again when that is all of them. */
export function normaliseMotions(chosen: readonly MotionKey[] | null, available: readonly MotionKey[]): MotionKey[] | null {
  if (chosen === null) return null;
  const kept = available.filter((m) => chosen.includes(m));
  return kept.length === available.length ? null : kept;
}

/**
 * The period as typed in the clinic's date format (ISO always accepted): the ISO dates, and the problems by
 * field, a date that cannot be read saying how to write it.
 */
export function typedPeriod(
  typed: { from: string; to: string },
  format: DateFormat,
  language: DisplayLanguage = 'en',
  t?: TFunction,
  /** How to write a date, in the screen's language (forms/DateField useDateHint); English without it. */
  hint: string = dateInputHint(format),
): { from: string; to: string; problems: Partial<Record<'from' | 'to', string>> } {
  const from = parseDateInput(typed.from, format, language);
  const to = parseDateInput(typed.to, format, language);
  const problems = from !== null && to !== null ? periodProblems(from, to) : {};
  const message = (key: 'from' | 'to', empty: boolean): string => {
    if (!t) {
      const label = key === 'from' ? 'The start of the period' : 'The end of the period';
      return empty ? `${label} is required.` : `${label}: write the date as ${hint}.`;
    }
    if (key === 'from') return empty ? t('report.period.fromRequired') : t('report.period.fromUnreadable', { hint });
    return empty ? t('report.period.toRequired') : t('report.period.toUnreadable', { hint });
  };
  for (const key of ['from', 'to'] as const) {
    if ((key === 'from' ? from : to) === null) problems[key] = message(key, typed[key].trim() === '');
  }
  return { from: from ?? '', to: to ?? '', problems };
}
