import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPage } from '../people/test-harness';
import * as csv from '../shell/csv';
import ImportsPage from './imports-page';
import { FakeXhr, problem, problemReport, report } from './test-fixtures';

/*
 * The Imports page with the HTTP API scripted (FakeXhr for imports, a fetch
 * stub for exports): choosing a type and a file, the checks before sending,
 * progress, the report, the import, and downloads.
 */

beforeEach(() => FakeXhr.reset());

function csvFile(
  name = 'staff.csv',
  text = 'staff_ref,service,fte,start_date\r\nS1,Outreach,1,2024-01-01\r\n',
) {
  return new File([text], name, { type: 'text/csv' });
}

function renderImports(fetchImpl: typeof fetch = jest.fn() as unknown as typeof fetch) {
  return renderPage(<ImportsPage createRequest={FakeXhr.create} fetchImpl={fetchImpl} />, {
    path: '/imports',
  });
}

function chooseFile(file: File | null) {
  const input = screen.getByLabelText(/^Choose your .+ file$/) as HTMLInputElement;
  fireEvent.change(input, { target: { files: file ? [file] : [] } });
}

function checkFile() {
  fireEvent.click(screen.getByRole('button', { name: 'Check file' }));
}

async function respond(status: number, body: unknown) {
  await act(async () => {
    FakeXhr.last().respond(status, body);
  });
}

it('explains the rules in plain English and shows the columns and template of the chosen type', () => {
  renderImports();
  expect(screen.getByRole('heading', { level: 1, name: 'Imports' })).toBeTruthy();
  const how = screen.getByRole('region', { name: 'How importing works' });
  expect(how.textContent).toMatch(/All or nothing\./);
  expect(how.textContent).toMatch(/Importing the same file again changes nothing\./);
  expect(how.textContent).toMatch(/YYYY-MM-DD \(2024-03-01\) or DD\/MM\/YYYY/);

  const staffColumns = screen.getByRole('table', { name: 'Columns in staff.csv' });
  expect(within(staffColumns).getAllByRole('row')).toHaveLength(11);
  expect(within(staffColumns).getByText('staff_ref')).toBeTruthy();
  const template = screen.getByRole('link', { name: 'Download the staff.csv template' });
  expect(template.getAttribute('href')).toBe('/imports/staff/template');
  expect(screen.getByLabelText('Create services that do not exist yet')).toBeTruthy();

  fireEvent.click(screen.getByLabelText('Absences (absences.csv)'));
  const absenceColumns = screen.getByRole('table', { name: 'Columns in absences.csv' });
  expect(within(absenceColumns).getByText('reason')).toBeTruthy();
  expect(
    screen.getByRole('link', { name: 'Download the absences.csv template' }).getAttribute('href'),
  ).toBe('/imports/absences/template');
  expect(screen.queryByLabelText('Create services that do not exist yet')).toBeNull();
  expect(screen.getByLabelText('Choose your absences.csv file')).toBeTruthy();
});

it('asks for a file, and refuses a spreadsheet and a file that is too large, before sending', () => {
  renderImports();
  checkFile();
  const summary = screen.getByRole('alert');
  expect(
    within(summary).getByRole('link', { name: 'Select a CSV file' }).getAttribute('href'),
  ).toBe('#import-file');
  expect(document.title).toBe('Error: Imports – Holdspace');
  const input = screen.getByLabelText('Choose your staff.csv file');
  expect(input.getAttribute('aria-invalid')).toBe('true');

  chooseFile(csvFile('staff.xlsx'));
  checkFile();
  expect(within(screen.getByRole('alert')).getByRole('link').textContent).toMatch(
    /is a spreadsheet \(\.xlsx\), not a CSV file/,
  );

  const huge = csvFile('staff.csv');
  Object.defineProperty(huge, 'size', { value: 61 * 1024 * 1024 });
  chooseFile(huge);
  checkFile();
  expect(within(screen.getByRole('alert')).getByRole('link').textContent).toBe(
    'The selected file is 61 MB. It must be 60 MB or smaller: split it into smaller files and import each one',
  );
  expect(FakeXhr.sent).toHaveLength(0);
});

