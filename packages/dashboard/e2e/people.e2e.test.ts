import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { canSee } from '../src/shell/navigation';
import {
  expectNoAxeViolations,
  heading,
  mainNavigation,
  NO_ACCESS_HEADING,
  screenshot,
  waitForPage,
} from './support/app';
import { graphql } from './support/api';
import { useBrowser, usePage } from './support/browser';
import { parseCsv } from './support/csv';
import { addDays, longDate, todayInLondon, ukInput } from './support/dates';
import { DEMO_ACCOUNTS } from './support/demo-accounts';
import { errorSummaryLinks } from './support/forms';
import { tableCells } from './support/tables';

/*
 * The People page end to end, against the real API and the demo data: the
 * admin finds, exports, adds, edits, records as a leaver and reinstates a
 * member of staff; a supervisor sees only themselves and their supervisees;
 * a practitioner sees only themselves. axe (WCAG 2.2 AA) on every page built
 * here, with and without errors, and a screenshot of each.
 */

const browser = useBrowser();

/** Clicks "Export CSV" (within `scope`) and returns the downloaded file's name and text. */
async function exportCsv(page: Page, scope: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name: /^Export CSV/ }).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

async function openPeople(page: Page): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: 'People', exact: true }).click();
  await waitForPage(page, 'People');
}

