import { fireEvent, render, screen, within } from '@testing-library/react';
import * as csv from '../shell/csv';
import { ImportReportView } from './import-report';
import { problem, problemReport, report } from './test-fixtures';

const TODAY = '2026-03-27';

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('a report with problems', () => {
  const problems = [
    problem(null, null, null, 'The file is not UTF-8.'),
    problem(3, 'fte', '2', 'The FTE must be greater than 0 and at most 1.5.'),
    problem(3, 'service', '', 'A value is required.'),
    problem(5, null, null, 'This row has 4 cells; the header has 5.'),
    problem(4, 'start_date', '02/13/2024', 'Write dates as YYYY-MM-DD or DD/MM/YYYY.'),
  ];

  it('lists every problem by row and column, says nothing was imported, and takes focus', () => {
    render(
      <ImportReportView report={problemReport(problems)} fileName="staff.csv" today={TODAY} />,
    );
    const heading = screen.getByRole('heading', { level: 2, name: 'staff.csv has 5 problems' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/Nothing has been imported\./)).toBeTruthy();
    expect(screen.getByText(/the header is row 1 and the first record is row 2/)).toBeTruthy();

    const table = screen.getByRole('table', { name: /Problems in staff\.csv/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Row▲', 'Column↕', 'Value', 'Message']);
    expect(rowsOf(table)).toEqual([
      ['Whole file', '', '', 'The file is not UTF-8.'],
      ['3', 'fte', '2', 'The FTE must be greater than 0 and at most 1.5.'],
      ['3', 'service', '(empty)', 'A value is required.'],
      ['4', 'start_date', '02/13/2024', 'Write dates as YYYY-MM-DD or DD/MM/YYYY.'],
      ['5', 'Whole row', '', 'This row has 4 cells; the header has 5.'],
    ]);
    for (const th of within(table).getAllByRole('columnheader')) {
      expect(th.getAttribute('scope')).toBe('col');
    }
    expect(screen.getByText('Showing 5 problems')).toBeTruthy();
  });

  it('sorts by column and back, saying so with aria-sort', () => {
    render(
      <ImportReportView report={problemReport(problems)} fileName="staff.csv" today={TODAY} />,
    );
    const table = screen.getByRole('table');
    const [rowHeader, columnHeader] = within(table).getAllByRole('columnheader');
    expect(rowHeader!.getAttribute('aria-sort')).toBe('ascending');
    expect(columnHeader!.getAttribute('aria-sort')).toBe('none');

    fireEvent.click(within(columnHeader!).getByRole('button', { name: /Column/ }));
    expect(columnHeader!.getAttribute('aria-sort')).toBe('ascending');
    expect(rowHeader!.getAttribute('aria-sort')).toBe('none');
    expect(rowsOf(table).map((cells) => cells[1])).toEqual([
      '',
      'fte',
      'service',
      'start_date',
      'Whole row',
    ]);
    expect(table.querySelector('caption')!.textContent).toMatch(/sorted by column ascending/);

    fireEvent.click(within(rowHeader!).getByRole('button', { name: /Row/ }));
    fireEvent.click(within(rowHeader!).getByRole('button', { name: /Row/ }));
    expect(rowHeader!.getAttribute('aria-sort')).toBe('descending');
    expect(rowsOf(table).map((cells) => cells[0])).toEqual(['5', '4', '3', '3', 'Whole file']);
  });

  it('exports exactly the problems the table shows, in its order', () => {
    const download = jest.spyOn(csv, 'downloadCsv').mockImplementation(() => undefined);
    const risky = [problem(2, 'display_name', '=HYPERLINK("x")', 'Too long.'), ...problems];
    render(<ImportReportView report={problemReport(risky)} fileName="staff.csv" today={TODAY} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV of the problems' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [fileName, text] = download.mock.calls[0]!;
    expect(fileName).toBe('holdspace-staff-problems-2026-03-27.csv');
    expect(text.split('\r\n')).toEqual([
      'Row,Column,Value,Message',
      'Whole file,,,The file is not UTF-8.',
      `2,display_name,"'=HYPERLINK(""x"")",Too long.`,
      '3,fte,2,The FTE must be greater than 0 and at most 1.5.',
      '3,service,(empty),A value is required.',
      '4,start_date,02/13/2024,Write dates as YYYY-MM-DD or DD/MM/YYYY.',
      '5,Whole row,,This row has 4 cells; the header has 5.',
      '',
    ]);
  });

  it('says when only the first problems are listed', () => {
    const listed = Array.from({ length: 1000 }, (_, i) => problem(i + 2, 'fte', '9'));
    render(
      <ImportReportView
        report={problemReport(listed, { problemCount: 1234 })}
        fileName="staff.csv"
        today={TODAY}
      />,
    );
    expect(screen.getByRole('heading', { name: 'staff.csv has 1,234 problems' })).toBeTruthy();
    expect(screen.getByText('Showing 1,000 problems of 1,234')).toBeTruthy();
    expect(
      screen.getByText(
        'The first 1,000 of 1,234 problems are listed. Fix these and check the file again to see the rest.',
      ),
    ).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(1001);
  });

  it('says an import that found problems wrote nothing', () => {
    render(
      <ImportReportView
        report={problemReport([problem(2, 'service', 'Nowhere')], { dryRun: false })}
        fileName="staff.csv"
        today={TODAY}
      />,
    );
    expect(screen.getByText(/^Nothing was imported\./)).toBeTruthy();
  });
});

describe('a clean check', () => {
  it('says what importing would do, and shows the actions', () => {
    render(
      <ImportReportView
        report={report({ servicesCreated: ['Play therapy'] })}
        fileName="staff.csv"
        today={TODAY}
        actions={<button type="button">Import 12 rows</button>}
      />,
    );
    const heading = screen.getByRole('heading', { name: 'staff.csv is ready to import' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/We checked all 12 rows and found no problems/)).toBeTruthy();
    const terms = screen.getAllByRole('term').map((dt) => dt.textContent);
    const values = screen.getAllByRole('definition').map((dd) => dd.textContent);
    expect(terms).toEqual([
      'Rows in the file',
      'Would be added',
      'Would be updated',
      'Already up to date (no change)',
      'Services that would be created',
    ]);
    expect(values).toEqual(['12', '3', '2', '7', 'Play therapy']);
    expect(screen.getByRole('button', { name: 'Import 12 rows' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when importing would change nothing', () => {
    render(
      <ImportReportView
        report={report({ counts: { rows: 4, created: 0, updated: 0, unchanged: 4 } })}
        fileName="staff.csv"
        today={TODAY}
      />,
    );
    expect(screen.getByText(/importing this file would change nothing/)).toBeTruthy();
  });

  it('says when the file has a header but no records', () => {
    render(
      <ImportReportView
        report={report({ counts: { rows: 0, created: 0, updated: 0, unchanged: 0 } })}
        fileName="staff.csv"
        today={TODAY}
      />,
    );
    expect(screen.getByRole('heading', { name: 'staff.csv has no records' })).toBeTruthy();
  });
});

describe('an import', () => {
  it('says what was imported', () => {
    render(
      <ImportReportView
        report={report({
          dryRun: false,
          committed: true,
          counts: { rows: 1, created: 1, updated: 0, unchanged: 0 },
        })}
        fileName="staff.csv"
        today={TODAY}
      />,
    );
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'Imported staff.csv' }),
    );
    expect(screen.getByText(/The file’s 1 row is saved/)).toBeTruthy();
    expect(screen.getAllByRole('term').map((dt) => dt.textContent)).toEqual([
      'Rows in the file',
      'Added',
      'Updated',
      'Unchanged',
    ]);
  });
});
