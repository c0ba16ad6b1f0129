import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, screenshot, waitForFigures, waitForPage } from './support/app';
import { graphql, graphqlAnswer } from './support/api';
import { useBrowser, usePage } from './support/browser';
import { parseCsv } from './support/csv';
import {
  last12Months,
  lastCalendarMonth,
  longDate,
  monthName,
  todayInLondon,
} from './support/dates';
import { DEMO_ACCOUNTS } from './support/demo-accounts';
import { num, percent as percentOr } from './support/numbers';
import { cellsOf, chartTableRows } from './support/tables';

/*
 * The figures sections of the Supervision page and the Absence & turnover
 * page, end to end against the real API and the demo data: as the admin,
 * every figure, trend and breakdown shown equals what the API answers for
 * the same period (the last 12 months, then the last calendar month); the
 * overdue list is worst first, in kind words, and exports what it shows;
 * as the analyst the overdue list is a plain note; a service manager's
 * figures are of their service. axe (WCAG 2.2 AA) with every "View as
 * table" open, and screenshots.
 */

const browser = useBrowser();

/** Any headline card of these pages (they load together). */
const FIGURE_CARD = '.metrics-slot .figure-card';

/** A percentage as these pages' cards and tables read (see `card`): "No figure" where there is none. */
function percent(value: number | null): string {
  return percentOr(value, 'No figure');
}

/* ---- The API, asked directly as the signed-in browser ---- */

interface ApiFigure {
  value: number | null;
  numerator: number;
  denominator: number;
}

const FIGURE = 'value numerator denominator';

const OVERVIEW_QUERY = `query ($input: MetricsOverviewInput!) {
  metricsOverview(input: $input) {
    suppressed
    headlines {
      eligible overdueCount agreementsReviewOverdue
      coverage { ${FIGURE} } sessionsHeldVsExpected { ${FIGURE} } cancellationRate { ${FIGURE} }
      supervisionHoursPerWorkerPerMonth { ${FIGURE} }
      absenceRate { ${FIGURE} } workingDaysLostPerEmployee { ${FIGURE} }
      longTermShare { ${FIGURE} } mentalHealthShare { ${FIGURE} }
      turnoverRate { ${FIGURE} } voluntaryTurnoverRate { ${FIGURE} }
      annualisedTurnoverRate { ${FIGURE} } stabilityIndex { ${FIGURE} }
    }
    monthlySeries {
      month suppressed
      coverage { ${FIGURE} } absenceRate { ${FIGURE} } rollingTurnoverRate { ${FIGURE} }
    }
    formatMix { format sessions }
    functionMix { function sessions }
    leaversByReason { reason leavers }
    absenceByReason { reason absentDays fteDaysLost }
  }
}`;

interface Overview {
  suppressed: boolean;
  headlines: Record<string, ApiFigure> & {
    eligible: number;
    overdueCount: number;
    agreementsReviewOverdue: number;
  };
  monthlySeries: Array<{
    month: string;
    suppressed: boolean;
    coverage: ApiFigure | null;
    absenceRate: ApiFigure | null;
    rollingTurnoverRate: ApiFigure | null;
  }>;
  formatMix: Array<{ format: string; sessions: number }>;
  functionMix: Array<{ function: string; sessions: number }>;
  leaversByReason: Array<{ reason: string | null; leavers: number }>;
  absenceByReason: Array<{ reason: string; absentDays: number; fteDaysLost: number }>;
}

interface OverdueNode {
  staffId: string;
  displayName: string | null;
  staffRef: string | null;
  dueDate: string;
  daysOverdue: number;
}

async function apiOverview(page: Page, period: { from: string; to: string }): Promise<Overview> {
  const data = await graphql<{ metricsOverview: Overview }>(page, OVERVIEW_QUERY, {
    input: { ...period, months: 12 },
  });
  return data.metricsOverview;
}

async function apiOverdue(page: Page, on: string) {
  return graphqlAnswer<{
    overdueSupervision: { totalCount: number; nodes: OverdueNode[] };
  }>(
    page,
    `
      query ($on: LocalDate!) {
        overdueSupervision(input: { on: $on }, page: { first: 25 }) {
          totalCount
          nodes {
            staffId
            displayName
            staffRef
            dueDate
            daysOverdue
          }
        }
      }
    `,
    { on },
  );
}

