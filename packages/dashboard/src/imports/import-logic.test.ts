import { CSV_FILES, type ImportProblem } from '@holdspace/shared';
import {
  checkChosenFile,
  countLines,
  DEFAULT_PROBLEM_SORT,
  describeFailure,
  formatBytes,
  importButtonLabel,
  importedSentence,
  MAX_IMPORT_BYTES,
  nextSort,
  plural,
  problemCells,
  problemsHeading,
  requiredText,
  sortProblems,
  truncationNote,
} from './import-logic';
import { problem, report } from './test-fixtures';

describe('checkChosenFile', () => {
  const file = (name: string, size = 100) => ({ name, size });

  it('asks for a file when none is chosen', () => {
    expect(checkChosenFile(null)).toBe('Select a CSV file');
  });

  it('accepts a CSV file within the limit, whatever the case of its extension', () => {
    expect(checkChosenFile(file('staff.csv'))).toBeUndefined();
    expect(checkChosenFile(file('STAFF.CSV'))).toBeUndefined();
    expect(checkChosenFile(file('staff.csv', MAX_IMPORT_BYTES))).toBeUndefined();
  });

  it('says how to save a spreadsheet as CSV', () => {
    expect(checkChosenFile(file('staff.xlsx'))).toBe(
      'The selected file is a spreadsheet (.xlsx), not a CSV file. In your spreadsheet, save it as “CSV UTF-8 (Comma delimited)” and select that file',
    );
    expect(checkChosenFile(file('staff.ods'))).toMatch(/spreadsheet \(\.ods\)/);
  });

  it('refuses other types of file', () => {
    expect(checkChosenFile(file('staff.pdf'))).toBe(
      'The selected file must be a CSV file (its name ends in .csv)',
    );
    expect(checkChosenFile(file('staff'))).toMatch(/must be a CSV file/);
  });

  it('refuses an empty file', () => {
    expect(checkChosenFile(file('staff.csv', 0))).toBe('The selected file is empty');
  });

  it('refuses a file over the limit, stating its size and the limit', () => {
    expect(checkChosenFile(file('sessions.csv', MAX_IMPORT_BYTES + 1))).toBe(
      'The selected file is 60 MB. It must be 60 MB or smaller: split it into smaller files and import each one',
    );
    expect(checkChosenFile(file('sessions.csv', 75 * 1024 * 1024))).toMatch(
      /^The selected file is 75 MB\. It must be 60 MB or smaller/,
    );
    expect(checkChosenFile(file('a.csv', 2048), 1024)).toMatch(/is 2 KB\. It must be 1 KB/);
  });
});

describe('numbers and words', () => {
  it('formats sizes as people read them', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(14 * 1024)).toBe('14 KB');
    expect(formatBytes(2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MB');
    expect(formatBytes(60 * 1024 * 1024)).toBe('60 MB');
  });

  it('pluralises with thousands separators', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(1200, 'problem')).toBe('1,200 problems');
  });

  it('labels the import button with the number of rows', () => {
    expect(importButtonLabel(report())).toBe('Import 12 rows');
    expect(
      importButtonLabel(report({ counts: { rows: 1, created: 1, updated: 0, unchanged: 0 } })),
    ).toBe('Import 1 row');
  });
});

describe('requiredText', () => {
  const staff = CSV_FILES.staff.columns;
  const column = (name: string) => staff.find((c) => c.name === name)!;

  it('says Yes, No, or when a column is needed', () => {
    expect(requiredText(column('staff_ref'))).toBe('Yes');
    expect(requiredText(column('display_name'))).toBe('No');
    expect(requiredText(column('leaving_reason'))).toBe(
      'Sometimes: required when end_date is given, and only then',
    );
  });

  it('explains the either-or supervisor columns', () => {
    const supervisor = CSV_FILES.sessions.columns.find((c) => c.name === 'external_supervisor')!;
    expect(requiredText(supervisor)).toBe(
      'Sometimes: exactly one of supervisor_staff_ref and external_supervisor',
    );
  });
});

describe('countLines', () => {
  it('says what a check found the file would do', () => {
    expect(countLines(report())).toEqual([
      { label: 'Rows in the file', value: '12' },
      { label: 'Would be added', value: '3' },
      { label: 'Would be updated', value: '2' },
      { label: 'Already up to date (no change)', value: '7' },
    ]);
  });

  it('says what an import did, with services and supervisors created', () => {
    const done = report({
      dryRun: false,
      committed: true,
      counts: { rows: 1500, created: 1500, updated: 0, unchanged: 0 },
      servicesCreated: ['Outreach', 'Play therapy'],
      supervisorsCreated: 4,
    });
    expect(countLines(done)).toEqual([
      { label: 'Rows in the file', value: '1,500' },
      { label: 'Added', value: '1,500' },
      { label: 'Updated', value: '0' },
      { label: 'Unchanged', value: '0' },
      { label: 'Services created', value: 'Outreach, Play therapy' },
      { label: 'Supervisor records created', value: '4' },
    ]);
    expect(importedSentence(done, 'staff.csv')).toBe(
      'Imported 1,500 rows from staff.csv: 1,500 added, 0 updated, 0 unchanged.',
    );
  });

  it('says what would be created in a check', () => {
    const lines = countLines(report({ servicesCreated: ['Outreach'], supervisorsCreated: 1 }));
    expect(lines.slice(4)).toEqual([
      { label: 'Services that would be created', value: 'Outreach' },
      { label: 'Supervisor records that would be created', value: '1' },
    ]);
  });
});

