import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  MetricsSectionContextDocument,
  SupervisionMetricsDocument,
  SupervisionOverdueListDocument,
} from '../gql/graphql';
import * as csv from '../shell/csv';
import { fixToday, renderPage } from '../people/test-harness';
import SupervisionMetrics, { OVERDUE_PAGE_SIZE } from './supervision-metrics';

// The drawing (recharts) is not what these tests are about; jsdom cannot measure it.
jest.mock('../shell/charts/chart-svg', () => ({
  LineSvg: () => <svg data-testid="line-svg" />,
  BarSvg: () => <svg data-testid="bar-svg" />,
}));

const TODAY = '2026-11-22';
interface Input {
  from: string;
  to: string;
  months: number;
  serviceIds: string[] | null;
  practitionerTypes: string[] | null;
}

const INPUT: Input = {
  from: '2025-11-23',
  to: TODAY,
  months: 12,
  serviceIds: null,
  practitionerTypes: null,
};

const figure = (value: number | null, numerator: number, denominator: number) => ({
  __typename: 'Figure' as const,
  value,
  numerator,
  denominator,
});

const SERVICES = [
  { __typename: 'Service' as const, id: 'a1', name: 'Family support' },
  { __typename: 'Service' as const, id: 'b2', name: 'Outreach' },
];

