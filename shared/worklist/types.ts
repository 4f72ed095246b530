// The worklist's vocabulary: why a patient needs attention (reason codes, most urgent first), and the summary
// rows kept per patient so the clinic-wide list never re-runs the analysis over every measurement.
import type { VerdictKind } from '../analysis/verdict';
import type { JointId, Mode, MotionKey, Side } from '../domain/catalogue';
import type { SiteStatus } from '../domain/ho';
import type { SeriesKey } from '../domain/series';
import type { MessageRef } from '../i18n/message';

export const REASON_CODES = ['losing', 'warning_signs', 'overdue', 'alp_high', 'due', 'profile_out_of_date'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Reasons that hold until the record changes, stored with the patient's summary (the others depend on today). */
export type StoredReasonCode = 'losing' | 'warning_signs' | 'profile_out_of_date';

export const URGENCIES = ['high', 'medium', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * How urgent each reason is. High: a sign that HO may be forming now (motion lost, new warning signs); the
 * sooner it is treated the better. Medium: a missed measurement or a raised ALP, worth acting on this week.
 * Low: a measurement falling due, or a profile to bring up to date.
 */
export const REASON_URGENCY: Record<ReasonCode, Urgency> = {
  losing: 'high',
  warning_signs: 'high',
  overdue: 'medium',
  alp_high: 'medium',
  due: 'low',
  profile_out_of_date: 'low',
};

/** A word first and a symbol second: a printed worklist in black and white reads the same. */
export const REASON_LABELS: Record<ReasonCode, { word: string; symbol: string }> = {
  losing: { word: 'Losing motion', symbol: '▼' },
  warning_signs: { word: 'Warning signs', symbol: '⚠' },
  overdue: { word: 'Overdue', symbol: '◆' },
  alp_high: { word: 'ALP raised', symbol: '▲' },
  due: { word: 'Due', symbol: '◇' },
  profile_out_of_date: { word: 'Profile out of date', symbol: '✎' },
};

/** One measured series as the worklist keeps it: the figures a clinic-wide view needs, no points. */
export interface SeriesSummaryRow {
  seriesKey: SeriesKey;
  motion: MotionKey;
  joint: JointId;
  side: Side;
  mode: Mode;
  watched: boolean;
  /** Readings the verdict rests on: after the joint's latest operation. */
  readings: number;
  latestValue: number | null;
  latestDate: string | null;
  baselineValue: number | null;
  baselineDate: string | null;
  /** The best of two consecutive readings (an average), and the date of the later one. */
  bestValue: number | null;
  bestDate: string | null;
  verdict: VerdictKind;
  needsConfirmation: boolean;
  /** The latest reading of the series, operations or not. */
  lastMeasured: string;
  /** The series' site's next due date, when its site is on the measurement schedule. */
  nextDue: string | null;
}

/** A current watched site with its schedule: due dates are null when it is not on the schedule. */
export interface SiteScheduleRow {
  joint: JointId;
  side: Side;
  status: SiteStatus;
  anchorDate: string;
  anchorWhat: string;
  lastMeasured: string | null;
  dueOn: string | null;
  overdueOn: string | null;
  endsOn: string | null;
  intervalDays: number | null;
}

export type WarningSign = 'swelling' | 'redness' | 'warmth' | 'fever';

export type ReasonFacts =
  | {
      code: 'losing';
      label: string;
      against: 'baseline' | 'best';
      from: { value: number; date: string };
      to: { value: number; date: string };
      change: number;
      threshold: number;
      /** The verdict's own sentence, for a tooltip or the referral letter. */
      reason: string;
      /** The same sentence as a message, so the tooltip reads in the screen's language (absent in rows kept before). */
      reasonRef?: MessageRef;
    }
  | { code: 'warning_signs'; kind: 'symptoms'; signs: WarningSign[]; date: string }
  | { code: 'warning_signs'; kind: 'hard_end_feel'; motions: string[]; date: string }
  | { code: 'warning_signs'; kind: 'pain'; label: string; from: number; to: number; date: string }
  | { code: 'profile_out_of_date'; kind: 'graded_xray'; status: SiteStatus; classification: string; date: string }
  | { code: 'profile_out_of_date'; kind: 'excision'; status: SiteStatus; date: string };

export interface StoredReason {
  code: StoredReasonCode;
  joint: JointId | null;
  side: Side | null;
  seriesKey: SeriesKey | null;
  facts: ReasonFacts;
}

export interface LabValue {
  value: number;
  date: string;
}

export interface PatientSummaryRow {
  /** The latest visit with a current measurement. */
  lastMeasured: string | null;
  /** Who measured at that visit (else at the latest visit): the worklist's "by therapist" filter. */
  lastTherapistId: string | null;
  alpLatest: LabValue | null;
  alpPrevious: LabValue | null;
}

/** Everything the worklist keeps about one patient; replaced whole whenever the patient's record changes. */
export interface PatientWorklistSummary {
  patient: PatientSummaryRow;
  series: SeriesSummaryRow[];
  sites: SiteScheduleRow[];
  reasons: StoredReason[];
}

/** One reason as the worklist shows it. */
export interface WorklistReason {
  code: ReasonCode;
  /** The sentence as an id with its values: the screen writes it in the person's language and date format. */
  message: MessageRef;
  /** The same sentence in English with the clinic's dates, for API callers. */
  text: string;
  joint?: JointId;
  side?: Side;
  seriesKey?: SeriesKey;
  /** A longer sentence where there is one (the verdict's reason, in English: the analysis writes it so). */
  detail?: string;
  /** The same sentence as a message, for the screens. */
  detailRef?: MessageRef;
}
