import fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  mainNavigation,
  NO_ACCESS_HEADING,
  openPage,
  screenshot,
  signIn,
  waitForFigures,
  waitForPage,
} from './support/app';
import { graphql } from './support/api';
import { useBrowser, usePage } from './support/browser';
import { parseCsv } from './support/csv';
import { addDays, addMonths, longDate, todayInLondon } from './support/dates';
import { DEMO_ACCOUNTS } from './support/demo-accounts';
import { percent, pounds } from './support/numbers';

/*
 * The Overview end to end, against the real API and the demo data: the
 * headline cards and the breakdown table show exactly the API's figures for
 * the same filters; the filters go into the address and survive a reload;
 * "View as table" shows the trends' numbers; the breakdown exports as CSV;
 * the print layout has no navigation, filters or buttons; analysts see small
 * groups as "Not shown"; a manager filters only their own services; a
 * practitioner cannot open it. axe (WCAG 2.2 AA) with the charts and their
 * tables, and screenshots into test-artifacts/.
 */

const browser = useBrowser();

/* ---- The API, asked directly as the signed-in browser ---- */

interface Figure {
  value: number | null;
  numerator: number;
  denominator: number;
}

interface Headlines {
  headcount: number;
  eligible: number;
  overdueCount: number;
  coverage: Figure;
  absenceRate: Figure;
  turnoverRate: Figure;
  annualisedTurnoverRate: Figure;
}

interface Group {
  key: string | null;
  label: string;
  suppressed: boolean;
  headlines: Headlines | null;
}

interface Overview {
  period: { from: string; to: string; days: number };
  suppressed: boolean;
  headlines: Headlines | null;
  monthlySeries: Array<{ month: string; suppressed: boolean; coverage: Figure | null }>;
  breakdownByService: { total: Group; groups: Group[] };
  breakdownByPractitionerType: { total: Group; groups: Group[] };
  costCase: {
    supervisionSpend: number;
    turnoverCost: number;
    leavers: number;
    breakEvenLeavers: Figure;
  } | null;
}

const FIGURE = 'value numerator denominator';
const HEADLINES = `headcount eligible overdueCount coverage { ${FIGURE} } absenceRate { ${FIGURE} }
  turnoverRate { ${FIGURE} } annualisedTurnoverRate { ${FIGURE} }`;
const GROUP = `key label suppressed headlines { ${HEADLINES} }`;
const OVERVIEW_QUERY = `
  query ($input: MetricsOverviewInput!) {
    metricsOverview(input: $input) {
      period { from to days }
      suppressed
      headlines { ${HEADLINES} }
      monthlySeries { month suppressed coverage { ${FIGURE} } }
      breakdownByService { total { ${GROUP} } groups { ${GROUP} } }
      breakdownByPractitionerType { total { ${GROUP} } groups { ${GROUP} } }
      costCase { supervisionSpend turnoverCost leavers breakEvenLeavers { ${FIGURE} } }
    }
  }
`;

async function apiOverview(
  page: Page,
  filters: { from: string; to: string; serviceIds?: string[] },
): Promise<Overview> {
  const data = await graphql<{ metricsOverview: Overview }>(page, OVERVIEW_QUERY, {
    input: {
      from: filters.from,
      to: filters.to,
      months: 12,
      serviceIds: filters.serviceIds?.length ? filters.serviceIds : null,
    },
  });
  return data.metricsOverview;
}

/* ---- The page ---- */

/** The first headline card: the figures for the current filters are there with it. */
const COVERAGE_CARD = '[data-figure="card-coverage"]';

async function openOverview(page: Page, query = ''): Promise<void> {
  await page.goto(`/overview${query}`);
  await waitForPage(page, 'Overview');
  await waitForFigures(page, COVERAGE_CARD);
}

async function cardValue(page: Page, id: string): Promise<string> {
  return (await page.locator(`[data-figure="${id}"] [data-figure-value]`).innerText())
    .replace(/\s+/g, ' ')
    .trim();
}

