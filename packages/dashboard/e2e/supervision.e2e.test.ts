import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, mainNavigation, screenshot, waitForPage } from './support/app';
import { useBrowser, usePage } from './support/browser';
import { parseCsv } from './support/csv';
import { addDays, longDate, todayInLondon, ukInput } from './support/dates';
import { DEMO_ACCOUNTS } from './support/demo-accounts';
import { errorSummaryLinks, selectStartingWith } from './support/forms';
import { rowCells, shownTableCells } from './support/tables';

/*
 * The Supervision page's records end to end, against the real API and the
 * demo data: the demo supervisor (Carys Evans) records a held one-to-one
 * session for their supervisee (Dev Patel, the demo practitioner), sees it in
 * the list, adds an agreed action, schedules and cancels another; the demo
 * practitioner then sees it on My supervision and confirms it. The admin sets
 * up an agreement (ending the one it replaces) and reviews an agreement due
 * for review. Analysts see no records. axe (WCAG 2.2 AA) on every page built
 * here, with and without errors, and screenshots.
 */

const PAGE = 'Supervision';
const AGREEMENTS = 'Supervision agreements';
const SUPERVISEE = 'Dev Patel';
const SUPERVISOR = 'Carys Evans';
const ACTION = 'Book safeguarding refresher training';

const browser = useBrowser();

const today = todayInLondon();

