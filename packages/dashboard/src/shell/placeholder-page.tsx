import { navigationItem, type NavigationItemId } from './navigation';
import { EmptyState } from './states';
import { useDocumentTitle } from './use-document-title';

/** Stands in for a page that is not built yet: its heading, what it will show, and "coming soon". */
export function PlaceholderPage({ id }: { id: NavigationItemId }) {
  const item = navigationItem(id);
  useDocumentTitle(item.label);
  return (
    <div className="page">
      <h1>{item.label}</h1>
      <p className="lead">{item.summary}</p>
      <EmptyState title="Coming soon">
        <p>We are still building this page. Nothing you have recorded is affected.</p>
      </EmptyState>
    </div>
  );
}
