import type { PatientFile } from '../api/operations/clinical';
import type { ClinicalEvent } from '../domain/event';
import type { RiskFactor, WatchedSite } from '../domain/ho';
import type { Goal, Plan } from '../domain/plan-records';
import type { Measurement, Visit } from '../domain/visit';

/** The clinic as an export names it: the database's identity stands for the clinic, which has no id of its own. */
export interface ExchangeClinic {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
}

/**
 * One patient's whole record as the mapper takes it: what `patients.file` gives (current versions) plus what
 * `patients.voided` gives, since a void must reach the receiving system as entered-in-error, and the plans as
 * `plans.list` gives them (every version, current goals with their status as of `today`).
 */
export interface ExchangeSource {
  clinic: ExchangeClinic;
  file: PatientFile;
  plans: Plan[];
  /** The clinic's today: a plan past its last day is `completed`, and goal statuses were derived on it. */
  today: string;
  voided: {
    /** Voided goals: they have no status, nothing being measured against them. */
    goals: Omit<Goal, 'status'>[];
    visits: { visit: Visit; voided: { at: string; by: string | null; reason: string } }[];
    measurements: Measurement[];
    events: ClinicalEvent[];
    riskFactors: RiskFactor[];
    sites: WatchedSite[];
  };
}

/** Inclusive ISO dates; either end may be open. */
export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

export function inRange(date: string, range: DateRange | undefined): boolean {
  if (!range) return true;
  return (!range.from || date >= range.from) && (!range.to || date <= range.to);
}

/** Whether a period (an open end is null) shares a day with the range. */
export function overlaps(start: string, end: string | null, range: DateRange | undefined): boolean {
  if (!range) return true;
  return (!range.to || start <= range.to) && (!range.from || end === null || end >= range.from);
}
