import { analysePatientPoints, type PatientAnalysis } from '../../../shared/analysis/patient-series';
import { analysisAnswer, sparklinesAnswer } from '../../../shared/api/analysis-answer';
import { readAnalysisSource } from '../patient-file';
import { planPeriodsOf } from '../analysis-plan-periods';
import { today } from '../plan-reads';
import type { ApiContext } from '../context';
import type { HandlerTable } from './types';

/**
 * Every series of one patient with its summary and verdict: the one verdict the dashboard, the detail chart,
 * the patient page, the report and the worklist show. One read transaction, so a visit being saved meanwhile
 * is either wholly in the analysis or not at all.
 */
function analyse(ctx: ApiContext, patientId: string, on: string | undefined): PatientAnalysis {
  // The lean read (patient-file.ts): the readings straight into series points, not the patient file.
  const source = readAnalysisSource(ctx, patientId);
  return analysePatientPoints(source, on ?? today(ctx), {
    thresholds: ctx.repos.thresholds.overrides(),
    planPeriods: planPeriodsOf(ctx, patientId),
  });
}

export const analysisHandlers: HandlerTable<'analysis.patient' | 'analysis.sparklines'> = {
  /** With every reading: for the screens that draw or list them. */
  'analysis.patient': (input, ctx) => ctx.transaction(() => analysisAnswer(analyse(ctx, input.patientId, input.today))),
  /** With a sparkline's worth of readings per series: for the screens that show the verdicts and a small picture. */
  'analysis.sparklines': (input, ctx) => ctx.transaction(() => sparklinesAnswer(analyse(ctx, input.patientId, input.today))),
};
