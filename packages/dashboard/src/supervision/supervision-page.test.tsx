import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  SupervisionAgreementsDocument,
  SupervisionOptionsDocument,
  SupervisionRecordHeldSessionDocument,
  SupervisionSessionsDocument,
  type SupervisionAgreementFieldsFragment,
  type SupervisionSessionFieldsFragment,
} from '../gql/graphql';
import * as csv from '../shell/csv';
import { directoryMock, directoryPerson, fixToday, renderPage } from '../people/test-harness';
import SupervisionPage from './supervision-page';

// The figures have their own tests (supervision-metrics.test.tsx).
jest.mock('./supervision-metrics', () => ({
  __esModule: true,
  default: () => <section aria-label="Supervision figures">Figures go here</section>,
}));

const TODAY = '2026-03-27';

const PEOPLE = [
  directoryPerson('p1', 'Aisha Jones', { staffRef: 'NOR-1' }),
  directoryPerson('p2', 'Ben Okafor', { staffRef: 'NOR-2' }),
  directoryPerson('p3', 'Sam Admin', { staffRef: 'NOR-3' }),
];

const CARYS = {
  __typename: 'Supervisor' as const,
  id: 'sv-1',
  kind: 'INTERNAL' as const,
  name: 'Carys Evans',
  organisationName: null,
  staffMemberId: 'p9',
};
const SAM = { ...CARYS, id: 'sv-2', name: 'Sam Admin', staffMemberId: 'p3' };

