import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  CommissionerComparisonDocument,
  SharingAgreementsDocument,
  type CommissionerComparisonInput,
} from '../gql/graphql';
import { renderWithViewer } from '../settings/test-viewer';
import { todayIn } from '../shell/date-input';
import CommissioningPage from './commissioning-page';
import { addMonthsTo, monthBefore } from './comparison-params';
import { agreement, comparison } from './test-fixtures';

// The drawings (recharts) are not what these tests are about; jsdom cannot measure them.
jest.mock('./comparison-charts-svg', () => ({
  BandBarsSvg: () => <svg data-testid="band-svg" />,
  ScatterSvg: () => <svg data-testid="scatter-svg" />,
  TrendBandSvg: () => <svg data-testid="trend-svg" />,
}));

const LATEST = monthBefore(todayIn('Europe/London'));
const FIRST = addMonthsTo(LATEST, -11);

const agreementsMock = (agreements = [agreement({ id: 'a1' })]): MockLink.MockedResponse => ({
  request: { query: SharingAgreementsDocument },
  result: { data: { sharingAgreements: agreements } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

function comparisonMock(
  input: CommissionerComparisonInput,
  result: MockLink.MockedResponse['result'] = {
    data: {
      commissionerComparison: comparison(
        String(input.fromMonth).slice(0, 7),
        String(input.toMonth).slice(0, 7),
      ),
    },
  },
): MockLink.MockedResponse {
  return {
    request: { query: CommissionerComparisonDocument, variables: { input } },
    result,
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const DEFAULT_INPUT: CommissionerComparisonInput = {
  fromMonth: `${FIRST}-01`,
  toMonth: `${LATEST}-01`,
  providerKinds: null,
  practitionerType: null,
};

function render(
  path = '/commissioning',
  mocks = [agreementsMock(), comparisonMock(DEFAULT_INPUT)],
) {
  return renderWithViewer(<CommissioningPage />, {
    role: 'COMMISSIONER_ANALYST',
    kind: 'COMMISSIONER',
    path,
    routePath: '/commissioning/*',
    mocks,
  });
}

async function comparisonTable(): Promise<HTMLTableElement> {
  const caption = await screen.findByText(/^Services compared,/);
  return caption.closest('table') as HTMLTableElement;
}

function firstColumn(table: HTMLTableElement): string[] {
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('the comparison', () => {
  it('shows the latest 12 months: every shared service, the total and the benchmark', async () => {
    render();
    expect(screen.getByRole('heading', { level: 1, name: 'Commissioning' })).toBeTruthy();
    const table = await comparisonTable();
    expect(firstColumn(table)).toEqual([
      'Outreach',
      'Counselling',
      'Pastoral',
      'Safeguarding',
      'Family support',
      'All compared services',
      'Benchmark: lower quartile',
      'Benchmark: median',
      'Benchmark: upper quartile',
    ]);
    // The default period is shown in the form and said in words.
    expect((screen.getByLabelText('First month') as HTMLSelectElement).value).toBe(FIRST);
    expect((screen.getByLabelText('Last month') as HTMLSelectElement).value).toBe(LATEST);
    expect(
      screen.getByText(/^Showing .*: 5 services\. 2 services of 5 have figures not shown\./),
    ).toBeTruthy();
  });

  it('marks hidden figures in words, not by colour alone, and explains both reasons', async () => {
    render();
    const table = await comparisonTable();
    const pastoral = within(table).getByRole('rowheader', { name: 'Pastoral' }).closest('tr')!;
    const cells = within(pastoral).getAllByRole('cell');
    // Provider, kind, then the band and eight figures: all "Not shown" with the reason.
    expect(cells.slice(2).map((c) => c.textContent)).toEqual(
      Array.from({ length: 9 }, () => 'Not shown (fewer than 5 staff)'),
    );
    expect(pastoral.textContent).not.toMatch(/\d+\.\d%/);
    const safeguarding = within(table)
      .getByRole('rowheader', { name: 'Safeguarding' })
      .closest('tr')!;
    expect(within(safeguarding).getAllByRole('cell')[3]?.textContent).toBe(
      'Not shown (protects another hidden figure)',
    );
    expect(screen.getByText(/fewer than 5 staff stood behind the service’s figures/)).toBeTruthy();
    expect(
      screen.getByText(/otherwise a hidden figure could be worked out by subtraction/),
    ).toBeTruthy();
  });

  it('sorts by any column with its header button, saying how with aria-sort', async () => {
    render();
    const table = await comparisonTable();
    const header = within(table).getByRole('columnheader', { name: /^Coverage/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    const button = within(header).getByRole('button');
    // A native button: Enter and Space press it from the keyboard.
    expect(button.tagName).toBe('BUTTON');
    fireEvent.click(button);
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(firstColumn(table).slice(0, 5)).toEqual([
      'Counselling',
      'Outreach',
      'Family support',
      'Pastoral',
      'Safeguarding',
    ]);
    fireEvent.click(button);
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(firstColumn(table).slice(0, 3)).toEqual(['Family support', 'Outreach', 'Counselling']);
    // The total and the benchmark stay at the foot.
    expect(firstColumn(table).slice(5, 6)).toEqual(['All compared services']);

    const provider = within(table).getByRole('columnheader', { name: /^Provider/ });
    fireEvent.click(within(provider).getByRole('button'));
    expect(provider.getAttribute('aria-sort')).toBe('ascending');
    expect(header.getAttribute('aria-sort')).toBe('none');
    expect(firstColumn(table).slice(0, 5).slice(-2)).toEqual(['Pastoral', 'Safeguarding']);
    for (const column of within(table).getAllByRole('columnheader')) {
      expect(within(column).getByRole('button')).toBeTruthy();
    }
  });

  it('keeps the sort in the address: a header button writes it, other parameters stay', async () => {
    const { router } = render('/commissioning?metric=ABSENCE_RATE');
    const table = await comparisonTable();
    const header = within(table).getByRole('columnheader', { name: /^Coverage/ });
    fireEvent.click(within(header).getByRole('button'));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?metric=ABSENCE_RATE&sort=coverage'),
    );
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button'));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?metric=ABSENCE_RATE&sort=coverage&dir=desc'),
    );
    expect(header.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(
      within(within(table).getByRole('columnheader', { name: /^Kind of provider/ })).getByRole(
        'button',
      ),
    );
    await waitFor(() =>
      expect(router.state.location.search).toBe('?metric=ABSENCE_RATE&sort=kind'),
    );
    // The chosen figure is still charted.
    expect(
      screen.getByRole('heading', { name: 'Absence rate: each service against the benchmark' }),
    ).toBeTruthy();
  });

  it('shows a shared address sorted as it says', async () => {
    render('/commissioning?sort=coverage&dir=desc');
    const table = await comparisonTable();
    const header = within(table).getByRole('columnheader', { name: /^Coverage/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(firstColumn(table)).toEqual([
      'Family support',
      'Outreach',
      'Counselling',
      // Hidden figures last, then the total and the benchmark at the foot.
      'Pastoral',
      'Safeguarding',
      'All compared services',
      'Benchmark: lower quartile',
      'Benchmark: median',
      'Benchmark: upper quartile',
    ]);
    // Pressed again, it turns around, from the address's sort.
    fireEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'));
    expect(firstColumn(table).slice(0, 3)).toEqual(['Counselling', 'Outreach', 'Family support']);
  });

  it('shows the default order for a sort it does not know', async () => {
    render('/commissioning?sort=nonsense&dir=desc');
    const table = await comparisonTable();
    expect(firstColumn(table).slice(0, 5)).toEqual([
      'Outreach',
      'Counselling',
      'Pastoral',
      'Safeguarding',
      'Family support',
    ]);
    for (const column of within(table).getAllByRole('columnheader')) {
      expect(column.getAttribute('aria-sort')).toBe('none');
    }
  });

  it('keeps the sort when the filters are applied', async () => {
    const chosen = {
      fromMonth: `${addMonthsTo(LATEST, -2)}-01`,
      toMonth: `${LATEST}-01`,
      providerKinds: null,
      practitionerType: null,
    };
    const { router } = render('/commissioning?sort=coverage&dir=desc', [
      agreementsMock(),
      comparisonMock(DEFAULT_INPUT),
      comparisonMock(chosen),
    ]);
    await comparisonTable();
    fireEvent.change(screen.getByLabelText('First month'), {
      target: { value: addMonthsTo(LATEST, -2) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?sort=coverage&dir=desc&from=${addMonthsTo(LATEST, -2)}&to=${LATEST}`,
      ),
    );
    // The new period's table, drawn afresh, is sorted as the address says.
    const first = new Date(`${addMonthsTo(LATEST, -2)}-01T00:00:00Z`).toLocaleString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(await screen.findByText(new RegExp(`^Showing ${first} to `))).toBeTruthy();
    const table = await comparisonTable();
    await waitFor(() => expect(firstColumn(table)[0]).toBe('Family support'));
    expect(
      within(table)
        .getByRole('columnheader', { name: /^Coverage/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('reads the period and filters from the address and sends them', async () => {
    const input = {
      fromMonth: '2025-01-01',
      toMonth: '2025-06-01',
      providerKinds: ['NGO' as const],
      practitionerType: 'Social worker',
    };
    render('/commissioning?from=2025-01&to=2025-06&kind=NGO&type=Social+worker', [
      agreementsMock(),
      comparisonMock(input),
    ]);
    await comparisonTable();
    expect(screen.getByText(/^Showing January 2025 to June 2025/)).toBeTruthy();
    expect((screen.getByLabelText('First month') as HTMLSelectElement).value).toBe('2025-01');
    expect((screen.getByLabelText('Charity or NGO') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('School') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Practitioner type (optional)') as HTMLInputElement).value).toBe(
      'Social worker',
    );
  });

  it('puts applied filters in the address, and asks again', async () => {
    const chosen = {
      fromMonth: `${addMonthsTo(LATEST, -2)}-01`,
      toMonth: `${LATEST}-01`,
      providerKinds: ['SCHOOL' as const],
      practitionerType: null,
    };
    const { router } = render('/commissioning', [
      agreementsMock(),
      comparisonMock(DEFAULT_INPUT),
      comparisonMock(chosen, {
        data: {
          commissionerComparison: comparison(addMonthsTo(LATEST, -2), LATEST, []),
        },
      }),
    ]);
    await comparisonTable();
    fireEvent.change(screen.getByLabelText('First month'), {
      target: { value: addMonthsTo(LATEST, -2) },
    });
    fireEvent.click(screen.getByLabelText('School'));
    // Nothing changes until the filters are applied.
    expect(router.state.location.search).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?from=${addMonthsTo(LATEST, -2)}&to=${LATEST}&kind=SCHOOL`,
      ),
    );
    expect(await screen.findByText('No shared service matches these filters')).toBeTruthy();

    // Back to the default view.
    fireEvent.click(screen.getByRole('button', { name: /Show the latest 12 months/ }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await comparisonTable()).toBeTruthy();
  });

  it('keeps the chosen figure for the charts in the address', async () => {
    const { router } = render();
    await comparisonTable();
    expect(
      screen.getByRole('heading', { name: 'Coverage: each service against the benchmark' }),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Figure to chart'), {
      target: { value: 'ABSENCE_RATE' },
    });
    await waitFor(() => expect(router.state.location.search).toBe('?metric=ABSENCE_RATE'));
    expect(
      screen.getByRole('heading', { name: 'Absence rate: each service against the benchmark' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Absence rate by month' })).toBeTruthy();
  });

  it('gives each chart a summary and a table, and calls the scatter an association', async () => {
    render();
    await comparisonTable();
    expect(screen.getByText(/^The median supervision coverage is 84\.4%/)).toBeTruthy();
    const scatter = screen
      .getByRole('heading', { name: 'Coverage and absence rate' })
      .closest('figure')!;
    expect(scatter.textContent).toContain('not evidence that one causes the other');
    expect(scatter.textContent).toContain('Association, not cause');
    fireEvent.click(within(scatter).getByRole('button', { name: /View as table/ }));
    const table = within(scatter).getByRole('table');
    expect(
      within(table).getByRole('rowheader', { name: 'Pastoral (Riverside Academy Trust)' }),
    ).toBeTruthy();
    expect(within(scatter).getByRole('button', { name: /Export CSV/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Coverage and turnover' })).toBeTruthy();
  });

  it('checks the period before sending it, GOV.UK style', async () => {
    const { router } = render();
    await comparisonTable();
    fireEvent.change(screen.getByLabelText('First month'), { target: { value: LATEST } });
    fireEvent.change(screen.getByLabelText('Last month', { exact: false }), {
      target: { value: addMonthsTo(LATEST, -1) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    const link = within(summary).getByRole('link', {
      name: 'The last month must be the same as or after the first month',
    });
    expect(link.getAttribute('href')).toBe('#comparison-to');
    expect(screen.getByLabelText(/Last month/).getAttribute('aria-invalid')).toBe('true');
    expect(router.state.location.search).toBe('');
  });

  it('explains how to ask a provider when nothing is shared yet', async () => {
    render('/commissioning', [
      agreementsMock([]),
      comparisonMock(DEFAULT_INPUT, {
        data: { commissionerComparison: comparison(FIRST, LATEST, []) },
      }),
    ]);
    expect(await screen.findByText('No provider shares its figures with you yet')).toBeTruthy();
    expect(screen.getByText(/enters the provider’s Holdspace address/)).toBeTruthy();
    // An analyst cannot ask; an admin gets a link to.
    expect(screen.getByText('Ask your organisation admin to send the request.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Ask a provider to share' })).toBeNull();
  });

  it('says when the comparison could not be loaded, with a way to try again', async () => {
    render('/commissioning', [
      agreementsMock(),
      comparisonMock(DEFAULT_INPUT, {
        errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      }),
    ]);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(alert.textContent).not.toContain('boom');
  });

  it('shows a loading state first', () => {
    render();
    expect(screen.getByText('Loading the comparison…')).toBeTruthy();
  });
});
