import { useMemo } from 'react';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { analysePatient, type PatientAnalysis } from '../../../shared/analysis/patient-series';
import { todayLocal } from '../../../shared/domain/dates';
import type { Loadable } from '../api/use-operation';
import { useOperation } from '../api/use-operation';
import { therapistNamer } from '../clinical/format';
import { useSession } from '../session/session-context';

export interface PatientMobility {
  file: PatientFile;
  analysis: PatientAnalysis;
  nameOf: (id: string | null) => string;
}

/** The patient's file, analysed as of today on this workstation, with rater names for the tooltips. */
export function usePatientMobility(patientId: string): Loadable<PatientMobility> {
  const [file] = useOperation('patients.file', { patientId });
  const { state } = useSession();
  return useMemo((): Loadable<PatientMobility> => {
    if (file.state !== 'ready') return file;
    const f = file.value;
    return {
      state: 'ready',
      value: {
        file: f,
        analysis: analysePatient(f, todayLocal()),
        // The file names everyone in its records; the session adds today's team for anyone it does not.
        nameOf: therapistNamer([...state.activeTherapists, ...f.therapists]),
      },
    };
  }, [file, state.activeTherapists]);
}
