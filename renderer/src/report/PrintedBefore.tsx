import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRecord } from '../../../shared/api/operations/reports';
import { useFormatInstant } from '../clinical/format';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { reprintQuery } from './reprint';

function chartsText(t: TFunction, motions: string[] | null): string {
  if (motions === null) return t('report.printed.allCharts');
  if (motions.length === 0) return t('report.printed.noCharts');
  return t('report.printed.charts', { count: motions.length });
}

function TextsKept({ kept }: { kept: NonNullable<ReportRecord['kept']> }) {
  const { t } = useTranslation();
  const texts = [
    [t('report.assessment'), kept.assessment],
    [t('report.recommendations'), kept.recommendations],
  ].filter(([, text]) => text!.trim() !== '');
  if (texts.length === 0) return <p className="muted small">{t('report.printed.noTexts')}</p>;
  return (
    <details>
      <summary>{t('report.printed.whatItSaid')}</summary>
      <dl className="report-kept-texts">
        {texts.map(([title, text]) => (
          <div key={title}>
            <dt>{title}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Entry({ r, patientId, all, current }: { r: ReportRecord; patientId: string; all: readonly ReportRecord[]; current: string | null }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatInstant = useFormatInstant();
  const id = useId();
  const original = r.reprintOf === null ? null : all.find((o) => o.id === r.reprintOf);
  const parts = [
    t('report.printed.line', { at: formatInstant(r.recordedAt), who: r.recordedByName ?? t('report.printed.someone'), period: t('report.period', { from: formatDate(r.from), to: formatDate(r.to) }) }),
    r.paper,
    chartsText(t, r.motions),
    r.kept === null ? null : r.kept.sites === 'all' ? t('report.printed.allJoints') : t('report.printed.watchedSites'),
    r.kept && r.kept.analysisDate !== r.to ? t('report.printed.verdictsAsAt', { date: formatDate(r.kept.analysisDate) }) : null,
  ].filter((x): x is string => x !== null);
  const again = r.reprintOf === null ? '' : `; ${t('report.printed.again', { at: original ? formatInstant(original.recordedAt) : t('report.printed.earlierDay') })}`;
  return (
    <li>
      <p id={`${id}-line`} className="report-printed-line">
        {parts.join(', ')}
        {again}
      </p>
      {r.kept === null ? (
        <p className="muted small">{t('report.printed.notKept')}</p>
      ) : (
        <div className="report-printed-actions">
          {current === (r.reprintOf ?? r.id) ? (
            <strong>{t('report.printed.shownBelow')}</strong>
          ) : (
            <a className="button" href={href.report(patientId, reprintQuery(r.reprintOf ?? r.id))} aria-describedby={`${id}-line`}>
              {t('report.printed.printAgain')}
            </a>
          )}
          <TextsKept kept={r.kept} />
        </div>
      )}
    </li>
  );
}

/** Reports already printed or saved for this patient, newest first, each with what it said and a way to print it again. */
export function PrintedBefore({ reports, patientId, current }: { reports: readonly ReportRecord[]; patientId: string; current: string | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="printed-before-heading" className="report-printed-before">
      <h2 id="printed-before-heading">{t('report.printed.heading')}</h2>
      {reports.length === 0 ? (
        <p className="muted">{t('report.printed.none')}</p>
      ) : (
        <ul>
          {reports.map((r) => (
            <Entry key={r.id} r={r} patientId={patientId} all={reports} current={current} />
          ))}
        </ul>
      )}
    </section>
  );
}
