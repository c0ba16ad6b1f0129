import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { EmptyState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { CommissionerSharingSection } from './commissioner-sharing';
import { ComparisonSection } from './comparison-section';
import { COMPARISON_PATH, SHARING_PATH } from './paths';
import '../people/people.css';
import '../settings/admin.css';
import './commissioning.css';

/**
 * Commissioning, for a commissioner organisation: the comparison
 * (/commissioning) and the sharing agreements (/commissioning/sharing; only an
 * organisation admin may ask or withdraw). Loaded lazily by the router, so
 * neither this page nor its charts are in the first download.
 */
export default function CommissioningPage() {
  return (
    <div className="page commissioning">
      <h1>Commissioning</h1>
      <nav className="sub-nav" aria-label="Commissioning">
        <ul className="sub-nav__list">
          <li>
            <NavLink className="sub-nav__link" to={COMPARISON_PATH} end>
              Comparison
            </NavLink>
          </li>
          <li>
            <NavLink className="sub-nav__link" to={SHARING_PATH}>
              Sharing
            </NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<ComparisonSection />} />
        <Route path="sharing" element={<CommissionerSharingSection />} />
        <Route path="*" element={<CommissioningNotFound />} />
      </Routes>
    </div>
  );
}

function CommissioningNotFound() {
  useDocumentTitle('Page not found');
  return (
    <EmptyState title="There is no such commissioning page">
      <p>
        <Link to={COMPARISON_PATH}>Go to the comparison</Link>
      </p>
    </EmptyState>
  );
}
