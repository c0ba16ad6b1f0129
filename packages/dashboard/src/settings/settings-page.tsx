import { Link, NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { EmptyState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { ProviderSharingSection } from '../commissioning/provider-sharing';
import { OrganisationSettingsSection } from './organisation-settings';
import { UsersSection } from './users';
import './admin.css';

/**
 * Settings: the organisation's settings (/settings), its users
 * (/settings/users, admins only) and, for a provider's admins, sharing with
 * commissioners (/settings/sharing, src/commissioning). Loaded lazily by the router.
 */
export default function SettingsPage() {
  const { role, organisation } = useViewer();
  const isAdmin = role === 'ORG_ADMIN';
  // A commissioner organisation asks providers to share (Commissioning); it shares nothing itself.
  const sharesWithCommissioners = isAdmin && organisation.kind !== 'COMMISSIONER';
  return (
    <div className="page">
      <h1>Settings</h1>
      <p className="lead">
        {isAdmin
          ? `How Holdspace works for ${organisation.name}, and who can sign in.`
          : `How Holdspace works for ${organisation.name}.`}
      </p>
      {isAdmin ? (
        <nav className="sub-nav" aria-label="Settings">
          <ul className="sub-nav__list">
            <li>
              <NavLink className="sub-nav__link" to="/settings" end>
                Organisation
              </NavLink>
            </li>
            <li>
              <NavLink className="sub-nav__link" to="/settings/users">
                Users
              </NavLink>
            </li>
            {sharesWithCommissioners ? (
              <li>
                <NavLink className="sub-nav__link" to="/settings/sharing">
                  Sharing with commissioners
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <Routes>
        <Route index element={<OrganisationSettingsSection />} />
        <Route
          path="users"
          element={isAdmin ? <UsersSection /> : <Navigate to="/settings" replace />}
        />
        <Route
          path="sharing"
          element={
            sharesWithCommissioners ? (
              <ProviderSharingSection />
            ) : (
              <Navigate to="/settings" replace />
            )
          }
        />
        <Route path="*" element={<SettingsNotFound />} />
      </Routes>
    </div>
  );
}

function SettingsNotFound() {
  useDocumentTitle('Page not found');
  return (
    <EmptyState title="There is no such settings page">
      <p>
        <Link to="/settings">Go to the organisation settings</Link>
      </p>
    </EmptyState>
  );
}
