import { Trans, useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from './layout/Status';
import { PatientList } from './patients/PatientList';
import { PatientForm } from './patients/PatientForm';
import { PatientEditPage, PatientPage } from './patients/PatientPage';
import { href, useRoute, type Route } from './router';
import { AccountMenu } from './session/AccountMenu';
import { ChangeCredentialPage } from './session/ChangeCredentialPage';
import { SessionProvider } from './session/session-context';
import { SetupScreen } from './session/SetupScreen';
import { SetUpAccountsPage } from './session/SetUpAccountsPage';
import { SignedIn } from './session/SignedIn';
import { SignInPage } from './session/SignInPage';
import { SettingsPage } from './settings/SettingsPage';
import { NewEventPage } from './events/NewEventPage';
import { VisitEntryPage } from './visits/VisitEntryPage';
import { PlansScreen } from './plans/PlansScreen';
import { WorklistPage } from './worklist/WorklistPage';
import { ReferralLetterPage, ReportPage, ScreenCode, SeriesDetailWithPlans, usePreloadScreenCode } from './lazy-screens';
import { MobilityPage } from './mobility/MobilityPage';
import { RecordAccessPage } from './access/RecordAccessPage';
import { UntilStarted } from './startup/UntilStarted';

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
    case 'visit-add':
      return <VisitEntryPage key={`${route.id}/${route.visitId}`} patientId={route.id} visitId={route.visitId} />;
    case 'event-new':
      return <NewEventPage key={route.id} patientId={route.id} />;
    case 'patient-report':
      return <ReportPage key={route.id} patientId={route.id} query={route.query} />;
    case 'patient-plans':
      return <PlansScreen key={route.id} patientId={route.id} path={route.path} />;
    case 'patient-access':
      return <RecordAccessPage key={route.id} patientId={route.id} />;
    case 'settings':
      return <SettingsPage />;
    case 'account':
      return <ChangeCredentialPage forced={false} />;
    case 'worklist':
      return <WorklistPage />;
    case 'patient-referral':
      return <ReferralLetterPage key={route.id} patientId={route.id} query={route.query} />;
    case 'not-found':
      return (
        <p className="error-box" role="alert">
          <Trans i18nKey="app.notFound" values={{ path: route.path }} components={[<a key="worklist" href={href.worklist()} />, <a key="patients" href={href.patients()} />]} />
        </p>
      );
  }
}

/** The header's sections; every patient's screens belong to Patients, one's own PIN to Settings. */
function section(route: Route): 'worklist' | 'patients' | 'settings' | null {
  if (route.name === 'worklist' || route.name === 'settings') return route.name;
  if (route.name === 'account') return 'settings';
  return route.name === 'not-found' ? null : 'patients';
}

function Workspace() {
  const route = useRoute();
  usePreloadScreenCode();
  const { t } = useTranslation();
  const current = (name: ReturnType<typeof section>) => (section(route) === name ? 'page' : undefined);
  return (
    <>
      {/* A button, not href="#main": the hash holds the route. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <header className="app-header">
        {/* The name leads home: the worklist, the first screen. */}
        <a className="brand" href={href.worklist()} title={t('app.brandTitle')}>
          ROMtrack
        </a>
        <nav aria-label={t('app.mainNav')}>
          <a href={href.worklist()} aria-current={current('worklist')}>
            {t('app.navWorklist')}
          </a>
          <a href={href.patients()} aria-current={current('patients')}>
            {t('app.navPatients')}
          </a>
          <a href={href.settings()} aria-current={current('settings')}>
            {t('app.navSettings')}
          </a>
        </nav>
        <div className="header-end">
          <AccountMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ScreenCode>
          <Screen route={route} />
        </ScreenCode>
      </main>
    </>
  );
}

/**
 * Set-up on an empty database (or setting up accounts on one from before them), then sign-in, a temporary PIN
 * changed, and the app at the address asked for: the worklist when none (router.ts), the screen in the address
 * after a reload. The app is keyed by the person, so someone else signing in never inherits another's screen.
 */
export function App() {
  return (
    // The update screen while the back end updates a database from an older ROMtrack (startup/UntilStarted.tsx).
    <UntilStarted>
      {/* "ROMtrack" is the product's name, the same in every language. */}
      <SessionProvider fallback={(error, retry) => (error ? <ErrorMessage error={error} retry={retry} /> : <Loading what="ROMtrack" />)}>
        {({ state }) => {
          if (state.needsSetup) return <SetupScreen />;
          if (state.needsAccounts) return <SetUpAccountsPage />;
          if (!state.currentTherapist) return <SignInPage />;
          if (state.mustChangeCredential) return <ChangeCredentialPage forced />;
          return (
            <SignedIn key={state.currentTherapist.id}>
              <Workspace />
            </SignedIn>
          );
        }}
      </SessionProvider>
    </UntilStarted>
  );
}
