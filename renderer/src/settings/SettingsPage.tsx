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

export function SettingsPage() {
  useScreenTitle('Settings');
  const { isAdministrator } = useSession();
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <p>
        <a href={href.account()}>Change your PIN or password</a>
      </p>
      {isAdministrator ? (
        <AdministratorSettings />
      ) : (
        <div className="settings-grid">
          <p className="muted">
            The clinic’s details, its therapists, thresholds, worklist settings and backups are kept by an administrator: ask
            one to change them.
          </p>
          <ExchangePanel />
        </div>
      )}
    </section>
  );
}

/** Everything an administrator keeps; the back end refuses each change to anyone else all the same. */
function AdministratorSettings() {
  const [clinic] = useOperation('clinic.get', {});
  return (
    <div className="settings-grid">
      {clinic.state === 'loading' ? <Loading what="the clinic details" /> : null}
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
