// Wording shared by the verdict and arc reasons, so every sentence a therapist reads uses the same forms.

import type { Mode, Side } from '../domain/catalogue/types';
import { formatDate } from '../domain/dates';
import { message, type MessageRef } from '../i18n/message';

/** One way to write degrees everywhere: the catalogue's. */
export { formatDegrees } from '../domain/catalogue';

export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  // Avoid "-0": a change that rounds to nothing reads as 0.
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A slope as "-2.1°/week". */
export function formatSlope(perWeek: number): string {
  return `${formatNumber(perWeek)}°/week`;
}

/**
 * A span of days in the unit a clinician would say: days under two weeks, weeks up to about four months,
 * then months, then years. Rounded, because "over 5 weeks" is what matters, not "over 36 days".
 */
export function formatDuration(days: number): string {
  const d = Math.max(0, Math.round(days));
  if (d < 14) return plural(d, 'day');
  if (d <= 16 * 7) return plural(Math.round(d / 7), 'week');
  if (d < 730) return plural(Math.round(d / 30.4375), 'month');
  return plural(Math.round(d / 365.25), 'year');
}

/** formatDuration as a message, for sentences the screen writes in the person's language. */
export function durationRef(days: number): MessageRef {
  const d = Math.max(0, Math.round(days));
  if (d < 14) return message('analysis.duration.days', { count: d });
  if (d <= 16 * 7) return message('analysis.duration.weeks', { count: Math.round(d / 7) });
  if (d < 730) return message('analysis.duration.months', { count: Math.round(d / 30.4375) });
  return message('analysis.duration.years', { count: Math.round(d / 365.25) });
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "4 Mar 2026": the unambiguous form, whatever the clinic's date setting. */
export function formatDay(date: string): string {
  return formatDate(date, 'D MMM YYYY');
}

/**
 * The series name used at the start of a reason: "Right elbow flexion", with "(passive)" when passive,
 * since active is the default way ROM is reported. motionLabel is the catalogue's label ("Elbow flexion").
 */
export function seriesLabel(side: Side | null, motionLabel: string, mode: Mode = 'active'): string {
  const base = side ? `${side === 'left' ? 'Left' : 'Right'} ${lowerFirst(motionLabel)}` : motionLabel;
  return mode === 'passive' ? `${base} (passive)` : base;
}

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1);
}
