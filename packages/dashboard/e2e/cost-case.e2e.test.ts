import type { Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  mainNavigation,
  openPage,
  screenshot,
  signIn,
  waitForPage,
} from './support/app';
import { graphql } from './support/api';
import { useBrowser, usePage } from './support/browser';
import { addDays, addMonths, longDate, todayInLondon } from './support/dates';
import { DEMO_ACCOUNTS } from './support/demo-accounts';
import { pounds } from './support/numbers';

/*
 * The Cost case end to end, against the real API and the demo data: the
 * figures equal the API's cost case for the same period and services; the
 * plain explanation states the break-even number of leavers without
 * claiming proof; the organisation's own cost figures are shown with the
 * source of the defaults; admins get a link to change them in Settings and
 * no one else does; the filters come from the address (shared with the
 * Overview). axe (WCAG 2.2 AA) with the charts' tables open, and screenshots.
 */

const browser = useBrowser();

interface CostCase {
  currency: string;
  averageEligible: number;
  leavers: number;
  supervisionCostPerWorkerYear: number;
  recruitmentCostPerLeaver: number;
  supervisionSpend: number;
  turnoverCost: number;
  breakEvenLeavers: { value: number | null; numerator: number; denominator: number };
}

async function apiCostCase(page: Page, input: { from: string; to: string }): Promise<CostCase> {
  const data = await graphql<{ metricsOverview: { costCase: CostCase } }>(
    page,
    `
      query ($input: MetricsOverviewInput!) {
        metricsOverview(input: $input) {
          costCase {
            currency
            averageEligible
            leavers
            supervisionCostPerWorkerYear
            recruitmentCostPerLeaver
            supervisionSpend
            turnoverCost
            breakEvenLeavers {
              value
              numerator
              denominator
            }
          }
        }
      }
    `,
    { input: { ...input, months: 12 } },
  );
  return data.metricsOverview.costCase;
}

async function openCostCase(page: Page, query = ''): Promise<void> {
  await page.goto(`/cost-case${query}`);
  await waitForPage(page, 'Cost case');
  await page.locator('[data-figure="cost-spend"]').waitFor();
}

async function value(page: Page, id: string): Promise<string> {
  return (await page.locator(`[data-figure="${id}"] [data-figure-value]`).innerText())
    .replace(/\s+/g, ' ')
    .trim();
}

/** The cards and the explanation say exactly what the API's cost case says. */
async function expectFiguresToEqual(page: Page, cost: CostCase): Promise<void> {
  const breakEven = Math.round((cost.breakEvenLeavers.value as number) * 10) / 10;
  expect(await value(page, 'cost-spend')).toBe(pounds(cost.supervisionSpend));
  expect(await value(page, 'cost-turnover')).toBe(pounds(cost.turnoverCost));
  expect(await value(page, 'cost-break-even')).toBe(
    `${breakEven.toLocaleString('en-GB')} ${breakEven === 1 ? 'leaver' : 'leavers'}`,
  );
  expect(await value(page, 'cost-leavers')).toBe(
    `${cost.leavers} ${cost.leavers === 1 ? 'person' : 'people'}`,
  );
  await expect(page.locator('.cost-case__explanation').innerText()).resolves.toContain(
    `The supervision you paid for in this period would be covered if it prevented ${breakEven.toLocaleString('en-GB')} leavers.`,
  );
  // The working, to the penny.
  await expect(page.locator('.cost-case__working').innerText()).resolves.toContain(
    `= ${pounds(cost.supervisionSpend, true)}.`,
  );
  await expect(page.locator('.cost-case__working').innerText()).resolves.toContain(
    `${cost.leavers} ${cost.leavers === 1 ? 'leaver' : 'leavers'} × ${pounds(cost.recruitmentCostPerLeaver)} recruitment cost per leaver = ${pounds(cost.turnoverCost, true)}.`,
  );
}

describe('the organisation admin', () => {
  const opened = usePage(browser, {
    signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email,
    checkPageErrors: false,
  });

  it('sees the API’s cost case, explained without overclaiming, with the source of the defaults', async () => {
    const { page } = opened;
    await mainNavigation(page).getByRole('link', { name: 'Cost case', exact: true }).click();
    await waitForPage(page, 'Cost case');
    await page.locator('[data-figure="cost-spend"]').waitFor();
    const to = todayInLondon();
    const cost = await apiCostCase(page, { from: addDays(addMonths(to, -12), 1), to });
    await expectFiguresToEqual(page, cost);

    const explanation = page.locator('.cost-case__explanation');
    await expect(explanation.innerText()).resolves.toContain('does not prove');
    await expect(explanation.innerText()).resolves.toContain('association');

    const settings = page.locator('section', {
      has: page.getByRole('heading', { name: 'Your organisation’s figures' }),
    });
    await expect(settings.innerText()).resolves.toContain(
      pounds(cost.supervisionCostPerWorkerYear),
    );
    await expect(settings.innerText()).resolves.toContain(pounds(cost.recruitmentCostPerLeaver));
    await expect(settings.innerText()).resolves.toContain(
      '£563 per worker per year for supervision against £1,612 to recruit a replacement',
    );
    await expect(settings.innerText()).resolves.toContain('one charity’s published evaluation');

    const toggles = page.getByRole('button', { name: /^View as table/ });
    for (let i = 0; i < (await toggles.count()); i += 1) await toggles.nth(i).click();
    await expect(page.locator('#cost-bars table tbody tr').allInnerTexts()).resolves.toEqual([
      `Supervision spend\t${pounds(cost.supervisionSpend)}`,
      `Turnover cost\t${pounds(cost.turnoverCost)}`,
    ]);
    expect(opened.pageErrors).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'cost-case-admin');

    await settings
      .getByRole('link', { name: 'Change your organisation’s cost figures in Settings' })
      .click();
    await waitForPage(page, 'Settings');
    await page.getByLabel(/Supervision cost per worker per year/).waitFor();
  });

  it('takes its period from the address, as the Overview does', async () => {
    const { page } = opened;
    const to = addDays(`${todayInLondon().slice(0, 8)}01`, -1);
    const from = `${addMonths(to, -5).slice(0, 8)}01`;
    await openCostCase(page, `?from=${from}&to=${to}`);
    await expect(page.locator('.lead').innerText()).resolves.toContain(
      `${longDate(from)} to ${longDate(to)}`,
    );
    await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe(
      from.split('-').reverse().join('/'),
    );
    await expectFiguresToEqual(page, await apiCostCase(page, { from, to }));

    // The Overview's cost card links here with the same filters.
    await page.goto(`/overview?from=${from}&to=${to}`);
    await waitForPage(page, 'Overview');
    await page
      .locator('[data-figure="card-cost"]')
      .getByRole('link', { name: 'See the cost case' })
      .click();
    await waitForPage(page, 'Cost case');
    expect(new URL(page.url()).search).toBe(`?from=${from}&to=${to}`);
  });
});

describe('an analyst', () => {
  it('sees the cost case and the figures behind it, but no link to change them', async () => {
    const opened = await openPage(browser());
    try {
      const { page } = opened;
      await signIn(page, DEMO_ACCOUNTS.ANALYST.email);
      await openCostCase(page);
      const to = todayInLondon();
      await expectFiguresToEqual(
        page,
        await apiCostCase(page, { from: addDays(addMonths(to, -12), 1), to }),
      );
      await expect(page.getByRole('link', { name: /Settings/ }).count()).resolves.toBe(0);
      await expect(
        page.getByText('Your organisation admin can change these figures in Settings.').count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await screenshot(page, 'cost-case-analyst');
    } finally {
      await opened.context.close();
    }
  });
});
