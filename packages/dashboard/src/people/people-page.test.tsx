import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  PeopleCreateStaffMemberDocument,
  PeoplePersonDocument,
  PeopleStaffListDocument,
  type PeopleStaffFieldsFragment,
} from '../gql/graphql';
import * as csv from '../shell/csv';
import PeoplePage from './people-page';
import {
  directoryMock,
  directoryPerson,
  fixToday,
  optionsMock,
  renderPage,
  SERVICES,
} from './test-harness';

function person(
  id: string,
  displayName: string,
  overrides: Partial<PeopleStaffFieldsFragment> = {},
): PeopleStaffFieldsFragment {
  return {
    __typename: 'StaffMember',
    id,
    displayName,
    staffRef: `REF-${id}`,
    erased: false,
    roleTitle: null,
    practitionerType: 'Counsellor',
    fte: 1,
    startDate: '2024-01-01',
    endDate: null,
    leavingReason: null,
    inPost: true,
    requiresSupervision: true,
    lastHeldSession: '2026-11-10',
    service: SERVICES[0] as PeopleStaffFieldsFragment['service'],
    currentAgreement: {
      __typename: 'SupervisionAgreementSummary',
      id: `a-${id}`,
      interval: 'MONTHLY',
      startDate: '2024-01-01',
      reviewDueDate: null,
      supervisorName: 'Carys Evans',
    },
    ...overrides,
  };
}

function listMock(
  people: PeopleStaffFieldsFragment[],
  sort: { field: 'NAME' | 'STAFF_REF' | 'START_DATE'; direction: 'ASC' | 'DESC' } = {
    field: 'NAME',
    direction: 'ASC',
  },
) {
  return {
    request: {
      query: PeopleStaffListDocument,
      variables: { filter: { status: 'IN_POST' }, sort, page: { first: 25 } },
    },
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
  };
}

beforeEach(() => fixToday('2026-11-22'));
afterEach(() => jest.useRealTimers());

