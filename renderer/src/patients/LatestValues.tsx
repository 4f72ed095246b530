import { formatDegrees, MODES, modeLabel, sideLabel, type Mode, type MotionSpec, type Side } from '../../../shared/domain/catalogue';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { formatChange } from '../clinical/format';
import { useFormatDate } from '../session/session-context';
import { buildGrid, seriesKey, seriesOf, type SeriesPoint } from '../visits/grid-model';
import { ScrollBox } from '../layout/ScrollBox';

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

function Latest({ points }: { points: SeriesPoint[] | undefined }) {
  const formatDate = useFormatDate();
  const latest = points?.[0];
  if (!latest) return <Missing words="Not measured" />;
  return (
    <>
      <span className="num">{formatDegrees(latest.degrees)}</span> <span className="muted small">{formatDate(latest.date)}</span>
    </>
  );
}

function Change({ points }: { points: SeriesPoint[] | undefined }) {
  const formatDate = useFormatDate();
  const [latest, previous] = points ?? [];
  if (!latest || !previous) return <Missing words="No earlier value" />;
  // In the neutral-zero convention a larger number is always more motion, so the sign says which way it went.
  const delta = latest.degrees - previous.degrees;
  return (
    <>
      <span className="num">{formatChange(delta)}</span> <span className="muted small">since {formatDate(previous.date)}</span>
    </>
  );
}

/** The latest value of each watched motion, active and passive, with its change since the visit before. */
export function LatestValues({ file }: { file: PatientFile }) {
  const grid = buildGrid(file.sites);
  const series = seriesOf(file.visits);
  const rows: { spec: MotionSpec; side: Side }[] = grid.groups.flatMap((g) =>
    g.rows.flatMap((r) => [...new Set(r.cells.flatMap((c) => (c ? [c.side] : [])))].map((side) => ({ spec: r.spec, side }))),
  );
  const points = (spec: MotionSpec, side: Side, mode: Mode) => series.get(seriesKey(spec.key, side, mode));
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading">Latest values</h2>
      {rows.length === 0 ? (
        <p className="empty">No watched site yet: add one in the HO profile to measure its motions.</p>
      ) : file.visits.length === 0 ? (
        <p className="empty">No visit recorded yet. “Record a visit” enters the first measurements.</p>
      ) : (
        <ScrollBox label="Latest values">
          <table className="data-table latest-table">
            <thead>
              <tr>
                <th scope="col">Motion</th>
                {MODES.map((m) => [
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
                  {MODES.map((m) => [
                    <td key={`${m}-v`}>
                      <Latest points={points(spec, side, m)} />
                    </td>,
                    <td key={`${m}-c`}>
                      <Change points={points(spec, side, m)} />
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
