import type { OperationOutput } from '../../../shared/api/contract';
import { PATIENT_STATUS_LABELS, type WorklistRow } from '../../../shared/api/operations/worklist';
import { formatDate, type DateFormat } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import { DEFAULT_WORKLIST_SETTINGS, WORKLIST_SETTING_SOURCES, type WorklistSettings } from '../../../shared/worklist/settings';
import { nextDueOf, reasonsOn, urgencyOf, type FormatDate } from '../../../shared/worklist/today';
import type { ReasonCode } from '../../../shared/worklist/types';
import type { PageEntry } from '../../db/worklist-query';
import type { StoredWorklistSettings } from '../../db/worklist-settings-repository';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { today } from '../plan-reads';
import { requireActor } from '../session';
import { requirePatient } from '../versions';
import { ensureSummaryFormat, refreshMarked } from '../worklist-refresh';
import type { HandlerTable } from './types';

/** Every reason code with its count, 0 for the codes nobody has: the object is spelled out so a new code is a type error here. */
function countsByCode(counts: ReadonlyMap<ReasonCode, number>): Record<ReasonCode, number> {
  const n = (code: ReasonCode) => counts.get(code) ?? 0;
  return { losing: n('losing'), warning_signs: n('warning_signs'), overdue: n('overdue'), alp_high: n('alp_high'), due: n('due'), profile_out_of_date: n('profile_out_of_date') };
}

function isSettingKey(key: string): key is keyof WorklistSettings {
  return key in DEFAULT_WORKLIST_SETTINGS;
}

type WorklistOps = 'worklist.get' | 'worklist.patient' | 'worklist.statuses' | 'worklist.settings' | 'worklist.setSettings';

/**
 * How long one worklist read may spend bringing marked summaries up to date (after an update of ROMtrack): the
 * rest are reported as pending and done by the next reads, so the first screen never waits for a whole clinic.
 */
const CATCH_UP_MS = 1500;

/** The clinic's format, read at its first use: a page for the screen writes no English text, so no date. */
function dateFormatter(ctx: ApiContext): FormatDate {
  let format: DateFormat | undefined;
  return (d) => formatDate(d, (format ??= ctx.repos.clinic.get()?.dateFormat ?? 'D MMM YYYY'));
}

function rowOf(e: PageEntry, on: string, settings: WorklistSettings, fd: FormatDate, englishText: boolean): WorklistRow | null {
  const reasons = reasonsOn(e, on, settings, fd, { details: false, englishText });
  const urgency = urgencyOf(reasons);
  if (!urgency) {
    // The SQL selection and reasonsOn follow the same rules (tests hold them to it); never show an empty row.
    console.error(`[romtrack] worklist: patient ${e.patientId} was selected but has no reason on ${on}.`);
    return null;
  }
  return {
    patientId: e.patientId,
    name: patientDisplayName(e),
    clinicId: e.clinicId,
    urgency,
    reasons,
    lastMeasured: e.patient.lastMeasured,
    nextDue: nextDueOf(e.sites, on),
    lastTherapistId: e.patient.lastTherapistId,
  };
}

function settingsRecord(s: StoredWorklistSettings): OperationOutput<'worklist.settings'> {
  return { ...s, defaults: { ...DEFAULT_WORKLIST_SETTINGS }, sources: { ...WORKLIST_SETTING_SOURCES } };
}

/** One patient's reasons today, from the summary rows (brought up to date by the caller). */
function patientReasons(ctx: ApiContext, patientId: string, on: string, settings: WorklistSettings, fd: FormatDate) {
  const summary = ctx.repos.worklist.summaries.read(patientId);
  const dateOfBirth = ctx.repos.patients.get(patientId)?.dateOfBirth ?? null;
  return { summary, reasons: reasonsOn({ ...summary, dateOfBirth }, on, settings, fd) };
}

