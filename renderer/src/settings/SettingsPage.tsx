import { useOperation } from '../api/use-operation';
import { ExchangePanel } from '../exchange/ExchangePanel';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { BackupsPanel } from './BackupsPanel';
import { ClinicForm } from './ClinicForm';
import { TherapistsPanel } from './TherapistsPanel';
import { ThresholdsPanel } from './ThresholdsPanel';
import { WorklistSettingsPanel } from './WorklistSettingsPanel';

export function SettingsPage() {
  const [clinic] = useOperation('clinic.get', {});
  useScreenTitle('Settings');
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <div className="settings-grid">
        {clinic.state === 'loading' ? <Loading what="the clinic details" /> : null}
        {clinic.state === 'error' ? <ErrorMessage error={clinic.error} retry={clinic.retry} /> : null}
        {clinic.state === 'ready' ? <ClinicForm clinic={clinic.value} /> : null}
        <TherapistsPanel />
        <ThresholdsPanel />
        <WorklistSettingsPanel />
        <BackupsPanel />
        <ExchangePanel />
      </div>
    </section>
  );
}
