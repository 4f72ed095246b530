import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayLocal } from '../../../shared/domain/dates';
import type { PlanVersion } from '../../../shared/domain/plan-records';
import { useOperation, usePatientFile } from '../api/use-operation';
import { therapistNamer } from '../i18n/catalogue-words';
import { STATUS_ID } from '../forms/return-focus';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatDate, useSession } from '../session/session-context';
import { AdherencePanel } from './AdherencePanel';
import { GoalsPanel } from './GoalsPanel';
import { goalSeriesOf, planState, usePlanWords, versionOn } from './plan-format';
import { planHref } from './plan-routes';
import { PlansBreadcrumb } from './PlansBreadcrumb';
import { EndPlanForm, VersionHistory } from './VersionHistory';

function Precautions({ version }: { version: PlanVersion }) {
  const { t } = useTranslation();
  return (
    <div className={version.passiveRomAllowed ? 'plan-precautions' : 'plan-precautions plan-precautions-strict'}>
      <p>
        <strong>{version.passiveRomAllowed ? t('plans.page.passiveAllowed') : t('plans.page.passiveNotAllowed')}</strong>
      </p>
      {version.precautions ? <p className="plan-typed">{version.precautions}</p> : null}
    </div>
  );
}

/** One plan: the version in force (or any other), sessions done beside its items, its goals, its versions. */
export function PlanPage({ patientId, planId }: { patientId: string; planId: string }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const formatDate = useFormatDate();
  const { state } = useSession();
  const [plan] = useOperation('plans.get', { id: planId });
  const file = usePatientFile(patientId);
  const [adherence] = useOperation('adherence.list', { planId });
  const [shownId, setShownId] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const series = useMemo(() => (file.state === 'ready' ? goalSeriesOf(file.value.visits) : new Map()), [file]);
  const nameOf = useMemo(() => therapistNamer(t, [...state.activeTherapists, ...(file.state === 'ready' ? file.value.therapists : [])]), [t, state.activeTherapists, file]);

  if (plan.state === 'loading' || file.state === 'loading' || adherence.state === 'loading') return <Loading what={t('plans.page.loadingWhat')} />;
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
  const shownPeriod = words.period(shown.effectiveFrom, shown.inForceUntil);

  return (
    <section aria-labelledby="plan-heading" className="plan-page">
      <PlansBreadcrumb patient={file.value.patient} trail={[{ label: current.title }]} />
      <div className="toolbar">
        <h1 id="plan-heading">{current.title}</h1>
        {!current.ended ? (
          <a className="button primary" href={planHref.revise(patientId, p.id)}>
            {t('plans.page.revise')}
          </a>
        ) : null}
        {!current.ended && !stopping ? (
          <button type="button" onClick={() => setStopping(true)}>
            {t('plans.page.stop')}
          </button>
        ) : null}
        <a className="button" href={planHref.sheet(patientId, p.id)}>
          {t('plans.page.homeSheet')}
        </a>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('plans.period')}</dt>
          <dd>{words.period(p.startDate, p.endDate)}</dd>
        </div>
        <div>
          <dt>{t('plans.stateLabel')}</dt>
          <dd>{words.state(planState(p, today))}</dd>
        </div>
        <div>
          <dt>{t('plans.versions')}</dt>
          <dd>{p.versions.length}</dd>
        </div>
        <div>
          <dt>{t('plans.sites')}</dt>
          <dd>{words.sites(current.sites)}</dd>
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
            if (saved) changed(t('plans.page.stopped', { date: formatDate(saved.versions[saved.versions.length - 1]!.ended!.on) }));
          }}
        />
      ) : null}
      <section aria-labelledby="version-heading" className="plan-version">
        <h2 id="version-heading">
          {shown.id === inForce.id && planState(p, today) === 'active'
            ? t('plans.page.versionInForce', { number: shown.number, period: shownPeriod })
            : t('plans.page.version', { number: shown.number, period: shownPeriod })}
        </h2>
        {shown.title !== current.title ? <p>{t('plans.page.titleThen', { title: shown.title })}</p> : null}
        <Precautions version={shown} />
      </section>
      <AdherencePanel key={shown.id} version={shown} entries={adherence.value.filter((a) => shown.items.some((i) => i.id === a.itemId))} today={today} onChanged={changed} />
      <GoalsPanel plan={p} sites={current.sites} series={series} today={today} onChanged={changed} />
      <VersionHistory plan={p} shown={shown.id} onShow={setShownId} nameOf={nameOf} />
      <p>
        <a href={planHref.list(patientId)}>{t('plans.page.allPlans')}</a>
      </p>
    </section>
  );
}
