import { useTranslation } from 'react-i18next';
import type { AnalysedSeriesBase, PatientVerdicts } from '../../../shared/api/operations/analysis';
import type { Loadable } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { badgeOf, VerdictBadge, type BadgeName } from '../clinical/VerdictBadge';
import { useVerdictText } from '../clinical/use-verdict-text';
import { href } from '../router';
import { useSeriesNames } from '../charts/series-names';

/**
 * The patient page leads with the verdicts: one line per watched series, losses first (the analysis sorts them:
 * losing, re-measure, holding, improving, too few), each with its badge, a link to its chart and the reason.
 * Series with too few readings are summarised in one line: they have nothing to say yet, and listing them one by
 * one would push the losses off a small screen.
 */
export function VerdictSummary({ patientId, analysis }: { patientId: string; analysis: Loadable<PatientVerdicts> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="verdicts-heading" className="verdict-summary">
      <h2 id="verdicts-heading">{t('verdictSummary.heading')}</h2>
      <VerdictBody patientId={patientId} analysis={analysis} />
    </section>
  );
}

function VerdictBody({ patientId, analysis }: { patientId: string; analysis: Loadable<PatientVerdicts> }) {
  const { t, i18n } = useTranslation();
  const names = useSeriesNames();
  if (analysis.state === 'loading') return <Loading what={t('verdictSummary.loadingWhat')} />;
  if (analysis.state === 'error') return <ErrorMessage error={analysis.error} retry={analysis.retry} />;
  const watched = analysis.value.series.filter((s) => s.watched);
  const judged = watched.filter((s) => s.verdict.kind !== 'insufficient');
  const tooFew = watched.filter((s) => s.verdict.kind === 'insufficient');
  if (watched.length === 0) return <p className="empty">{t('verdictSummary.none')}</p>;
  // In the analysis' order (losses first), each verdict with how many series have it.
  const counts = new Map<BadgeName, number>();
  for (const s of watched) counts.set(badgeOf(s.verdict).name, (counts.get(badgeOf(s.verdict).name) ?? 0) + 1);
  const lower = (text: string) => text.toLocaleLowerCase(i18n.language === 'pseudo' ? 'en' : i18n.language);
  return (
    <>
      <p className="verdict-counts">
        {t('verdictSummary.counts', { count: watched.length, list: [...counts].map(([name, n]) => t('verdictSummary.countOf', { n, verdict: lower(t(`verdict.${name}`)) })).join(', ') })}{' '}
        <a href={href.mobility(patientId)}>{t('verdictSummary.allCharts')}</a>
      </p>
      {judged.length > 0 && (
        <ul className="verdict-lines" aria-label={t('verdictSummary.linesLabel')}>
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
              <a href={href.seriesDetail(patientId, s.key)}>{names.series(s.side, s.motion, s.mode)}</a>
            </span>
          ))}
          <span className="muted">{t('verdictSummary.tooFew')}</span>
        </p>
      )}
    </>
  );
}

function VerdictLine({ patientId, series }: { patientId: string; series: AnalysedSeriesBase }) {
  const { t } = useTranslation();
  const names = useSeriesNames();
  const verdictText = useVerdictText();
  const v = series.verdict;
  const name = names.series(series.side, series.motion, series.mode);
  return (
    <li className={`verdict-line ${v.kind === 'losing' ? 'verdict-line-losing' : ''}`}>
      <span className="verdict-line-badge">
        <VerdictBadge verdict={v} />
      </span>
      <span className="verdict-line-text">
        <a href={href.seriesDetail(patientId, series.key)} aria-label={t('verdictSummary.lineLabel', { name, verdict: t(`verdict.${badgeOf(v).name}`) })}>
          {name}
        </a>{' '}
        <span className="verdict-line-reason">{verdictText.reasonBody(v)}</span>
      </span>
    </li>
  );
}
