import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { HomeSheetPage } from './HomeSheet';
import { NewPlanPage, RevisePlanPage } from './PlanEditorPages';
import { PlanListPage } from './PlanListPage';
import { PlanPage } from './PlanPage';
import { parsePlanPath, planHref, type PlanRoute } from './plan-routes';
import { useScreenTitle } from '../layout/use-screen-title';
import './plans.css';

// Each page under the one route names itself, so the window title tells the list from the editor.
function pageTitle(t: TFunction, page: PlanRoute['page']): string {
  switch (page) {
    case 'new':
      return t('plans.title.new');
    case 'plan':
      return t('plans.title.plan');
    case 'revise':
      return t('plans.title.revise');
    case 'sheet':
      return t('plans.title.sheet');
    case 'list':
    case 'unknown':
      return t('plans.title.list');
  }
}

/** Every screen under '#/patients/:id/plans'. */
export function PlansScreen({ patientId, path }: { patientId: string; path: readonly string[] }) {
  const { t } = useTranslation();
  const route = parsePlanPath(path);
  useScreenTitle(pageTitle(t, route.page));
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
          {t('plans.noSuchPage')} <a href={planHref.list(patientId)}>{t('plans.goToPlans')}</a>
        </p>
      );
  }
}