describe('the demo supervisor', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.SUPERVISOR.email });

  /** The list's row for the session this test records. */
  const ourRow = (page: Page) =>
    page
      .getByRole('table', { name: /Supervision sessions/ })
      .locator('tbody tr')
      .filter({ hasText: longDate(today) })
      .filter({ hasText: SUPERVISEE })
      .filter({ hasText: 'Held' })
      .filter({ hasText: '50 minutes' });

  test('sees the sessions they supervise, and the page passes axe', async () => {
    const { page } = opened;
    await mainNavigation(page).getByRole('link', { name: PAGE, exact: true }).click();
    await waitForPage(page, PAGE);
    await page
      .getByText('Holdspace records that supervision happened, never what was said')
      .waitFor();
    const table = page.getByRole('table', { name: 'Supervision sessions, newest first' });
    const rows = await shownTableCells(table);
    expect(rows.length).toBeGreaterThan(0);
    // Only theirs: every session shown is one they supervise or attend.
    for (const row of rows) {
      expect(row[2] === SUPERVISOR || (row[1] ?? '').includes(SUPERVISOR)).toBe(true);
    }
    await screenshot(page, 'supervision-supervisor');
    await expectNoAxeViolations(page);
  });

  test('records a held one-to-one session, with errors first', async () => {
    const { page } = opened;
    await page.getByRole('link', { name: 'Record a held session' }).first().click();
    await waitForPage(page, 'Record a held session');
    // They supervise: they are chosen in advance.
    await expect(
      page.getByLabel('Supervisor', { exact: true }).evaluate((s) => {
        const select = s as HTMLSelectElement;
        return select.options[select.selectedIndex]?.text;
      }),
    ).resolves.toBe(SUPERVISOR);
    await page.getByRole('button', { name: 'Record session' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'Enter the date of the session',
      'Select the format of the session',
      'Select at least one attendee',
      'Enter how long the session lasted, in minutes',
    ]);
    await page.locator('.error-summary a', { hasText: 'Select the format' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('format');
    await screenshot(page, 'supervision-record-errors');
    await expectNoAxeViolations(page);

    await page.getByLabel('Date of the session').fill(ukInput(addDays(today, 1)));
    await page.getByLabel('One-to-one', { exact: true }).check();
    await selectStartingWith(page.getByLabel('Supervisee'), SUPERVISEE);
    await page.getByLabel('How long it lasted, in minutes').fill('481');
    await page.getByRole('button', { name: 'Record session' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'The date of the session must be today or in the past',
      'The length of the session must be 480 minutes (8 hours) or less',
    ]);

    await page.getByLabel('Date of the session').fill(ukInput(today));
    await page.getByLabel('How long it lasted, in minutes').fill('50');
    await page.getByLabel('Restorative').check();
    await page.getByLabel('Formative').check();
    await screenshot(page, 'supervision-record-filled');
    await page.getByRole('button', { name: 'Record session' }).click();

    await waitForPage(page, PAGE);
    await page
      .getByRole('status')
      .getByText(`Recorded the one-to-one session on ${longDate(today)} with ${SUPERVISEE}.`)
      .waitFor();
    await expect(rowCells(ourRow(page))).resolves.toEqual([
      expect.arrayContaining([
        longDate(today),
        SUPERVISEE,
        SUPERVISOR,
        'One-to-one',
        'Held',
        '50 minutes',
        'Formative, Restorative',
        'Not yet confirmed',
      ]),
    ]);
  });

  test('exports exactly what the table shows', async () => {
    const { page } = opened;
    const table = page.getByRole('table', { name: 'Supervision sessions, newest first' });
    const shown = await shownTableCells(table);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV of the sessions shown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`holdspace-supervision-sessions-${today}.csv`);
    const csv = parseCsv(fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual([
      'Date',
      'People',
      'Supervisor',
      'Format',
      'Status',
      'Length',
      'Functions served',
      'Confirmed',
    ]);
    // The table's last column holds the links to change a session, not data.
    expect(csv.slice(1)).toEqual(shown.map((row) => row.slice(0, 8)));
  });

  test('filters the list by status and person, kept in the address', async () => {
    const { page } = opened;
    await page.getByLabel('Status', { exact: true }).selectOption('HELD');
    await selectStartingWith(page.getByLabel('Person attending'), SUPERVISEE);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=HELD/);
    const table = page.getByRole('table', { name: /Supervision sessions, newest first, filtered/ });
    await table.waitFor();
    const rows = await shownTableCells(table);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[1]).toContain(SUPERVISEE);
      expect(row[4]).toBe('Held');
    }
    await expectNoAxeViolations(page);
  });

  test('adds an agreed action to the session, by title only', async () => {
    const { page } = opened;
    await ourRow(page)
      .getByRole('link', { name: /^Add an action/ })
      .click();
    await waitForPage(page, 'Add an agreed action');
    await page.getByRole('button', { name: 'Add action' }).click();
    expect(await errorSummaryLinks(page)).toEqual(['Enter a title for the action']);
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill(ACTION);
    await selectStartingWith(page.getByLabel('Owner (optional)'), SUPERVISEE);
    await page.getByLabel('Due date (optional)').fill(ukInput(addDays(today, 30)));
    await page.getByRole('button', { name: 'Add action' }).click();

    await waitForPage(page, `Session on ${longDate(today)}`);
    await page.getByText(`Added the action “${ACTION}”.`).waitFor();
    const actions = page.getByRole('table', { name: 'Actions agreed in this session' });
    await expect(shownTableCells(actions)).resolves.toEqual([
      [
        ACTION,
        SUPERVISEE,
        longDate(addDays(today, 30)),
        'Open',
        expect.stringContaining('Mark done'),
      ],
    ]);
    await screenshot(page, 'supervision-session');
    await expectNoAxeViolations(page);
  });

  test('schedules a session, then cancels it', async () => {
    const { page } = opened;
    const next = addDays(today, 14);
    await page.goto('/supervision/sessions/schedule');
    await waitForPage(page, 'Schedule a session');
    await page.getByLabel('Date of the session').fill(ukInput(next));
    await page.getByLabel('One-to-one', { exact: true }).check();
    await selectStartingWith(page.getByLabel('Supervisee'), SUPERVISEE);
    await page.getByLabel('How long it will last, in minutes').fill('60');
    await screenshot(page, 'supervision-schedule');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Schedule session' }).click();
    await waitForPage(page, PAGE);
    await page
      .getByText(`Scheduled the one-to-one session on ${longDate(next)} with ${SUPERVISEE}.`)
      .waitFor();

    const row = page
      .getByRole('table', { name: /Supervision sessions/ })
      .locator('tbody tr')
      .filter({ hasText: longDate(next) })
      .filter({ hasText: 'Scheduled' })
      .first();
    // Not attended only once the day has come.
    await expect(row.getByRole('link', { name: /^Did not attend/ }).count()).resolves.toBe(0);
    await row.getByRole('link', { name: /^Cancel/ }).click();
    await waitForPage(page, 'Cancel this session');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Cancel session' }).click();
    await waitForPage(page, PAGE);
    await page
      .getByText(`Cancelled the one-to-one session on ${longDate(next)} with ${SUPERVISEE}.`)
      .waitFor();
  });

  test('sees the agreements they supervise, read only', async () => {
    const { page } = opened;
    await page.getByRole('link', { name: 'All agreements' }).click();
    await waitForPage(page, AGREEMENTS);
    const table = page.getByRole('table', { name: /Supervision agreements: active today/ });
    const rows = await shownTableCells(table);
    expect(rows.map((row) => row[0])).toContain(SUPERVISEE);
    await expect(page.getByRole('link', { name: 'Set up an agreement' }).count()).resolves.toBe(0);
    await expect(table.getByRole('link', { name: /^Review/ }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe('the demo practitioner, after the session is recorded', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.PRACTITIONER.email });

  test('sees it on My supervision with the agreed action, and confirms it', async () => {
    const { page } = opened;
    await waitForPage(page, 'My supervision');
    const table = page.getByRole('table', { name: 'Your supervision sessions, newest first' });
    await table.waitFor();
    const confirm = table.getByRole('button', {
      name: `Confirm this session on ${longDate(today)}`,
    });
    await expect(confirm.count()).resolves.toBeGreaterThan(0);
    const actions = page.getByRole('table', { name: /Your agreed actions/ });
    await expect(shownTableCells(actions)).resolves.toContainEqual([
      ACTION,
      'You',
      longDate(addDays(today, 30)),
      'Open',
      longDate(today),
    ]);
    await confirm.first().click();
    await page
      .getByRole('status')
      .getByText(`Thank you. You confirmed your session on ${longDate(today)}.`)
      .waitFor();
    await expect(
      rowCells(
        table
          .locator('tbody tr')
          .filter({ hasText: '50 minutes' })
          .filter({
            hasText: longDate(today),
          }),
      ),
    ).resolves.toEqual([expect.arrayContaining([`Confirmed ${longDate(today)}`])]);
    await expectNoAxeViolations(page);
  });
});

describe('the organisation admin', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });

  test('sees every agreement, and the page passes axe', async () => {
    const { page } = opened;
    await page.goto('/supervision/agreements');
    await waitForPage(page, AGREEMENTS);
    const table = page.getByRole('table', { name: /Supervision agreements: active today/ });
    expect((await shownTableCells(table)).length).toBeGreaterThan(10);
    await screenshot(page, 'supervision-agreements');
    await expectNoAxeViolations(page);
  });

  test('sets up an agreement, ending the one it replaces', async () => {
    const { page } = opened;
    const table = page.getByRole('table', { name: /Supervision agreements: active today/ });
    // Someone other than the demo users, whose agreement started before yesterday.
    const rows = await shownTableCells(table);
    const row = rows.find(
      (r) =>
        r[0] !== SUPERVISEE &&
        r[0] !== SUPERVISOR &&
        r[0] !== 'Name erased' &&
        r[6] === 'Active' &&
        r[4] !== longDate(today) &&
        r[4] !== longDate(addDays(today, -1)),
    );
    expect(row).toBeTruthy();
    const person = (row as string[])[0] as string;

    await table
      .locator('tbody tr')
      .filter({ has: page.getByRole('cell', { name: person, exact: true }) })
      .getByRole('link', { name: /^End/ })
      .click();
    await waitForPage(page, 'End the agreement');
    await expectNoAxeViolations(page);
    await page.getByLabel('Last day of the agreement').fill(ukInput(addDays(today, -1)));
    await page.getByRole('button', { name: 'End agreement' }).click();
    await waitForPage(page, AGREEMENTS);
    await page
      .getByText(`Ended ${person}’s agreement: its last day is ${longDate(addDays(today, -1))}.`)
      .waitFor();

    await page.getByRole('link', { name: 'Set up an agreement' }).click();
    await waitForPage(page, 'Set up a supervision agreement');
    await page
      .getByText('Holdspace records that supervision happened, never what was said')
      .waitFor();
    await page.getByRole('button', { name: 'Set up agreement' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'Select the supervisee',
      'Select the supervisor',
      'Select how often they should have supervision',
      'Enter the start date',
    ]);
    await screenshot(page, 'supervision-agreement-errors');
    await expectNoAxeViolations(page);

    await selectStartingWith(page.getByLabel('Supervisee'), person);
    await selectStartingWith(page.getByLabel('Supervisor', { exact: true }), SUPERVISOR);
    await page.getByLabel('Every two weeks').check();
    await page.getByLabel('Expected length of a session, in minutes (optional)').fill('60');
    await page.getByLabel('Start date').fill(ukInput(today));
    await page.getByLabel('Review due date (optional)').fill(ukInput(addDays(today, -1)));
    await page.getByLabel('One-to-one', { exact: true }).check();
    await page.getByRole('button', { name: 'Set up agreement' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'The review due date must be on or after the start date',
    ]);
    await page.getByLabel('Review due date (optional)').fill(ukInput(addDays(today, 365)));
    await page.getByRole('button', { name: 'Set up agreement' }).click();

    await waitForPage(page, AGREEMENTS);
    await page
      .getByText(
        `Set up an agreement for ${person}: supervision every two weeks from ${longDate(today)}.`,
      )
      .waitFor();
    const listed = await rowCells(
      page
        .getByRole('table', { name: /Supervision agreements: active today/ })
        .locator('tbody tr')
        .filter({ has: page.getByRole('cell', { name: person, exact: true }) }),
    );
    expect(listed).toEqual([
      expect.arrayContaining([
        person,
        SUPERVISOR,
        'Every two weeks',
        '60 minutes',
        longDate(today),
        longDate(addDays(today, 365)),
        'Active',
      ]),
    ]);
  });

  test('reviews an agreement that is due for review', async () => {
    const { page } = opened;
    await page.goto('/supervision');
    await waitForPage(page, PAGE);
    const due = page.getByRole('table', { name: /due for review/ });
    const first = (await shownTableCells(due))[0] as string[];
    expect(first[5]).toMatch(/^Due for review Was due .+ \(\d+ days? ago\)$/);
    await page.getByRole('link', { name: /agreements? due for review$/ }).click();
    await waitForPage(page, AGREEMENTS);
    const table = page.getByRole('table', { name: /Supervision agreements: due for review/ });
    const before = await shownTableCells(table);
    for (const row of before) expect(row[5]).toMatch(/^Due for review/);
    await screenshot(page, 'supervision-agreements-due');
    await expectNoAxeViolations(page);

    const person = first[0] as string;
    await table
      .locator('tbody tr')
      .filter({ has: page.getByRole('cell', { name: person, exact: true }) })
      .first()
      .getByRole('link', { name: /^Review/ })
      .click();
    await waitForPage(page, 'Record a review of the agreement');
    await page.getByLabel('Date of the review').fill(ukInput(addDays(today, 1)));
    await page.getByLabel('Next review due').fill(ukInput(today));
    await page.getByRole('button', { name: 'Record review' }).click();
    expect(await errorSummaryLinks(page)).toEqual([
      'The date of the review must be today or in the past',
    ]);
    await screenshot(page, 'supervision-review-errors');
    await expectNoAxeViolations(page);
    await page.getByLabel('Date of the review').fill(ukInput(today));
    await page.getByLabel('Next review due').fill(ukInput(addDays(today, 365)));
    await page.getByRole('button', { name: 'Record review' }).click();

    await waitForPage(page, AGREEMENTS);
    await page
      .getByText(
        `Recorded the review of ${person}’s agreement. The next review is due ${longDate(addDays(today, 365))}.`,
      )
      .waitFor();
    // No longer due: the list of agreements due for review is one shorter.
    await page.goto('/supervision/agreements?show=review');
    await waitForPage(page, AGREEMENTS);
    const dueTable = page.getByRole('table', { name: /Supervision agreements: due for review/ });
    const after = (await dueTable.count()) > 0 ? await shownTableCells(dueTable) : [];
    expect(after.length).toBe(before.length - 1);
  });
});

describe('an analyst', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ANALYST.email });

  test('sees no individual supervision records', async () => {
    const { page } = opened;
    await page.goto('/supervision');
    await waitForPage(page, PAGE);
    await page.getByText('Individual agreements and sessions are kept for').waitFor();
    await expect(page.getByRole('table', { name: /Supervision sessions/ }).count()).resolves.toBe(
      0,
    );
    await expect(page.getByRole('link', { name: 'Record a held session' }).count()).resolves.toBe(
      0,
    );
    await screenshot(page, 'supervision-analyst');
    await expectNoAxeViolations(page);
  });
});
