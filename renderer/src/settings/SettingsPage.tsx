import { useTranslation } from 'react-i18next';
import { useOperation } from '../api/use-operation';
import { ExchangePanel } from '../exchange/ExchangePanel';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { href } from '../router';
import { useSession } from '../session/session-context';
import { BackupsPanel } from './BackupsPanel';
import { ClinicForm } from './ClinicForm';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { TherapistsPanel } from './TherapistsPanel';
import { ThresholdsPanel } from './ThresholdsPanel';
import { WorklistSettingsPanel } from './WorklistSettingsPanel';
import './settings.css';

export function SettingsPage() {
  const { t } = useTranslation();
  useScreenTitle(t('settings.heading'));
  const { isAdministrator } = useSession();
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settings.heading')}</h1>
      <p>
        <a href={href.account()}>{t('settings.changeCredential')}</a>
      </p>
      {isAdministrator ? (
        <AdministratorSettings />
      ) : (
        <div className="settings-grid">
          <p className="muted">{t('settings.administratorsKeep')}</p>
          <ExchangePanel />
        </div>
      )}
    </section>
  );
}

/** Everything an administrator keeps; the back end refuses each change to anyone else all the same. */
function AdministratorSettings() {
  const [clinic] = useOperation('clinic.get', {});
  const { t } = useTranslation();
  return (
    <div className="settings-grid">
      {clinic.state === 'loading' ? <Loading what={t('settings.loadingClinic')} /> : null}
      {clinic.state === 'error' ? <ErrorMessage error={clinic.error} retry={clinic.retry} /> : null}
      {clinic.state === 'ready' ? <ClinicForm clinic={clinic.value} /> : null}
      <TherapistsPanel />
      <ThresholdsPanel />
      <WorklistSettingsPanel />
      <BackupsPanel />
      <RecoveryKeyPanel />
      <ExchangePanel />
    </div>
  );
}
