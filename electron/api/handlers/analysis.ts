import { analysePatientPoints } from '../../../shared/analysis/patient-series';
import { analysisAnswer } from '../../../shared/api/analysis-answer';
import type { PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import { readAnalysisSource } from '../patient-file';
import { planPeriodsOf } from '../analysis-plan-periods';
import { today } from '../plan-reads';
import type { HandlerTable } from './types';

export const analysisHandlers: HandlerTable<'analysis.patient'> = {
  /**
   * Every series of one patient with its summary and verdict: the one verdict the dashboard, the detail chart,
   * the patient page, the report and the worklist show. One read transaction, so a visit being saved meanwhile
   * is either wholly in the analysis or not at all. `points` says how many readings each series carries.
   */
  'analysis.patient': (input, ctx) =>
    ctx.transaction((): PatientAnalysisResult => {
      // The lean read (patient-file.ts): the readings straight into series points, not the patient file.
      const source = readAnalysisSource(ctx, input.patientId);
      const analysis = analysePatientPoints(source, input.today ?? today(ctx), {
        thresholds: ctx.repos.thresholds.overrides(),
        planPeriods: planPeriodsOf(ctx, input.patientId),
      });
      return analysisAnswer(analysis, input.points ?? 'all');
    }),
};
