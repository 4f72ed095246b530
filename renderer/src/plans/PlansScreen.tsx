import { HomeSheetPage } from './HomeSheet';
import { NewPlanPage, RevisePlanPage } from './PlanEditorPages';
import { PlanListPage } from './PlanListPage';
import { PlanPage } from './PlanPage';
import { parsePlanPath, planHref } from './plan-routes';
import { useScreenTitle } from '../layout/use-screen-title';
import './plans.css';

// Each page under the one route names itself, so the window title tells the list from the editor.
const PAGE_TITLES = { list: 'Therapy plans', new: 'New therapy plan', plan: 'Therapy plan', revise: 'Revise therapy plan', sheet: 'Home exercise sheet', unknown: 'Therapy plans' } as const;

/** Every screen under '#/patients/:id/plans'. */
export function PlansScreen({ patientId, path }: { patientId: string; path: readonly string[] }) {
  const route = parsePlanPath(path);
  useScreenTitle(PAGE_TITLES[route.page]);
  switch (route.page) {
    case 'list':
      return <PlanListPage patientId={patientId} />;
    case 'new':
      return <NewPlanPage patientId={patientId} />;
    case 'plan':
      return <PlanPage key={route.planId} patientId={patientId} planId={route.planId} />;
    case 'revise':
      return <RevisePlanPage key={route.planId} patientId={patientId} planId={route.planId} />;
    case 'sheet':
      return <HomeSheetPage key={route.planId} patientId={patientId} planId={route.planId} />;
    case 'unknown':
      return (
        <p className="error-box" role="alert">
          There is no such therapy plan page. <a href={planHref.list(patientId)}>Go to the patient’s plans.</a>
        </p>
      );
  }
}
