import { Link, useRouteError } from 'react-router-dom';
import { ROLE_LABELS, type NavigationItem } from './navigation';
import { PublicLayout } from './public-layout';
import { ErrorState } from './states';
import { useDocumentTitle } from './use-document-title';
import { useViewer } from './viewer-context';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </div>
  );
}

/** "a supervisor", "an analyst": a role's label with the article it takes. */
function aRole(label: string): string {
  const lower = label.toLowerCase();
  return /^[aeiou]/.test(lower) ? `an ${lower}` : `a ${lower}`;
}

/** A page the current role may not open (reached by a link or a typed address). */
export function NoAccessPage({ item }: { item: NavigationItem }) {
  const { organisation, role } = useViewer();
  useDocumentTitle('You do not have access to this page');
  return (
    <div className="page">
      <h1>You do not have access to this page</h1>
      <p>
        {item.label} is not available to {aRole(ROLE_LABELS[role])} in {organisation.name}. If you
        need it, ask your organisation admin.
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </div>
  );
}

/**
 * Shown by the router when a page throws while rendering or its code fails to
 * load (often after a new release: reloading fetches the new code).
 */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  const content = (
    <div className="page">
      <h1>Sorry, something went wrong</h1>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </div>
  );
  return standalone ? <PublicLayout>{content}</PublicLayout> : content;
}
