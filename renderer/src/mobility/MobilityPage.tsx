import { useTranslation } from 'react-i18next';
import type { PatientVerdicts } from '../../../shared/api/operations/analysis';
import { MODES, motionSpec } from '../../../shared/domain/catalogue';
import { patientDisplayName } from '../../../shared/domain/patient';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { ArcsTable } from '../clinical/ArcsTable';
import { badgeOf, type BadgeName } from '../clinical/VerdictBadge';
import { useSeriesNames } from '../charts/series-names';
import { MobilityBreadcrumb } from './MobilityBreadcrumb';
import { SeriesCard, useCardWords } from './SeriesCard';
import { usePatientDashboard, useReadAheadForDetail } from './use-patient-analysis';

/** "2 measured series: 1 losing motion, 1 holding." */
function useSummaryLine(): (badges: BadgeName[]) => string {
  const { t } = useTranslation();
  return (badges) => {
    const counts = new Map<BadgeName, number>();
    for (const b of badges) counts.set(b, (counts.get(b) ?? 0) + 1);
    const parts = [...counts].map(([b, n]) => t('mobility.summaryPart', { count: n, verdict: t(`verdict.${b}`).toLocaleLowerCase() }));
    return t('mobility.summary', { count: badges.length, parts: parts.join(', ') });
  };
}

/**
 * "Active: none recorded yet. Passive: Left hip adduction; Right hip adduction." A mode with no reading at all
 * (passive only for a paralysed limb) is one phrase, not every motion listed twice.
 */
function useUnmeasuredText(): (analysis: PatientVerdicts) => string {
  const { t } = useTranslation();
  const names = useSeriesNames();
  return (analysis) => {
    const parts: string[] = [];
    for (const mode of MODES) {
      const missing = analysis.unmeasured.filter((s) => s.mode === mode);
      if (missing.length === 0) continue;
      const name = t(`mode.${mode}`);
      if (!analysis.series.some((s) => s.mode === mode)) parts.push(t('mobility.unmeasuredNone', { mode: name }));
      else parts.push(t('mobility.unmeasuredList', { mode: name, list: missing.map((s) => names.motionAtSite(s.side, motionSpec(s.motion).key)).join('; ') }));
    }
    return parts.join(' ');
  };
}

/** Is each joint improving, holding or losing motion? Losses first, one small chart per series. */
export function MobilityPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const loaded = usePatientDashboard(patientId);
  const summaryLine = useSummaryLine();
  const unmeasuredText = useUnmeasuredText();
  const words = useCardWords();
  useScreenTitle(loaded.state === 'ready' ? t('mobility.title', { name: patientDisplayName(loaded.value.patient) }) : null);
  useReadAheadForDetail(patientId, loaded.state === 'ready');
  if (loaded.state === 'loading') return <Loading what={t('mobility.loadingWhat')} />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} retry={loaded.retry} />;
  const { patient: p, analysis } = loaded.value;
  return (
    <section aria-labelledby="mobility-heading" className="mobility">
      <MobilityBreadcrumb patient={p} />
      <h1 id="mobility-heading">{t('mobility.heading', { name: patientDisplayName(p) })}</h1>
      {analysis.series.length === 0 ? (
        // Every watched site brings its motions as unmeasured series, so none at all means no watched site.
        <p className="empty">{analysis.unmeasured.length === 0 ? t('mobility.emptyNoSite') : t('mobility.emptyNoMeasurement')}</p>
      ) : (
        <>
          <p className="mobility-summary">{summaryLine(analysis.series.map((s) => badgeOf(s.verdict).name))}</p>
          <ul className="series-cards" aria-label={t('mobility.cardsLabel')}>
            {analysis.series.map((s) => (
              <SeriesCard key={s.key} patientId={p.id} series={s} words={words} />
            ))}
          </ul>
        </>
      )}
      {analysis.unmeasured.length > 0 && (
        <p className="muted small unmeasured">
          <strong>{t('mobility.unmeasuredHeading')}</strong> {unmeasuredText(analysis)}
        </p>
      )}
      <section aria-labelledby="arcs-heading">
        <h2 id="arcs-heading">{t('mobility.arcsHeading')}</h2>
        <p className="muted small">{t('mobility.arcsNote')}</p>
        <ArcsTable arcs={analysis.arcs} />
      </section>
    </section>
  );
}
