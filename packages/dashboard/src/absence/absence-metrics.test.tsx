import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { AbsenceMetricsDocument, MetricsSectionContextDocument } from '../gql/graphql';
import * as csv from '../shell/csv';
import { fixToday, renderPage } from '../people/test-harness';
import AbsenceMetrics from './absence-metrics';

// The drawing (recharts) is not what these tests are about; jsdom cannot measure it.
jest.mock('../shell/charts/chart-svg', () => ({
  LineSvg: () => <svg data-testid="line-svg" />,
  BarSvg: () => <svg data-testid="bar-svg" />,
}));

const TODAY = '2026-11-22';
const INPUT = {
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

const contextMock: MockLink.MockedResponse = {
  request: { query: MetricsSectionContextDocument },
  result: {
    data: {
      services: [{ __typename: 'Service', id: 'a1', name: 'Outreach' }],
      organisationSettings: { __typename: 'OrganisationSettings', suppressionThreshold: 5 },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function month(
  m: string,
  to: string,
  absence: ReturnType<typeof figure> | null,
  rolling: ReturnType<typeof figure> | null,
  suppressed = false,
) {
  return {
    __typename: 'MetricsMonth' as const,
    month: m,
    from: `${m}-01`,
    to,
    suppressed,
    suppressionReason: suppressed ? ('BELOW_THRESHOLD' as const) : null,
    headcount: suppressed ? null : 40,
    absenceRate: absence,
    rollingTurnoverRate: rolling,
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
      headcount: 45,
      averageHeadcount: 39.5,
      leavers: 1,
      absenceRate: figure(3.0971594577146546, 383.8, 12392),
      workingDaysLostPerEmployee: figure(7.594936708860759, 300, 39.5),
      longTermShare: figure(72.30328295987493, 277.5, 383.8),
      mentalHealthShare: figure(84.91401771756122, 325.9, 383.8),
      turnoverRate: figure(2.5316455696202533, 1, 39.5),
      voluntaryTurnoverRate: figure(2.5316455696202533, 1, 39.5),
      annualisedTurnoverRate: figure(2.5316455696202533, 1, 39.5),
      stabilityIndex: figure(97.05882352941177, 33, 34),
    },
    monthlySeries: [
      month('2025-12', '2025-12-31', figure(0.6430178973314757, 6, 933.1), figure(8.16, 2, 24.5)),
      month('2026-10', '2026-10-31', null, null, true),
      month('2026-11', TODAY, figure(4.362178731431266, 37, 848.2), figure(2.53, 1, 39.5)),
    ],
    leaversByReason: [
      { __typename: 'LeaverReasonCount' as const, reason: 'RESIGNATION' as const, leavers: 0 },
      { __typename: 'LeaverReasonCount' as const, reason: 'RETIREMENT' as const, leavers: 1 },
    ],
    absenceByReason: [
      {
        __typename: 'AbsenceReasonShare' as const,
        reason: 'MENTAL_HEALTH' as const,
        absentDays: 354,
        fteDaysLost: 325.9,
      },
      {
        __typename: 'AbsenceReasonShare' as const,
        reason: 'MINOR_ILLNESS' as const,
        absentDays: 26,
        fteDaysLost: 57.9,
      },
    ],
    ...extra,
  };
}

function metricsMock(data = overview()): MockLink.MockedResponse {
  return {
    request: { query: AbsenceMetricsDocument, variables: { input: INPUT } },
    result: { data: { metricsOverview: data } },
  };
}

beforeEach(() => fixToday(TODAY));
afterEach(() => jest.useRealTimers());

test('absence headlines with the numbers behind them and what they mean', async () => {
  renderPage(<AbsenceMetrics />, { mocks: [contextMock, metricsMock()] });
  const section = await screen.findByRole('region', { name: 'Sickness absence' });
  await within(section).findByText('3.1%');
  const rate = within(section).getByRole('listitem', { name: 'Sickness absence rate' });
  expect(rate.textContent).toContain(
    '383.8 FTE days lost to sickness, of 12,392 FTE days available.',
  );
  fireEvent.click(within(rate).getByText('What this means', { exact: false }));
  expect(within(rate).getByText(/NHS Digital/)).toBeTruthy();
  const days = within(section).getByRole('listitem', { name: 'Working days lost per employee' });
  expect(days.textContent).toMatch(/7\.6\s*days a year/);
  expect(days.textContent).toContain('300 working days lost over 39.5 worker-years.');
  expect(
    within(section).getByRole('listitem', { name: 'Long-term absence share' }).textContent,
  ).toContain('72.3%');
  expect(
    within(section).getByRole('listitem', { name: 'Mental-health share' }).textContent,
  ).toContain('84.9%');
});

test('turnover headlines, stability and the leavers', async () => {
  renderPage(<AbsenceMetrics />, { mocks: [contextMock, metricsMock()] });
  const section = await screen.findByRole('region', { name: 'Turnover and stability' });
  expect(within(section).getByRole('listitem', { name: 'Turnover' }).textContent).toContain(
    '1 leaver over an average headcount of 39.5.',
  );
  expect(
    within(section).getByRole('listitem', { name: 'Voluntary turnover' }).textContent,
  ).toContain('2.5%');
  expect(within(section).getByRole('listitem', { name: 'Stability index' }).textContent).toContain(
    '33 of the 34 people in post on 22 November 2025 are still in post on 22 November 2026.',
  );
  expect(
    within(section).getByText(
      '1 leaver in the period. By reason: retirement 1 (100.0%). Voluntary leavers (resignation or retirement): 1.',
    ),
  ).toBeTruthy();
});

test('the trends: summaries, and tables that say which months are hidden, with Export CSV', async () => {
  const download = jest.spyOn(csv, 'downloadCsv').mockImplementation(() => undefined);
  renderPage(<AbsenceMetrics />, { mocks: [contextMock, metricsMock()] });
  await screen.findByText(
    'The absence rate was 4.4% in November 2026 (to 22 November), up 3.7 percentage points from 0.6% in December 2025.',
    { exact: false },
  );
  fireEvent.click(
    screen.getByRole('button', { name: /^View as table\W+Sickness absence rate by month\W*$/ }),
  );
  const table = await screen.findByRole('table', { name: 'Sickness absence rate by month' });
  const rows = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);
  expect(rows[0]).toContain('December 2025');
  expect(rows[0]).toContain('0.6%');
  expect(rows[0]).toContain('6 FTE days lost of 933.1 FTE days available');
  expect(rows[1]).toContain('Not shown: fewer than 5 people');
  fireEvent.click(
    within(table.closest('figure') as HTMLElement).getByRole('button', { name: /Export CSV/ }),
  );
  expect(download).toHaveBeenCalledTimes(1);
  expect(download.mock.calls[0]?.[1]).toContain(
    'December 2025,0.6% (6 FTE days lost of 933.1 FTE days available)',
  );
});

test('absence by reason: FTE and calendar days, largest first', async () => {
  renderPage(<AbsenceMetrics />, { mocks: [contextMock, metricsMock()] });
  await screen.findByText(/^383.8 FTE days lost to sickness absence in the period/);
  fireEvent.click(
    screen.getByRole('button', { name: /^View as table\W+Days lost, by reason\W*$/ }),
  );
  const table = await screen.findByRole('table', { name: 'Days lost, by reason' });
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent);
  expect(headers.join('|')).toMatch(/Reason.*\|FTE days lost.*\|Calendar days lost/);
  const first = within(table).getAllByRole('row')[1];
  expect(first?.textContent).toContain('Mental health');
  expect(first?.textContent).toContain('325.9 (84.9%)');
  expect(first?.textContent).toContain('354');
});

test('hidden figures say why', async () => {
  renderPage(<AbsenceMetrics />, {
    role: 'ANALYST',
    mocks: [
      contextMock,
      metricsMock(
        overview({
          suppressed: true,
          suppressionReason: 'BELOW_THRESHOLD',
          headlines: null,
          leaversByReason: null,
          absenceByReason: null,
        }),
      ),
    ],
  });
  await screen.findByText(/Figures about fewer than 5 people are not shown/);
  expect(screen.queryByRole('region', { name: 'Turnover and stability' })).toBeNull();
});

test('no staff yet: says what to do next', async () => {
  renderPage(<AbsenceMetrics />, {
    mocks: [
      contextMock,
      metricsMock(
        overview({
          headlines: { ...overview().headlines, headcount: 0, averageHeadcount: 0 },
        }),
      ),
    ],
  });
  await screen.findByRole('heading', { name: 'No staff in this period' });
  expect(screen.getByRole('link', { name: 'Import your staff' }).getAttribute('href')).toBe(
    '/imports',
  );
});

test('roles that may not see figures get nothing (the page explains the rest)', () => {
  const { container } = renderPage(<AbsenceMetrics />, { role: 'SUPERVISOR', mocks: [] });
  expect(container.textContent).toBe('');
});