describe('problems', () => {
  it('shows each problem as the table does', () => {
    expect(problemCells(problem(7, 'fte', '2', 'The FTE must be at most 1.5.'))).toEqual([
      '7',
      'fte',
      '2',
      'The FTE must be at most 1.5.',
    ]);
    expect(problemCells(problem(3, 'service', ''))).toEqual(['3', 'service', '(empty)', 'Wrong.']);
    expect(problemCells(problem(4, null, null))).toEqual(['4', 'Whole row', '', 'Wrong.']);
    expect(problemCells(problem(null, null, null))).toEqual(['Whole file', '', '', 'Wrong.']);
  });

  it('sorts by row (the whole file first) and by column, keeping the report order for ties', () => {
    const problems = [
      problem(5, 'fte', 'x', 'a'),
      problem(2, 'start_date', 'x', 'b'),
      problem(2, 'fte', 'x', 'c'),
      problem(null, null, null, 'd'),
      problem(9, 'display_name', 'x', 'e'),
    ];
    const messages = (list: ImportProblem[]) => list.map((p) => p.message).join('');
    expect(messages(sortProblems(problems, DEFAULT_PROBLEM_SORT))).toBe('dbcae');
    expect(messages(sortProblems(problems, { key: 'row', direction: 'descending' }))).toBe('eabcd');
    expect(messages(sortProblems(problems, { key: 'column', direction: 'ascending' }))).toBe(
      'decab',
    );
    // The input is left as it was.
    expect(messages(problems)).toBe('abcde');
  });

  it('toggles the direction of the sorted column, and starts another column ascending', () => {
    expect(nextSort(DEFAULT_PROBLEM_SORT, 'row')).toEqual({ key: 'row', direction: 'descending' });
    expect(nextSort({ key: 'row', direction: 'descending' }, 'row')).toEqual(DEFAULT_PROBLEM_SORT);
    expect(nextSort({ key: 'row', direction: 'descending' }, 'column')).toEqual({
      key: 'column',
      direction: 'ascending',
    });
  });

  it('counts the problems in the heading and says when only the first are listed', () => {
    const one = report({ ok: false, problems: [problem(2, 'fte', '2')], problemCount: 1 });
    expect(problemsHeading(one, 'staff.csv')).toBe('staff.csv has 1 problem');
    expect(truncationNote(one)).toBeUndefined();
    const many = report({
      ok: false,
      problems: Array.from({ length: 1000 }, (_, i) => problem(i + 2, 'fte', '2')),
      problemCount: 2345,
    });
    expect(problemsHeading(many, 'staff.csv')).toBe('staff.csv has 2,345 problems');
    expect(truncationNote(many)).toBe(
      'The first 1,000 of 2,345 problems are listed. Fix these and check the file again to see the rest.',
    );
  });
});

describe('describeFailure', () => {
  const failure = (code: Parameters<typeof describeFailure>[0]['code'], message = '') => ({
    code,
    message,
    status: 0,
  });

  it('shows the limit the API states for a file that is too large', () => {
    expect(
      describeFailure(
        failure(
          'TOO_LARGE',
          'The file is larger than the limit of 60 MB (62,914,560 bytes). Split it into smaller files.',
        ),
        { action: 'check', fileName: 'big.csv' },
      ),
    ).toEqual({
      title: 'big.csv is too large',
      message:
        'The file is larger than the limit of 60 MB (62,914,560 bytes). Split it into smaller files. Nothing was saved.',
    });
  });

  it('always says whether anything was written', () => {
    expect(
      describeFailure(failure('SERVICE_UNAVAILABLE'), { action: 'import', fileName: 's.csv' })
        .message,
    ).toBe('Nothing was imported. Try again in a few minutes.');
    expect(
      describeFailure(failure('INTERNAL_SERVER_ERROR', 'secret stack trace'), {
        action: 'check',
        fileName: 's.csv',
      }),
    ).toEqual({
      title: 'Sorry, there is a problem with the service',
      message: 'Nothing was saved. Try again later.',
    });
    expect(
      describeFailure(failure('BAD_USER_INPUT', 'The upload was interrupted.'), {
        action: 'import',
        fileName: 's.csv',
      }),
    ).toEqual({
      title: 's.csv was not imported',
      message: 'The upload was interrupted. Nothing was imported.',
    });
  });

  it('explains that a lost connection during an import left all or nothing, and how to find out', () => {
    const text = describeFailure(failure('NETWORK'), { action: 'import', fileName: 's.csv' });
    expect(text.title).toBe('The connection was lost during the import');
    expect(text.message).toMatch(/completed in full or not at all/);
    expect(text.message).toMatch(/check the file again/);
    expect(describeFailure(failure('NETWORK'), { action: 'check', fileName: 's.csv' })).toEqual({
      title: 'We could not reach Holdspace',
      message: 'Check your internet connection and try again. Nothing was saved.',
    });
  });

  it('words export failures without talking about imports', () => {
    expect(
      describeFailure(failure('FORBIDDEN'), { action: 'export', fileName: 'staff.csv' }),
    ).toEqual({
      title: 'You do not have access to this',
      message: 'Only organisation admins can import and export records.',
    });
    expect(
      describeFailure(failure('BAD_USER_INPUT', 'Bad.'), {
        action: 'export',
        fileName: 'staff.csv',
      }).title,
    ).toBe('staff.csv did not download');
  });
});