async function cardText(page: Page, id: string, part: 'basis' | 'extra'): Promise<string> {
  return (await page.locator(`[data-figure="${id}"] .figure-card__${part}`).innerText())
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every headline card shows the API's figure and the numbers behind it. */
async function expectCardsToEqual(page: Page, overview: Overview): Promise<void> {
  const h = overview.headlines as Headlines;
  const cost = overview.costCase as NonNullable<Overview['costCase']>;
  expect(await cardValue(page, 'card-coverage')).toBe(percent(h.coverage.value));
  expect(await cardText(page, 'card-coverage', 'basis')).toBe(
    `${h.coverage.numerator} of ${h.coverage.denominator} people in date on ${longDate(overview.period.to)}`,
  );
  expect(await cardValue(page, 'card-overdue')).toBe(
    `${h.overdueCount} ${h.overdueCount === 1 ? 'person' : 'people'}`,
  );
  expect(await cardText(page, 'card-overdue', 'basis')).toContain(
    `${h.overdueCount} of ${h.eligible} `,
  );
  expect(await cardValue(page, 'card-absence')).toBe(percent(h.absenceRate.value));
  expect(await cardValue(page, 'card-turnover')).toBe(percent(h.turnoverRate.value));
  expect(await cardText(page, 'card-turnover', 'basis')).toContain(
    `${h.turnoverRate.numerator} ${h.turnoverRate.numerator === 1 ? 'leaver' : 'leavers'}`,
  );
  expect(await cardText(page, 'card-turnover', 'extra')).toContain(
    `Annualised: ${percent(h.annualisedTurnoverRate.value)}`,
  );
  expect(await cardValue(page, 'card-cost')).toBe(pounds(cost.supervisionSpend));
  expect(await cardText(page, 'card-cost', 'basis')).toContain(pounds(cost.turnoverCost));
}

/** The body rows of a table: the row header and then each cell's first line (the figure). */
async function tableRows(page: Page, tableId: string): Promise<string[][]> {
  return page
    .locator(`#${tableId} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) =>
          ((cell.querySelector('span') as HTMLElement | null)?.innerText ?? '').trim(),
        ),
      ),
    );
}

function expectedRow(group: Group): string[] {
  if (group.suppressed || !group.headlines) {
    return [group.label, ...Array(5).fill('Not shown: fewer than 5 people')];
  }
  const h = group.headlines;
  return [
    group.label,
    String(h.headcount),
    percent(h.coverage.value),
    String(h.overdueCount),
    percent(h.absenceRate.value),
    percent(h.turnoverRate.value),
  ];
}

async function openAllTables(page: Page): Promise<void> {
  const toggles = page.getByRole('button', { name: /^View as table/ });
  const count = await toggles.count();
  for (let i = 0; i < count; i += 1) await toggles.nth(i).click();
  await expect(page.locator('[aria-pressed="false"]').count()).resolves.toBe(0);
}

function defaultPeriod(): { from: string; to: string } {
  const to = todayInLondon();
  return { from: addDays(addMonths(to, -12), 1), to };
}

describe('the organisation admin', () => {
  const opened = usePage(browser, {
    signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email,
    checkPageErrors: false,
  });

  it('sees the API’s figures on every headline card and in the breakdowns', async () => {
    const { page } = opened;
    await mainNavigation(page).getByRole('link', { name: 'Overview', exact: true }).click();
    await openOverview(page);
    const period = defaultPeriod();
    const overview = await apiOverview(page, period);
    expect(overview.period).toMatchObject(period);
    await expectCardsToEqual(page, overview);

    expect(await tableRows(page, 'table-by-service')).toEqual([
      ...overview.breakdownByService.groups.map(expectedRow),
      expectedRow(overview.breakdownByService.total),
    ]);
    expect(await tableRows(page, 'table-by-type')).toEqual([
      ...overview.breakdownByPractitionerType.groups.map(expectedRow),
      expectedRow(overview.breakdownByPractitionerType.total),
    ]);

    // Each definition is one click away.
    const details = page.locator('[data-figure="card-coverage"] details');
    await details.locator('summary').click();
    await expect(details.getAttribute('open')).resolves.not.toBeNull();
    await expect(details.innerText()).resolves.toContain('in date');

    // "People overdue" goes on to the Supervision page.
    await expect(
      page
        .locator('[data-figure="card-overdue"]')
        .getByRole('link', { name: 'See who is overdue' })
        .getAttribute('href'),
    ).resolves.toBe('/supervision');

    expect(opened.pageErrors).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'overview-admin');
  });

  it('keeps the filters in the address, so a reload (or a shared link) shows the same view', async () => {
    const { page } = opened;
    await openOverview(page);
    const to = addDays(`${todayInLondon().slice(0, 8)}01`, -1); // the end of last month
    const from = `${addMonths(to, -2).slice(0, 8)}01`; // three calendar months
    const ukDate = (iso: string) => iso.split('-').reverse().join('/');

    await page.getByLabel('From', { exact: true }).fill(ukDate(from));
    await page.getByLabel('To', { exact: true }).fill(ukDate(to));
    await page.getByRole('checkbox', { name: 'Outreach' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();

    await page.waitForURL((url) => url.searchParams.get('from') === from);
    const url = new URL(page.url());
    expect(url.searchParams.get('to')).toBe(to);
    const serviceIds = url.searchParams.getAll('service');
    expect(serviceIds).toHaveLength(1);

    await page.reload();
    await waitForPage(page, 'Overview');
    await waitForFigures(page, COVERAGE_CARD);
    expect(new URL(page.url()).searchParams.get('from')).toBe(from);
    await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe(ukDate(from));
    await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe(ukDate(to));
    await expect(page.getByRole('checkbox', { name: 'Outreach' }).isChecked()).resolves.toBe(true);
    await expect(page.locator('.lead').innerText()).resolves.toContain(
      `Outreach, ${longDate(from)} to ${longDate(to)}`,
    );

    const overview = await apiOverview(page, { from, to, serviceIds });
    await waitForFigures(page, COVERAGE_CARD);
    await expectCardsToEqual(page, overview);
    expect(await tableRows(page, 'table-by-service')).toEqual([
      ...overview.breakdownByService.groups.map(expectedRow),
      expectedRow(overview.breakdownByService.total),
    ]);
    // The overdue card's link keeps the services.
    await expect(page.locator('[data-figure="card-overdue"] a').getAttribute('href')).resolves.toBe(
      `/supervision?service=${serviceIds[0]}`,
    );
    await screenshot(page, 'overview-filtered');

    // Back to the default view.
    await page.getByRole('button', { name: 'Show the last 12 months for every service' }).click();
    await page.waitForURL((u) => !u.searchParams.has('from'));
  });

  it('says what is wrong with the dates, GOV.UK style, and changes nothing', async () => {
    const { page } = opened;
    await openOverview(page);
    const before = page.url();
    await page.getByLabel('To', { exact: true }).fill('31/2/2026');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect(summary.getByRole('link').allInnerTexts()).resolves.toEqual([
      'The end date must be a real date',
    ]);
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain(
      'error-summary',
    );
    await summary.getByRole('link').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('filter-to');
    expect(page.url()).toBe(before);
    await expectNoAxeViolations(page);
  });

  it('shows every chart as a table of the same numbers', async () => {
    const { page } = opened;
    await openOverview(page);
    const overview = await apiOverview(page, defaultPeriod());
    await openAllTables(page);

    const coverage = page.locator('#trend-coverage table');
    const rows = await coverage
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => (tr.querySelector('td span') as HTMLElement).innerText.trim()),
      );
    expect(rows).toEqual(
      overview.monthlySeries.map((month) =>
        month.suppressed
          ? 'Not shown: fewer than 5 people'
          : percent(month.coverage?.value ?? null),
      ),
    );
    await expect(coverage.locator('thead th').allInnerTexts()).resolves.toEqual([
      'Month',
      'Coverage at month end',
    ]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'overview-tables');
  });

  it('exports the breakdown by service as CSV, exactly as shown', async () => {
    const { page } = opened;
    await openOverview(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Export CSV\s*\(Overview by service\)$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^holdspace-overview-by-service-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = parseCsv(fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual([
      'Service',
      'Headcount',
      'Supervision coverage',
      'People overdue',
      'Sickness absence rate',
      'Turnover',
    ]);
    const shown = await tableRows(page, 'table-by-service');
    expect(csv.slice(1).map((row) => [row[0], row[1], (row[2] ?? '').split(' (')[0]])).toEqual(
      shown.map((row) => [row[0], row[1], row[2]]),
    );
    expect(csv.at(-1)?.[0]).toBe('Total');
  });

  it('prints as a report: no navigation, filters or buttons, on one or two pages', async () => {
    const { page } = opened;
    await openOverview(page);
    // The charts are drawn before printing.
    await page.locator('#trend-turnover svg.recharts-surface').waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(mainNavigation(page).isVisible()).resolves.toBe(false);
      await expect(page.locator('form.overview-filters').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: 'Print report' }).isVisible()).resolves.toBe(
        false,
      );
      await expect(
        page
          .getByRole('button', { name: /^View as table/ })
          .first()
          .isVisible(),
      ).resolves.toBe(false);
      await expect(page.locator('.overview-print-only').isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-figure="card-coverage"]').isVisible()).resolves.toBe(true);
      await expect(page.locator('#trend-coverage svg.recharts-surface').isVisible()).resolves.toBe(
        true,
      );
      await expect(page.locator('#table-by-service table').isVisible()).resolves.toBe(true);
      await screenshot(page, 'overview-print');
      const pdf = (await page.pdf({ format: 'A4', printBackground: false })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

describe('an analyst', () => {
  it('sees small groups as “Not shown”, with why, and never a number for them', async () => {
    const opened = await openPage(browser());
    try {
      const { page } = opened;
      await signIn(page, DEMO_ACCOUNTS.ANALYST.email);
      await openOverview(page);
      await page.getByRole('checkbox', { name: 'Outreach' }).check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.has('service'));
      await waitForFigures(page, COVERAGE_CARD);
      const url = new URL(page.url());
      const overview = await apiOverview(page, {
        from: url.searchParams.get('from') as string,
        to: url.searchParams.get('to') as string,
        serviceIds: url.searchParams.getAll('service'),
      });
      const hidden = overview.breakdownByPractitionerType.groups.filter((g) => g.suppressed);
      expect(hidden.length).toBeGreaterThan(0);
      expect(await tableRows(page, 'table-by-type')).toEqual([
        ...overview.breakdownByPractitionerType.groups.map(expectedRow),
        expectedRow(overview.breakdownByPractitionerType.total),
      ]);
      await expect(page.locator('#table-by-type .data-table__note').innerText()).resolves.toContain(
        'so that no one can be identified',
      );
      // The overdue card leads to the figures, not to a list of names.
      await expect(
        page.locator('[data-figure="card-overdue"]').getByRole('link').innerText(),
      ).resolves.toBe('See the supervision figures');
      await openAllTables(page);
      await expectNoAxeViolations(page);
      await screenshot(page, 'overview-analyst-small-groups');
    } finally {
      await opened.context.close();
    }
  });
});

describe('a service manager', () => {
  it('filters only by their own services and sees the API’s figures for them', async () => {
    const opened = await openPage(browser());
    try {
      const { page } = opened;
      await signIn(page, DEMO_ACCOUNTS.SERVICE_MANAGER.email);
      await openOverview(page);
      const services = page.getByRole('group', { name: 'Your services' }).getByRole('checkbox');
      await expect(services.count()).resolves.toBe(1);
      await expect(page.getByRole('checkbox', { name: 'Outreach' }).count()).resolves.toBe(1);
      await expect(page.locator('.lead').innerText()).resolves.toContain('your service (Outreach)');
      const overview = await apiOverview(page, defaultPeriod());
      await expectCardsToEqual(page, overview);
      await expectNoAxeViolations(page);
      await screenshot(page, 'overview-manager');
    } finally {
      await opened.context.close();
    }
  });
});

describe('a practitioner', () => {
  it('cannot open the Overview', async () => {
    const opened = await openPage(browser());
    try {
      const { page } = opened;
      await signIn(page, DEMO_ACCOUNTS.PRACTITIONER.email);
      await page.goto('/overview');
      await page.getByRole('heading', { level: 1, name: NO_ACCESS_HEADING }).waitFor();
    } finally {
      await opened.context.close();
    }
  });
});
