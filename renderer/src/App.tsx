import { ErrorMessage, Loading } from './layout/Status';
import { PatientList } from './patients/PatientList';
import { PatientForm } from './patients/PatientForm';
import { PatientEditPage, PatientPage } from './patients/PatientPage';
import { href, useRoute, type Route } from './router';
import { SessionProvider } from './session/session-context';
import { SetupScreen } from './session/SetupScreen';
import { TherapistSwitcher } from './session/TherapistSwitcher';
import { WhoIsWorking } from './session/WhoIsWorking';
import { SettingsPage } from './settings/SettingsPage';
import { MobilityPage } from './mobility/MobilityPage';
import { NewEventPage } from './events/NewEventPage';
import { VisitEntryPage } from './visits/VisitEntryPage';
import { ReportPage } from './report/ReportPage';
import { PlansScreen } from './plans/PlansScreen';
import { SeriesDetailWithPlans } from './plans/SeriesDetailWithPlans';
import { WorklistPage } from './worklist/WorklistPage';
import { ReferralLetterPage } from './referral/ReferralLetterPage';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'patients':
      return <PatientList />;
    case 'patient-new':
      return <PatientForm />;
    case 'patient':
      return <PatientPage key={route.id} id={route.id} />;
    case 'patient-edit':
      return <PatientEditPage key={route.id} id={route.id} />;
    case 'patient-mobility':
      return <MobilityPage key={route.id} patientId={route.id} />;
    case 'series-detail':
      return <SeriesDetailWithPlans key={`${route.id}/${route.seriesKey}`} patientId={route.id} seriesKey={route.seriesKey} />;
    case 'visit-new':
      return <VisitEntryPage key={route.id} patientId={route.id} />;
    case 'event-new':
      return <NewEventPage key={route.id} patientId={route.id} />;
    case 'patient-report':
      return <ReportPage key={route.id} patientId={route.id} query={route.query} />;
    case 'patient-plans':
      return <PlansScreen key={route.id} patientId={route.id} path={route.path} />;
    case 'settings':
      return <SettingsPage />;
    case 'worklist':
      return <WorklistPage />;
    case 'patient-referral':
      return <ReferralLetterPage key={route.id} patientId={route.id} query={route.query} />;
    case 'not-found':
      return (
        <p className="error-box" role="alert">
          There is no page at “{route.path}”. <a href={href.patients()}>Go to the patient list.</a>
        </p>
      );
  }
}

function Workspace() {
  const route = useRoute();
  return (
    <>
      {/* A button, not href="#main": the hash holds the route. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header className="app-header">
        <a className="brand" href={href.patients()}>
          ROMtrack
        </a>
        <nav aria-label="Main">
          <a href="#/worklist" aria-current={route.name === 'worklist' ? 'page' : undefined}>
            Worklist
          </a>
          <a href={href.patients()} aria-current={route.name !== 'settings' && route.name !== 'not-found' && route.name !== 'worklist' ? 'page' : undefined}>
            Patients
          </a>
          <a href={href.settings()} aria-current={route.name === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
        <div className="header-end">
          <TherapistSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </>
  );
}

/** Set-up on an empty database, then "who is working?", then the app. */
export function App() {
  return (
    <SessionProvider fallback={(error) => (error ? <ErrorMessage error={error} /> : <Loading what="ROMtrack" />)}>
      {({ state }) => {
        if (state.needsSetup) return <SetupScreen />;
        if (!state.currentTherapist) return <WhoIsWorking />;
        return <Workspace />;
      }}
    </SessionProvider>
  );
}
