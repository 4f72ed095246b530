import { seriesKeyOf } from '../../../shared/analysis/patient-series';
import type { AnalysedSeries, PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { formatDegrees, MODES, modeLabel, sideLabel, type Mode, type MotionSpec, type Side } from '../../../shared/domain/catalogue';
import type { Loadable } from '../api/use-operation';
import { formatChange } from '../clinical/format';
import { ScrollBox } from '../layout/ScrollBox';
import { normalWords, otherSideWords } from '../clinical/verdict-text';
import { useFormatDate } from '../session/session-context';
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
function Latest({ points, analysed }: { points: SeriesPoint[] | undefined; analysed: AnalysedSeries | undefined }) {
  const formatDate = useFormatDate();
  const latest = points?.[0];
  if (!latest) return <Missing words="Not measured" />;
  const s = analysed?.analysis.summary;
  const compared = s && analysed ? [normalWords(s), otherSideWords(s, analysed.side)].filter(Boolean).join('; ') : '';
  return (
    <>
      <span className="num">{formatDegrees(latest.degrees)}</span> <span className="muted small">{formatDate(latest.date)}</span>
      {compared && <span className="change-line small">{compared}</span>}
    </>
  );
}

/** A change rounded to a tenth (the best is an average of two), with its sign. */
function signed(delta: number): string {
  return formatChange(Math.round(delta * 10) / 10);
}

/**
 * Since the visit before, since the baseline and since the best: one reading's change alone says little, the
 * baseline and the best say where the joint stands (baseline and best since the latest operation, as the
 * verdict counts them; the best is the highest average of two consecutive readings by one therapist).
 */
function Change({ points, analysed }: { points: SeriesPoint[] | undefined; analysed: AnalysedSeries | undefined }) {
  const formatDate = useFormatDate();
  const [latest, previous] = points ?? [];
  const s = analysed?.analysis.summary;
  const lines: string[] = [];
  // In the neutral-zero convention a larger number is always more motion, so the sign says which way it went.
  if (latest && previous) lines.push(`${signed(latest.degrees - previous.degrees)} since ${formatDate(previous.date)}`);
  if (s?.baseline && s.changeSinceBaseline !== null && s.latest && s.baseline.index !== s.latest.index) {
    lines.push(`${signed(s.changeSinceBaseline)} since baseline (${formatDegrees(s.baseline.value)} on ${formatDate(s.baseline.date)})`);
  }
  if (s?.best && s.changeSinceBest != null) {
    // The best is an average of two readings: dated by the later, and said so, so it is never taken for one reading.
    const when = s.bestPair ? `2 readings to ${formatDate(s.bestPair[1].date)}` : formatDate(s.best.date);
    lines.push(`${signed(s.changeSinceBest)} since best (${formatDegrees(s.best.value)}, ${when})`);
  }
  if (lines.length === 0) return <Missing words="No earlier value" />;
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
export function LatestValues({ file, analysis }: { file: PatientFile; analysis: Loadable<PatientAnalysisResult> }) {
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
      <h2 id="latest-heading">Latest values</h2>
      {rows.length === 0 ? (
        <p className="empty">No watched site yet: add one in the HO profile to measure its motions.</p>
      ) : file.visits.length === 0 ? (
        <p className="empty">No visit recorded yet. “Record a visit” enters the first measurements.</p>
      ) : (
        <>
          <ScrollBox label="Latest values">
            <table className="data-table latest-table">
              <thead>
                <tr>
                  <th scope="col">Motion</th>
                  {modes.map((m) => [
                    <th key={`${m}-v`} scope="col">
                      {modeLabel(m)}: latest
                    </th>,
                    <th key={`${m}-c`} scope="col">
                      {modeLabel(m)}: change
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ spec, side }) => (
                  <tr key={`${spec.key}-${side}`}>
                    <th scope="row">
                      {sideLabel(side)} {spec.label.toLowerCase()}
                    </th>
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
            {hiddenModes.length > 0 ? `No ${hiddenModes.map((m) => modeLabel(m).toLowerCase()).join(' or ')} range recorded for this patient. ` : ''}
            Baseline and best count from the latest operation on the joint. The best is the highest average of two consecutive readings by the same therapist with the same
            instrument (dated by the later of the two), so one lucky reading never sets the bar.
            {analysis.state === 'error' ? ' The changes since baseline and best could not be worked out: see the verdicts above.' : ''}
          </p>
        </>
      )}
    </section>
  );
}