function statusOf(codes: readonly ReasonCode[]): keyof typeof PATIENT_STATUS_LABELS {
  if (codes.includes('losing')) return 'losing';
  if (codes.some((c) => c === 'warning_signs' || c === 'alp_high' || c === 'profile_out_of_date')) return 'attention';
  if (codes.includes('due') || codes.includes('overdue')) return 'due';
  return 'ok';
}

export const worklistHandlers: HandlerTable<WorklistOps> = {
  /**
   * The patients who need attention on the day, most urgent first, from the summary rows: one query picks the
   * page, whatever the size of the clinic. Marked summaries are brought up to date first, within a time budget.
   */
  'worklist.get': (input, ctx) =>
    ctx.transaction(() => {
      ensureSummaryFormat(ctx);
      const caughtUp = refreshMarked(ctx, { budgetMs: CATCH_UP_MS });
      const on = input.today ?? today(ctx);
      const settings = ctx.repos.worklist.settings.get();
      const q = { today: on, therapistId: input.therapistId ?? null, codes: input.codes?.length ? input.codes : null, alpUpperLimit: settings.alpUpperLimit };
      const { queries } = ctx.repos.worklist;
      const fd = dateFormatter(ctx);
      const rows = queries
        .entries(queries.pageIds(q, input.limit, input.offset))
        .map((e) => rowOf(e, on, settings, fd, input.englishText))
        .filter((r): r is WorklistRow => r !== null);
      const counts = queries.counts(q);
      return {
        today: on,
        rows,
        total: queries.total(q),
        counts: countsByCode(counts),
        pending: caughtUp.remaining,
      };
    }),

  'worklist.patient': (input, ctx) =>
    ctx.transaction(() => {
      requirePatient(ctx, input.patientId);
      ensureSummaryFormat(ctx);
      refreshMarked(ctx, { only: [input.patientId] });
      const on = input.today ?? today(ctx);
      const settings = ctx.repos.worklist.settings.get();
      const { summary, reasons } = patientReasons(ctx, input.patientId, on, settings, dateFormatter(ctx));
      return {
        today: on,
        urgency: urgencyOf(reasons),
        reasons,
        lastMeasured: summary.patient.lastMeasured,
        nextDue: nextDueOf(summary.sites, on),
        alp: { latest: summary.patient.alpLatest, previous: summary.patient.alpPrevious, upperLimit: settings.alpUpperLimit },
      };
    }),

  /** The patient list's status column: Losing, Attention, Due or OK for each patient asked about. */
  'worklist.statuses': (input, ctx) =>
    ctx.transaction(() => {
      ensureSummaryFormat(ctx);
      refreshMarked(ctx, { only: input.patientIds });
      const on = input.today ?? today(ctx);
      const settings = ctx.repos.worklist.settings.get();
      const fd = dateFormatter(ctx);
      return input.patientIds.map((patientId) => {
        const codes = [...new Set(patientReasons(ctx, patientId, on, settings, fd).reasons.map((r) => r.code))];
        const status = statusOf(codes);
        return { patientId, status, label: PATIENT_STATUS_LABELS[status], codes };
      });
    }),

  'worklist.settings': (_input, ctx) => settingsRecord(ctx.repos.worklist.settings.get()),

  /** Audited like every setting; a new schedule moves every stored due date in the same transaction. */
  'worklist.setSettings': (input, ctx) => {
    const actor = requireActor(ctx);
    const { version, ...values } = input;
    const store = ctx.repos.worklist.settings;
    const before = store.get();
    const same = Object.keys(values).every((k) => isSettingKey(k) && values[k] === before[k]);
    if (same && version === before.version) return settingsRecord(before);
    const at = ctx.now();
    store.set(values, version, at, actor);
    const after = store.get();
    audit(ctx, { at, operation: 'worklist.setSettings', entity: 'worklist_settings', entityId: 'clinic', before, after });
    ctx.repos.worklist.summaries.applySchedule(after);
    return settingsRecord(after);
  },
};
