import type { Page } from 'playwright-core';
import { screenshot, waitForPage } from './support/app';
import { useBrowser, usePage } from './support/browser';
import { todayInLondon, ukDate } from './support/dates';
import { DEMO_ACCOUNTS } from './support/demo-accounts';

/*
 * The Monday-morning loop: the admin sees someone on the overdue list, records the
 * supervision session they just had, and sees them leave the list and coverage rise.
 */

const browser = useBrowser();
const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });

async function openSupervision(page: Page): Promise<void> {
  await page.goto('/supervision');
  await waitForPage(page, 'Supervision');
  await page.locator('[data-figure="supervision-coverage"] [data-figure-value]').waitFor();
  await page.locator('.state--loading').first().waitFor({ state: 'detached' });
}

/** The coverage card: its percentage and "N of M people" basis, as numbers. */
async function coverage(page: Page): Promise<{ percent: number; inDate: number; of: number }> {
  const card = page.locator('[data-figure="supervision-coverage"]');
  const value = (await card.locator('[data-figure-value]').innerText()).replace(/\s+/g, ' ');
  const basis = (await card.locator('.figure-card__basis').innerText()).replace(/,/g, '');
  const percent = /([\d.]+)\s*%/.exec(value);
  const counts = /([\d]+) of ([\d]+) people/.exec(basis);
  if (!percent || !counts) throw new Error(`unexpected coverage card: "${value}" / "${basis}"`);
  return { percent: Number(percent[1]), inDate: Number(counts[1]), of: Number(counts[2]) };
}

async function overdueNames(page: Page): Promise<string[]> {
  const section = page.getByRole('region', { name: 'Overdue for supervision' });
  const table = section.getByRole('table', { name: /^Overdue for supervision on/ });
  if ((await table.count()) === 0) return [];
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => (row.querySelector('th, td') as HTMLElement).innerText.trim()),
    );
}

test('recording a session for someone overdue takes them off the list and raises coverage', async () => {
  const { page } = opened;
  const today = todayInLondon();
  await openSupervision(page);
  const before = await coverage(page);
  const overdue = await overdueNames(page);
  // The demo data always has people overdue today (src/demo in the API).
  expect(overdue.length).toBeGreaterThan(0);
  const person = overdue[0]!;

  const section = page.getByRole('region', { name: 'Overdue for supervision' });
  await section.getByRole('link', { name: `Record a session for ${person}` }).click();
  await waitForPage(page, 'Record a held session');
  await page.getByLabel('Date of the session').fill(ukDate(today));
  await page.getByLabel('One-to-one', { exact: true }).check();
  // The person is chosen already.
  await expect(
    page.getByLabel('Supervisee').evaluate((s) => {
      const select = s as HTMLSelectElement;
      return select.options[select.selectedIndex]?.text ?? '';
    }),
  ).resolves.toContain(person);
  const supervisor = page.getByLabel('Supervisor', { exact: true });
  if ((await supervisor.inputValue()) === '') {
    const first = await supervisor.evaluate(
      (s) => Array.from((s as HTMLSelectElement).options).find((o) => o.value !== '')?.value ?? '',
    );
    await supervisor.selectOption(first);
  }
  await page.getByLabel('How long it lasted, in minutes').fill('60');
  await page.getByLabel('Restorative').check();
  await page.getByRole('button', { name: 'Record session' }).click();

  await waitForPage(page, 'Supervision');
  await page
    .getByRole('status')
    .getByText(/^Recorded the one-to-one session on /)
    .waitFor();
  await openSupervision(page);
  await screenshot(page, 'supervision-after-recording-overdue');

  expect(await overdueNames(page)).not.toContain(person);
  const after = await coverage(page);
  expect(after.of).toBe(before.of);
  expect(after.inDate).toBe(before.inDate + 1);
  expect(after.percent).toBeGreaterThan(before.percent);
});