/* ---- Reading the page ---- */

/** A headline card by its id: its value (without the unit) and its basis. */
async function card(
  page: Page,
  id: string,
): Promise<{ value: string; unit: string; basis: string }> {
  const element = page.locator(`[data-figure="${id}"]`);
  await element.waitFor();
  return element.evaluate((node) => {
    const value = node.querySelector('[data-figure-value]');
    const unit = value?.querySelector('.figure-card__unit')?.textContent ?? '';
    const visible = Array.from(value?.childNodes ?? [])
      .filter((child) => !(child instanceof HTMLElement && child.matches('.figure-card__unit')))
      .map((child) =>
        child instanceof HTMLElement && child.classList.contains('visually-hidden')
          ? ''
          : (child.textContent ?? ''),
      )
      .join('')
      .trim();
    return {
      value: visible === '—' ? 'No figure' : visible,
      unit: unit.trim(),
      basis: (node.querySelector('.figure-card__basis')?.textContent ?? '').trim(),
    };
  });
}

/** Opens every chart's "View as table" in `scope`. */
async function openAllTables(page: Page): Promise<void> {
  const toggles = page.locator('button.chart__toggle[aria-pressed="false"]');
  while ((await toggles.count()) > 0) {
    await toggles.first().click();
  }
}

/* ---- The tests ---- */

