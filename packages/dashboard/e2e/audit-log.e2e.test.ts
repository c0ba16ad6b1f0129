import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { FILTER_MESSAGES } from '../src/audit-log/audit-filter-messages';
import {
  expectNoAxeViolations,
  mainNavigation,
  pathOf,
  screenshot,
  waitForPage,
} from './support/app';
import { useBrowser, usePage } from './support/browser';
import { todayInLondon, ukDate } from './support/dates';
import { DEMO_ACCOUNTS } from './support/demo-accounts';

/*
 * The audit log as the organisation admin: a change they make is listed first,
 * in plain words; filters (kept in the address) narrow it; Export CSV downloads
 * what the table shows; bad dates get the GOV.UK error pattern; axe finds
 * nothing.
 */

const ADMIN_NAME = 'Amira Khan';
const SETTINGS_CHANGED = 'Changed the organisation’s settings';
const THRESHOLD = 'Small-number threshold';

const browser = useBrowser();
const admin = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });

async function tableRows(page: Page): Promise<string[][]> {
  return page
    .getByRole('table', { name: /Audit events/ })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')),
    );
}

async function openAuditLog(page: Page, query = ''): Promise<void> {
  await page.goto(`/audit-log${query}`);
  await waitForPage(page, 'Audit log');
}

/** Changes a setting and puts it back: two audited changes that leave the demo data as it was. */
async function changeASettingAndBack(page: Page): Promise<void> {
  await page.goto('/settings');
  await waitForPage(page, 'Settings');
  const field = page.getByLabel(THRESHOLD);
  await field.waitFor();
  const original = await field.inputValue();
  for (const value of [String(Number(original) + 1), original]) {
    await field.fill(value);
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        (response.request().postData() ?? '').includes('UpdateOrganisationSettings'),
    );
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect((await saved).ok()).toBe(true);
    await page.getByText('Your changes have been saved.').waitFor();
  }
}

test('a change the admin makes is listed first, in plain words', async () => {
  const { page } = admin;
  await changeASettingAndBack(page);
  await mainNavigation(page).getByRole('link', { name: 'Audit log', exact: true }).click();
  await waitForPage(page, 'Audit log');
  await page.getByRole('table', { name: 'Audit events, newest first' }).waitFor();
  const [first, second] = await tableRows(page);
  expect(first?.slice(1, 4)).toEqual([ADMIN_NAME, SETTINGS_CHANGED, 'Organisation settings']);
  expect(second?.slice(1, 3)).toEqual([ADMIN_NAME, SETTINGS_CHANGED]);
  // "3 March 2026, 14:05:09": a UK date and a time.
  expect(first?.[0]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}:\d{2}$/);
  const main = await page.getByRole('main').innerText();
  expect(main).toContain('Nobody can change or delete the audit log');
  expect(main).toMatch(/Showing 1 to \d+ of \d+ events/);
  expect(await page.title()).toBe('Audit log – Holdspace');
  // Headers are column headers, for screen readers.
  const scopes = await page
    .getByRole('table', { name: /Audit events/ })
    .locator('th')
    .evaluateAll((ths) => ths.map((th) => th.getAttribute('scope')));
  expect(new Set(scopes)).toEqual(new Set(['col']));
  await screenshot(page, 'audit-log');
  await expectNoAxeViolations(page);
});

test('filters narrow the log and stay in the address', async () => {
  const { page } = admin;
  await openAuditLog(page);
  await page.getByLabel('Action').selectOption({ label: SETTINGS_CHANGED });
  await page.getByLabel('Person').selectOption({ label: ADMIN_NAME });
  await page.getByLabel('From date').fill(ukDate(todayInLondon()));
  await page.getByLabel('To date').fill(ukDate(todayInLondon()));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByRole('table', { name: 'Audit events, newest first, filtered' }).waitFor();
  expect(pathOf(page)).toMatch(
    /^\/audit-log\?action=settings\.update&person=[^&]+&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
  );
  const rows = await tableRows(page);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  for (const row of rows) expect(row.slice(1, 3)).toEqual([ADMIN_NAME, SETTINGS_CHANGED]);
  await screenshot(page, 'audit-log-filtered');
  await expectNoAxeViolations(page);

  // A shared link opens the same view.
  const address = pathOf(page);
  await page.goto('/overview');
  await openAuditLog(page, address.slice('/audit-log'.length));
  await page.getByRole('table', { name: 'Audit events, newest first, filtered' }).waitFor();
  expect(await page.getByLabel('Action').inputValue()).toBe('settings.update');
  expect(await page.getByLabel('From date').inputValue()).toBe(ukDate(todayInLondon()));
  expect(await tableRows(page)).toEqual(rows);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('table', { name: 'Audit events, newest first' }).waitFor();
  expect(pathOf(page)).toBe('/audit-log');
});

test('Export CSV downloads what the table shows', async () => {
  const { page } = admin;
  await openAuditLog(page, '?action=settings.update');
  await page.getByRole('table', { name: /filtered/ }).waitFor();
  const rows = await tableRows(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^holdspace-northside-family-support-audit-log-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('When,Who,What happened,Type of record,Record ID');
  expect(lines).toHaveLength(rows.length + 1);
  expect(lines[1]).toBe(`"${rows[0]?.[0]}",${rows[0]?.slice(1).join(',')}`);
});

test('an end date before the start date is explained, GOV.UK style', async () => {
  const { page } = admin;
  await openAuditLog(page);
  await page.getByLabel('From date').fill('2/3/2026');
  await page.getByLabel('To date').fill('1/3/2026');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  expect(await summary.getByRole('link').allInnerTexts()).toEqual([FILTER_MESSAGES.toBeforeFrom]);
  expect(await page.title()).toBe('Error: Audit log – Holdspace');
  await screenshot(page, 'audit-log-errors');
  await expectNoAxeViolations(page);
  expect(pathOf(page)).toBe('/audit-log');
});

test('nothing matching says so, with a way back', async () => {
  const { page } = admin;
  await openAuditLog(page, '?action=staff.erase&from=2000-01-01&to=2000-01-31');
  await page.getByText('No events match these filters').waitFor();
  await screenshot(page, 'audit-log-empty');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Clear the filters and see everything' }).click();
  await page.getByRole('table', { name: 'Audit events, newest first' }).waitFor();
});
