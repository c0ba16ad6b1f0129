import type { Locator, Page } from 'playwright-core';
import { navigationFor } from '../src/shell/navigation';
import {
  expectNoAxeViolations,
  navigationLabels,
  openPage,
  screenshot,
  signIn,
  waitForPage,
} from './support/app';
import { useBrowser, usePage } from './support/browser';
import { COUNTY, DEMO_ACCOUNTS, NORTHSIDE, RIVERSIDE } from './support/demo-accounts';

/*
 * Commissioning end to end, on the demo data (packages/api/src/demo/seed.ts):
 * County's commissioner sees Northside's and Riverside's shared services side
 * by side, one of Riverside's hidden as too small; Northside's admin stops
 * sharing and County's very next comparison leaves Northside out; County's
 * admin asks again and Northside's admin accepts, choosing services and a date.
 *
 * The steps depend on each other and change the demo data: run in order.
 */

/** The commissioner organisation's admin (the demo's "asks providers to share"). */
const COUNTY_ADMIN = 'admin@county.example';
/** Riverside's small shared service: fewer than 5 staff, so never shown. */
const SMALL_SERVICE = 'Sixth form wellbeing';

const browser = useBrowser();
const commissioner = usePage(browser, { signedInAs: DEMO_ACCOUNTS.COMMISSIONER_ANALYST.email });
const provider = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });

function comparisonTable(page: Page): Locator {
  return page.locator('#comparison-table table');
}

/** Opens the comparison (the default period) and waits for its table. */
async function openComparison(page: Page): Promise<void> {
  await page.goto('/commissioning');
  await waitForPage(page, 'Commissioning');
  await comparisonTable(page).waitFor();
}

/** Each service row of the table as "service | provider", in order shown (no totals). */
async function serviceRows(
  page: Page,
): Promise<Array<{ service: string; provider: string; text: string }>> {
  const rows = comparisonTable(page).locator('tbody tr:not(.data-table__total)');
  const result: Array<{ service: string; provider: string; text: string }> = [];
  for (const row of await rows.all()) {
    const service = (await row.locator('th').innerText()).trim();
    const provider = (await row.locator('td').first().innerText()).trim();
    result.push({ service, provider, text: (await row.innerText()).replace(/\s+/g, ' ') });
  }
  return result;
}

test('the commissioner sees the demo providers side by side, small groups hidden, and nothing for axe', async () => {
  const { page } = commissioner;
  // A commissioner analyst's only page, and where they land.
  await waitForPage(page, 'Commissioning');
  expect(await navigationLabels(page)).toEqual(
    navigationFor('COMMISSIONER_ANALYST', 'COMMISSIONER').map((item) => item.label),
  );
  expect(await page.getByRole('banner').innerText()).toContain(COUNTY);
  await comparisonTable(page).waitFor();

  const rows = await serviceRows(page);
  const providers = new Set(rows.map((row) => row.provider));
  expect(providers).toEqual(new Set([NORTHSIDE, RIVERSIDE]));
  expect(rows.filter((row) => row.provider === NORTHSIDE).length).toBeGreaterThanOrEqual(2);

  // Riverside's small service: every figure "Not shown", with why, and no number at all.
  const small = rows.find((row) => row.service === SMALL_SERVICE);
  expect(small?.text).toContain('Not shown (fewer than 5 staff)');
  expect(small?.text.replace(SMALL_SERVICE, '')).not.toMatch(/\d+(\.\d+)?%|£\d/);
  // A visible Northside service has real figures.
  expect(rows.find((row) => row.provider === NORTHSIDE)?.text).toMatch(/\d+\.\d%/);
  // The total and the benchmark at the foot.
  const foot = await comparisonTable(page).locator('tbody tr.data-table__total th').allInnerTexts();
  expect(foot.map((t) => t.trim())).toEqual([
    'All compared services',
    'Benchmark: lower quartile',
    'Benchmark: median',
    'Benchmark: upper quartile',
  ]);

  // Sorting by coverage, by keyboard: aria-sort says so.
  const coverage = comparisonTable(page).getByRole('columnheader', { name: /^Coverage/ });
  await coverage.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await comparisonTable(page).locator('th[aria-sort="ascending"]').waitFor();
  expect(await coverage.getAttribute('aria-sort')).toBe('ascending');
  // The sort is in the address, so a reload (or the link, shared) shows the same order.
  await page.keyboard.press('Enter');
  await comparisonTable(page).locator('th[aria-sort="descending"]').waitFor();
  expect(await coverage.getAttribute('aria-sort')).toBe('descending');
  expect(new URL(page.url()).searchParams.get('sort')).toBe('coverage');
  expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');
  const sorted = (await serviceRows(page)).map((row) => row.service);
  await page.reload();
  await waitForPage(page, 'Commissioning');
  await comparisonTable(page).waitFor();
  expect(await coverage.getAttribute('aria-sort')).toBe('descending');
  expect((await serviceRows(page)).map((row) => row.service)).toEqual(sorted);
  // Highest coverage first; figures not shown last, whatever the direction.
  const shownCoverage = (
    await comparisonTable(page)
      .locator('tbody tr:not(.data-table__total) td:nth-of-type(4)')
      .allInnerTexts()
  ).map((text) => (/^\d+(\.\d+)?%$/.test(text.trim()) ? Number.parseFloat(text) : null));
  const figures = shownCoverage.filter((value): value is number => value !== null);
  expect(figures.length).toBeGreaterThanOrEqual(2);
  expect(figures).toEqual([...figures].sort((a, b) => b - a));
  expect(shownCoverage.slice(figures.length).every((value) => value === null)).toBe(true);

  // The charts are drawn (recharts arrives on its own).
  await page.locator('#comparison-band .chart__plot svg.recharts-surface').first().waitFor();
  await page
    .locator('#comparison-scatter-absence .chart__plot svg.recharts-surface')
    .first()
    .waitFor();
  await screenshot(page, 'commissioning-comparison');
  await expectNoAxeViolations(page);

  // A chart as a table, and the sharing page, are clean too.
  await page
    .locator('#comparison-band')
    .getByRole('button', { name: /View as table/ })
    .click();
  await page.locator('#comparison-band table').waitFor();
  await expectNoAxeViolations(page);

  await page
    .getByRole('navigation', { name: 'Commissioning' })
    .getByRole('link', { name: 'Sharing' })
    .click();
  await page.getByRole('heading', { name: 'Your requests and agreements' }).waitFor();
  await page.locator('.state--loading').first().waitFor({ state: 'detached' });
  const agreements = await page.getByRole('table').innerText();
  expect(agreements).toContain(NORTHSIDE);
  expect(agreements).toContain('Hillcrest Care');
  expect(await page.getByRole('button', { name: 'Send request' }).count()).toBe(0);
  await screenshot(page, 'commissioning-sharing-analyst');
  await expectNoAxeViolations(page);
});

