import { useTranslation } from 'react-i18next';
import { seriesKeyOf } from '../../../shared/analysis/patient-series';
import type { AnalysedSeriesBase, PatientVerdicts } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { MODES, type Mode, type MotionSpec, type Side } from '../../../shared/domain/catalogue';
import type { Loadable } from '../api/use-operation';
import { ScrollBox } from '../layout/ScrollBox';
import { normalWords, otherSideWords } from '../clinical/verdict-text';
import { useVerdictText } from '../clinical/use-verdict-text';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { useFormatter } from '../session/session-context';
import { useSeriesNames } from '../charts/series-names';
import { buildGrid, seriesOf, type SeriesPoint } from '../visits/grid-model';

/** An em dash for the eye, the words for a screen reader: the table stays calm when much is missing. */
function Missing({ words }: { words: string }) {
  return (
    <>
      <span aria-hidden="true" className="muted">
        —
      </span>
      <span className="visually-hidden">{words}</span>
    </>
  );
}

/** The latest value and its date; under it, against the normal and the other side where that means something. */
function Latest({ points, analysed }: { points: SeriesPoint[] | undefined; analysed: AnalysedSeriesBase | undefined }) {
  const format = useFormatter();
  const { t } = useTranslation();
  const verdictText = useVerdictText();
  const latest = points?.[0];
  if (!latest) return <Missing words={t('latestValues.notMeasured')} />;
  const s = analysed?.analysis.summary;
  const compared = s && analysed ? [verdictText.text(normalWords(s)), verdictText.text(otherSideWords(s, analysed.side))].filter(Boolean).join('; ') : '';
  return (
    <>
      <span className="num">{format.degrees(latest.degrees)}</span> <span className="muted small">{format.date(latest.date)}</span>
      {compared && <span className="change-line small">{compared}</span>}
    </>
  );
}


/**
 * Since the visit before, since the baseline and since the best: one reading's change alone says little, the
 * baseline and the best say where the joint stands (baseline and best since the latest operation, as the
 * verdict counts them; the best is the highest average of two consecutive readings by one therapist).
 */
function Change({ points, analysed }: { points: SeriesPoint[] | undefined; analysed: AnalysedSeriesBase | undefined }) {
  const format = useFormatter();
  const { t } = useTranslation();
  // A change rounded to a tenth (the best is an average of two), with its sign.
  const signed = (delta: number) => format.change(Math.round(delta * 10) / 10);
  const [latest, previous] = points ?? [];
  const s = analysed?.analysis.summary;
  const lines: string[] = [];
  // In the neutral-zero convention a larger number is always more motion, so the sign says which way it went.
  if (latest && previous) lines.push(t('latestValues.sinceDate', { change: signed(latest.degrees - previous.degrees), date: format.date(previous.date) }));
  if (s?.baseline && s.changeSinceBaseline !== null && s.latest && s.baseline.index !== s.latest.index) {
    lines.push(t('latestValues.sinceBaseline', { change: signed(s.changeSinceBaseline), value: format.degrees(s.baseline.value), date: format.date(s.baseline.date) }));
  }
  if (s?.best && s.changeSinceBest != null) {
    // The best is an average of two readings: dated by the later, and said so, so it is never taken for one reading.
    const when = s.bestPair ? t('latestValues.bestPair', { date: format.date(s.bestPair[1].date) }) : format.date(s.best.date);
    lines.push(t('latestValues.sinceBest', { change: signed(s.changeSinceBest), value: format.degrees(s.best.value), when }));
  }
  if (lines.length === 0) return <Missing words={t('latestValues.noEarlier')} />;
  return (
    <>
      {lines.map((line, i) => (
        <span key={`${i}-${line}`} className={i === 0 ? 'change-line change-line-first' : 'change-line small'}>
          {line}
        </span>
      ))}
    </>
  );
}

/**
 * The latest value of each watched motion, active and passive, with its change since the visit before, since the
 * baseline and since the best. The values come from the file; baseline, best and the comparisons from the
 * analysis, which may still be loading or have failed: the table then shows what the file alone can say.
 */
export function LatestValues({ file, analysis }: { file: PatientFile; analysis: Loadable<PatientVerdicts> }) {
  const { t } = useTranslation();
  const words = useCatalogueWords();
  const names = useSeriesNames();
  const grid = buildGrid(file.sites);
  const series = seriesOf(file.visits);
  const analysed = new Map(analysis.state === 'ready' ? [...analysis.value.series, ...analysis.value.unmeasured].map((s) => [s.key, s]) : []);
  const rows: { spec: MotionSpec; side: Side }[] = grid.groups.flatMap((g) =>
    g.rows.flatMap((r) => [...new Set(r.cells.flatMap((c) => (c ? [c.side] : [])))].map((side) => ({ spec: r.spec, side }))),
  );
  // A mode never measured for this patient (passive only for a paralysed limb) would be two columns of dashes.
  const measuredModes = MODES.filter((m) => file.visits.some((v) => v.measurements.some((x) => x.mode === m)));
  const modes = measuredModes.length > 0 ? measuredModes : MODES;
  const hiddenModes = MODES.filter((m) => !modes.includes(m));
  const points = (spec: MotionSpec, side: Side, mode: Mode) => series.get(seriesKeyOf(side, spec.key, mode));
  const of = (spec: MotionSpec, side: Side, mode: Mode) => analysed.get(seriesKeyOf(side, spec.key, mode));
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading">{t('latestValues.heading')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('latestValues.noSite')}</p>
      ) : file.visits.length === 0 ? (
        <p className="empty">{t('latestValues.noVisit')}</p>
      ) : (
        <>
          <ScrollBox label={t('latestValues.heading')}>
            <table className="data-table latest-table">
              <thead>
                <tr>
                  <th scope="col">{t('latestValues.colMotion')}</th>
                  {modes.map((m) => [
                    <th key={`${m}-v`} scope="col">
                      {t('latestValues.colLatest', { mode: words.mode(m) })}
                    </th>,
                    <th key={`${m}-c`} scope="col">
                      {t('latestValues.colChange', { mode: words.mode(m) })}
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ spec, side }) => (
                  <tr key={`${spec.key}-${side}`}>
                    <th scope="row">{names.motionAtSite(side, spec.key)}</th>
                    {modes.map((m) => [
                      <td key={`${m}-v`}>
                        <Latest points={points(spec, side, m)} analysed={of(spec, side, m)} />
                      </td>,
                      <td key={`${m}-c`}>
                        <Change points={points(spec, side, m)} analysed={of(spec, side, m)} />
                      </td>,
                    ])}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p className="muted small">
            {/* Both modes are never hidden: with nothing measured, both columns show. */}
            {hiddenModes.includes('active') ? `${t('latestValues.noActive')} ` : hiddenModes.includes('passive') ? `${t('latestValues.noPassive')} ` : ''}
            {t('latestValues.note')}
            {analysis.state === 'error' ? ` ${t('latestValues.analysisFailed')}` : ''}
          </p>
        </>
      )}
    </section>
  );
}
