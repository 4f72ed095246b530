// A report printed again from "Printed before": its address names the log entry ('?reprint=<id>'), never its
// text, and the screen rebuilds the report from what the entry kept (period, paper, charts, sites, the typed
// assessment and recommendations, the date of the verdicts), so the paper matches the first printing.
import type { ReportRecord } from '../../../shared/api/operations/reports';
import { isMotionKey } from '../../../shared/domain/catalogue';
import type { Therapist } from '../../../shared/domain/therapist';
import type { ReportOptions } from './report-options';

/** A log entry that kept what the report said (every entry since version 11). */
export type KeptReport = ReportRecord & { kept: NonNullable<ReportRecord['kept']> };

export function isKept(r: ReportRecord): r is KeptReport {
  return r.kept !== null;
}

export function reprintIdOf(query: string): string | null {
  return new URLSearchParams(query).get('reprint');
}

export function reprintQuery(reportId: string): string {
  return new URLSearchParams({ reprint: reportId }).toString();
}

/** The options the entry was printed with. */
export function printedOptions(r: KeptReport): ReportOptions {
  return {
    from: r.from,
    to: r.to,
    paper: r.paper,
    motions: r.motions === null ? null : r.motions.filter(isMotionKey),
    ...(r.kept.sites === 'all' ? { sites: 'all' as const } : {}),
  };
}

/** Who printed it, as the report named them then (the file lists every therapist, inactive ones included). */
export function printedBy(r: ReportRecord, therapists: readonly Therapist[]): Therapist | null {
  return therapists.find((t) => t.id === r.recordedBy) ?? null;
}