const optionsMock: MockLink.MockedResponse = {
  request: { query: SupervisionOptionsDocument },
  result: {
    data: {
      supervisors: [CARYS, SAM],
      organisationSettings: {
        __typename: 'OrganisationSettings',
        countedFormats: ['ONE_TO_ONE', 'GROUP'],
        defaultInterval: 'MONTHLY',
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function session(
  id: string,
  date: string,
  status: SupervisionSessionFieldsFragment['status'],
  extra: Partial<SupervisionSessionFieldsFragment> = {},
): SupervisionSessionFieldsFragment {
  return {
    __typename: 'SupervisionSession',
    id,
    sessionRef: null,
    date,
    durationMinutes: 60,
    format: 'ONE_TO_ONE',
    status,
    functions: status === 'HELD' ? ['NORMATIVE', 'RESTORATIVE'] : [],
    confirmedAt: null,
    supervisor: {
      __typename: 'Supervisor',
      id: CARYS.id,
      kind: 'INTERNAL',
      name: CARYS.name,
      staffMemberId: 'p9',
    },
    attendees: [{ __typename: 'StaffRef', id: 'p1', displayName: 'Aisha Jones' }],
    actions: [],
    ...extra,
  };
}

function sessionsMock(nodes: SupervisionSessionFieldsFragment[]): MockLink.MockedResponse {
  return {
    request: { query: SupervisionSessionsDocument, variables: { filter: {}, page: { first: 50 } } },
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
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function agreement(
  id: string,
  name: string,
  reviewDueDate: string | null,
): SupervisionAgreementFieldsFragment {
  return {
    __typename: 'SupervisionAgreement',
    id,
    agreementRef: null,
    active: true,
    staffMemberId: `staff-${id}`,
    supervisee: { __typename: 'StaffRef', id: `staff-${id}`, displayName: name },
    supervisor: {
      __typename: 'Supervisor',
      id: CARYS.id,
      kind: 'INTERNAL',
      name: CARYS.name,
      staffMemberId: 'p9',
    },
    interval: 'MONTHLY',
    sessionMinutes: 60,
    startDate: '2025-01-06',
    endDate: null,
    reviewDueDate,
    lastReviewedOn: null,
    countedFormats: null,
  };
}

function agreementsMock(
  filter: object | null,
  nodes: SupervisionAgreementFieldsFragment[],
): MockLink.MockedResponse {
  return {
    request: { query: SupervisionAgreementsDocument, variables: { filter, page: { first: 100 } } },
    result: {
      data: {
        agreements: {
          __typename: 'SupervisionAgreementConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          nodes,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      Array.from((row as HTMLTableRowElement).cells).map((cell) => cell.textContent ?? ''),
    );
}

beforeEach(() => fixToday(TODAY));
afterEach(() => jest.useRealTimers());

describe('the Supervision page', () => {
  it('shows the figures, the agreements due for review and the sessions, with their changes', async () => {
    const download = jest.spyOn(csv, 'downloadCsv').mockImplementation(() => undefined);
    renderPage(<SupervisionPage />, {
      path: '/supervision',
      routePath: '/supervision/*',
      mocks: [
        directoryMock(PEOPLE),
        optionsMock,
        agreementsMock({ reviewOverdueOn: TODAY }, [agreement('a1', 'Ben Okafor', '2026-03-15')]),
        sessionsMock([
          session('s2', '2026-04-02', 'SCHEDULED'),
          session('s1', '2026-03-20', 'HELD', { confirmedAt: '2026-03-21T09:00:00.000Z' }),
        ]),
      ],
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Supervision');
    expect(await screen.findByRole('region', { name: 'Supervision figures' })).toBeTruthy();
    expect(
      screen.getByText(/Holdspace records that supervision happened, never what was said/),
    ).toBeTruthy();

    const due = await screen.findByRole('table', { name: /due for review/ });
    expect(rowsOf(due)[0]?.slice(0, 6)).toEqual([
      'Ben Okafor',
      'Carys Evans',
      'Every month',
      '60 minutes',
      '6 January 2025',
      'Due for reviewWas due 15 March 2026 (12 days ago)',
    ]);

    const table = await screen.findByRole('table', { name: 'Supervision sessions, newest first' });
    const rows = rowsOf(table);
    expect(rows.map((r) => r.slice(0, 8))).toEqual([
      [
        '2 April 2026',
        'Aisha Jones',
        'Carys Evans',
        'One-to-one',
        'Scheduled',
        '60 minutes',
        '',
        '',
      ],
      [
        '20 March 2026',
        'Aisha Jones',
        'Carys Evans',
        'One-to-one',
        'Held',
        '60 minutes',
        'Normative, Restorative',
        'Confirmed 21 March 2026',
      ],
    ]);
    // A future session can be held, cancelled, not yet "did not attend"; a held one gets actions.
    const [scheduled, held] = within(table).getAllByRole('row').slice(1) as HTMLElement[];
    expect(
      within(scheduled!)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      '2 April 2026',
      'Mark held: the one-to-one session on 2 April 2026 with Aisha Jones',
      'Cancel: the one-to-one session on 2 April 2026 with Aisha Jones',
    ]);
    expect(
      within(held!)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      '20 March 2026',
      'Add an action to the one-to-one session on 20 March 2026 with Aisha Jones',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV of the sessions shown' }));
    expect(download).toHaveBeenCalledWith(
      'holdspace-supervision-sessions-2026-03-27.csv',
      expect.stringContaining(
        '20 March 2026,Aisha Jones,Carys Evans,One-to-one,Held,60 minutes,"Normative, Restorative",Confirmed 21 March 2026\r\n',
      ),
    );
  });

  it('shows analysts the figures only', async () => {
    renderPage(<SupervisionPage />, {
      role: 'ANALYST',
      path: '/supervision',
      routePath: '/supervision/*',
    });
    expect(await screen.findByRole('region', { name: 'Supervision figures' })).toBeTruthy();
    expect(screen.getByText(/Individual agreements and sessions are kept for/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('recording a held session', () => {
  function renderForm(
    mocks: MockLink.MockedResponse[] = [],
    role: 'ORG_ADMIN' | 'SUPERVISOR' = 'ORG_ADMIN',
  ) {
    return renderPage(<SupervisionPage />, {
      role,
      path: '/supervision/sessions/record',
      routePath: '/supervision/*',
      mocks: [directoryMock(PEOPLE), optionsMock, ...mocks],
    });
  }

  const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

  it('says what is missing in an error summary linking to each field', async () => {
    renderForm();
    await screen.findByRole('button', { name: 'Record session' });
    expect(screen.getByText(/never what was said/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record session' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Enter the date of the session', '#date'],
      ['Select the format of the session', '#format'],
      ['Select the supervisor', '#supervisorId'],
      ['Select at least one attendee', '#attendeeIds'],
      ['Enter how long the session lasted, in minutes', '#durationMinutes'],
    ]);
    expect(document.title).toBe('Error: Record a held session – Holdspace');
  });

  it('asks for one supervisee for a one-to-one, explains the functions, and records it', async () => {
    const input = {
      date: '2026-03-26',
      durationMinutes: 50,
      format: 'ONE_TO_ONE',
      supervisorId: 'sv-1',
      attendeeIds: ['p1'],
      functions: ['FORMATIVE', 'RESTORATIVE'],
    };
    const recorded = jest.fn(() => ({
      data: { recordHeldSession: session('new', '2026-03-26', 'HELD', { durationMinutes: 50 }) },
    }));
    const { router } = renderForm([
      {
        request: { query: SupervisionRecordHeldSessionDocument, variables: { input } },
        result: recorded,
      },
    ]);
    await screen.findByRole('button', { name: 'Record session' });
    fireEvent.change(field('Date of the session'), { target: { value: '26/3/2026' } });
    fireEvent.click(field('One-to-one'));
    fireEvent.change(field('Supervisor'), { target: { value: 'sv-1' } });
    const supervisee = field('Supervisee') as unknown as HTMLSelectElement;
    expect(Array.from(supervisee.options).map((o) => o.text)).toEqual([
      'Choose a person',
      'Aisha Jones (NOR-1)',
      'Ben Okafor (NOR-2)',
      'Sam Admin (NOR-3)',
    ]);
    fireEvent.change(supervisee, { target: { value: 'p1' } });
    fireEvent.change(field('How long it lasted, in minutes'), { target: { value: '50' } });
    expect(screen.getByText(/the emotional impact of the work/)).toBeTruthy();
    fireEvent.click(field('Restorative'));
    fireEvent.click(field('Formative'));
    fireEvent.click(screen.getByRole('button', { name: 'Record session' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/supervision'));
    expect(recorded).toHaveBeenCalled();
    expect((router.state.location.state as { flash?: string } | null)?.flash).toBe(
      'Recorded the one-to-one session on 26 March 2026 with Aisha Jones.',
    );
  });

  it('shows the API’s reason by the field it is about', async () => {
    const input = {
      date: '2026-03-26',
      durationMinutes: 480,
      format: 'GROUP',
      supervisorId: 'sv-1',
      attendeeIds: ['p1', 'p2'],
      functions: [],
    };
    renderForm([
      {
        request: { query: SupervisionRecordHeldSessionDocument, variables: { input } },
        result: {
          errors: [
            {
              message: 'Every attendee must be in post on the session date.',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.attendeeIds' },
            },
          ],
        },
      },
    ]);
    await screen.findByRole('button', { name: 'Record session' });
    fireEvent.change(field('Date of the session'), { target: { value: '26/03/2026' } });
    fireEvent.click(field('Group'));
    fireEvent.change(field('Supervisor'), { target: { value: 'sv-1' } });
    fireEvent.click(field('Aisha Jones (NOR-1)'));
    fireEvent.click(field('Ben Okafor (NOR-2)'));
    fireEvent.change(field('How long it lasted, in minutes'), { target: { value: '480' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record session' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#attendeeIds');
    expect(document.getElementById('attendeeIds-error')?.textContent).toBe(
      'Error: Every attendee must be in post on the session date.',
    );
  });

  it('chooses a supervisor in advance and leaves them out of the attendees', async () => {
    renderForm([], 'SUPERVISOR');
    await screen.findByRole('button', { name: 'Record session' });
    const supervisor = field('Supervisor') as unknown as HTMLSelectElement;
    expect(supervisor.value).toBe('sv-2');
    expect(Array.from(supervisor.options).map((o) => o.text)).toEqual([
      'Choose a supervisor',
      'Sam Admin',
    ]);
    expect(screen.queryByLabelText('Sam Admin (NOR-3)')).toBeNull();
    expect(screen.getByLabelText('Aisha Jones (NOR-1)')).toBeTruthy();
  });
});
