import { Suspense } from 'react';
import { Navigate } from 'react-router-dom';
import {
  canSee,
  homePathFor,
  navigationFor,
  navigationItem,
  type NavigationItemId,
} from '../shell/navigation';
import { EmptyState, LoadingState } from '../shell/states';
import { NoAccessPage } from '../shell/status-pages';
import { useViewer } from '../shell/viewer-context';
import { PAGES } from './pages';

/**
 * A page, if the current role may see it in this kind of organisation (per
 * navigation.ts); otherwise a plain refusal.
 */
export function GuardedPage({ id }: { id: NavigationItemId }) {
  const { role, organisation } = useViewer();
  if (!canSee(role, organisation.kind, id)) return <NoAccessPage item={navigationItem(id)} />;
  const Page = PAGES[id];
  return (
    <Suspense fallback={<LoadingState label="Loading the page" />}>
      <Page />
    </Suspense>
  );
}

/** "/" goes to the first page the current role may see. */
export function HomeRedirect() {
  const { role, organisation } = useViewer();
  // A role the API does not give in this kind of organisation has no pages: say so, never loop.
  if (navigationFor(role, organisation.kind).length === 0) {
    return (
      <div className="page">
        <h1>Nothing to show</h1>
        <EmptyState title={`There are no pages for your role in ${organisation.name}`}>
          <p>Ask your organisation admin to check your role.</p>
        </EmptyState>
      </div>
    );
  }
  return <Navigate to={homePathFor(role, organisation.kind)} replace />;
}