it('checks the file with progress, lists the problems, then imports the corrected file', async () => {
  const { router } = renderImports();
  chooseFile(csvFile('staff.csv'));
  fireEvent.click(screen.getByLabelText('Create services that do not exist yet'));
  checkFile();

  const xhr = FakeXhr.last();
  expect(xhr.url).toBe('/imports/staff?dryRun=true&createMissingServices=true');
  expect(xhr.headers['X-Holdspace-Org']).toBe('org-1');
  expect(screen.getByText('Sending staff.csv…')).toBeTruthy();
  act(() => xhr.progress(20, 40));
  const bar = screen.getByRole('progressbar', { name: 'Sending staff.csv…' });
  expect(bar.getAttribute('value')).toBe('50');
  expect(screen.getByText(/Sent 20 bytes of 40 bytes \(50%\)\./)).toBeTruthy();
  act(() => xhr.uploaded());
  expect(screen.getByText('Checking staff.csv…')).toBeTruthy();
  // Indeterminate while the API reads the rows.
  expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
  expect(screen.getByRole('button', { name: 'Check file' }).matches(':disabled')).toBe(true);

  await respond(422, problemReport([problem(2, 'fte', '2', 'The FTE must be at most 1.5.')]));
  expect(screen.queryByRole('progressbar')).toBeNull();
  const heading = screen.getByRole('heading', { name: 'staff.csv has 1 problem' });
  expect(document.activeElement).toBe(heading);
  const table = screen.getByRole('table', { name: /Problems in staff\.csv/ });
  expect(
    within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['2', 'fte', '2', 'The FTE must be at most 1.5.']);
  expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();

  // The corrected file: choosing it clears the old report.
  chooseFile(
    csvFile('staff.csv', 'staff_ref,service,fte,start_date\r\nS1,Outreach,1,2024-01-01\r\n'),
  );
  expect(screen.queryByRole('table', { name: /Problems/ })).toBeNull();
  checkFile();
  await respond(200, report({ counts: { rows: 1, created: 1, updated: 0, unchanged: 0 } }));
  expect(screen.getByRole('heading', { name: 'staff.csv is ready to import' })).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: 'Import 1 row' }));
  const real = FakeXhr.last();
  expect(real.url).toBe('/imports/staff?createMissingServices=true');
  expect(screen.getByText('Sending staff.csv…')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Cancel check' })).toBeNull();
  act(() => real.uploaded());
  expect(screen.getByText('Importing staff.csv…')).toBeTruthy();
  await respond(
    200,
    report({
      dryRun: false,
      committed: true,
      counts: { rows: 1, created: 1, updated: 0, unchanged: 0 },
    }),
  );
  expect(screen.getByRole('heading', { name: 'Imported staff.csv' })).toBeTruthy();
  expect(
    screen
      .getByText('Imported 1 row from staff.csv: 1 added, 0 updated, 0 unchanged.')
      .closest('[role="status"]'),
  ).toBeTruthy();
  fireEvent.click(screen.getByRole('link', { name: 'See them on the People page' }));
  await waitFor(() => expect(router.state.location.pathname).toBe('/people'));
});

it('cancels a check', async () => {
  renderImports();
  chooseFile(csvFile());
  checkFile();
  fireEvent.click(screen.getByRole('button', { name: 'Cancel check' }));
  expect(FakeXhr.last().aborted).toBe(true);
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  expect(screen.getByRole('button', { name: 'Check file' }).matches(':disabled')).toBe(false);
});

it('shows the limit the API states for a file over it, by the file field', async () => {
  renderImports();
  chooseFile(csvFile());
  checkFile();
  await respond(413, {
    errors: [
      {
        message:
          'The file is larger than the limit of 1 MB (1,048,576 bytes). Split it into smaller files.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ],
  });
  const message =
    'The file is larger than the limit of 1 MB (1,048,576 bytes). Split it into smaller files. Nothing was saved.';
  expect(within(screen.getByRole('alert')).getByRole('link', { name: message })).toBeTruthy();
  expect(screen.getByText(message, { selector: '.error-message' })).toBeTruthy();
});

it('says when the service failed and that nothing was imported', async () => {
  renderImports();
  chooseFile(csvFile());
  checkFile();
  await respond(200, report());
  fireEvent.click(screen.getByRole('button', { name: 'Import 12 rows' }));
  await act(async () => FakeXhr.last().fail());
  const alert = screen.getByRole('alert');
  expect(within(alert).getByRole('heading').textContent).toBe(
    'The connection was lost during the import',
  );
  expect(alert.textContent).toMatch(/completed in full or not at all/);
});

it('sends the user to sign in when the session has ended', async () => {
  const { router } = renderImports();
  chooseFile(csvFile());
  checkFile();
  await respond(401, {
    errors: [{ message: 'Sign in.', extensions: { code: 'UNAUTHENTICATED' } }],
  });
  await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
  expect(router.state.location.search).toBe('?next=%2Fimports');
});

it('downloads each record type as CSV for the organisation', async () => {
  const download = jest.spyOn(csv, 'downloadCsv').mockImplementation(() => undefined);
  const fetchImpl = jest.fn(
    async () => new Response('\uFEFFabsence_ref,staff_ref\r\n', { status: 200 }),
  );
  renderImports(fetchImpl as unknown as typeof fetch);
  const exports = screen.getByRole('region', { name: 'Export your records' });
  expect(
    within(exports)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual([
    'Download staff.csv',
    'Download agreements.csv',
    'Download sessions.csv',
    'Download absences.csv',
  ]);
  fireEvent.click(within(exports).getByRole('button', { name: 'Download absences.csv' }));
  await waitFor(() => expect(download).toHaveBeenCalled());
  expect(fetchImpl).toHaveBeenCalledWith('/exports/absences', {
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'holdspace', 'X-Holdspace-Org': 'org-1' },
  });
  expect(download.mock.calls[0]![0]).toMatch(/^holdspace-absences-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(download.mock.calls[0]![1]).toBe('absence_ref,staff_ref\r\n');
  expect(within(exports).getByRole('status').textContent).toMatch(/has been downloaded/);
});

it('says when an export failed', async () => {
  const fetchImpl = jest.fn(async () => new Response('', { status: 503 }));
  renderImports(fetchImpl as unknown as typeof fetch);
  fireEvent.click(screen.getByRole('button', { name: 'Download staff.csv' }));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByRole('heading').textContent).toBe(
    'Holdspace is not available right now',
  );
});
