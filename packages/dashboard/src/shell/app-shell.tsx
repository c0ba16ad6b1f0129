import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  Link,
  Navigate,
  Outlet,
  useLocation,
  useNavigate,
  useNavigationType,
} from 'react-router-dom';
import { apiErrors, hasErrorCode } from '../app/errors';
import { setOrganisationId, useOrganisationId } from '../app/organisation';
import { signInPath } from '../app/safe-next-path';
import { ViewerDocument } from '../gql/graphql';
import { MainNavigation } from './main-navigation';
import { homePathFor, itemForPath, mayOpen, navigationFor, ROLE_LABELS } from './navigation';
import { OrganisationSwitcher } from './organisation-switcher';
import { SignOutButton } from './sign-out-button';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';
import { EmptyState, ErrorState, LoadingState } from './states';
import { PRODUCT_NAME } from './use-document-title';
import {
  activeMembership,
  ViewerContext,
  type ViewerContextValue,
  type ViewerMembership,
  type ViewerUser,
} from './viewer-context';

interface FrameProps {
  user?: ViewerUser;
  memberships?: readonly ViewerMembership[];
  membership?: ViewerMembership;
  onSwitch?: (organisationId: string) => Promise<void>;
  navigation?: ReactNode;
  children: ReactNode;
}

/** Skip link, header, optional navigation and main: the landmarks every signed-in page has. */
function ShellFrame({
  user,
  memberships = [],
  membership,
  onSwitch,
  navigation,
  children,
}: FrameProps) {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const shownPath = useRef(pathname);

  // After the user moves to another page, start keyboard and screen reader users at
  // its content. Redirects (REPLACE) are not a move: focus stays where it was.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    if (navigationType !== 'REPLACE') mainRef.current?.focus({ preventScroll: true });
  }, [pathname, navigationType]);

  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link className="app-header__product" to="/">
            {PRODUCT_NAME}
          </Link>
          {membership ? (
            <div className="app-header__org">
              {memberships.length > 1 && onSwitch ? (
                <OrganisationSwitcher
                  memberships={memberships}
                  currentId={membership.organisation.id}
                  onSwitch={onSwitch}
                />
              ) : (
                <p className="app-header__org-name">
                  <span className="visually-hidden">Organisation: </span>
                  {membership.organisation.name}
                </p>
              )}
              <p className="app-header__role">{ROLE_LABELS[membership.role]}</p>
            </div>
          ) : null}
          {user ? (
            <div className="app-header__user">
              <p className="app-header__name">{user.displayName}</p>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </header>
      <div className={navigation ? 'app-body' : 'app-body app-body--no-nav'}>
        {navigation}
        <main className="app-main" id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}

const STALE_ORGANISATION_CODES = ['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'];

/**
 * The layout of every signed-in page. Loads the viewer once; sends anyone not
 * signed in to the sign-in page; settles which organisation requests act in
 * before any page asks for data; and gives pages the viewer through `useViewer`.
 */
export function AppShell() {
  const { data, dataState, previousData, error, refetch } = useQuery(ViewerDocument);
  const chosenId = useOrganisationId();
  const client = useApolloClient();
  const location = useLocation();
  const navigate = useNavigate();

  const complete = dataState === 'complete' ? data : undefined;
  // While the store is reset (switching organisation) keep showing the last viewer.
  const viewer = (complete ?? previousData)?.viewer;
  const memberships = viewer?.memberships ?? [];
  const membership = activeMembership(memberships, chosenId);
  const membershipId = membership?.organisation.id ?? null;

  // An organisation remembered from an earlier session that the API now refuses.
  const staleChoice =
    !viewer &&
    chosenId !== null &&
    apiErrors(error).some((e) => STALE_ORGANISATION_CODES.includes(e.code));

  // Forget it and ask again as nobody in particular; the first membership is then used.
  const [recovering, setRecovering] = useState(false);
  useEffect(() => {
    if (!staleChoice) return;
    setRecovering(true);
    setOrganisationId(null);
    void refetch()
      .catch(() => undefined)
      .finally(() => setRecovering(false));
  }, [staleChoice, refetch]);

  // Remember the organisation actually in use (the first one, if none was chosen).
  useEffect(() => {
    if (membershipId && membershipId !== chosenId) setOrganisationId(membershipId);
  }, [membershipId, chosenId]);

  const switchOrganisation = useCallback(
    async (organisationId: string) => {
      const next = memberships.find((m) => m.organisation.id === organisationId);
      setOrganisationId(organisationId);
      // Everything cached belongs to the previous organisation; refetch what is on screen.
      await client.resetStore().catch(() => undefined);
      const page = itemForPath(location.pathname);
      if (next && (!page || !mayOpen(page, next.role, next.organisation.kind))) {
        await navigate(homePathFor(next.role, next.organisation.kind));
      }
    },
    [client, memberships, location.pathname, navigate],
  );

  if (!viewer) {
    if (hasErrorCode(error, 'UNAUTHENTICATED') || (complete && !complete.viewer)) {
      return <Navigate to={signInPath(location.pathname + location.search)} replace />;
    }
    if (error && !staleChoice && !recovering) {
      return (
        <ShellFrame>
          <h1>Sorry, Holdspace did not load</h1>
          <ErrorState error={error} onRetry={() => void refetch().catch(() => undefined)} />
        </ShellFrame>
      );
    }
    return (
      <ShellFrame>
        <LoadingState label="Loading your account" />
      </ShellFrame>
    );
  }

  if (!membership) {
    return (
      <ShellFrame user={viewer.user}>
        <h1>Welcome to Holdspace</h1>
        <EmptyState title="You are not part of an organisation yet">
          <p>
            An organisation admin needs to add you before you can see anything here. Ask the person
            who invited you to Holdspace.
          </p>
        </EmptyState>
      </ShellFrame>
    );
  }

  const value: ViewerContextValue = {
    user: viewer.user,
    memberships,
    membership,
    organisation: membership.organisation,
    role: membership.role,
  };

  return (
    <ViewerContext.Provider value={value}>
      <ShellFrame
        user={viewer.user}
        memberships={memberships}
        membership={membership}
        onSwitch={switchOrganisation}
        navigation={
          <MainNavigation items={navigationFor(membership.role, membership.organisation.kind)} />
        }
      >
        {/* Pages wait until requests carry the organisation they will show. */}
        {membershipId === chosenId ? <Outlet /> : <LoadingState />}
      </ShellFrame>
    </ViewerContext.Provider>
  );
}
