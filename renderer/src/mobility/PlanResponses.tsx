import { useTranslation } from 'react-i18next';
import type { PlanResponse } from '../../../shared/analysis/plan-response';

/**
 * How the series moved during each therapy plan against before it, one sentence per plan period, as the
 * analysis words it ("Since the plan of 3 Mar (…): right elbow flexion holding, -0.2°/week, against -2.1°/week
 * before"). A period with too few readings says "not enough to say" in plain text, not as a finding.
 */
export function PlanResponses({ responses, headingLevel = 2 }: { responses: readonly PlanResponse[] | undefined; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  if (!responses || responses.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="plan-responses-heading" className="plan-responses">
      <Heading id="plan-responses-heading">{t('mobility.planResponsesHeading')}</Heading>
      <ul>
        {responses.map((r) => (
          <li key={`${r.versionId}-${r.from}`} className={r.enough ? undefined : 'muted'}>
            {r.sentence}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('mobility.planResponsesCaution')}</p>
    </section>
  );
}
