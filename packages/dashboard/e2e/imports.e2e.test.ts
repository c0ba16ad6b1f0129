import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { csvHeader, CSV_FILES } from '@holdspace/shared';
import { expectNoAxeViolations, mainNavigation, screenshot, waitForPage } from './support/app';
import { useBrowser, usePage } from './support/browser';
import { parseCsv } from './support/csv';
import { DEMO_ACCOUNTS, RIVERSIDE } from './support/demo-accounts';
import { tableCells } from './support/tables';

/*
 * The Imports page end to end, against the real API and the demo data. The
 * admin works in Riverside (switching to it first, which also shows the
 * import goes to the organisation chosen) so that Northside, which most other
 * files check figures of, is left as the demo data made it:
 *   - downloads the staff template (header and example row);
 *   - checks a file with problems and sees each by row and column, exports them;
 *   - fixes the file, checks it again, imports it, and finds the new person on
 *     the People page; checking the same file again would change nothing;
 *   - downloads the staff export, which checks back as all unchanged;
 *   - is refused a spreadsheet before anything is sent; sees upload progress
 *     and cancels a check.
 * axe (WCAG 2.2 AA) in each state, and a screenshot of each.
 */

const browser = useBrowser();

/** Runs `action` and returns the file it downloads: its suggested name and raw bytes. */
async function downloadOf(
  page: Page,
  action: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The report's counts: each term with its value. */
async function counts(page: Page): Promise<Record<string, string>> {
  const list = page.locator('.import-report__counts');
  await list.waitFor();
  const terms = await list.locator('dt').allInnerTexts();
  const values = await list.locator('dd').allInnerTexts();
  return Object.fromEntries(terms.map((term, i) => [term.trim(), (values[i] ?? '').trim()]));
}

function fileInput(page: Page, fileName = 'staff.csv'): Locator {
  return page.getByLabel(`Choose your ${fileName} file`, { exact: true });
}

async function chooseFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  await fileInput(page).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
  });
}

async function checkFile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check file', exact: true }).click();
}

async function openImports(page: Page): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: 'Imports', exact: true }).click();
  await waitForPage(page, 'Imports');
}

