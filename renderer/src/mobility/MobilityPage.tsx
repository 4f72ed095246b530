import type { PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import { MODES, motionSpec, sideLabel } from '../../../shared/domain/catalogue';
import { patientDisplayName } from '../../../shared/domain/patient';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { ArcsTable } from '../clinical/ArcsTable';
import { MobilityBreadcrumb } from './MobilityBreadcrumb';
import { SeriesCard } from './SeriesCard';
import { usePatientMobility } from './use-patient-analysis';
import { badgeOf } from '../clinical/VerdictBadge';

/** "2 measured series: 1 losing motion, 1 holding." */
function summaryLine(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} ${k.toLowerCase()}`);
  return `${kinds.length} measured series: ${parts.join(', ')}.`;
}

/**
 * "Active: none recorded yet. Passive: Left hip adduction; Right hip adduction." A mode with no reading at all
 * (passive only for a paralysed limb) is one phrase, not every motion listed twice.
 */
function unmeasuredText(analysis: PatientAnalysisResult): string {
  const parts: string[] = [];
  for (const mode of MODES) {
    const missing = analysis.unmeasured.filter((s) => s.mode === mode);
    if (missing.length === 0) continue;
    const name = mode === 'active' ? 'Active' : 'Passive';
    if (!analysis.series.some((s) => s.mode === mode)) parts.push(`${name}: none recorded yet.`);
    else parts.push(`${name}: ${missing.map((s) => `${sideLabel(s.side)} ${motionSpec(s.motion).label.toLowerCase()}`).join('; ')}.`);
  }
  return parts.join(' ');
}

/** Is each joint improving, holding or losing motion? Losses first, one small chart per series. */
export function MobilityPage({ patientId }: { patientId: string }) {
  const loaded = usePatientMobility(patientId);
  useScreenTitle(loaded.state === 'ready' ? `Mobility — ${patientDisplayName(loaded.value.file.patient)}` : null);
  if (loaded.state === 'loading') return <Loading what="the patient's measurements" />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} retry={loaded.retry} />;
  const { file, analysis } = loaded.value;
  const p = file.patient;
  return (
    <section aria-labelledby="mobility-heading" className="mobility">
      <MobilityBreadcrumb patient={p} />
      <h1 id="mobility-heading">Mobility: {patientDisplayName(p)}</h1>
      {analysis.series.length === 0 ? (
        <p className="empty">
          {file.sites.length === 0 ? 'No watched site yet: add one in the HO profile, then record a visit.' : 'No measurement yet: record a visit to start the series.'}
        </p>
      ) : (
        <>
          <p className="mobility-summary">{summaryLine(analysis.series.map((s) => badgeOf(s.verdict).text))}</p>
          <ul className="series-cards" aria-label="Series, losing motion first">
            {analysis.series.map((s) => (
              <SeriesCard key={s.key} patientId={p.id} series={s} />
            ))}
          </ul>
        </>
      )}
      {analysis.unmeasured.length > 0 && (
        <p className="muted small unmeasured">
          <strong>Not measured yet:</strong> {unmeasuredText(analysis)}
        </p>
      )}
      <section aria-labelledby="arcs-heading">
        <h2 id="arcs-heading">Arcs</h2>
        <p className="muted small">
          Each plane's two motions measured on the same day, written extension first (-10/130 is a 10° flexion contracture with 130° flexion). The
          functional arc is reached when each motion reaches its own minimum.
        </p>
        <ArcsTable arcs={analysis.arcs} />
      </section>
    </section>
  );
}
