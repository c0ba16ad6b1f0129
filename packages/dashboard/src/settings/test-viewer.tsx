import type { ReactElement } from 'react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { OrganisationKind, Role } from '../gql/graphql';
import { ViewerContext, type ViewerContextValue } from '../shell/viewer-context';

/*
 * For component tests of pages inside the app shell: the page rendered with a
 * viewer (the signed-in user and role), Apollo mocks and a memory router.
 */

export const TEST_USER_ID = 'user-admin';

export function testViewer(
  role: Role = 'ORG_ADMIN',
  kind: OrganisationKind = 'NGO',
): ViewerContextValue {
  const membership = {
    __typename: 'Membership' as const,
    role,
    managedServiceIds: [],
    organisation: {
      __typename: 'Organisation' as const,
      id: 'org-1',
      name: 'Northside Family Support',
      kind,
      timeZone: 'Europe/London',
      currency: 'GBP',
    },
  };
  return {
    user: {
      __typename: 'User',
      id: TEST_USER_ID,
      email: 'admin@northside.example',
      displayName: 'Alex Admin',
    },
    memberships: [membership],
    membership,
    organisation: membership.organisation,
    role,
  };
}

export interface RenderOptions {
  role?: Role;
  kind?: OrganisationKind;
  mocks?: MockLink.MockedResponse[];
  /** The address to start at. */
  path?: string;
  /** The route the element is mounted at (a splat for pages with sub-pages). */
  routePath?: string;
}

export interface Rendered extends RenderResult {
  router: ReturnType<typeof createMemoryRouter>;
  viewer: ViewerContextValue;
}

export function renderWithViewer(element: ReactElement, options: RenderOptions = {}): Rendered {
  const viewer = testViewer(options.role, options.kind);
  const router = createMemoryRouter(
    [
      {
        path: options.routePath ?? '*',
        element: <ViewerContext.Provider value={viewer}>{element}</ViewerContext.Provider>,
      },
    ],
    { initialEntries: [options.path ?? '/'] },
  );
  const result = render(
    <MockedProvider mocks={options.mocks ?? []}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { ...result, router, viewer };
}