describe('the organisation admin', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });
  const suffix = Date.now().toString(36).toUpperCase();
  const name = `Robin Testperson ${suffix}`;
  const ref = `E2E-${suffix}`;
  const today = todayInLondon();

  test('sees the staff list, with supervision in kind words, and it passes axe', async () => {
    const { page } = opened;
    await openPeople(page);
    const table = page.getByRole('table', { name: /Staff in post/ });
    await table.waitFor();
    const rows = await tableCells(table);
    expect(rows.length).toBeGreaterThan(0);
    // Every supervision cell is in plain words: due, overdue by N days, not required...
    for (const row of rows) {
      expect(row[7]).toMatch(
        /^(Next due by|Due for supervision|Overdue by \d+ days?|Not required|First due by|Not applicable)/,
      );
    }
    expect(await table.locator('th[aria-sort="ascending"]').innerText()).toContain('Name');
    await screenshot(page, 'people-list');
    await expectNoAxeViolations(page);
  });

  test('searches, sorts and exports exactly what the table shows', async () => {
    const { page } = opened;
    await page.getByLabel('Search').fill('Dev Patel');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=Dev\+Patel/);
    const table = page.getByRole('table', { name: /Staff in post, filtered/ });
    await table.waitFor();
    await expect(tableCells(table)).resolves.toHaveLength(1);
    await page.getByRole('link', { name: 'Clear filters' }).first().click();
    await page.waitForURL((url) => url.search === '');

    // Sort by start date, newest first.
    const everyone = page.getByRole('table', { name: /Staff in post/ });
    await everyone.getByRole('button', { name: /Start date/ }).click();
    await everyone.getByRole('button', { name: /Start date/ }).click();
    await page.waitForURL(/sort=start&dir=desc/);
    await expect(everyone.locator('th[aria-sort="descending"]').innerText()).resolves.toContain(
      'Start date',
    );

    const shown = await tableCells(everyone);
    const { name: fileName, text } = await exportCsv(page, page.locator('.table-toolbar'));
    expect(fileName).toBe(`holdspace-staff-${today}.csv`);
    const csv = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual([
      'Name',
      'Reference',
      'Service',
      'Practitioner type',
      'FTE',
      'Start date',
      'Status',
      'Supervision',
      'Latest session',
    ]);
    const body = csv.slice(1);
    expect(body).toHaveLength(shown.length);
    body.forEach((cells, index) => {
      const row = shown[index] as string[];
      // The table shows supervision and the latest session in one cell.
      expect([...row.slice(0, 7), row[7]]).toEqual([
        ...cells.slice(0, 7),
        [cells[7], cells[8]].filter(Boolean).join(' '),
      ]);
    });
    // Newest start first.
    const starts = shown.map((row) => Date.parse(row[5] as string));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
  });

  test('adds a member of staff, with errors first', async () => {
    const { page } = opened;
    await page.getByRole('link', { name: 'Add a member of staff' }).first().click();
    await waitForPage(page, 'Add a member of staff');
    await page.getByLabel('FTE (full-time equivalent)').fill('');
    await page.getByRole('button', { name: 'Add member of staff' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'Enter a name or a staff reference (or both)',
      'Select a service',
      'Enter the FTE',
      'Enter the start date',
    ]);
    await expect(page.title()).resolves.toBe('Error: Add a member of staff – Holdspace');
    // The summary's links go to their fields.
    await page.locator('.error-summary a', { hasText: 'Select a service' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('serviceId');
    await screenshot(page, 'people-add-errors');
    await expectNoAxeViolations(page);

    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Staff reference (optional)').fill(ref);
    await page.getByLabel('Service').selectOption({ label: 'Outreach' });
    await page.getByLabel('Role title (optional)').fill('Outreach worker');
    await page.getByLabel('Practitioner type (optional)').fill('Counsellor');
    await page.getByLabel('FTE (full-time equivalent)').fill('2');
    await page.getByLabel('Start date').fill('31/2/2025');
    await page.getByRole('button', { name: 'Add member of staff' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'FTE must be 1.5 or less',
      'The start date must be a real date',
    ]);

    await page.getByLabel('FTE (full-time equivalent)').fill('0.8');
    await page.getByLabel('Start date').fill('3/3/2025');
    await page.getByRole('button', { name: 'Add member of staff' }).click();
    await waitForPage(page, name);
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: `Added ${name}.` })
        .count(),
    ).resolves.toBe(1);
    const details = page.locator('.summary-list').first();
    await expect(details.innerText()).resolves.toContain('3 March 2025');
    await expect(details.innerText()).resolves.toContain('0.8');
    await screenshot(page, 'people-person');
    await expectNoAxeViolations(page);
  });

  test('the API’s refusal of a taken staff reference shows by the field', async () => {
    const { page } = opened;
    await page.goto('/people/new');
    await waitForPage(page, 'Add a member of staff');
    await page.getByLabel('Staff reference (optional)').fill(ref);
    await page.getByLabel('Service').selectOption({ label: 'Outreach' });
    await page.getByLabel('Start date').fill('1/4/2025');
    await page.getByRole('button', { name: 'Add member of staff' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'Another staff member already has this staff reference.',
    ]);
    await expect(page.locator('#staffRef-error').innerText()).resolves.toContain(
      'Another staff member already has this staff reference.',
    );
  });

  test('edits them', async () => {
    const { page } = opened;
    await page.goto('/people');
    await waitForPage(page, 'People');
    await page.getByLabel('Search').fill(ref);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name, exact: true }).click();
    await waitForPage(page, name);
    await page.getByRole('link', { name: 'Edit details' }).click();
    await waitForPage(page, `Edit ${name}`);
    await expect(page.getByLabel('Start date').inputValue()).resolves.toBe('03/03/2025');
    await screenshot(page, 'people-edit');
    await expectNoAxeViolations(page);
    await page.getByLabel('FTE (full-time equivalent)').fill('0.6');
    await page.getByLabel('Role title (optional)').fill('Senior outreach worker');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitForPage(page, name);
    await page.getByText(`Saved the changes to ${name}.`).waitFor();
    const details = await page.locator('.summary-list').first().innerText();
    expect(details).toContain('Senior outreach worker');
    expect(details).toMatch(/FTE\s+0\.6/);
  });

  test('records them as a leaver, then reinstates them', async () => {
    const { page } = opened;
    const lastDay = addDays(today, -5);
    await page.getByRole('link', { name: 'Record as a leaver' }).click();
    await waitForPage(page, `Record ${name} as a leaver`);
    await page.getByLabel('Last day of employment').fill('1/1/2025');
    await page.getByRole('button', { name: 'Record leaver' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'The last day of employment must be on or after their start date (3 March 2025)',
      'Select the reason they left',
    ]);
    await screenshot(page, 'people-leaver-errors');
    await expectNoAxeViolations(page);

    await page.getByLabel('Last day of employment').fill(ukInput(lastDay));
    await page.getByLabel('Resignation').check();
    await page.getByRole('button', { name: 'Record leaver' }).click();
    await waitForPage(page, name);
    await page.getByText(`their last day is ${longDate(lastDay)}`).waitFor();
    await expect(page.locator('.summary-list').first().innerText()).resolves.toContain(
      `Left on ${longDate(lastDay)} – Resignation`,
    );

    // They are in the list of leavers, and no longer in post.
    await page.goto(`/people?q=${encodeURIComponent(ref)}&status=left`);
    await waitForPage(page, 'People');
    const leavers = page.getByRole('table', { name: /who have left/ });
    await expect(tableCells(leavers)).resolves.toEqual([
      expect.arrayContaining([name, ref, `Left on ${longDate(lastDay)}`]),
    ]);
    await page.goto(`/people?q=${encodeURIComponent(ref)}`);
    await waitForPage(page, 'People');
    await page.getByRole('heading', { name: 'No one matches these filters' }).waitFor();
    await screenshot(page, 'people-no-match');
    await expectNoAxeViolations(page);

    // Reinstate.
    await page.goto(`/people?q=${encodeURIComponent(ref)}&status=all`);
    await page.getByRole('link', { name, exact: true }).click();
    await waitForPage(page, name);
    await page.getByRole('button', { name: /Reinstate/ }).click();
    await page.getByText(`${name} is no longer recorded as a leaver.`).waitFor();
    await expect(page.locator('.summary-list').first().innerText()).resolves.toMatch(
      /Status\s+In post/,
    );
  });

  test('a person who does not exist, or is not theirs to see, is "not found"', async () => {
    const { page } = opened;
    await page.goto('/people/00000000-0000-4000-8000-000000000000');
    await waitForPage(page, 'Person not found');
    await page.getByRole('heading', { name: 'We could not find this person' }).waitFor();
    await expectNoAxeViolations(page);
  });
});