const contextMock: MockLink.MockedResponse = {
  request: { query: MetricsSectionContextDocument },
  result: {
    data: {
      services: SERVICES,
      organisationSettings: { __typename: 'OrganisationSettings', suppressionThreshold: 5 },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function month(m: string, to: string, value: number, numerator: number, denominator: number) {
  return {
    __typename: 'MetricsMonth' as const,
    month: m,
    from: `${m}-01`,
    to,
    suppressed: false,
    suppressionReason: null,
    coverage: figure(value, numerator, denominator),
  };
}

function overview(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'MetricsOverview' as const,
    period: { __typename: 'MetricsPeriod' as const, from: INPUT.from, to: TODAY, days: 365 },
    seriesPeriod: { __typename: 'MetricsPeriod' as const, from: '2025-12-01', to: TODAY },
    suppressed: false,
    suppressionReason: null,
    headlines: {
      __typename: 'MetricsHeadlines' as const,
      eligible: 43,
      overdueCount: 10,
      agreementsReviewOverdue: 31,
      coverage: figure(76.74418604651163, 33, 43),
      sessionsHeldVsExpected: figure(89.21730930194455, 471, 527.9244618395303),
      cancellationRate: figure(10.609480812641083, 47, 443),
      supervisionHoursPerWorkerPerMonth: figure(1.2291666666666667, 560.5, 456),
    },
    monthlySeries: [
      month('2025-12', '2025-12-31', 78.78787878787878, 26, 33),
      month('2026-11', TODAY, 76.74418604651163, 33, 43),
    ],
    formatMix: [
      { __typename: 'FormatCount' as const, format: 'ONE_TO_ONE' as const, sessions: 329 },
      { __typename: 'FormatCount' as const, format: 'GROUP' as const, sessions: 43 },
      { __typename: 'FormatCount' as const, format: 'PEER' as const, sessions: 23 },
      { __typename: 'FormatCount' as const, format: 'CASE_CONSULTATION' as const, sessions: 1 },
    ],
    functionMix: [
      { __typename: 'FunctionCount' as const, function: 'NORMATIVE' as const, sessions: 266 },
      { __typename: 'FunctionCount' as const, function: 'FORMATIVE' as const, sessions: 274 },
      { __typename: 'FunctionCount' as const, function: 'RESTORATIVE' as const, sessions: 283 },
    ],
    ...extra,
  };
}

function metricsMock(input = INPUT, data = overview()): MockLink.MockedResponse {
  return {
    request: { query: SupervisionMetricsDocument, variables: { input } },
    result: { data: { metricsOverview: data } },
  };
}

function overdueNode(
  n: number,
  days: number,
): {
  __typename: 'OverdueSupervision';
  staffId: string;
  displayName: string | null;
  staffRef: string | null;
  serviceId: string;
  dueDate: string;
  daysOverdue: number;
} {
  return {
    __typename: 'OverdueSupervision' as const,
    staffId: `p${n}`,
    displayName: `Person ${n}`,
    staffRef: `NOR-${n}`,
    serviceId: n % 2 ? 'a1' : 'b2',
    dueDate: '2026-11-01',
    daysOverdue: days,
  };
}

function overdueMock(
  nodes: ReturnType<typeof overdueNode>[],
  {
    after = null as string | null,
    totalCount = nodes.length,
    endCursor = null as string | null,
    on = TODAY,
  } = {},
): MockLink.MockedResponse {
  return {
    request: {
      query: SupervisionOverdueListDocument,
      variables: {
        input: { on, serviceIds: null, practitionerTypes: null },
        page: { first: OVERDUE_PAGE_SIZE, after },
      },
    },
    result: {
      data: {
        overdueSupervision: {
          __typename: 'OverdueConnection',
          totalCount,
          pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage: endCursor !== null },
          nodes,
        },
      },
    },
  };
}

beforeEach(() => fixToday(TODAY));
afterEach(() => jest.useRealTimers());

describe('for an organisation admin', () => {
  test('the headline figures, with the numbers behind them and what they mean', async () => {
    renderPage(<SupervisionMetrics />, {
      mocks: [contextMock, metricsMock(), overdueMock([overdueNode(1, 75)])],
    });
    const figures = await screen.findByRole('region', { name: 'Supervision figures' });
    await within(figures).findByText('76.7%');
    const coverage = within(figures).getByRole('listitem', { name: 'Supervision coverage' });
    expect(coverage.textContent).toContain(
      '33 of 43 people who need supervision were in date on 22 November 2026.',
    );
    expect(within(coverage).getByText('What this means', { exact: false })).toBeTruthy();
    const overdue = within(figures).getByRole('listitem', { name: 'Overdue for supervision' });
    expect(overdue.textContent).toMatch(/10\s*people/);
    expect(within(overdue).getByRole('link', { name: 'See who is overdue' })).toBeTruthy();
    const review = within(figures).getByRole('listitem', { name: 'Agreements due for review' });
    expect(
      within(review)
        .getByRole('link', { name: 'See which agreements are due for review' })
        .getAttribute('href'),
    ).toBe('/supervision/agreements?show=review');
    for (const [name, value] of [
      ['Sessions held against expected', '89.2%'],
      ['Cancellation rate', '10.6%'],
      ['Supervision hours per worker per month', '1.2'],
    ]) {
      expect(within(figures).getByRole('listitem', { name }).textContent).toContain(value);
    }
    expect(
      screen.getByText(
        'Figures for everyone in Northside Family Support, 23 November 2025 to 22 November 2026.',
        { exact: false },
      ),
    ).toBeTruthy();
  });

  test('the overdue list, worst first, in kind words, with links and Export CSV', async () => {
    const download = jest.spyOn(csv, 'downloadCsv').mockImplementation(() => undefined);
    renderPage(<SupervisionMetrics />, {
      mocks: [
        contextMock,
        metricsMock(),
        overdueMock([overdueNode(1, 75), { ...overdueNode(2, 1), displayName: null }]),
      ],
    });
    const table = await screen.findByRole('table', {
      name: 'Overdue for supervision on 22 November 2026, most days overdue first',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      [
        'Person 1',
        'NOR-1',
        'Family support',
        '1 November 2026',
        'Overdue by 75 days',
        'Record a session for Person 1',
      ],
      [
        'NOR-2',
        'NOR-2',
        'Outreach',
        '1 November 2026',
        'Overdue by 1 day',
        'Record a session for NOR-2',
      ],
    ]);
    expect(within(table).getByRole('link', { name: 'Person 1' }).getAttribute('href')).toBe(
      '/people/p1',
    );
    expect(
      within(table)
        .getByRole('link', { name: 'Record a session for Person 1' })
        .getAttribute('href'),
    ).toBe('/supervision/sessions/record?person=p1');
    expect(screen.getByText('Showing 1 to 2 of 2 people')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV of the overdue list shown' }));
    expect(download).toHaveBeenCalledWith(
      'holdspace-overdue-for-supervision-2026-11-22.csv',
      'Name,Reference,Service,Due date,Overdue by\r\n' +
        'Person 1,NOR-1,Family support,1 November 2026,Overdue by 75 days\r\n' +
        'NOR-2,NOR-2,Outreach,1 November 2026,Overdue by 1 day\r\n',
    );
  });

  test('pages through a long overdue list, and back', async () => {
    const first = Array.from({ length: OVERDUE_PAGE_SIZE }, (_, i) => overdueNode(i + 1, 100 - i));
    const second = [overdueNode(26, 3), overdueNode(27, 2)];
    renderPage(<SupervisionMetrics />, {
      mocks: [
        contextMock,
        metricsMock(),
        overdueMock(first, { totalCount: 27, endCursor: 'c1' }),
        overdueMock(second, { totalCount: 27, after: 'c1' }),
      ],
    });
    await screen.findByText('Showing 1 to 25 of 27 people');
    expect(screen.getByRole('table', { name: /\(page 1 of 2\)/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Previous/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next page of the overdue list' }));
    await screen.findByText('Showing 26 to 27 of 27 people');
    const table = screen.getByRole('table', { name: /\(page 2 of 2\)/ });
    expect(within(table).getByText('Overdue by 3 days')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(table));
    expect(screen.queryByRole('button', { name: /^Next/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Previous page of the overdue list' }));
    await screen.findByText('Showing 1 to 25 of 27 people');
  });

  test('no one overdue: says so plainly', async () => {
    renderPage(<SupervisionMetrics />, {
      mocks: [contextMock, metricsMock(), overdueMock([])],
    });
    await screen.findByText(
      'No one who needs supervision is overdue today (22 November 2026). Everyone is in date.',
    );
  });

  test('the coverage trend and the mixes have their summaries and charts', async () => {
    renderPage(<SupervisionMetrics />, {
      mocks: [contextMock, metricsMock(), overdueMock([])],
    });
    await screen.findByRole('heading', { name: 'Supervision coverage at the end of each month' });
    expect(
      screen.getByText(
        'Coverage was 76.7% in November 2026 (to 22 November), down 2 percentage points from 78.8% in December 2025.',
        { exact: false },
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        '396 sessions held in the period: 329 one-to-one (83.1%), 43 group (10.9%), 23 peer (5.8%) and 1 case consultation (0.3%).',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/^Of the 396 sessions held, 266 served a normative function/),
    ).toBeTruthy();

    // "View as table" shows the same numbers.
    fireEvent.click(
      screen.getByRole('button', { name: /^View as table\W+Sessions held, by format\W*$/ }),
    );
    const table = await screen.findByRole('table', { name: 'Sessions held, by format' });
    expect(within(table).getByText('329 (83.1%)')).toBeTruthy();
  });

  test('choosing a period and a service puts them in the address and fetches their figures', async () => {
    const input = {
      ...INPUT,
      from: '2026-10-01',
      to: '2026-10-31',
      serviceIds: ['b2'],
    };
    const { router } = renderPage(<SupervisionMetrics />, {
      path: '/supervision?status=HELD',
      mocks: [
        contextMock,
        metricsMock(),
        overdueMock([]),
        metricsMock(input, overview({ headlines: { ...overview().headlines, overdueCount: 2 } })),
        {
          ...overdueMock([], { on: '2026-10-31' }),
          request: {
            query: SupervisionOverdueListDocument,
            variables: {
              input: { on: '2026-10-31', serviceIds: ['b2'], practitionerTypes: null },
              page: { first: OVERDUE_PAGE_SIZE, after: null },
            },
          },
        },
      ],
    });
    await screen.findByText('76.7%');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'last-month' } });
    fireEvent.change(screen.getByLabelText('Service'), { target: { value: 'b2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show figures' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?status=HELD&period=last-month&service=b2'),
    );
    await screen.findByText('Figures for Outreach, 1 October 2026 to 31 October 2026.', {
      exact: false,
    });
    await screen.findByText('No one who needs supervision is overdue on 31 October 2026.', {
      exact: false,
    });
    const overdue = await screen.findByRole('listitem', { name: 'Overdue for supervision' });
    expect(overdue.textContent).toMatch(/^Overdue for supervision2\s*people/);
  });

  test('an error says what went wrong and offers to try again', async () => {
    renderPage(<SupervisionMetrics />, {
      mocks: [
        contextMock,
        {
          request: { query: SupervisionMetricsDocument, variables: { input: INPUT } },
          result: {
            errors: [
              {
                message: 'Down',
                extensions: { code: 'SERVICE_UNAVAILABLE' },
              } as never,
            ],
          },
        },
        overdueMock([]),
      ],
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('for other roles', () => {
  test('an analyst sees the figures and a plain note instead of the overdue list', async () => {
    renderPage(<SupervisionMetrics />, {
      role: 'ANALYST',
      // No overdue query: it would be refused.
      mocks: [contextMock, metricsMock()],
    });
    await screen.findByText('76.7%');
    const section = screen.getByRole('region', { name: 'Overdue for supervision' });
    expect(section.textContent).toContain(
      'The list of people overdue for supervision names individuals, so it is shown to organisation admins and service managers only.',
    );
    expect(within(section).queryByRole('table')).toBeNull();
    // Analysts see no agreements list.
    expect(
      screen.queryByRole('link', { name: 'See which agreements are due for review' }),
    ).toBeNull();
  });

  test('a refused overdue list shows the same note', async () => {
    renderPage(<SupervisionMetrics />, {
      mocks: [
        contextMock,
        metricsMock(),
        {
          request: overdueMock([]).request,
          result: {
            errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } } as never],
          },
        },
      ],
    });
    await screen.findByText(/names individuals, so it is shown to organisation admins/);
  });

  test('a supervisor is told where the figures are, and nothing is fetched', () => {
    renderPage(<SupervisionMetrics />, { role: 'SUPERVISOR', mocks: [] });
    expect(screen.getByRole('heading', { name: 'Supervision figures' })).toBeTruthy();
    expect(
      screen.getByText(/shown to organisation admins, service managers and analysts/),
    ).toBeTruthy();
  });

  test('hidden figures say why', async () => {
    renderPage(<SupervisionMetrics />, {
      role: 'ANALYST',
      mocks: [
        contextMock,
        metricsMock(
          INPUT,
          overview({
            suppressed: true,
            suppressionReason: 'BELOW_THRESHOLD',
            headlines: null,
            formatMix: null,
            functionMix: null,
          }),
        ),
      ],
    });
    await screen.findByText(/Figures about fewer than 5 people are not shown/);
    expect(screen.queryByRole('heading', { name: /Coverage month by month/ })).toBeNull();
  });

  test('a service manager with one service is not offered a choice of service', async () => {
    renderPage(<SupervisionMetrics />, {
      role: 'SERVICE_MANAGER',
      managedServiceIds: ['b2'],
      mocks: [contextMock, metricsMock(), overdueMock([])],
    });
    await screen.findByText('76.7%');
    expect(screen.queryByLabelText('Service')).toBeNull();
    expect(screen.getByText(/Figures for your service \(Outreach\)/)).toBeTruthy();
  });
});
