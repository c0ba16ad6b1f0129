import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { BarChart } from './bar-chart';
import type { ChartRow } from './chart-data';
import { DataTable, sortRows, tableCsv, type DataTableRow } from './data-table';
import { TrendChart } from './trend-chart';

// The drawing (recharts) is not what these tests are about; jsdom cannot measure it.
jest.mock('./chart-svg', () => ({
  LineSvg: () => <svg data-testid="line-svg" />,
  BarSvg: () => <svg data-testid="bar-svg" />,
}));

const rows: ChartRow[] = [
  {
    key: '2026-01',
    label: 'January 2026',
    cells: { c: { value: 80, text: '80.0%', detail: '4 of 5 people in date' } },
  },
  {
    key: '2026-02',
    label: 'February 2026',
    cells: { c: { value: null, text: 'Not shown: fewer than 5 people', hidden: true } },
  },
];

describe('TrendChart', () => {
  it('shows its summary and swaps the drawing for a table of the same numbers', async () => {
    render(
      <TrendChart
        id="coverage-trend"
        title="Supervision coverage"
        summary="Coverage was 80.0% in January 2026."
        series={[{ key: 'c', label: 'Coverage' }]}
        rows={rows}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Supervision coverage' })).toBeTruthy();
    expect(screen.getByText('Coverage was 80.0% in January 2026.')).toBeTruthy();
    // The drawing is an image named by the title and the summary.
    expect(
      screen.getByRole('img', { name: 'Supervision coverage Coverage was 80.0% in January 2026.' }),
    ).toBeTruthy();
    await act(async () => {});
    expect(screen.getByTestId('line-svg')).toBeTruthy();

    const toggle = screen.getByRole('button', { name: /View as table/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const table = screen.getByRole('table', { name: 'Supervision coverage' });
    const cells = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(cells).toEqual([
      'MonthCoverage',
      'January 202680.0% (4 of 5 people in date)',
      'February 2026Not shown: fewer than 5 people',
    ]);
    expect(within(table).getAllByRole('columnheader')[0]?.getAttribute('scope')).toBe('col');
    expect(screen.queryByTestId('line-svg')).toBeNull();
    expect(screen.getByRole('button', { name: /Export CSV/ })).toBeTruthy();
  });
});

describe('BarChart', () => {
  it('has a key that names each series with its pattern', async () => {
    render(
      <BarChart
        title="Absence and turnover by service"
        summary="Outreach has the highest absence."
        categoryLabel="Service"
        series={[
          { key: 'a', label: 'Absence rate' },
          { key: 't', label: 'Turnover' },
        ]}
        rows={[
          {
            key: 's1',
            label: 'Outreach',
            cells: { a: { value: 4, text: '4.0%' }, t: { value: 10, text: '10.0%' } },
          },
        ]}
      />,
    );
    const key = screen.getByRole('list', { name: 'Key to Absence and turnover by service' });
    expect(
      within(key)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Absence rate (solid bars)', 'Turnover (hatch bars)']);
    await act(async () => {});
    expect(screen.getByTestId('bar-svg')).toBeTruthy();
  });
});

describe('DataTable', () => {
  const columns = [
    { key: 'name', label: 'Service', sortable: true },
    { key: 'coverage', label: 'Coverage', numeric: true, sortable: true },
  ];
  const tableRows: DataTableRow[] = [
    { key: 'a', cells: { name: { text: 'Outreach' }, coverage: { text: '75.0%', sortValue: 75 } } },
    {
      key: 'b',
      cells: { name: { text: 'Counselling' }, coverage: { text: '—', sortValue: null } },
    },
    { key: 'c', cells: { name: { text: '=Admin' }, coverage: { text: '90.0%', sortValue: 90 } } },
    {
      key: 't',
      total: true,
      cells: { name: { text: 'Total' }, coverage: { text: '80.0%', sortValue: 80 } },
    },
  ];

  it('sorts by a column, empty cells last and the total kept at the end', () => {
    const order = (sort: Parameters<typeof sortRows>[1]) =>
      sortRows(tableRows, sort).map((row) => row.key);
    expect(order(null)).toEqual(['a', 'b', 'c', 't']);
    expect(order({ key: 'coverage', direction: 'ascending' })).toEqual(['a', 'c', 'b', 't']);
    expect(order({ key: 'coverage', direction: 'descending' })).toEqual(['c', 'a', 'b', 't']);
    expect(order({ key: 'name', direction: 'ascending' })).toEqual(['c', 'b', 'a', 't']);
  });

  it('exports what it shows, formulas neutralised', () => {
    expect(tableCsv(columns, tableRows)).toBe(
      "Service,Coverage\r\nOutreach,75.0%\r\nCounselling,—\r\n'=Admin,90.0%\r\nTotal,80.0%\r\n",
    );
  });

  it('marks the sorted column with aria-sort', () => {
    render(
      <DataTable
        caption="Coverage by service"
        csvSubject="Coverage by service"
        columns={columns}
        rows={tableRows}
      />,
    );
    const header = screen.getByRole('columnheader', { name: /Coverage/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    const firstCells = screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(firstCells).toEqual(['=Admin', 'Outreach', 'Counselling', 'Total']);
  });

  it('shows the sort it is given and asks for the next one when the page keeps the sort', () => {
    const onSortChange = jest.fn();
    const props = {
      caption: 'Coverage by service',
      csvSubject: 'Coverage by service',
      columns,
      rows: tableRows,
      onSortChange,
    };
    const { rerender } = render(
      <DataTable {...props} sort={{ key: 'coverage', direction: 'descending' }} />,
    );
    const header = screen.getByRole('columnheader', { name: /Coverage/ });
    const firstCells = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(firstCells()).toEqual(['=Admin', 'Outreach', 'Counselling', 'Total']);

    // A press asks; the table changes only when the page gives it the new sort.
    fireEvent.click(within(header).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'coverage', direction: 'ascending' });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(
      within(screen.getByRole('columnheader', { name: /Service/ })).getByRole('button'),
    );
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'name', direction: 'ascending' });

    rerender(<DataTable {...props} sort={null} />);
    expect(header.getAttribute('aria-sort')).toBe('none');
    expect(firstCells()).toEqual(['Outreach', 'Counselling', '=Admin', 'Total']);
  });
});
