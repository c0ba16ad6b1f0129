import type { RouteObject } from 'react-router-dom';
import SignInPage from '../auth/sign-in-page';
import { acceptInvitationRoute } from '../invitation/accept-invitation-route';
import { AppShell } from '../shell/app-shell';
import { NAVIGATION, type NavigationItemId } from '../shell/navigation';
import { NotFoundPage, RouteErrorPage } from '../shell/status-pages';
import { GuardedPage, HomeRedirect } from './guarded-page';

/**
 * Pages with sub-pages, routed inside the page with nested <Routes>
 * (/settings/users, /people/:id, /absence-and-turnover/record, /commissioning/sharing, ...).
 */
const NESTED_PAGES: ReadonlySet<NavigationItemId> = new Set([
  'settings',
  'people',
  'absence-and-turnover',
  'supervision',
  'commissioning',
]);

/** Every route. Page routes come from navigation.ts, so a page and its menu item cannot drift apart. */
export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    element: <SignInPage />,
    errorElement: <RouteErrorPage standalone />,
  },
  acceptInvitationRoute,
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...NAVIGATION.map((item): RouteObject => ({
        path: NESTED_PAGES.has(item.id) ? `${item.path.slice(1)}/*` : item.path.slice(1),
        element: <GuardedPage id={item.id} />,
        // Keeps the header and navigation when a page fails.
        errorElement: <RouteErrorPage />,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