describe('the organisation admin', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });
  const today = todayInLondon();
  const period = last12Months(today);

  test('Supervision: every headline equals the API’s for the last 12 months', async () => {
    const { page } = opened;
    await page.goto('/supervision');
    await waitForPage(page, 'Supervision');
    await waitForFigures(page, FIGURE_CARD);
    const api = await apiOverview(page, period);
    const h = api.headlines;
    expect(api.suppressed).toBe(false);

    await page
      .getByText(
        `Figures for everyone in Northside Family Support, ${longDate(period.from)} to ${longDate(today)}.`,
        { exact: false },
      )
      .waitFor();

    const coverage = await card(page, 'supervision-coverage');
    expect(coverage.value).toBe(percent(h.coverage!.value));
    expect(coverage.basis).toContain(
      `${num(h.coverage!.numerator)} of ${num(h.coverage!.denominator)} people`,
    );
    const overdue = await card(page, 'supervision-overdue');
    expect(overdue.value).toBe(num(h.overdueCount));
    expect(overdue.basis).toContain(`of ${num(h.eligible)} people`);
    const held = await card(page, 'supervision-held-vs-expected');
    expect(held.value).toBe(percent(h.sessionsHeldVsExpected!.value));
    expect(held.basis).toContain(num(h.sessionsHeldVsExpected!.numerator));
    expect(held.basis).toContain(num(h.sessionsHeldVsExpected!.denominator));
    const cancelled = await card(page, 'supervision-cancellation-rate');
    expect(cancelled.value).toBe(percent(h.cancellationRate!.value));
    expect(cancelled.basis).toContain(
      `${num(h.cancellationRate!.numerator)} of ${num(h.cancellationRate!.denominator)} sessions`,
    );
    const hours = await card(page, 'supervision-hours-per-worker');
    expect(hours.value).toBe(num(h.supervisionHoursPerWorkerPerMonth!.value as number));
    expect(hours.unit).toMatch(/^hours?$/);
    const review = await card(page, 'supervision-agreements-review');
    expect(review.value).toBe(num(h.agreementsReviewOverdue));

    // A definition is one click away.
    const coverageCard = page.locator('[data-figure="supervision-coverage"]');
    await coverageCard.getByText('What this means').click();
    await coverageCard.getByText(/as a share of everyone in post who needs supervision/).waitFor();
  });

  test('Supervision: the overdue list is the API’s, worst first, in kind words, and exports what it shows', async () => {
    const { page } = opened;
    const body = await apiOverdue(page, today);
    expect(body.errors).toBeUndefined();
    const api = body.data!.overdueSupervision;
    const section = page.getByRole('region', { name: 'Overdue for supervision' });
    if (api.totalCount === 0) {
      await section.getByText(/No one who needs supervision is overdue today/).waitFor();
      return;
    }
    const table = section.getByRole('table', { name: /^Overdue for supervision on/ });
    const rows = await cellsOf(table.locator('tbody tr'), 'th, td');
    expect(rows).toHaveLength(api.nodes.length);
    rows.forEach((row, index) => {
      const node = api.nodes[index] as OverdueNode;
      expect(row[0]).toBe(node.displayName ?? node.staffRef);
      expect(row[3]).toBe(longDate(node.dueDate));
      expect(row[4]).toBe(
        `Overdue by ${num(node.daysOverdue)} ${node.daysOverdue === 1 ? 'day' : 'days'}`,
      );
    });
    const days = api.nodes.map((node) => node.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await section
      .getByText(`Showing 1 to ${api.nodes.length} of ${api.totalCount} people`)
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Export CSV of the overdue list shown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`holdspace-overdue-for-supervision-${today}.csv`);
    const csv = parseCsv(fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(['Name', 'Reference', 'Service', 'Due date', 'Overdue by']);
    expect(csv.slice(1)).toEqual(rows.map((row) => row.slice(0, 5)));

    // Each name opens the person's page; each row offers to record a session.
    const first = api.nodes[0] as OverdueNode;
    const name = first.displayName ?? (first.staffRef as string);
    expect(
      await table.getByRole('link', { name: `Record a session for ${name}` }).getAttribute('href'),
    ).toBe(`/supervision/sessions/record?person=${first.staffId}`);
  });

  test('Supervision: the coverage trend and the mixes equal the API’s', async () => {
    const { page } = opened;
    const api = await apiOverview(page, period);
    const coverage = await chartTableRows(page, 'coverage-trend');
    expect(coverage.map((row) => row[0]?.replace(/ \(to \d+ \w+\)$/, ''))).toEqual(
      api.monthlySeries.map((m) => monthName(m.month)),
    );
    coverage.forEach((row, index) => {
      const month = api.monthlySeries[index]!;
      expect(row[1]).toContain(percent(month.coverage!.value));
      expect(row[1]).toContain(
        `${num(month.coverage!.numerator)} of ${num(month.coverage!.denominator)}`,
      );
    });

    const labels: Record<string, string> = {
      ONE_TO_ONE: 'One-to-one',
      GROUP: 'Group',
      PEER: 'Peer',
      CASE_CONSULTATION: 'Case consultation',
    };
    const formats = await chartTableRows(page, 'format-mix');
    const held = api.formatMix.reduce((sum, f) => sum + f.sessions, 0);
    for (const f of api.formatMix) {
      const row = formats.find((r) => r[0] === labels[f.format]);
      expect(row?.[1]).toBe(
        `${num(f.sessions)}${held ? ` (${percent((100 * f.sessions) / held)})` : ''}`,
      );
    }
    const functions = await chartTableRows(page, 'function-mix');
    for (const f of api.functionMix) {
      const label = f.function.charAt(0) + f.function.slice(1).toLowerCase();
      expect(functions.find((r) => r[0] === label)?.[1]).toMatch(
        new RegExp(`^${num(f.sessions)}\\b`),
      );
    }
  });

  test('Supervision: axe with every table open, and a screenshot', async () => {
    const { page } = opened;
    await openAllTables(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'metrics-supervision-admin');
  });

  test('Supervision: another period, kept in the address, gives the API’s figures for it', async () => {
    const { page } = opened;
    await page.goto('/supervision');
    await waitForFigures(page, FIGURE_CARD);
    await page.getByLabel('Period', { exact: true }).selectOption('last-month');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(/period=last-month/);
    const month = lastCalendarMonth(today);
    await page
      .getByText(`${longDate(month.from)} to ${longDate(month.to)}.`, { exact: false })
      .first()
      .waitFor();
    await waitForFigures(page, FIGURE_CARD);
    const api = await apiOverview(page, month);
    expect((await card(page, 'supervision-coverage')).value).toBe(
      percent(api.headlines.coverage!.value),
    );
    expect((await card(page, 'supervision-cancellation-rate')).value).toBe(
      percent(api.headlines.cancellationRate!.value),
    );
    expect((await card(page, 'supervision-overdue')).value).toBe(num(api.headlines.overdueCount));
    // The overdue list is as on the period's last day.
    await page
      .getByRole('table', { name: new RegExp(`^Overdue for supervision on ${longDate(month.to)}`) })
      .or(page.getByText(`overdue on ${longDate(month.to)}`, { exact: false }))
      .first()
      .waitFor();
  });

  test('Absence & turnover: every headline equals the API’s for the last 12 months', async () => {
    const { page } = opened;
    await page.goto('/absence-and-turnover');
    await waitForPage(page, 'Absence & turnover');
    await waitForFigures(page, FIGURE_CARD);
    const api = await apiOverview(page, period);
    const h = api.headlines;

    const rate = await card(page, 'absence-absence-rate');
    expect(rate.value).toBe(percent(h.absenceRate!.value));
    expect(rate.basis).toContain(`${num(h.absenceRate!.numerator)} FTE days lost`);
    expect(rate.basis).toContain(`of ${num(h.absenceRate!.denominator)} FTE days available`);
    const days = await card(page, 'absence-working-days-lost');
    expect(days.value).toBe(num(h.workingDaysLostPerEmployee!.value as number));
    expect(days.unit).toMatch(/a year$/);
    expect(days.basis).toContain(`${num(h.workingDaysLostPerEmployee!.numerator)} working day`);
    expect((await card(page, 'absence-long-term-share')).value).toBe(
      percent(h.longTermShare!.value),
    );
    expect((await card(page, 'absence-mental-health-share')).value).toBe(
      percent(h.mentalHealthShare!.value),
    );
    const turnover = await card(page, 'turnover-turnover-rate');
    expect(turnover.value).toBe(percent(h.turnoverRate!.value));
    expect(turnover.basis).toContain(`${num(h.turnoverRate!.numerator)} leaver`);
    expect(turnover.basis).toContain(`average headcount of ${num(h.turnoverRate!.denominator, 2)}`);
    expect((await card(page, 'turnover-voluntary-turnover-rate')).value).toBe(
      percent(h.voluntaryTurnoverRate!.value),
    );
    expect((await card(page, 'turnover-annualised-turnover-rate')).value).toBe(
      percent(h.annualisedTurnoverRate!.value),
    );
    const stability = await card(page, 'turnover-stability-index');
    expect(stability.value).toBe(percent(h.stabilityIndex!.value));
    expect(stability.basis).toContain(
      `${num(h.stabilityIndex!.numerator)} of the ${num(h.stabilityIndex!.denominator)}`,
    );

    const stabilityCard = page.locator('[data-figure="turnover-stability-index"]');
    await stabilityCard.getByText('What this means').click();
    await stabilityCard.getByText(/CIPD/).waitFor();
  });

  test('Absence & turnover: the trends and breakdowns equal the API’s', async () => {
    const { page } = opened;
    const api = await apiOverview(page, period);
    const absence = await chartTableRows(page, 'absence-trend');
    const rolling = await chartTableRows(page, 'turnover-trend');
    expect(absence).toHaveLength(api.monthlySeries.length);
    api.monthlySeries.forEach((month, index) => {
      expect(absence[index]?.[0]).toContain(monthName(month.month));
      expect(absence[index]?.[1]).toContain(percent(month.absenceRate!.value));
      expect(rolling[index]?.[1]).toContain(percent(month.rollingTurnoverRate!.value));
      expect(rolling[index]?.[1]).toContain(`${num(month.rollingTurnoverRate!.numerator)} leaver`);
    });

    const reasons = await chartTableRows(page, 'absence-reasons');
    const totalFte = api.absenceByReason.reduce((sum, r) => sum + r.fteDaysLost, 0);
    const reasonLabels: Record<string, string> = {
      MENTAL_HEALTH: 'Mental health',
      MUSCULOSKELETAL: 'Musculoskeletal',
      MINOR_ILLNESS: 'Minor illness',
      INJURY: 'Injury',
      OTHER: 'Other',
      UNDISCLOSED: 'Not disclosed',
    };
    for (const r of api.absenceByReason) {
      const row = reasons.find((cells) => cells[0] === reasonLabels[r.reason]);
      expect(row?.[1]).toBe(
        totalFte
          ? `${num(r.fteDaysLost)} (${percent((100 * r.fteDaysLost) / totalFte)})`
          : num(r.fteDaysLost),
      );
      expect(row?.[2]).toBe(num(r.absentDays, 0));
    }
    // Largest first.
    const fte = reasons.map((row) => Number((row[1] ?? '').split(' ')[0]?.replace(/,/g, '')));
    expect(fte).toEqual([...fte].sort((a, b) => b - a));

    const leavers = await chartTableRows(page, 'leaver-reasons');
    const total = api.leaversByReason.reduce((sum, r) => sum + r.leavers, 0);
    for (const r of api.leaversByReason.filter(
      (x) => x.reason === 'RETIREMENT' || x.reason === 'RESIGNATION',
    )) {
      const label = r.reason === 'RETIREMENT' ? 'Retirement' : 'Resignation';
      expect(leavers.find((row) => row[0] === label)?.[1]).toBe(
        total ? `${num(r.leavers)} (${percent((100 * r.leavers) / total)})` : num(r.leavers),
      );
    }
  });

  test('Absence & turnover: axe with every table open, and a screenshot', async () => {
    const { page } = opened;
    await openAllTables(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'metrics-absence-admin');
  });
});

