import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  AbsenceEpisodesDocument,
  AbsenceOpenDocument,
  type AbsenceEpisodeFieldsFragment,
} from '../gql/graphql';
import { directoryMock, directoryPerson, fixToday, renderPage } from '../people/test-harness';
import AbsenceAndTurnoverPage from './absence-and-turnover-page';

// The rates and trends have their own tests (absence-metrics.test.tsx).
jest.mock('./absence-metrics', () => ({
  __esModule: true,
  default: () => <section aria-label="Rates and trends">Charts go here</section>,
}));

const PEOPLE = [
  directoryPerson('p1', 'Aisha Jones', { staffRef: 'NOR-1' }),
  directoryPerson('p2', 'Ben Okafor', { staffRef: 'NOR-2', endDate: '2026-06-30' }),
];

function episode(
  id: string,
  staffMemberId: string,
  startDate: string,
  endDate: string | null,
): AbsenceEpisodeFieldsFragment {
  return {
    __typename: 'AbsenceEpisode',
    id,
    staffMemberId,
    startDate,
    endDate,
    ongoing: endDate === null,
    reason: 'MENTAL_HEALTH',
    absenceRef: null,
  };
}

function episodesMock(nodes: AbsenceEpisodeFieldsFragment[]) {
  return {
    request: { query: AbsenceEpisodesDocument, variables: { filter: {}, page: { first: 50 } } },
    result: {
      data: {
        absenceEpisodes: {
          __typename: 'AbsenceEpisodeConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          nodes,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

beforeEach(() => fixToday('2026-11-22'));
afterEach(() => jest.useRealTimers());

describe('the Absence & turnover page', () => {
  it('shows the rates and trends, then the records with names, lengths and actions', async () => {
    renderPage(<AbsenceAndTurnoverPage />, {
      path: '/absence-and-turnover',
      routePath: '/absence-and-turnover/*',
      mocks: [
        directoryMock(PEOPLE),
        episodesMock([
          episode('e1', 'p1', '2026-11-19', null),
          episode('e2', 'p2', '2026-03-01', '2026-03-12'),
        ]),
      ],
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Absence & turnover');
    expect(await screen.findByRole('region', { name: 'Rates and trends' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: /Absence records/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        Array.from((row as HTMLTableRowElement).cells).map((cell) => cell.textContent),
      ),
    ).toEqual([
      [
        'Aisha Jones',
        'Outreach',
        '19 November 2026',
        'Ongoing',
        '4 days so far',
        'Mental health',
        '',
        'Close the absence of Aisha Jones from 19 November 2026Correct the absence of Aisha Jones from 19 November 2026',
      ],
      [
        'Ben Okafor',
        'Outreach',
        '1 March 2026',
        '12 March 2026',
        '12 days',
        'Mental health',
        '',
        'Correct the absence of Ben Okafor from 1 March 2026',
      ],
    ]);
    expect(screen.getByText(/never medical details/)).toBeTruthy();
  });

  it('shows an analyst the figures but no individual records', async () => {
    renderPage(<AbsenceAndTurnoverPage />, {
      role: 'ANALYST',
      path: '/absence-and-turnover',
      routePath: '/absence-and-turnover/*',
      // No mocks for records: asking for them would fail the test.
      mocks: [],
    });
    expect(await screen.findByRole('region', { name: 'Rates and trends' })).toBeTruthy();
    expect(screen.getByText(/Individual absence records are kept for/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Record an absence' })).toBeNull();
  });

  it('offers a next step when nothing is recorded', async () => {
    renderPage(<AbsenceAndTurnoverPage />, {
      path: '/absence-and-turnover',
      routePath: '/absence-and-turnover/*',
      mocks: [directoryMock(PEOPLE), episodesMock([])],
    });
    await screen.findByRole('heading', { name: 'No absence recorded yet' });
    expect(screen.getByRole('link', { name: 'import absence records' })).toBeTruthy();
  });
});

describe('recording an absence', () => {
  it('checks the form, then records it and says so on the list', async () => {
    const input = {
      staffMemberId: 'p1',
      startDate: '2026-11-19',
      reason: 'MINOR_ILLNESS' as const,
    };
    const { router } = renderPage(<AbsenceAndTurnoverPage />, {
      path: '/absence-and-turnover/record?person=p1',
      routePath: '/absence-and-turnover/*',
      mocks: [
        directoryMock(PEOPLE),
        {
          request: { query: AbsenceOpenDocument, variables: { input } },
          result: {
            data: {
              openAbsence: { ...episode('e9', 'p1', '2026-11-19', null), reason: 'MINOR_ILLNESS' },
            },
          },
        },
        episodesMock([]),
      ],
    });
    const person = (await screen.findByLabelText('Person')) as HTMLSelectElement;
    // Chosen from the person's page.
    expect(person.value).toBe('p1');
    expect(
      within(person)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a person', 'Aisha Jones (NOR-1)', 'Ben Okafor (NOR-2), left']);
    expect(screen.getByText(/Do not record medical details/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('First day absent'), {
      target: { value: '1/1/2020' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record absence' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'The first day absent must be on or after their start date (1 January 2024)',
      'Select a reason category',
    ]);

    fireEvent.change(screen.getByLabelText('First day absent'), {
      target: { value: '19/11/2026' },
    });
    fireEvent.click(screen.getByLabelText('Minor illness'));
    fireEvent.click(screen.getByRole('button', { name: 'Record absence' }));
    // Back to the person's page it came from.
    await waitFor(() => expect(router.state.location.pathname).toBe('/people/p1'));
    expect(router.state.location.state).toEqual({
      flash: 'Recorded an ongoing absence for Aisha Jones from 19 November 2026.',
    });
  });
});
