import { useMemo, useState } from 'react';
import { todayLocal } from '../../../shared/domain/dates';
import { sitesLabel } from '../../../shared/domain/plan';
import type { PlanVersion } from '../../../shared/domain/plan-records';
import { useOperation, usePatientFile } from '../api/use-operation';
import { therapistNamer } from '../clinical/format';
import { STATUS_ID } from '../forms/return-focus';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatDate, useSession } from '../session/session-context';
import { AdherencePanel } from './AdherencePanel';
import { GoalsPanel } from './GoalsPanel';
import { PLAN_STATE_LABELS, goalSeriesOf, periodText, planState, versionOn } from './plan-format';
import { planHref } from './plan-routes';
import { PlansBreadcrumb } from './PlansBreadcrumb';
import { EndPlanForm, VersionHistory } from './VersionHistory';

function Precautions({ version }: { version: PlanVersion }) {
  return (
    <div className={version.passiveRomAllowed ? 'plan-precautions' : 'plan-precautions plan-precautions-strict'}>
      <p>
        <strong>Passive range of motion and stretching: {version.passiveRomAllowed ? 'allowed' : 'NOT allowed'}.</strong>
      </p>
      {version.precautions ? <p className="plan-typed">{version.precautions}</p> : null}
    </div>
  );
}

/** One plan: the version in force (or any other), sessions done beside its items, its goals, its versions. */
export function PlanPage({ patientId, planId }: { patientId: string; planId: string }) {
  const formatDate = useFormatDate();
  const { state } = useSession();
  const [plan] = useOperation('plans.get', { id: planId });
  const file = usePatientFile(patientId);
  const [adherence] = useOperation('adherence.list', { planId });
  const [shownId, setShownId] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const series = useMemo(() => (file.state === 'ready' ? goalSeriesOf(file.value.visits) : new Map()), [file]);
  const nameOf = useMemo(() => therapistNamer([...state.activeTherapists, ...(file.state === 'ready' ? file.value.therapists : [])]), [state.activeTherapists, file]);

  if (plan.state === 'loading' || file.state === 'loading' || adherence.state === 'loading') return <Loading what="the plan" />;
  if (plan.state === 'error') return <ErrorMessage error={plan.error} retry={plan.retry} />;
  if (file.state === 'error') return <ErrorMessage error={file.error} retry={file.retry} />;
  if (adherence.state === 'error') return <ErrorMessage error={adherence.error} retry={adherence.retry} />;
  const p = plan.value;
  const today = todayLocal();
  const current = p.versions[p.versions.length - 1]!;
  const inForce = versionOn(p, today);
  const shown = p.versions.find((v) => v.id === shownId) ?? inForce;
  // The saved change has already refreshed the plan and its adherence (api/client.ts); this only says so.
  const changed = (text: string) => setMessage(text);

  return (
    <section aria-labelledby="plan-heading" className="plan-page">
      <PlansBreadcrumb patient={file.value.patient} trail={[{ label: current.title }]} />
      <div className="toolbar">
        <h1 id="plan-heading">{current.title}</h1>
        {!current.ended ? (
          <a className="button primary" href={planHref.revise(patientId, p.id)}>
            Revise plan
          </a>
        ) : null}
        {!current.ended && !stopping ? (
          <button type="button" onClick={() => setStopping(true)}>
            Stop plan
          </button>
        ) : null}
        <a className="button" href={planHref.sheet(patientId, p.id)}>
          Home exercise sheet
        </a>
      </div>
      <dl className="facts">
        <div>
          <dt>Period</dt>
          <dd>{periodText(p.startDate, p.endDate, formatDate)}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{PLAN_STATE_LABELS[planState(p, today)]}</dd>
        </div>
        <div>
          <dt>Versions</dt>
          <dd>{p.versions.length}</dd>
        </div>
        <div>
          <dt>Sites</dt>
          <dd>{sitesLabel(current.sites)}</dd>
        </div>
      </dl>
      <div role="status" id={STATUS_ID} tabIndex={-1} className={message ? 'ok-box' : 'visually-hidden'}>
        {message}
      </div>
      {stopping ? (
        <EndPlanForm
          version={current}
          today={today}
          onDone={(saved) => {
            setStopping(false);
            if (saved) changed(`The plan stops after ${formatDate(saved.versions[saved.versions.length - 1]!.ended!.on)}.`);
          }}
        />
      ) : null}
      <section aria-labelledby="version-heading" className="plan-version">
        <h2 id="version-heading">
          Version {shown.number}
          {shown.id === inForce.id && planState(p, today) === 'active' ? ', in force today' : ''}: {periodText(shown.effectiveFrom, shown.inForceUntil, formatDate)}
        </h2>
        {shown.title !== current.title ? <p>Title then: {shown.title}</p> : null}
        <Precautions version={shown} />
      </section>
      <AdherencePanel key={shown.id} version={shown} entries={adherence.value.filter((a) => shown.items.some((i) => i.id === a.itemId))} today={today} onChanged={changed} />
      <GoalsPanel plan={p} sites={current.sites} series={series} today={today} onChanged={changed} />
      <VersionHistory plan={p} shown={shown.id} onShow={setShownId} nameOf={nameOf} />
      <p>
        <a href={planHref.list(patientId)}>All plans of this patient</a>
      </p>
    </section>
  );
}
