import type { AnalysedSeries, PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import type { Loadable } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { badgeOf, VerdictBadge } from '../clinical/VerdictBadge';
import { reasonAfterLabel } from '../clinical/verdict-text';
import { href } from '../router';

/**
 * The patient page leads with the verdicts: one line per watched series, losses first (the analysis sorts them:
 * losing, re-measure, holding, improving, too few), each with its badge, a link to its chart and the reason.
 * Series with too few readings are summarised in one line: they have nothing to say yet, and listing them one by
 * one would push the losses off a small screen.
 */
export function VerdictSummary({ patientId, analysis }: { patientId: string; analysis: Loadable<PatientAnalysisResult> }) {
  return (
    <section aria-labelledby="verdicts-heading" className="verdict-summary">
      <h2 id="verdicts-heading">Verdicts</h2>
      <VerdictBody patientId={patientId} analysis={analysis} />
    </section>
  );
}

function VerdictBody({ patientId, analysis }: { patientId: string; analysis: Loadable<PatientAnalysisResult> }) {
  if (analysis.state === 'loading') return <Loading what="the verdicts" />;
  if (analysis.state === 'error') return <ErrorMessage error={analysis.error} retry={analysis.retry} />;
  const watched = analysis.value.series.filter((s) => s.watched);
  const judged = watched.filter((s) => s.verdict.kind !== 'insufficient');
  const tooFew = watched.filter((s) => s.verdict.kind === 'insufficient');
  if (watched.length === 0) return <p className="empty">No watched series measured yet: a verdict needs at least 3 readings over 2 weeks.</p>;
  const counts = new Map<string, number>();
  for (const s of watched) counts.set(badgeOf(s.verdict).text, (counts.get(badgeOf(s.verdict).text) ?? 0) + 1);
  return (
    <>
      <p className="verdict-counts">
        {watched.length} watched series measured: {[...counts].map(([text, n]) => `${n} ${text.toLowerCase()}`).join(', ')}.{' '}
        <a href={href.mobility(patientId)}>All their charts</a>
      </p>
      {judged.length > 0 && (
        <ul className="verdict-lines" aria-label="Verdict per watched series, losses first">
          {judged.map((s) => (
            <VerdictLine key={s.key} patientId={patientId} series={s} />
          ))}
        </ul>
      )}
      {tooFew.length > 0 && (
        <p className="verdict-too-few">
          <VerdictBadge verdict={tooFew[0]!.verdict} />{' '}
          {tooFew.map((s, i) => (
            <span key={s.key}>
              {i > 0 ? ', ' : ''}
              <a href={href.seriesDetail(patientId, s.key)}>{s.label}</a>
            </span>
          ))}
          <span className="muted">: at least 3 readings over 2 weeks are needed for a verdict.</span>
        </p>
      )}
    </>
  );
}

function VerdictLine({ patientId, series }: { patientId: string; series: AnalysedSeries }) {
  const v = series.verdict;
  return (
    <li className={`verdict-line ${v.kind === 'losing' ? 'verdict-line-losing' : ''}`}>
      <span className="verdict-line-badge">
        <VerdictBadge verdict={v} />
      </span>
      <span className="verdict-line-text">
        <a href={href.seriesDetail(patientId, series.key)} aria-label={`${series.label}: ${badgeOf(v).text}. Open its chart`}>
          {series.label}
        </a>{' '}
        <span className="verdict-line-reason">{reasonAfterLabel(v.reason, series.analysis.summary.label)}</span>
      </span>
    </li>
  );
}