describe('the organisation admin', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });
  const suffix = Date.now().toString(36).toUpperCase();
  const refs = [`IMP-${suffix}-1`, `IMP-${suffix}-2`];
  const names = [`Imogen Importer ${suffix}`, `Idris Importer ${suffix}`];
  const newService = `Wellbeing ${suffix}`;
  const header = csvHeader('staff');

  /** A staff file with the template's columns; `fte` and `service` of the first two rows vary. */
  function staffFile(first: { fte: string }, second: { service: string }): string {
    const row = (values: Record<string, string>) =>
      header.map((column) => values[column] ?? '').join(',');
    return [
      header.join(','),
      row({
        staff_ref: refs[0]!,
        display_name: names[0]!,
        service: 'Pastoral',
        role_title: 'Pastoral lead',
        practitioner_type: 'Counsellor',
        fte: first.fte,
        // A UK date, as a spreadsheet saves it.
        start_date: '01/09/2025',
        requires_supervision: 'yes',
      }),
      row({
        staff_ref: refs[1]!,
        display_name: names[1]!,
        service: second.service,
        fte: '1',
        start_date: '2025-10-06',
      }),
      '',
    ].join('\r\n');
  }

  beforeAll(async () => {
    const { page } = opened;
    await page
      .getByLabel('Organisation', { exact: true })
      .selectOption({ label: `${RIVERSIDE} (Organisation admin)` });
    await page.getByRole('button', { name: 'Switch', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Now showing ${RIVERSIDE}` })
      .waitFor();
  });

  test('sees how importing works and the columns of each file; the page passes axe', async () => {
    const { page } = opened;
    await openImports(page);
    const how = page.getByRole('region', { name: 'How importing works' });
    await expect(how.innerText()).resolves.toMatch(/All or nothing/);
    await expect(how.innerText()).resolves.toMatch(/Importing the same file again changes nothing/);
    await expect(how.innerText()).resolves.toMatch(/YYYY-MM-DD .* or DD\/MM\/YYYY/);

    const columns = page.getByRole('table', { name: 'Columns in staff.csv' });
    const rows = await tableCells(columns);
    expect(rows.map((cells) => cells[0])).toEqual(header);
    expect(rows.find((cells) => cells[0] === 'fte')?.[1]).toBe('Yes');
    expect(rows.find((cells) => cells[0] === 'leaving_reason')?.[1]).toMatch(/^Sometimes/);
    await screenshot(page, 'imports');
    await expectNoAxeViolations(page);

    await page.getByLabel('Supervision sessions (sessions.csv)').check();
    const sessionColumns = page.getByRole('table', { name: 'Columns in sessions.csv' });
    expect((await tableCells(sessionColumns)).map((cells) => cells[0])).toEqual(
      csvHeader('sessions'),
    );
    await expect(
      page.getByLabel('Create services that do not exist yet', { exact: true }).count(),
    ).resolves.toBe(0);
    await page.getByLabel('Staff (staff.csv)').check();
  });

  test('downloads the staff template with its example row', async () => {
    const { page } = opened;
    const { name, bytes } = await downloadOf(page, () =>
      page.getByRole('link', { name: 'Download the staff.csv template' }).click(),
    );
    expect(name).toBe('staff-template.csv');
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(header);
    expect(rows[1]).toEqual(CSV_FILES.staff.columns.map((column) => column.example));
    expect(rows).toHaveLength(2);
  });

  test('is told before sending that a spreadsheet is not a CSV file', async () => {
    const { page } = opened;
    await fileInput(page).setInputFiles({
      name: 'staff.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK not really a workbook'),
    });
    const requests: string[] = [];
    const onRequest = (request: { url(): string }) => requests.push(request.url());
    page.on('request', onRequest);
    await checkFile(page);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const link = summary.getByRole('link');
    await expect(link.innerText()).resolves.toMatch(/is a spreadsheet \(\.xlsx\), not a CSV file/);
    await expect(page.title()).resolves.toBe('Error: Imports – Holdspace');
    page.off('request', onRequest);
    expect(requests.filter((url) => url.includes('/imports/'))).toEqual([]);
    // The summary links to the field.
    await link.click();
    await expect(
      fileInput(page).evaluate((input) => input === document.activeElement),
    ).resolves.toBe(true);
    await screenshot(page, 'imports-wrong-type');
    await expectNoAxeViolations(page);
  });

  test('checks a file with problems and sees each one by row and column', async () => {
    const { page } = opened;
    await chooseFile(page, 'staff.csv', staffFile({ fte: '2' }, { service: newService }));
    await expect(page.locator('.error-summary').count()).resolves.toBe(0);
    await checkFile(page);
    await page.getByRole('heading', { level: 2, name: 'staff.csv has 2 problems' }).waitFor();
    await expect(
      page.getByText('Nothing has been imported.', { exact: false }).count(),
    ).resolves.toBe(1);
    const table = page.getByRole('table', { name: /Problems in staff\.csv/ });
    const rows = await tableCells(table);
    expect(rows.map((cells) => cells.slice(0, 3))).toEqual([
      ['2', 'fte', '2'],
      ['3', 'service', newService],
    ]);
    expect(rows[0]?.[3]).toMatch(/FTE/);
    expect(rows[1]?.[3]).toMatch(/service/i);
    // No way to import a file with problems.
    await expect(page.getByRole('button', { name: /^Import \d/ }).count()).resolves.toBe(0);
    await screenshot(page, 'imports-problems');
    await expectNoAxeViolations(page);

    // Export CSV gives exactly the table.
    const { name, bytes } = await downloadOf(page, () =>
      page.getByRole('button', { name: 'Export CSV of the problems' }).click(),
    );
    expect(name).toMatch(/^holdspace-staff-problems-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(exported[0]).toEqual(['Row', 'Column', 'Value', 'Message']);
    expect(exported.slice(1)).toEqual(rows);
  });

  test('fixes the file, checks it again and imports it', async () => {
    const { page } = opened;
    const fixed = staffFile({ fte: '0.8' }, { service: newService });
    await chooseFile(page, 'staff.csv', fixed);
    // Choosing a new file clears the old report.
    await expect(page.getByRole('table', { name: /Problems in/ }).count()).resolves.toBe(0);
    await page.getByLabel('Create services that do not exist yet', { exact: true }).check();
    await checkFile(page);
    await page.getByRole('heading', { level: 2, name: 'staff.csv is ready to import' }).waitFor();
    expect(await counts(page)).toEqual({
      'Rows in the file': '2',
      'Would be added': '2',
      'Would be updated': '0',
      'Already up to date (no change)': '0',
      'Services that would be created': newService,
    });
    await screenshot(page, 'imports-ready');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Import 2 rows', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Imported staff.csv' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 2 rows from staff.csv: 2 added, 0 updated, 0 unchanged.' })
      .waitFor();
    expect(await counts(page)).toEqual({
      'Rows in the file': '2',
      Added: '2',
      Updated: '0',
      Unchanged: '0',
      'Services created': newService,
    });
    await screenshot(page, 'imports-imported');
    await expectNoAxeViolations(page);
  });

  test('checking the same file again finds nothing to change', async () => {
    const { page } = opened;
    await page.getByRole('button', { name: 'Import another file', exact: true }).click();
    await chooseFile(page, 'staff.csv', staffFile({ fte: '0.8' }, { service: newService }));
    await checkFile(page);
    await page.getByRole('heading', { level: 2, name: 'staff.csv is ready to import' }).waitFor();
    expect(await counts(page)).toMatchObject({
      'Would be added': '0',
      'Would be updated': '0',
      'Already up to date (no change)': '2',
    });
    await page.getByText(/importing this file would change nothing/).waitFor();
  });

  test('finds the new person on the People page, in the organisation chosen', async () => {
    const { page } = opened;
    await mainNavigation(page).getByRole('link', { name: 'People', exact: true }).click();
    await waitForPage(page, 'People');
    await page.getByLabel('Search').fill(names[0]!);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('table', { name: /Staff in post, filtered/ });
    await table.getByText(names[0]!).waitFor();
    const rows = await tableCells(table);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.join(' | ')).toContain(refs[0]);
    expect(rows[0]?.join(' | ')).toContain('Pastoral');
    await expect(page.getByRole('banner').innerText()).resolves.toContain(RIVERSIDE);
    await screenshot(page, 'imports-person-on-people-page');
  });

  test('downloads the staff export, which checks back as unchanged', async () => {
    const { page } = opened;
    await openImports(page);
    const { name, bytes } = await downloadOf(page, () =>
      page.getByRole('button', { name: 'Download staff.csv', exact: true }).click(),
    );
    expect(name).toMatch(/^holdspace-staff-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    const text = bytes.subarray(3).toString('utf8');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(header);
    const imported = rows.find((cells) => cells[0] === refs[0]);
    expect(imported).toBeDefined();
    expect(imported?.[header.indexOf('display_name')]).toBe(names[0]);
    expect(imported?.[header.indexOf('fte')]).toBe('0.8');
    expect(imported?.[header.indexOf('start_date')]).toBe('2025-09-01');
    expect(rows.find((cells) => cells[0] === refs[1])?.[header.indexOf('service')]).toBe(
      newService,
    );
    await page
      .getByRole('status')
      .filter({ hasText: /has been downloaded/ })
      .waitFor();
    await screenshot(page, 'imports-exported');
    await expectNoAxeViolations(page);

    // The export is in the import format: checking it finds every row unchanged.
    await chooseFile(page, 'staff.csv', bytes);
    await checkFile(page);
    await page.getByRole('heading', { level: 2, name: 'staff.csv is ready to import' }).waitFor();
    const recordRows = String(rows.length - 1);
    expect(await counts(page)).toMatchObject({
      'Rows in the file': recordRows,
      'Would be added': '0',
      'Would be updated': '0',
      'Already up to date (no change)': recordRows,
    });
  });

  test('sees the upload progress of a slow upload, and cancels the check', async () => {
    const { page } = opened;
    await openImports(page);
    // About 200 KB of valid rows, sent at 40 KB/s.
    const lines = [header.join(',')];
    for (let i = 0; i < 2500; i += 1) {
      lines.push(`SLOW-${suffix}-${i},Slow ${i},Pastoral,,,1,2025-01-01,,,`);
    }
    await chooseFile(page, 'staff.csv', `${lines.join('\r\n')}\r\n`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 40 * 1024,
    });
    try {
      await checkFile(page);
      await page.getByRole('status').filter({ hasText: 'Sending staff.csv…' }).waitFor();
      const bar = page.getByRole('progressbar', { name: 'Sending staff.csv…' });
      await page.waitForFunction(() => {
        const progress = document.querySelector('progress');
        return progress !== null && Number(progress.getAttribute('value')) > 0;
      });
      await expect(bar.getAttribute('max')).resolves.toBe('100');
      await page.getByText(/^Sent .* of .* \(\d+%\)\.$/).waitFor();
      await screenshot(page, 'imports-progress');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Cancel check', exact: true }).click();
      await page.getByRole('progressbar').waitFor({ state: 'detached' });
      await expect(page.locator('.import-report').count()).resolves.toBe(0);
    } finally {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();
    }
  });
});