describe('the staff list', () => {
  const people = [
    person('1', 'Aisha Jones', { lastHeldSession: '2026-10-10' }),
    person('2', 'Ben, Okafor', { fte: 0.5, lastHeldSession: null, startDate: '2026-11-01' }),
    person('3', '=cmd', { requiresSupervision: false }),
  ];

  it('shows each person with kind supervision words, and exports exactly those rows', async () => {
    const download = jest.spyOn(csv, 'downloadCsv').mockImplementation(() => undefined);
    renderPage(<PeoplePage />, {
      path: '/people',
      routePath: '/people/*',
      mocks: [optionsMock, directoryMock([]), listMock(people)],
    });
    const table = await screen.findByRole('table', { name: /Staff in post/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Aisha JonesREF-1OutreachCounsellor11 January 2024In postOverdue by 12 daysLast held 10 October 2026',
      'Ben, OkaforREF-2OutreachCounsellor0.51 November 2026In postNext due by 1 December 2026No session recorded yet',
      '=cmdREF-3OutreachCounsellor11 January 2024In postNot required',
    ]);
    expect(
      within(table).getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort'),
    ).toBe('ascending');
    expect(screen.getByText('Showing 3 of 3 people')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Export CSV/ }));
    expect(download).toHaveBeenCalledTimes(1);
    const [fileName, text] = download.mock.calls[0] as [string, string];
    expect(fileName).toBe('holdspace-staff-2026-11-22.csv');
    expect(text.split('\r\n')).toEqual([
      'Name,Reference,Service,Practitioner type,FTE,Start date,Status,Supervision,Latest session',
      'Aisha Jones,REF-1,Outreach,Counsellor,1,1 January 2024,In post,Overdue by 12 days,Last held 10 October 2026',
      '"Ben, Okafor",REF-2,Outreach,Counsellor,0.5,1 November 2026,In post,Next due by 1 December 2026,No session recorded yet',
      "'=cmd,REF-3,Outreach,Counsellor,1,1 January 2024,In post,Not required,",
      '',
    ]);
  });

  it('sorts by a column through the address', async () => {
    const { router } = renderPage(<PeoplePage />, {
      path: '/people',
      routePath: '/people/*',
      mocks: [
        optionsMock,
        directoryMock([]),
        listMock(people),
        listMock([...people].reverse(), { field: 'START_DATE', direction: 'ASC' }),
      ],
    });
    const table = await screen.findByRole('table', { name: /Staff in post/ });
    fireEvent.click(within(table).getByRole('button', { name: /Start date/ }));
    expect(router.state.location.search).toBe('?sort=start');
    const sorted = await screen.findByRole('table', { name: /sorted by start date ascending/ });
    await waitFor(() =>
      expect(within(sorted).getAllByRole('row')[1]?.textContent).toMatch(/^=cmd/),
    );
    expect(
      within(sorted)
        .getByRole('columnheader', { name: /Start date/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
  });

  it('invites an admin to add their first member of staff (or import)', async () => {
    renderPage(<PeoplePage />, {
      path: '/people',
      routePath: '/people/*',
      mocks: [optionsMock, directoryMock([]), listMock([])],
    });
    await screen.findByRole('heading', { name: 'Add your first member of staff' });
    expect(
      screen.getByRole('link', { name: 'import your staff from your HR system' }),
    ).toBeTruthy();
  });

  it('says when filters match nobody', async () => {
    renderPage(<PeoplePage />, {
      path: '/people',
      routePath: '/people/*',
      mocks: [optionsMock, directoryMock([directoryPerson('9', 'Someone')]), listMock([])],
    });
    await screen.findByRole('heading', { name: 'No one matches these filters' });
  });

  it('offers a supervisor no "Add"', async () => {
    renderPage(<PeoplePage />, {
      role: 'SUPERVISOR',
      path: '/people',
      routePath: '/people/*',
      mocks: [optionsMock, directoryMock([]), listMock(people)],
    });
    await screen.findByRole('table', { name: /Staff in post/ });
    expect(screen.queryByRole('link', { name: 'Add a member of staff' })).toBeNull();
    expect(screen.getByText('You and the people you supervise.')).toBeTruthy();
  });
});

describe('adding a member of staff', () => {
  it('summarises errors linked to their fields, then shows the API’s answer by its field', async () => {
    const input = {
      displayName: 'Robin Test',
      staffRef: 'NOR-1',
      serviceId: 'svc-out',
      roleTitle: null,
      practitionerType: null,
      fte: 0.8,
      startDate: '2025-03-03',
      requiresSupervision: true,
    };
    renderPage(<PeoplePage />, {
      path: '/people/new',
      routePath: '/people/*',
      mocks: [
        optionsMock,
        directoryMock([]),
        {
          request: { query: PeopleCreateStaffMemberDocument, variables: { input } },
          result: {
            errors: [
              {
                message: 'Another staff member already has this staff reference.',
                extensions: { code: 'CONFLICT', field: 'input.staffRef' },
              },
            ],
          },
        },
      ],
    });
    const submit = await screen.findByRole('button', { name: 'Add member of staff' });
    fireEvent.click(submit);
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Enter a name or a staff reference (or both)', '#displayName'],
      ['Select a service', '#serviceId'],
      ['Enter the start date', '#startDate'],
    ]);
    expect(document.title).toBe('Error: Add a member of staff – Holdspace');
    expect(screen.getByLabelText('Service').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Robin Test' } });
    fireEvent.change(screen.getByLabelText('Staff reference (optional)'), {
      target: { value: 'NOR-1' },
    });
    fireEvent.change(screen.getByLabelText('Service'), { target: { value: 'svc-out' } });
    fireEvent.change(screen.getByLabelText('FTE (full-time equivalent)'), {
      target: { value: '0.8' },
    });
    fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '3/3/2025' } });
    fireEvent.click(submit);
    await waitFor(() =>
      expect(document.getElementById('staffRef-error')?.textContent).toBe(
        'Error: Another staff member already has this staff reference.',
      ),
    );
  });

  it('offers a service manager only the services they manage', async () => {
    renderPage(<PeoplePage />, {
      role: 'SERVICE_MANAGER',
      managedServiceIds: ['svc-fam'],
      path: '/people/new',
      routePath: '/people/*',
      mocks: [optionsMock, directoryMock([])],
    });
    const select = await screen.findByLabelText('Service');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a service', 'Family support']);
  });
});

describe('a person’s page', () => {
  it('says plainly when the person cannot be found (or is not theirs to see)', async () => {
    renderPage(<PeoplePage />, {
      path: '/people/p-404',
      routePath: '/people/*',
      mocks: [
        optionsMock,
        {
          request: { query: PeoplePersonDocument, variables: { id: 'p-404' } },
          result: {
            errors: [{ message: 'Staff member not found.', extensions: { code: 'NOT_FOUND' } }],
          },
        },
      ],
    });
    await screen.findByRole('heading', { name: 'We could not find this person' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Person not found');
  });
});
