import { formatArc } from '../../../shared/analysis/arcs';
import type { PatientArc } from '../../../shared/analysis/patient-series';
import { formatDegrees, modeLabel, motionSpec, sideLabel } from '../../../shared/domain/catalogue';
import { useFormatDate } from '../session/session-context';
import { ScrollBox } from '../layout/ScrollBox';

function motionName(key: PatientArc['first']): string {
  return motionSpec(key).motion.replace('_', ' ');
}

/** The catalogue's functional minimums in the arc's order, e.g. "-30/130", when both are published. */
function functionalArc(arc: PatientArc): string | null {
  const a = motionSpec(arc.first).functional?.value;
  const b = motionSpec(arc.second).functional?.value;
  return a === undefined || b === undefined ? null : formatArc(a, b);
}

/** "Reached", "Short by 7° (flexion)", or why there is nothing to compare with. */
function functionalText(arc: PatientArc): string {
  const a = arc.assessment;
  if (!a.latest) return '—';
  if (a.reached === null) return '—';
  if (a.reached) return 'Reached';
  const parts = [
    a.firstShortBy ? `${formatDegrees(a.firstShortBy)} (${motionName(arc.first)})` : null,
    a.secondShortBy ? `${formatDegrees(a.secondShortBy)} (${motionName(arc.second)})` : null,
  ].filter(Boolean);
  return `Short by ${parts.join(', ')}`;
}

export function ArcsTable({ arcs }: { arcs: readonly PatientArc[] }) {
  const formatDate = useFormatDate();
  if (arcs.length === 0) return <p className="empty">No arc yet: no motion of a watched plane has been measured.</p>;
  return (
    <ScrollBox label="Arcs">
      <table className="data-table arcs-table">
      <caption className="visually-hidden">Latest arc of each plane, by side and mode</caption>
      <thead>
        <tr>
          <th scope="col">Plane</th>
          <th scope="col">Side</th>
          <th scope="col">Mode</th>
          <th scope="col">Latest arc</th>
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col">Measured</th>
          <th scope="col">Functional arc</th>
          <th scope="col">Latest against it</th>
        </tr>
      </thead>
      <tbody>
        {arcs.map((arc) => {
          const a = arc.assessment;
          const target = functionalArc(arc);
          return (
            <tr key={arc.key}>
              <th scope="row">{arc.plane.label}</th>
              <td>{sideLabel(arc.side)}</td>
              <td>{modeLabel(arc.mode)}</td>
              <td className="tabular">
                {a.latest ? (
                  <>
                    {formatArc(a.latest.first, a.latest.second)}
                    <span className="muted small"> ({motionName(arc.first)}/{motionName(arc.second)})</span>
                  </>
                ) : (
                  <span className="muted">Not measured on the same day yet</span>
                )}
              </td>
              <td className="num">{a.latest ? formatDegrees(a.latest.value) : '—'}</td>
              <td>{a.latest ? formatDate(a.latest.date) : '—'}</td>
              <td className="tabular">{target ? `${target} (${formatDegrees(a.functionalArc ?? 0)})` : <span className="muted">None published</span>}</td>
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