test('the provider admin stops sharing with County, after a confirmation', async () => {
  const { page } = provider;
  await page.goto('/settings/sharing');
  await waitForPage(page, 'Settings');
  await page.getByRole('heading', { name: 'Sharing now' }).waitFor();
  await page.locator('.state--loading').first().waitFor({ state: 'detached' });
  // Regional Wellbeing Fund's request is waiting for an answer.
  await page
    .getByRole('button', { name: 'Accept the request from Regional Wellbeing Fund' })
    .waitFor();
  await screenshot(page, 'commissioning-provider-sharing');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: `Stop sharing with ${COUNTY}` }).click();
  await page.getByRole('heading', { name: `Stop sharing with ${COUNTY}?` }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, stop sharing' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Stopped sharing with ${COUNTY}. They no longer see your figures.` })
    .waitFor();
  const history = page.getByRole('heading', { name: 'History' }).locator('xpath=..');
  expect(await history.innerText()).toContain(COUNTY);
});

test('the commissioner’s very next comparison leaves Northside out', async () => {
  const { page } = commissioner;
  await openComparison(page);
  const rows = await serviceRows(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.map((row) => row.provider)).not.toContain(NORTHSIDE);
  expect(new Set(rows.map((row) => row.provider))).toEqual(new Set([RIVERSIDE]));
  expect(await comparisonTable(page).innerText()).not.toContain(NORTHSIDE);
  await screenshot(page, 'commissioning-after-revoke');
});

test('County’s admin asks Northside again and Northside’s admin accepts, choosing services and a date', async () => {
  const countyAdmin = await openPage(browser());
  try {
    const { page } = countyAdmin;
    await signIn(page, COUNTY_ADMIN);
    await waitForPage(page, 'Commissioning');
    // A commissioner's admin: Commissioning, Settings and the Audit log, no staff pages.
    expect(await navigationLabels(page)).toEqual(
      navigationFor('ORG_ADMIN', 'COMMISSIONER').map((item) => item.label),
    );
    await page.goto('/commissioning/sharing');
    await page.getByRole('heading', { name: 'Ask a provider to share' }).waitFor();
    // Nothing typed: the GOV.UK error pattern.
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.locator('.error-summary a[href="#providerSlug"]').waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Provider’s Holdspace address').fill('northside');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Request sent to ${NORTHSIDE}.` })
      .waitFor();
    expect(countyAdmin.pageErrors.map(String)).toEqual([]);
  } finally {
    await countyAdmin.context.close();
  }

  const { page } = provider;
  await page.goto('/settings/sharing');
  await waitForPage(page, 'Settings');
  await page.getByRole('button', { name: `Accept the request from ${COUNTY}` }).click();
  await page.getByRole('heading', { name: `Share with ${COUNTY}` }).waitFor();
  await page.getByLabel('Outreach', { exact: true }).check();
  await page.getByLabel('Share from').fill('1/1/2025');
  await page.getByRole('button', { name: 'Accept and share' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `You are now sharing 1 service with ${COUNTY}, from 1 January 2025.` })
    .waitFor();

  await openComparison(commissioner.page);
  const rows = await serviceRows(commissioner.page);
  expect(rows.filter((row) => row.provider === NORTHSIDE).map((row) => row.service)).toEqual([
    'Outreach',
  ]);
});
