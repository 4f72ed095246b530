import { modeLabel, motionSpec } from '../../../shared/domain/catalogue';
import { CLASSIFICATION_LABELS, RISK_FACTOR_LABELS, SITE_STATUS_LABELS } from '../../../shared/domain/ho';
import { siteLabel } from '../clinical/format';
import { badgeOf } from '../clinical/VerdictBadge';
import { useFormatDate } from '../session/session-context';
import type { ReportModel } from './report-model';

/**
 * Page 1's first section, what the referring doctor asked about: the risk factors with their dates, and each
 * watched site with its status, its latest imaging grade and the verdict of each of its series as at the
 * period's end (the back end's analysis, as the summary table below gives it in full).
 */
export function HoSummary({ model, to }: { model: ReportModel; to: string }) {
  const formatDate = useFormatDate();
  return (
    <section className="report-section" aria-labelledby="report-ho-heading">
      <h2 id="report-ho-heading">Heterotopic ossification: summary</h2>
      <p>
        <strong>Risk factors: </strong>
        {model.riskFactors.length === 0
          ? 'none recorded.'
          : model.riskFactors.map((r) => `${RISK_FACTOR_LABELS[r.kind]} (${r.onsetDate ? formatDate(r.onsetDate) : 'date not recorded'})`).join('; ') + '.'}
      </p>
      {model.sites.length === 0 ? (
        <p>No watched sites recorded.</p>
      ) : (
        <table className="report-table ho-sites-table">
          <caption className="report-caption">Watched sites, verdicts as at {formatDate(to)}</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Status</th>
              <th scope="col">Latest grade</th>
              <th scope="col">Range of motion</th>
            </tr>
          </thead>
          <tbody>
            {model.sites.map(({ site, series }) => (
              <tr key={site.id}>
                <th scope="row">{siteLabel(site.joint, site.side)}</th>
                <td>
                  {SITE_STATUS_LABELS[site.status]} <span className="report-small nowrap">since {formatDate(site.since)}</span>
                </td>
                <td>
                  {site.classification ? (
                    <>
                      {CLASSIFICATION_LABELS[site.classification.code] ?? site.classification.code}{' '}
                      <span className="report-small nowrap">(X-ray {formatDate(site.classification.date)})</span>
                    </>
                  ) : (
                    'No graded X-ray'
                  )}
                </td>
                <td>
                  {series.length === 0
                    ? 'Not measured'
                    : series.map((s) => (
                        <span key={s.key} className="ho-site-verdict">
                          {motionSpec(s.motion).label}, {modeLabel(s.mode).toLowerCase()}: <strong>{badgeOf(s.verdict).text}</strong>
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