describe('the analyst', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ANALYST.email });
  const period = last12Months(todayInLondon());

  test('sees the figures, and a plain note in place of the overdue list (which the API refuses)', async () => {
    const { page } = opened;
    await page.goto('/supervision');
    await waitForPage(page, 'Supervision');
    await waitForFigures(page, FIGURE_CARD);
    const section = page.getByRole('region', { name: 'Overdue for supervision' });
    await section
      .getByText(
        'The list of people overdue for supervision names individuals, so it is shown to organisation admins and service managers only.',
        { exact: false },
      )
      .waitFor();
    await expect(section.getByRole('table').count()).resolves.toBe(0);
    const refused = await apiOverdue(page, todayInLondon());
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const api = await apiOverview(page, period);
    if (api.headlines) {
      expect((await card(page, 'supervision-coverage')).value).toBe(
        percent(api.headlines.coverage!.value),
      );
    }
    await openAllTables(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'metrics-supervision-analyst');
  });

  test('sees the absence and turnover figures', async () => {
    const { page } = opened;
    await page.goto('/absence-and-turnover');
    await waitForPage(page, 'Absence & turnover');
    await waitForFigures(page, FIGURE_CARD);
    const api = await apiOverview(page, period);
    if (api.headlines) {
      expect((await card(page, 'absence-absence-rate')).value).toBe(
        percent(api.headlines.absenceRate!.value),
      );
    }
    await openAllTables(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'metrics-absence-analyst');
  });
});

describe('the service manager', () => {
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.SERVICE_MANAGER.email });

  test('sees the figures and the overdue list of their service, as the API gives them', async () => {
    const { page } = opened;
    const today = todayInLondon();
    await page.goto('/supervision');
    await waitForPage(page, 'Supervision');
    await waitForFigures(page, FIGURE_CARD);
    await page.getByText('Figures for your service (Outreach)', { exact: false }).waitFor();
    const api = await apiOverview(page, last12Months(today));
    expect((await card(page, 'supervision-coverage')).value).toBe(
      percent(api.headlines.coverage!.value),
    );
    const overdue = (await apiOverdue(page, today)).data!.overdueSupervision;
    const section = page.getByRole('region', { name: 'Overdue for supervision' });
    if (overdue.totalCount > 0) {
      const rows = await cellsOf(section.locator('table tbody tr'), 'th, td');
      expect(rows.map((row) => row[2])).toEqual(rows.map(() => 'Outreach'));
      expect(rows).toHaveLength(overdue.nodes.length);
    }
  });
});
