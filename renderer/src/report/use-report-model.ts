import { useMemo, useRef } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { Plan } from '../../../shared/domain/plan-records';
import { useOperation } from '../api/use-operation';
import i18next from 'i18next';
import type { DisplayLanguage } from '../../../shared/i18n/languages';
import { chartWordsOf } from '../charts/chart-words';
import { buildReport, type ReportModel } from './report-model';
import type { ReportOptions } from './report-options';

export interface ReportModelState {
  /** The report for the current options; null while its analysis is loading or when it failed. */
  model: ReportModel | null;
  /** The last report built, for the options panel while a new period's analysis loads. */
  shown: ReportModel | null;
  error: ApiError | null;
  /** Asks for the analysis again after an error. */
  retry: () => void;
}

/**
 * The back end's analysis as of `asAt` ('analysis.patient' with that today), turned into the report: the
 * period's end for a new report, the kept date for a report printed again. An answer for another date (the
 * period was just changed) is never used: printing waits for the right one, so a printed verdict is always the
 * one for the printed period.
 */
export function useReportModel(file: PatientFile, plans: readonly Plan[] | null, options: ReportOptions, asAt: string, language: DisplayLanguage): ReportModelState {
  const [analysis, retry] = useOperation('analysis.patient', { patientId: file.patient.id, today: asAt });
  const current = analysis.state === 'ready' && analysis.value.today === asAt ? analysis.value : null;
  // The chart's event markers print in the report's language, not the screen's: built here, outside the page's
  // DocumentLanguage, the words are taken from that language explicitly.
  const words = useMemo(() => chartWordsOf(i18next.getFixedT(language)), [language]);
  const model = useMemo(() => (current ? buildReport(file, current, plans, options, words) : null), [current, file, plans, options, words]);
  const last = useRef<ReportModel | null>(null);
  if (model) last.current = model;
  return { model, shown: model ?? last.current, error: analysis.state === 'error' ? analysis.error : null, retry };
}
