import { analysePatient } from '../../../shared/analysis/patient-series';
import type { PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import { readPatientFile } from '../patient-file';
import { planPeriodsOf } from '../analysis-plan-periods';
import { today } from '../plan-reads';
import type { HandlerTable } from './types';

export const analysisHandlers: HandlerTable<'analysis.patient'> = {
  /**
   * Every series of one patient with its summary and verdict: the one verdict the dashboard, the detail chart,
   * the patient page, the report and the worklist show. One read transaction, so a visit being saved meanwhile
   * is either wholly in the analysis or not at all.
   */
  'analysis.patient': (input, ctx) =>
    ctx.transaction((): PatientAnalysisResult => {
      const file = readPatientFile(ctx, input.patientId);
      const analysis = analysePatient(file, input.today ?? today(ctx), {
        thresholds: ctx.repos.thresholds.overrides(),
        planPeriods: planPeriodsOf(ctx, file.patient.id),
      });
      const withVerdict = <S extends (typeof analysis.series)[number]>(s: S) => ({ ...s, verdict: s.analysis.verdict });
      return { ...analysis, series: analysis.series.map(withVerdict), unmeasured: analysis.unmeasured.map(withVerdict) };
    }),
};
