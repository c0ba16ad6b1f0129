import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { PublicLayout } from '../shell/public-layout';
import { LoadingState } from '../shell/states';
import { RouteErrorPage } from '../shell/status-pages';

const AcceptInvitationPage = lazy(() => import('./accept-invitation-page'));

/** The public page an invitation link opens; its code loads only when it is opened. */
export const acceptInvitationRoute: RouteObject = {
  path: '/accept-invitation',
  element: (
    <Suspense
      fallback={
        <PublicLayout>
          <LoadingState label="Loading the page" />
        </PublicLayout>
      }
    >
      <AcceptInvitationPage />
    </Suspense>
  ),
  errorElement: <RouteErrorPage standalone />,
};
