import type { ReactElement } from 'react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import {
  PeopleOptionsDocument,
  StaffDirectoryDocument,
  type Role,
  type StaffDirectoryQuery,
} from '../gql/graphql';
import { ViewerContext, type ViewerContextValue } from '../shell/viewer-context';

/*
 * Component tests of the People and Absence pages: a page rendered inside a
 * viewer (role, organisation), Apollo mocks and a memory router. Test-only.
 */

export function viewerFor(role: Role, managedServiceIds: string[] = []): ViewerContextValue {
  const membership = {
    __typename: 'Membership' as const,
    role,
    managedServiceIds,
    organisation: {
      __typename: 'Organisation' as const,
      id: 'org-1',
      name: 'Northside Family Support',
      kind: 'NGO' as const,
      timeZone: 'Europe/London',
      currency: 'GBP',
    },
  };
  return {
    user: { __typename: 'User', id: 'u1', email: 'sam@example.org', displayName: 'Sam Admin' },
    memberships: [membership],
    membership,
    organisation: membership.organisation,
    role,
  };
}

export function renderPage(
  element: ReactElement,
  {
    role = 'ORG_ADMIN',
    managedServiceIds = [],
    mocks = [],
    path = '/',
    routePath = '*',
  }: {
    role?: Role;
    managedServiceIds?: string[];
    mocks?: MockLink.MockedResponse[];
    path?: string;
    routePath?: string;
  } = {},
): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  const viewer = viewerFor(role, managedServiceIds);
  const router = createMemoryRouter(
    [
      {
        path: routePath,
        element: <ViewerContext.Provider value={viewer}>{element}</ViewerContext.Provider>,
      },
      // Somewhere to land when the page sends the user to another page.
      ...(routePath === '*' ? [] : [{ path: '*', element: <p>Another page</p> }]),
    ],
    { initialEntries: [path] },
  );
  const result = render(
    <MockedProvider mocks={mocks}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { ...result, router };
}

export const SERVICES = [
  { __typename: 'Service' as const, id: 'svc-out', name: 'Outreach' },
  { __typename: 'Service' as const, id: 'svc-fam', name: 'Family support' },
];

export const optionsMock: MockLink.MockedResponse = {
  request: { query: PeopleOptionsDocument },
  result: {
    data: {
      services: SERVICES,
      organisationSettings: {
        __typename: 'OrganisationSettings',
        defaultInterval: 'MONTHLY',
        retentionMonths: 72,
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

type DirectoryNode = StaffDirectoryQuery['staffMembers']['nodes'][number];

export function directoryPerson(
  id: string,
  displayName: string,
  overrides: Partial<DirectoryNode> = {},
): DirectoryNode {
  return {
    __typename: 'StaffMember',
    id,
    displayName,
    staffRef: `REF-${id}`,
    erased: false,
    practitionerType: 'Counsellor',
    startDate: '2024-01-01',
    endDate: null,
    service: SERVICES[0] as DirectoryNode['service'],
    ...overrides,
  };
}

export function directoryMock(people: DirectoryNode[]): MockLink.MockedResponse {
  return {
    request: { query: StaffDirectoryDocument, variables: { after: null } },
    result: {
      data: {
        staffMembers: {
          __typename: 'StaffConnection',
          totalCount: people.length,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          nodes: people,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** Fixes "now" (only the clock: timers stay real, so Apollo's work still runs). */
export function fixToday(iso: string): void {
  jest.useFakeTimers({
    now: new Date(`${iso}T12:00:00Z`),
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'queueMicrotask',
      'nextTick',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'performance',
      'hrtime',
    ],
  });
}
