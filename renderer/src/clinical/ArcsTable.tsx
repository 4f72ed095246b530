import { useTranslation } from 'react-i18next';
import { formatArc } from '../../../shared/analysis/arcs';
import type { AnalysedArc as PatientArc } from '../../../shared/api/operations/analysis';
import { motionSpec } from '../../../shared/domain/catalogue';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { useFormatter } from '../session/session-context';
import { ScrollBox } from '../layout/ScrollBox';

/** The catalogue's functional minimums in the arc's order, e.g. "-30/130", when both are published. */
function functionalArc(arc: PatientArc): string | null {
  const a = motionSpec(arc.first).functional?.value;
  const b = motionSpec(arc.second).functional?.value;
  return a === undefined || b === undefined ? null : formatArc(a, b);
}

export function ArcsTable({ arcs }: { arcs: readonly PatientArc[] }) {
  const { t } = useTranslation();
  const words = useCatalogueWords();
  const format = useFormatter();
  // Motion names sit inside a cell's text ("(extension/flexion)"), so lower-cased as a word, not a heading.
  const motionName = (key: PatientArc['first']) => words.motion(motionSpec(key).motion).toLocaleLowerCase();

  /** "Reached", "Short by 7° (flexion)", or a dash when there is nothing to compare with. */
  const functionalText = (arc: PatientArc): string => {
    const a = arc.assessment;
    if (!a.latest || a.reached === null) return '—';
    if (a.reached) return t('verdicts.arcs.reached');
    const parts: string[] = [];
    if (a.firstShortBy) parts.push(t('verdicts.arcs.shortPart', { degrees: format.degrees(a.firstShortBy), motion: motionName(arc.first) }));
    if (a.secondShortBy) parts.push(t('verdicts.arcs.shortPart', { degrees: format.degrees(a.secondShortBy), motion: motionName(arc.second) }));
    return t('verdicts.arcs.shortBy', { parts: parts.join(', ') });
  };

  if (arcs.length === 0) return <p className="empty">{t('verdicts.arcs.empty')}</p>;
  return (
    <ScrollBox label={t('verdicts.arcs.label')}>
      <table className="data-table arcs-table">
      <caption className="visually-hidden">{t('verdicts.arcs.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('verdicts.arcs.plane')}</th>
          <th scope="col">{t('verdicts.arcs.side')}</th>
          <th scope="col">{t('verdicts.arcs.mode')}</th>
          <th scope="col">{t('verdicts.arcs.latest')}</th>
          <th scope="col" className="num">
            {t('verdicts.arcs.total')}
          </th>
          <th scope="col">{t('verdicts.arcs.measured')}</th>
          <th scope="col">{t('verdicts.arcs.functional')}</th>
          <th scope="col">{t('verdicts.arcs.against')}</th>
        </tr>
      </thead>
      <tbody>
        {arcs.map((arc) => {
          const a = arc.assessment;
          const target = functionalArc(arc);
          const motions = arc.plane.motions.map(motionName).join('-');
          return (
            <tr key={arc.key}>
              <th scope="row">{t('verdicts.arcs.planeName', { joint: words.joint(arc.plane.joint), motions })}</th>
              <td>{words.side(arc.side)}</td>
              <td>{words.mode(arc.mode)}</td>
              <td className="tabular">
                {a.latest ? (
                  <>
                    {formatArc(a.latest.first, a.latest.second)}
                    <span className="muted small">
                      {' '}
                      ({motionName(arc.first)}/{motionName(arc.second)})
                    </span>
                  </>
                ) : (
                  <span className="muted">{t('verdicts.arcs.notSameDay')}</span>
                )}
              </td>
              <td className="num">{a.latest ? format.degrees(a.latest.value) : '—'}</td>
              <td>{a.latest ? format.date(a.latest.date) : '—'}</td>
              <td className="tabular">{target ? `${target} (${format.degrees(a.functionalArc ?? 0)})` : <span className="muted">{t('verdicts.arcs.nonePublished')}</span>}</td>
              <td>
                {a.reached === false && (
                  <span className="arc-short" aria-hidden="true">
                    ▼{' '}
                  </span>
                )}
                {functionalText(arc)}
              </td>
            </tr>
          );
        })}
      </tbody>
      </table>
    </ScrollBox>
  );
}