/** The staff the signed-in user may see, according to the API. */
async function visibleStaff(page: Page): Promise<string[]> {
  const data = await graphql<{
    staffMembers: { totalCount: number; nodes: { displayName: string | null }[] };
  }>(page, '{ staffMembers(page: { first: 100 }) { totalCount nodes { displayName } } }');
  return data.staffMembers.nodes.map((n) => n.displayName ?? '');
}

describe('a supervisor', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.SUPERVISOR.email });

  test('sees only themselves and their supervisees, cannot add, and sees no absence', async () => {
    const { page } = opened;
    await page.goto('/people?status=all');
    await waitForPage(page, 'People');
    const expected = await visibleStaff(page);
    expect(expected).toContain('Carys Evans');
    const table = page.getByRole('table', { name: /^Staff/ });
    const names = (await tableCells(table)).map((row) => row[0]);
    expect([...names].sort()).toEqual([...expected].sort());
    await expect(page.getByRole('link', { name: 'Add a member of staff' }).count()).resolves.toBe(
      0,
    );
    await screenshot(page, 'people-supervisor');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Carys Evans', exact: true }).click();
    await waitForPage(page, 'Carys Evans');
    await page.getByRole('heading', { name: 'Recent sessions' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Absence' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Edit details' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe('a practitioner', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.PRACTITIONER.email });

  test('sees only themselves', async () => {
    const { page } = opened;
    // The API shows a practitioner their own record and no one else's.
    await page.goto('/');
    await mainNavigation(page).waitFor();
    await expect(visibleStaff(page)).resolves.toEqual(['Dev Patel']);

    await page.goto('/people?status=all');
    if (canSee('PRACTITIONER', DEMO_ACCOUNTS.PRACTITIONER.kind, 'people')) {
      await waitForPage(page, 'People');
      const names = (await tableCells(page.getByRole('table', { name: /^Staff/ }))).map(
        (row) => row[0],
      );
      expect(names).toEqual(['Dev Patel']);
      await expectNoAxeViolations(page);
    } else {
      // navigation.ts keeps People from practitioners (they have My supervision).
      await heading(page, NO_ACCESS_HEADING).waitFor();
    }
    await screenshot(page, 'people-practitioner');
  });
});
