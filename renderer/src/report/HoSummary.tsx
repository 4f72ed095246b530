import { useTranslation } from 'react-i18next';
import { badgeOf } from '../clinical/VerdictBadge';
import { useProfileWords } from '../profile/profile-words';
import { useFormatDate } from '../session/session-context';
import type { ReportModel } from './report-model';
import { useSeriesName } from './series-name';

/**
 * Page 1's first section, what the referring doctor asked about: the risk factors with their dates, and each
 * watched site with its status, its latest imaging grade and the verdict of each of its series as at the
 * period's end (the back end's analysis, as the summary table below gives it in full).
 */
export function HoSummary({ model, to }: { model: ReportModel; to: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const profile = useProfileWords();
  const seriesName = useSeriesName();
  const risks = model.riskFactors.map((r) => t('report.ho.riskFactor', { factor: profile.riskFactor(r.kind), date: r.onsetDate ? formatDate(r.onsetDate) : t('report.ho.dateNotRecorded') }));
  return (
    <section className="report-section" aria-labelledby="report-ho-heading">
      <h2 id="report-ho-heading">{t('report.ho.heading')}</h2>
      <p>
        <strong>{t('report.ho.riskFactors')} </strong>
        {risks.length === 0 ? t('report.ho.noRiskFactors') : `${risks.join('; ')}.`}
      </p>
      {model.sites.length === 0 ? (
        <p>{t('report.ho.noSites')}</p>
      ) : (
        <table className="report-table ho-sites-table">
          <caption className="report-caption">{t('report.ho.caption', { date: formatDate(to) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.ho.colSite')}</th>
              <th scope="col">{t('report.ho.colStatus')}</th>
              <th scope="col">{t('report.ho.colGrade')}</th>
              <th scope="col">{t('report.ho.colRom')}</th>
            </tr>
          </thead>
          <tbody>
            {model.sites.map(({ site, series }) => (
              <tr key={site.id}>
                <th scope="row">{profile.site(site.joint, site.side)}</th>
                <td>
                  {profile.status(site.status)} <span className="report-small nowrap">{t('report.ho.since', { date: formatDate(site.since) })}</span>
                </td>
                <td>
                  {site.classification ? (
                    <>
                      {profile.classification(site.classification.code)}{' '}
                      <span className="report-small nowrap">{t('report.ho.xray', { date: formatDate(site.classification.date) })}</span>
                    </>
                  ) : (
                    t('report.ho.noXray')
                  )}
                </td>
                <td>
                  {series.length === 0
                    ? t('report.ho.notMeasured')
                    : series.map((s) => (
                        <span key={s.key} className="ho-site-verdict">
                          {seriesName.motionMode(s.motion, s.mode)}: <strong>{t(`verdict.${badgeOf(s.verdict).name}`)}</strong>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
