import { useMemo } from 'react';
import type { AnalysedSeries, PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { Loadable } from '../api/use-operation';
import { useOperation, usePatientFile } from '../api/use-operation';
import { therapistNamer } from '../clinical/format';
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
        nameOf: therapistNamer([...state.activeTherapists, ...f.therapists]),
      },
    };
  }, [file, analysis, state.activeTherapists]);
}
