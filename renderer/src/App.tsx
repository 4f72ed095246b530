import { PatientList } from './patients/PatientList';
import { PatientForm } from './patients/PatientForm';
import { PatientEditPage, PatientPage } from './patients/PatientPage';
import { href, useRoute, type Route } from './router';

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
    case 'not-found':
      return (
        <p className="error-box" role="alert">
          There is no page at “{route.path}”. <a href={href.patients()}>Go to the patient list.</a>
        </p>
      );
  }
}

export function App() {
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
          <a href={href.patients()}>Patients</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </>
  );
}
