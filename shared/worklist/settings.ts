// The clinic's worklist settings: when a site at risk is due to be measured again, and the upper limit of its
// laboratory's alkaline phosphatase (ALP) range. No guideline gives either figure (clinical-reference.md, "The HO
// timeline, for the worklist"), so both are the clinic's to set; the defaults below say where they come from.
import { z } from 'zod';
import { englishText, message, said, saidIssue, type MessageRef } from '../i18n/message';

export interface WorklistSettings {
  /** Weekly measurement starts this many weeks after the risk event (the injury, burn or operation). */
  weeklyFromWeek: number;
  /** ...and goes on until this week; monthly (every 4 weeks) after it. */
  weeklyUntilWeek: number;
  /** Monthly measurement goes on until this week; the schedule ends there. */
  monthlyUntilWeek: number;
  /** Upper limit of the clinic's laboratory's adult ALP reference range, U/L. */
  alpUpperLimit: number;
}

export const DEFAULT_WORKLIST_SETTINGS: Readonly<WorklistSettings> = Object.freeze({
  weeklyFromWeek: 2,
  weeklyUntilWeek: 12,
  monthlyUntilWeek: 26,
  alpUpperLimit: 130,
});

/**
 * Where each default comes from, shown beside the setting so a clinic knows what it is changing: in English for
 * API callers, from the same messages the Settings screen writes in its language.
 */
export const WORKLIST_SETTING_SOURCES = {
  schedule: englishText(message('worklistSettings.source.schedule')),
  alpUpperLimit: englishText(message('worklistSettings.source.alpUpperLimit')),
} as const;

/** Days between measurements in each phase of the schedule. */
export const WEEKLY_DAYS = 7;
export const MONTHLY_DAYS = 28;
/** A rise of more than this fraction since the previous ALP result is flagged even within the range. */
export const ALP_RISE_FRACTION = 0.5;
/**
 * An ALP result older than this many months is no longer a reason: HO's progression usually stops by about 6
 * months, and ALP peaks about week 12 (clinical reference, "The HO timeline"), so an older result says nothing
 * about bone forming now.
 */
export const ALP_ACTIVE_WINDOW_MONTHS = 6;
/**
 * The clinic's ALP limit is its laboratory's adult range; children's and adolescents' ALP is physiologically
 * higher while their bones grow, and ranges are lab-specific (clinical reference, "The HO timeline"). A result
 * taken before this birthday is not compared with the adult limit; only a rise counts.
 */
export const ALP_ADULT_AGE = 18;
/** Pain at end of range up by this much (0-10 scale) since the series' previous reading is a warning sign. */
export const PAIN_RISE = 3;

const week = (label: MessageRef) =>
  z
    .number({ error: said(message('domain.worklistSettings.weeks', { field: { message: label } })) })
    .int({ error: said(message('domain.worklistSettings.wholeWeeks', { field: { message: label } })) })
    .min(0, { error: said(message('domain.worklistSettings.negative', { field: { message: label } })) })
    .max(104, { error: said(message('domain.worklistSettings.atMost', { field: { message: label } })) });

export const worklistSettingsFields = {
  weeklyFromWeek: week(message('worklistSettings.weeklyFrom')),
  weeklyUntilWeek: week(message('worklistSettings.weeklyUntil')),
  monthlyUntilWeek: week(message('worklistSettings.monthlyUntil')),
  alpUpperLimit: z
    .number({ error: said(message('domain.worklistSettings.alpType')) })
    .min(20, { error: said(message('domain.worklistSettings.alpLow')) })
    .max(1000, { error: said(message('domain.worklistSettings.alpHigh')) }),
};

/** The phases must follow each other; the message sits on the field to change. */
export function checkSchedule(s: Pick<WorklistSettings, 'weeklyFromWeek' | 'weeklyUntilWeek' | 'monthlyUntilWeek'>, ctx: z.RefinementCtx): void {
  if (s.weeklyUntilWeek < s.weeklyFromWeek) {
    ctx.addIssue({ ...saidIssue(message('domain.worklistSettings.weeklyOrder', { until: s.weeklyUntilWeek, from: s.weeklyFromWeek })), path: ['weeklyUntilWeek'] });
  }
  if (s.monthlyUntilWeek < s.weeklyUntilWeek) {
    ctx.addIssue({ ...saidIssue(message('domain.worklistSettings.monthlyOrder', { weeklyUntil: s.weeklyUntilWeek, monthlyUntil: s.monthlyUntilWeek })), path: ['monthlyUntilWeek'] });
  }
}

export const WorklistSettingsInput = z.strictObject(worklistSettingsFields).superRefine(checkSchedule);
