import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, mainNavigation, screenshot, waitForPage } from './support/app';
import { useBrowser, usePage } from './support/browser';
import { parseCsv } from './support/csv';
import { addDays, longDate, todayInLondon, ukInput } from './support/dates';
import { DEMO_ACCOUNTS } from './support/demo-accounts';
import { errorSummaryLinks, selectStartingWith } from './support/forms';
import { cellsOf, tableCells } from './support/tables';

/*
 * Absence records end to end, against the real API and the demo data: the
 * admin records an ongoing absence for someone, closes it, corrects it,
 * exports the list and deletes the record; a person's page shows their
 * absence to admins and managers only; analysts see no records. axe (WCAG 2.2
 * AA) on every page built here, with and without errors, and screenshots.
 */

const PAGE = 'Absence & turnover';
const PERSON = 'Dev Patel';

const browser = useBrowser();

describe('the organisation admin', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });
  const today = todayInLondon();
  const firstDay = addDays(today, -3);
  const lastDay = addDays(today, -1);

  /** The list's row for the episode this test records. */
  const ourRow = (page: Page) =>
    page
      .getByRole('table', { name: /Absence records/ })
      .locator('tbody tr')
      .filter({ hasText: PERSON })
      .filter({ hasText: longDate(firstDay) });

  test('sees the absence records, and the page passes axe', async () => {
    const { page } = opened;
    await mainNavigation(page).getByRole('link', { name: PAGE, exact: true }).click();
    await waitForPage(page, PAGE);
    const table = page.getByRole('table', { name: /Absence records, newest first/ });
    await table.waitFor();
    expect((await tableCells(table)).length).toBeGreaterThan(0);
    await screenshot(page, 'absence-records');
    await expectNoAxeViolations(page);
  });

  test('records an ongoing absence, with errors first', async () => {
    const { page } = opened;
    await page.getByRole('link', { name: 'Record an absence' }).first().click();
    await waitForPage(page, 'Record an absence');
    await page.getByText('Holdspace stores the dates and a reason category only').waitFor();
    await page.getByRole('button', { name: 'Record absence' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'Select the person who was absent',
      'Enter the first day absent',
      'Select a reason category',
    ]);
    await page.locator('.error-summary a', { hasText: 'Select a reason category' }).click();
    // The link goes to the first option of the group.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reason');
    await screenshot(page, 'absence-record-errors');
    await expectNoAxeViolations(page);

    await selectStartingWith(page.getByLabel('Person'), PERSON);
    await page.getByLabel('First day absent').fill(ukInput(firstDay));
    await page.getByLabel('Last day absent (optional)').fill(ukInput(addDays(firstDay, -1)));
    await page.getByLabel('Minor illness').check();
    await page.getByRole('button', { name: 'Record absence' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'The last day absent must be on or after the first day absent',
    ]);
    await page.getByLabel('Last day absent (optional)').fill('');
    await page.getByRole('button', { name: 'Record absence' }).click();

    await waitForPage(page, PAGE);
    await page
      .getByText(`Recorded an ongoing absence for ${PERSON} from ${longDate(firstDay)}.`)
      .waitFor();
    await expect(cellsOf(ourRow(page))).resolves.toEqual([
      expect.arrayContaining([
        PERSON,
        longDate(firstDay),
        'Ongoing',
        '4 days so far',
        'Minor illness',
      ]),
    ]);
  });

  test('filters to ongoing absence and exports exactly what the table shows', async () => {
    const { page } = opened;
    await page.getByLabel('Ongoing or ended').selectOption('ongoing');
    await selectStartingWith(page.getByLabel('Person'), PERSON);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/state=ongoing/);
    const table = page.getByRole('table', { name: /Absence records, newest first, filtered/ });
    await table.waitFor();
    const shown = await tableCells(table);
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(row[3]).toBe('Ongoing');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Export CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`holdspace-absence-${todayInLondon()}.csv`);
    const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const csv = parseCsv(text);
    expect(csv[0]).toEqual([
      'Person',
      'Service',
      'First day',
      'Last day',
      'Length',
      'Reason',
      'Reference',
    ]);
    // The table's last column holds the Close / Correct links, not data.
    expect(csv.slice(1)).toEqual(shown.map((row) => row.slice(0, 7)));
    await screenshot(page, 'absence-filtered');
    await expectNoAxeViolations(page);
  });

  test('a date filter that is not a date is refused by the field', async () => {
    const { page } = opened;
    await page.getByLabel('Absent on or after').fill('31/2/2026');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await errorSummaryLinks(page)).toEqual(['The “from” date must be a real date']);
    await expectNoAxeViolations(page);
    await page.getByLabel('Absent on or after').fill('');
  });

  test('closes it', async () => {
    const { page } = opened;
    await page.goto('/absence-and-turnover?state=ongoing');
    await waitForPage(page, PAGE);
    await ourRow(page)
      .getByRole('link', { name: /^Close/ })
      .click();
    await waitForPage(page, `Close ${PERSON}’s absence`);
    await page.getByLabel('Last day absent').fill(ukInput(addDays(firstDay, -2)));
    await page.getByRole('button', { name: 'Close absence' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      `The last day absent must be on or after the first day absent (${longDate(firstDay)})`,
    ]);
    await screenshot(page, 'absence-close-errors');
    await expectNoAxeViolations(page);

    await page.getByLabel('Last day absent').fill(ukInput(lastDay));
    await page.getByRole('button', { name: 'Close absence' }).click();
    await waitForPage(page, PAGE);
    await page
      .getByText(`Closed ${PERSON}’s absence: ${longDate(firstDay)} to ${longDate(lastDay)}.`)
      .waitFor();
    // No longer ongoing: it shows in the full list with its last day.
    await page.goto('/absence-and-turnover');
    await waitForPage(page, PAGE);
    await expect(cellsOf(ourRow(page))).resolves.toEqual([
      expect.arrayContaining([longDate(firstDay), longDate(lastDay), '3 days', 'Minor illness']),
    ]);
  });

  test('corrects it', async () => {
    const { page } = opened;
    await ourRow(page)
      .getByRole('link', { name: /^Correct/ })
      .click();
    await waitForPage(page, `Correct ${PERSON}’s absence`);
    await screenshot(page, 'absence-correct');
    await expectNoAxeViolations(page);
    await page.getByLabel('Injury').check();
    await page.getByRole('button', { name: 'Save correction' }).click();
    await waitForPage(page, PAGE);
    await page.getByText(`Saved the correction to ${PERSON}’s absence.`).waitFor();
    await expect(cellsOf(ourRow(page))).resolves.toEqual([
      expect.arrayContaining([longDate(firstDay), 'Injury']),
    ]);
  });

  test('sees it on the person’s page', async () => {
    const { page } = opened;
    await ourRow(page).getByRole('link', { name: PERSON, exact: true }).click();
    await waitForPage(page, PERSON);
    const absence = page.getByRole('table', { name: /Sickness absence/ });
    await expect(tableCells(absence)).resolves.toContainEqual(
      expect.arrayContaining([longDate(firstDay), longDate(lastDay), 'Injury']),
    );
    await expectNoAxeViolations(page);
  });

  test('deletes it, after confirming', async () => {
    const { page } = opened;
    await page.goto('/absence-and-turnover');
    await waitForPage(page, PAGE);
    await ourRow(page)
      .getByRole('link', { name: /^Correct/ })
      .click();
    await waitForPage(page, `Correct ${PERSON}’s absence`);
    await page.getByRole('button', { name: 'Delete this record' }).click();
    await screenshot(page, 'absence-delete-confirm');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Yes, delete this record' }).click();
    await waitForPage(page, PAGE);
    await page
      .getByText(`Deleted the absence record for ${PERSON} from ${longDate(firstDay)}.`)
      .waitFor();
    await expect(ourRow(page).count()).resolves.toBe(0);
  });
});

describe('a service manager', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.SERVICE_MANAGER.email });

  test('sees the absence of the staff of their service only', async () => {
    const { page } = opened;
    await page.goto('/absence-and-turnover');
    await waitForPage(page, PAGE);
    const table = page.getByRole('table', { name: /Absence records/ });
    const services = new Set((await tableCells(table)).map((row) => row[1]));
    expect([...services]).toEqual(['Outreach']);
    await screenshot(page, 'absence-manager');
    await expectNoAxeViolations(page);
  });
});

describe('an analyst', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ANALYST.email });

  test('sees no individual absence records', async () => {
    const { page } = opened;
    await page.goto('/absence-and-turnover');
    await waitForPage(page, PAGE);
    await page.getByText('Individual absence records are kept for organisation admins').waitFor();
    await expect(page.getByRole('table', { name: /Absence records/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Record an absence' }).count()).resolves.toBe(0);
    await screenshot(page, 'absence-analyst');
    await expectNoAxeViolations(page);
  });
});
