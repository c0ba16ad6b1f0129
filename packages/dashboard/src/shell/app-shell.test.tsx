import { ApolloLink } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { Observable } from 'rxjs';
import { createOrganisationLink, ORGANISATION_HEADER } from '../app/apollo-client';
import {
  getOrganisationId,
  ORGANISATION_STORAGE_KEY,
  resetOrganisationForTests,
} from '../app/organisation';
import { routes } from '../app/routes';
import {
  SignOutDocument,
  ViewerDocument,
  type OrganisationKind,
  type Role,
  type ViewerQuery,
} from '../gql/graphql';

type Membership = NonNullable<ViewerQuery['viewer']>['memberships'][number];

function membership(
  id: string,
  name: string,
  role: Role,
  kind: OrganisationKind = 'NGO',
): Membership {
  return {
    __typename: 'Membership',
    role,
    managedServiceIds: [],
    organisation: {
      __typename: 'Organisation',
      id,
      name,
      kind,
      timeZone: 'Europe/London',
      currency: 'GBP',
    },
  };
}

function viewer(memberships: Membership[]): ViewerQuery {
  return {
    viewer: {
      __typename: 'Viewer',
      user: { __typename: 'User', id: 'u1', email: 'sam@example.org', displayName: 'Sam Patel' },
      memberships,
    },
  };
}

