import { Suspense } from 'react';
import { Navigate } from 'react-router-dom';
import { canSee, homePathFor, navigationItem, type NavigationItemId } from '../shell/navigation';
import { LoadingState } from '../shell/states';
import { NoAccessPage } from '../shell/status-pages';
import { useViewer } from '../shell/viewer-context';
import { PAGES } from './pages';

/** A page, if the current role may see it (per navigation.ts); otherwise a plain refusal. */
export function GuardedPage({ id }: { id: NavigationItemId }) {
  const { role } = useViewer();
  if (!canSee(role, id)) return <NoAccessPage item={navigationItem(id)} />;
  const Page = PAGES[id];
  return (
    <Suspense fallback={<LoadingState label="Loading the page" />}>
      <Page />
    </Suspense>
  );
}

/** "/" goes to the first page the current role may see. */
export function HomeRedirect() {
  const { role } = useViewer();
  return <Navigate to={homePathFor(role)} replace />;
}
