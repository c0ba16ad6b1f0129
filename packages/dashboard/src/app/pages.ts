import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { NavigationItemId } from '../shell/navigation';

/**
 * Each page's code, loaded the first time it is opened, so signing in does not
 * download every page. A Record, so a navigation item without a page does not compile.
 */
export const PAGES: Record<NavigationItemId, LazyExoticComponent<ComponentType>> = {
  overview: lazy(() => import('../overview/overview-page')),
  'my-supervision': lazy(() => import('../my-supervision/my-supervision-page')),
  supervision: lazy(() => import('../supervision/supervision-page')),
  people: lazy(() => import('../people/people-page')),
  'absence-and-turnover': lazy(() => import('../absence/absence-and-turnover-page')),
  'cost-case': lazy(() => import('../cost-case/cost-case-page')),
  commissioning: lazy(() => import('../commissioning/commissioning-page')),
  imports: lazy(() => import('../imports/imports-page')),
  settings: lazy(() => import('../settings/settings-page')),
  'audit-log': lazy(() => import('../audit-log/audit-log-page')),
};
