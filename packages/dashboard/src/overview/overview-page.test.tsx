import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OverviewContextDocument, OverviewDocument } from '../gql/graphql';
import { renderWithViewer } from '../settings/test-viewer';
import OverviewPage from './overview-page';
import { group, headlines, overview } from './test-fixtures';

// The drawings (recharts) cannot be measured in jsdom; the figures around them can.
jest.mock('../shell/charts/chart-svg', () => ({
  LineSvg: () => <svg data-testid="line-svg" />,
  BarSvg: () => <svg data-testid="bar-svg" />,
}));

const INPUT = { from: '2026-01-01', to: '2026-03-31', months: 12, serviceIds: null };
const PATH = '/overview?from=2026-01-01&to=2026-03-31';

const contextMock: MockLink.MockedResponse = {
  request: { query: OverviewContextDocument },
  result: {
    data: {
      services: [
        { __typename: 'Service', id: 'aa1', name: 'Outreach' },
        { __typename: 'Service', id: 'bb2', name: 'Counselling' },
      ],
      organisationSettings: {
        __typename: 'OrganisationSettings',
        suppressionThreshold: 5,
        currency: 'GBP',
        supervisionCostPerWorkerYear: 563,
        recruitmentCostPerLeaver: 1612,
        costDefaultsSource: 'One charity’s evaluation.',
      },
    },
  },
  maxUsageCount: 5,
};

function overviewMock(
  data: ReturnType<typeof overview>,
  input: object = INPUT,
): MockLink.MockedResponse {
  return {
    request: { query: OverviewDocument, variables: { input } },
    result: { data: { metricsOverview: data } },
    maxUsageCount: 5,
  };
}

describe('the Overview page', () => {
  it('shows the headline cards, trends and breakdowns, with a hidden group marked', async () => {
    renderWithViewer(<OverviewPage />, {
      path: PATH,
      mocks: [contextMock, overviewMock(overview())],
    });
    expect(screen.getByRole('status').textContent).toContain('Loading the overview');
    await screen.findByRole('heading', { name: 'Headline figures' });
    const card = document.getElementById('card-coverage') as HTMLElement;
    expect(within(card).getByText('84.4%')).toBeTruthy();
    expect(within(card).getByText('38 of 45 people in date on 22 November 2026')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See who is overdue' }).getAttribute('href')).toBe(
      '/supervision',
    );
    const table = screen.getByRole('table', { name: /Figures by service/ });
    const counselling = within(table).getByRole('rowheader', { name: 'Counselling' })
      .parentElement as HTMLElement;
    expect(within(counselling).getAllByText('Not shown: fewer than 5 people')).toHaveLength(5);
    expect(counselling.textContent?.replace(/fewer than 5 people/g, '')).not.toMatch(/\d/);
    await act(async () => {});
  });

  it('puts applied filters in the address', async () => {
    const { router } = renderWithViewer(<OverviewPage />, {
      path: PATH,
      mocks: [
        contextMock,
        overviewMock(overview()),
        overviewMock(overview(), { ...INPUT, to: '2026-04-30', serviceIds: ['bb2'] }),
      ],
    });
    await screen.findByRole('heading', { name: 'Headline figures' });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('01/01/2026');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '30/4/2026' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Counselling' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?from=2026-01-01&to=2026-04-30&service=bb2'),
    );
    await waitFor(() =>
      expect(document.querySelector('.lead')?.textContent).toBe(
        'Northside Family Support: Counselling, 1 January 2026 to 30 April 2026.',
      ),
    );
    await act(async () => {});
  });

  it('shows the GOV.UK error summary for a date that does not exist, and keeps the address', async () => {
    const { router } = renderWithViewer(<OverviewPage />, {
      path: PATH,
      mocks: [contextMock, overviewMock(overview())],
    });
    await screen.findByRole('heading', { name: 'Headline figures' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '30/2/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const summary = await screen.findByRole('link', { name: 'The start date must be a real date' });
    expect(summary.getAttribute('href')).toBe('#filter-from');
    expect(router.state.location.search).toBe('?from=2026-01-01&to=2026-03-31');
  });

  it('asks an admin to import staff when there are none', async () => {
    renderWithViewer(<OverviewPage />, {
      path: PATH,
      mocks: [contextMock, overviewMock(overview({ headlines: headlines({ staffCount: 0 }) }))],
    });
    await screen.findByRole('heading', { name: 'No staff yet: import your staff' });
    expect(screen.getByRole('link', { name: 'Import your staff' }).getAttribute('href')).toBe(
      '/imports',
    );
  });

  it('says when the figures could not be loaded, and offers to try again', async () => {
    renderWithViewer(<OverviewPage />, {
      path: PATH,
      mocks: [
        contextMock,
        {
          request: { query: OverviewDocument, variables: { input: INPUT } },
          error: new Error('x'),
        },
      ],
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('hides every number when the whole overview is suppressed', async () => {
    const hidden = overview({
      suppressed: true,
      suppressionReason: 'BELOW_THRESHOLD',
      headlines: null,
      costCase: null,
      breakdownByService: {
        __typename: 'MetricsBreakdown',
        dimension: 'SERVICE',
        total: group(null, 'Total', null),
        groups: [],
      },
    });
    renderWithViewer(<OverviewPage />, {
      role: 'ANALYST',
      path: PATH,
      mocks: [contextMock, overviewMock(hidden)],
    });
    await screen.findByText(/These figures are about very few people/);
    const cards = screen.getByRole('heading', { name: 'Headline figures' })
      .parentElement as HTMLElement;
    expect(within(cards).getAllByText('Not shown: fewer than 5 people')).toHaveLength(5);
    expect(within(cards).queryByText(/%/)).toBeNull();
    await act(async () => {});
  });
});