const viewerMock = (data: ViewerQuery): MockLink.MockedResponse => ({
  request: { query: ViewerDocument },
  result: { data },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

/** Renders the real routes; records the organisation header of every request. */
function renderApp(mocks: MockLink.MockedResponse[] | ApolloLink, path = '/') {
  const sentOrganisations: (string | undefined)[] = [];
  const record = new ApolloLink((operation, forward) => {
    sentOrganisations.push(operation.getContext().headers?.[ORGANISATION_HEADER]);
    return forward(operation);
  });
  const terminating = mocks instanceof ApolloLink ? mocks : new MockLink(mocks);
  const link = ApolloLink.from([createOrganisationLink(), record, terminating]);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <MockedProvider link={link}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { router, sentOrganisations };
}

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

beforeEach(() => {
  window.localStorage.clear();
  resetOrganisationForTests();
});

describe('the app shell', () => {
  it('shows a supervisor their pages, their organisation and name, and lands on Supervision', async () => {
    const { router } = renderApp([
      viewerMock(viewer([membership('o1', 'Riverside Trust', 'SUPERVISOR')])),
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Supervision' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/supervision');
    expect(navLinks()).toEqual(['Supervision', 'People']);
    expect(screen.getByText('Riverside Trust')).toBeTruthy();
    expect(screen.getByText('Sam Patel')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    // One organisation: nothing to switch.
    expect(screen.queryByRole('combobox', { name: 'Organisation' })).toBeNull();
    expect(document.title).toBe('Supervision – Holdspace');
  });

  it('has a skip link to the main landmark, a banner and labelled navigation', async () => {
    renderApp([viewerMock(viewer([membership('o1', 'Riverside Trust', 'ORG_ADMIN')]))]);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(document.querySelector(skip.getAttribute('href')!)).toBe(screen.getByRole('main'));
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(navLinks()).toHaveLength(8);
    expect(screen.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('remembers the organisation in use when none was chosen', async () => {
    const { sentOrganisations } = renderApp([
      viewerMock(viewer([membership('o1', 'Riverside Trust', 'ANALYST')])),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    expect(getOrganisationId()).toBe('o1');
    expect(window.localStorage.getItem(ORGANISATION_STORAGE_KEY)).toBe('o1');
    // The first request, before any organisation was known, went without one.
    expect(sentOrganisations[0]).toBeUndefined();
  });

  it('lets someone with two memberships switch organisation, and changes the pages with the role', async () => {
    window.localStorage.setItem(ORGANISATION_STORAGE_KEY, 'o2');
    const { router, sentOrganisations } = renderApp(
      [
        viewerMock(
          viewer([
            membership('o1', 'Riverside Trust', 'SERVICE_MANAGER'),
            membership('o2', 'County Commissioning', 'COMMISSIONER_ANALYST', 'COMMISSIONER'),
          ]),
        ),
      ],
      '/commissioning',
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Commissioning' })).toBeTruthy();
    expect(navLinks()).toEqual(['Commissioning']);
    const select = screen.getByRole('combobox', { name: 'Organisation' }) as HTMLSelectElement;
    expect(select.value).toBe('o2');
    // Every request so far (the viewer, then the page's own) went as o2.
    expect([...new Set(sentOrganisations)]).toEqual(['o2']);

    // Choosing alone changes nothing (WCAG 3.2.2); pressing Switch does.
    fireEvent.change(select, { target: { value: 'o1' } });
    expect(navLinks()).toEqual(['Commissioning']);
    fireEvent.click(screen.getByRole('button', { name: 'Switch' }));

    await waitFor(() =>
      expect(navLinks()).toEqual([
        'Overview',
        'Supervision',
        'People',
        'Absence & turnover',
        'Cost case',
      ]),
    );
    expect(window.localStorage.getItem(ORGANISATION_STORAGE_KEY)).toBe('o1');
    // The store was reset and refetched as the new organisation.
    await waitFor(() => expect(sentOrganisations.at(-1)).toBe('o1'));
    // Commissioning is not a service manager's page: off to their first page.
    await waitFor(() => expect(router.state.location.pathname).toBe('/overview'));
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.getByText('Now showing Riverside Trust')).toBeTruthy();
  });

  it('forgets a remembered organisation the API refuses, and carries on with the first membership', async () => {
    window.localStorage.setItem(ORGANISATION_STORAGE_KEY, 'o-gone');
    // As the API does: a header naming an organisation the user is not in is FORBIDDEN.
    const api = new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          const organisation = operation.getContext().headers?.[ORGANISATION_HEADER];
          observer.next(
            organisation === 'o-gone'
              ? {
                  data: null,
                  errors: [
                    {
                      message: 'You are not a member of that organisation.',
                      extensions: { code: 'FORBIDDEN' },
                    },
                  ],
                }
              : { data: viewer([membership('o1', 'Riverside Trust', 'ANALYST')]) },
          );
          observer.complete();
        }),
    );
    const { sentOrganisations } = renderApp(api);
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(sentOrganisations.slice(0, 2)).toEqual(['o-gone', undefined]);
    expect(window.localStorage.getItem(ORGANISATION_STORAGE_KEY)).toBe('o1');
  });

  it('refuses a page the role may not see', async () => {
    renderApp(
      [viewerMock(viewer([membership('o1', 'Riverside Trust', 'PRACTITIONER')]))],
      '/people',
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeTruthy();
    expect(navLinks()).toEqual(['My supervision']);
  });

  it('sends someone who is not signed in to the sign-in page, to come back afterwards', async () => {
    const { router } = renderApp([viewerMock({ viewer: null })], '/cost-case');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fcost-case');
  });

  it('signs out and goes to the sign-in page', async () => {
    const { router } = renderApp([
      viewerMock(viewer([membership('o1', 'Riverside Trust', 'ORG_ADMIN')])),
      { request: { query: SignOutDocument }, result: { data: { signOut: true } } },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('says so when sign out fails, and stays', async () => {
    renderApp([
      viewerMock(viewer([membership('o1', 'Riverside Trust', 'ORG_ADMIN')])),
      { request: { query: SignOutDocument }, error: new TypeError('Failed to fetch') },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    // The page behind may show its own alert (its figures are not mocked here).
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
        'Sign out did not work. Check your connection and try again.',
      ),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
  });

  it('explains what to do when the user belongs to no organisation', async () => {
    renderApp([viewerMock(viewer([]))]);
    expect(
      await screen.findByRole('heading', { name: 'You are not part of an organisation yet' }),
    ).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('shows a page-not-found page inside the shell', async () => {
    renderApp([viewerMock(viewer([membership('o1', 'Riverside Trust', 'ORG_ADMIN')]))], '/nowhere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });
});

describe('focus on moving between pages', () => {
  beforeEach(() => {
    window.localStorage.clear();
    resetOrganisationForTests();
  });

  it('moves to the main content when the user follows a navigation link', async () => {
    renderApp([viewerMock(viewer([membership('o1', 'Riverside Trust', 'ORG_ADMIN')]))]);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    // Landing on the home page (a redirect) leaves focus alone.
    expect(document.activeElement).toBe(document.body);
    fireEvent.click(screen.getByRole('link', { name: 'Audit log' }));
    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });
});
