import { useEffect, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AnalysedSeries, PatientAnalysisResult, PatientSparklines } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { Patient } from '../../../shared/domain/patient';
import type { Loadable } from '../api/use-operation';
import { operationKey, useOperation, usePatientFile } from '../api/use-operation';
import { callOrThrow } from '../api/client';
import { readsAllowed } from '../api/query-client';
import { whenIdle } from '../layout/when-idle';
import { useTranslation } from 'react-i18next';
import { therapistNamer } from '../i18n/catalogue-words';
import { useSession } from '../session/session-context';

export type { AnalysedSeries, PatientAnalysisResult };

export interface PatientMobility {
  file: PatientFile;
  analysis: PatientAnalysisResult;
  nameOf: (id: string | null) => string;
}

/** Both reads, or the first error; loading while either is. */
export function combine<A, B>(a: Loadable<A>, b: Loadable<B>): Loadable<[A, B]> {
  if (a.state === 'error') return a;
  if (b.state === 'error') return b;
  if (a.state === 'loading' || b.state === 'loading') return { state: 'loading' };
  return { state: 'ready', value: [a.value, b.value] };
}

/**
 * The patient's file and the back end's analysis of it ('analysis.patient', as of today on the server), with
 * rater names for the tooltips. The verdicts come from the back end only, so the dashboard, the detail chart,
 * the patient page and the report can never disagree about the same day.
 */
export function usePatientMobility(patientId: string): Loadable<PatientMobility> {
  const file = usePatientFile(patientId);
  const [analysis] = useOperation('analysis.patient', { patientId });
  const { state } = useSession();
  const { t } = useTranslation();
  return useMemo((): Loadable<PatientMobility> => {
    const both = combine(file, analysis);
    if (both.state !== 'ready') return both;
    const [f, a] = both.value;
    return {
      state: 'ready',
      value: {
        file: f,
        analysis: a,
        // The file names everyone in its records; the session adds today's team for anyone it does not.
        nameOf: therapistNamer(t, [...state.activeTherapists, ...f.therapists]),
      },
    };
  }, [file, analysis, state.activeTherapists, t]);
}

export interface PatientDashboard {
  patient: Patient;
  analysis: PatientSparklines;
}

/**
 * What the dashboard draws: the patient's details and the analysis of every series with a sparkline's worth of
 * readings each, without the whole file (every visit and reading, over a megabyte for the largest patient).
 * The patient page asks for the same answer, so each fills the other's cache.
 */
export function usePatientDashboard(patientId: string): Loadable<PatientDashboard> {
  const [patient] = useOperation('patients.get', { id: patientId });
  const [analysis] = useOperation('analysis.sparklines', { patientId });
  return useMemo((): Loadable<PatientDashboard> => {
    const both = combine(patient, analysis);
    return both.state === 'ready' ? { state: 'ready', value: { patient: both.value[0], analysis: both.value[1] } } : both;
  }, [patient, analysis]);
}

/**
 * Once the dashboard is drawn, reads what its cards open: the file (which also leaves the access row that
 * opening a patient's record leaves), the analysis with every reading and the plans the detail chart draws, so
 * a card opens without waiting.
 */
export function useReadAheadForDetail(patientId: string, drawn: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!drawn) return;
    const file = { patientId };
    // Once the browser is idle after drawing the cards: the file's megabyte, read and parsed on this thread,
    // would otherwise compete with the first paint (issue 21). A second at most, so a quick click still finds it.
    const readAhead = () => {
      // As useOperation reads: never while the lock holds reads back.
      void queryClient.prefetchQuery({ queryKey: operationKey('patients.file', file), queryFn: () => readsAllowed('patients.file').then(() => callOrThrow('patients.file', file)) });
      void queryClient.prefetchQuery({ queryKey: operationKey('plans.list', file), queryFn: () => readsAllowed('plans.list').then(() => callOrThrow('plans.list', file)) });
      void queryClient.prefetchQuery({ queryKey: operationKey('analysis.patient', file), queryFn: () => readsAllowed('analysis.patient').then(() => callOrThrow('analysis.patient', file)) });
    };
    return whenIdle(readAhead, 1000);
  }, [queryClient, patientId, drawn]);
}
