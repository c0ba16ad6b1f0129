import type { Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  mainNavigation,
  navigationLabels,
  screenshot,
  waitForPage,
} from './support/app';
import { useBrowser, usePage } from './support/browser';
import { DEMO_ACCOUNTS } from './support/demo-accounts';
import { tableCells } from './support/tables';

/*
 * My supervision end to end, against the real API and the demo data: the demo
 * practitioner (Dev Patel, supervised by Carys Evans) sees their agreement,
 * their sessions and their agreed actions, confirms a held session their
 * supervisor recorded, and sees nobody else's records. axe (WCAG 2.2 AA) and
 * a screenshot before and after confirming.
 */

const PAGE = 'My supervision';
const SUPERVISOR = 'Carys Evans';

const browser = useBrowser();
const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.PRACTITIONER.email });

const sessionsTable = (page: Page) =>
  page.getByRole('table', { name: 'Your supervision sessions, newest first' });

test('the practitioner lands on My supervision, their only page, and it passes axe', async () => {
  const { page } = opened;
  await waitForPage(page, PAGE);
  await expect(navigationLabels(page)).resolves.toEqual([PAGE]);
  await expect(
    mainNavigation(page).getByRole('link', { name: PAGE }).getAttribute('aria-current'),
  ).resolves.toBe('page');
  await page
    .getByText('Holdspace records that supervision happened, never what was said')
    .waitFor();
  await sessionsTable(page).waitFor();
  await screenshot(page, 'my-supervision');
  await expectNoAxeViolations(page);
});

test('shows their agreement with their supervisor', async () => {
  const { page } = opened;
  const agreement = page.getByRole('region', { name: 'Your supervision agreement' });
  await expect(agreement.locator('dt').allInnerTexts()).resolves.toEqual(
    expect.arrayContaining(['Supervisor', 'How often', 'Started', 'Sessions that count']),
  );
  await expect(agreement.locator('dd').first().innerText()).resolves.toBe(SUPERVISOR);
});

test('shows only their own sessions, and never another attendee’s name', async () => {
  const { page } = opened;
  const rows = await tableCells(sessionsTable(page));
  expect(rows.length).toBeGreaterThan(0);
  // No column names who attended: only the supervisor of each session.
  await expect(sessionsTable(page).locator('thead th').allInnerTexts()).resolves.toEqual([
    'Date',
    'Format',
    'Supervisor',
    'Status',
    'Length',
    'Functions served',
    'Confirmed',
  ]);
  for (const row of rows) expect(row[2]).not.toBe('');
  const actions = page.getByRole('region', { name: 'Your agreed actions' });
  for (const row of await tableCells(actions.getByRole('table'))) {
    expect(['You', 'No one in particular', `${SUPERVISOR} (supervisor)`]).toContain(row[1]);
  }
});

test('confirms a held session their supervisor recorded', async () => {
  const { page } = opened;
  const table = sessionsTable(page);
  const button = table.getByRole('button', { name: /^Confirm this session on / }).first();
  const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
  const date = name
    .replace(/\s+/g, ' ')
    .replace(/^Confirm this session on /, '')
    .trim();
  const waitingBefore = await table.getByRole('button', { name: /^Confirm this session/ }).count();
  expect(waitingBefore).toBeGreaterThan(0);

  await button.click();
  const message = page
    .getByRole('status')
    .getByText(`Thank you. You confirmed your session on ${date}.`);
  await message.waitFor();
  await expect(table.getByRole('button', { name: /^Confirm this session/ }).count()).resolves.toBe(
    waitingBefore - 1,
  );
  const confirmedRows = (await tableCells(table)).filter(
    (row) => row[0] === date && /^Confirmed /.test(row[6] ?? ''),
  );
  expect(confirmedRows.length).toBeGreaterThan(0);
  await screenshot(page, 'my-supervision-confirmed');
  await expectNoAxeViolations(page);

  // It stays confirmed after a reload: the API kept it.
  await page.reload();
  await waitForPage(page, PAGE);
  await sessionsTable(page).waitFor();
  await expect(
    sessionsTable(page)
      .getByRole('button', { name: /^Confirm this session/ })
      .count(),
  ).resolves.toBe(waitingBefore - 1);
});
