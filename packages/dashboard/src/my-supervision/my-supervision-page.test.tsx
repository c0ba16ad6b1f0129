import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  MySupervisionConfirmSessionDocument,
  MySupervisionMeDocument,
  MySupervisionSessionsDocument,
  type MySupervisionSessionsQuery,
} from '../gql/graphql';
import { fixToday, renderPage } from '../people/test-harness';
import MySupervisionPage from './my-supervision-page';

type Session = MySupervisionSessionsQuery['sessions']['nodes'][number];

const TODAY = '2026-03-27';
const SUPERVISOR = {
  __typename: 'Supervisor' as const,
  id: 'sv-1',
  name: 'Carys Evans',
  staffMemberId: 'carys',
};

function session(id: string, date: string, extra: Partial<Session> = {}): Session {
  return {
    __typename: 'SupervisionSession',
    id,
    date,
    durationMinutes: 60,
    format: 'ONE_TO_ONE',
    status: 'HELD',
    functions: ['RESTORATIVE'],
    confirmedAt: null,
    supervisor: SUPERVISOR,
    actions: [],
    ...extra,
  };
}

function meMock(withAgreement = true): MockLink.MockedResponse {
  return {
    request: { query: MySupervisionMeDocument, variables: { today: TODAY } },
    result: {
      data: {
        staffMembers: {
          __typename: 'StaffConnection',
          nodes: [{ __typename: 'StaffMember', id: 'me', displayName: 'Dev Patel' }],
        },
        agreements: {
          __typename: 'SupervisionAgreementConnection',
          nodes: withAgreement
            ? [
                {
                  __typename: 'SupervisionAgreement',
                  id: 'a1',
                  interval: 'MONTHLY',
                  sessionMinutes: 60,
                  startDate: '2025-01-06',
                  endDate: null,
                  reviewDueDate: '2026-03-01',
                  lastReviewedOn: null,
                  countedFormats: null,
                  supervisor: {
                    __typename: 'Supervisor',
                    id: 'sv-1',
                    name: 'Carys Evans',
                    organisationName: null,
                  },
                },
              ]
            : [],
        },
        organisationSettings: {
          __typename: 'OrganisationSettings',
          countedFormats: ['ONE_TO_ONE', 'GROUP'],
          defaultInterval: 'MONTHLY',
        },
      },
    },
  };
}

function sessionsMock(nodes: Session[]): MockLink.MockedResponse {
  return {
    request: { query: MySupervisionSessionsDocument, variables: { after: null } },
    result: {
      data: {
        sessions: {
          __typename: 'SupervisionSessionConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          nodes,
        },
      },
    },
  };
}

beforeEach(() => fixToday(TODAY));
afterEach(() => jest.useRealTimers());

describe('My supervision', () => {
  it('shows my agreement, my sessions and my actions, and lets me confirm a held session', async () => {
    const confirmed = jest.fn(() => ({
      data: {
        confirmSession: {
          __typename: 'SupervisionSession' as const,
          id: 's1',
          status: 'HELD' as const,
          confirmedAt: '2026-03-27T10:00:00.000Z',
        },
      },
    }));
    renderPage(<MySupervisionPage />, {
      role: 'PRACTITIONER',
      mocks: [
        meMock(),
        sessionsMock([
          session('s2', '2026-04-20', { status: 'SCHEDULED', functions: [] }),
          session('s1', '2026-03-20', {
            actions: [
              {
                __typename: 'AgreedAction',
                id: 'x1',
                title: 'Book refresher training',
                ownerStaffMemberId: 'me',
                dueDate: '2026-04-30',
                status: 'OPEN',
              },
              {
                __typename: 'AgreedAction',
                id: 'x2',
                title: 'Someone else’s action',
                ownerStaffMemberId: 'colleague',
                dueDate: null,
                status: 'OPEN',
              },
            ],
          }),
          session('s0', '2026-02-20', { confirmedAt: '2026-02-21T09:00:00.000Z' }),
        ]),
        {
          request: { query: MySupervisionConfirmSessionDocument, variables: { id: 's1' } },
          result: confirmed,
        },
      ],
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My supervision');
    expect(screen.getByText(/never what was said/)).toBeTruthy();

    const agreement = await screen.findByText('Carys Evans', { selector: 'dd' });
    const list = agreement.closest('dl') as HTMLElement;
    expect(within(list).getByText('Every month')).toBeTruthy();
    expect(within(list).getByText('One-to-one, Group')).toBeTruthy();
    expect(within(list).getByText(/Due for review since 1 March 2026/)).toBeTruthy();

    const table = await screen.findByRole('table', { name: /Your supervision sessions/ });
    expect(screen.getByText(/1 held session is waiting for you to confirm it/)).toBeTruthy();
    const buttons = within(table).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Confirm this session on 20 March 2026']);

    const actions = screen.getByRole('table', { name: /Your agreed actions/ });
    expect(
      within(actions)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['Book refresher trainingYou30 April 2026Open20 March 2026']);

    fireEvent.click(buttons[0] as HTMLElement);
    await waitFor(() => expect(confirmed).toHaveBeenCalled());
    expect(
      await screen.findByText('Thank you. You confirmed your session on 20 March 2026.'),
    ).toBeTruthy();
    expect(within(table).queryAllByRole('button')).toEqual([]);
    expect(
      within(table)
        .getAllByText(/^Confirmed /)
        .map((c) => c.textContent),
    ).toEqual(['Confirmed 27 March 2026', 'Confirmed 21 February 2026']);
  });

  it('says plainly when there is no agreement and no session yet', async () => {
    renderPage(<MySupervisionPage />, {
      role: 'PRACTITIONER',
      mocks: [meMock(false), sessionsMock([])],
    });
    expect(
      await screen.findByRole('heading', {
        name: 'You have no supervision agreement at the moment',
      }),
    ).toBeTruthy();
    expect(screen.getByText(/your organisation expects supervision every month/)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'No sessions recorded yet' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'No agreed actions' })).toBeTruthy();
  });
});
