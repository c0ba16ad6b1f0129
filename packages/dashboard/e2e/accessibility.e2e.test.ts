import { navigationFor } from '../src/shell/navigation';
import {
  expectNoAxeViolations,
  mainNavigation,
  NO_ACCESS_HEADING,
  screenshot,
  submitSignIn,
  waitForPage,
} from './support/app';
import { useBrowser, usePage } from './support/browser';
import { DEMO_ACCOUNTS, RIVERSIDE } from './support/demo-accounts';

/*
 * axe (WCAG 2.0, 2.1 and 2.2, A and AA) finds nothing on the sign-in page, with
 * and without errors, nor on any page the organisation admin can reach.
 */

const browser = useBrowser();

describe('signed out', () => {
  const opened = usePage(browser);

  test('the sign-in page', async () => {
    const { page } = opened;
    await page.goto('/sign-in');
    await waitForPage(page, 'Sign in');
    await screenshot(page, 'a11y-sign-in');
    await expectNoAxeViolations(page);
  });

  test('the sign-in page showing errors', async () => {
    const { page } = opened;
    await page.goto('/sign-in');
    await waitForPage(page, 'Sign in');
    // Nothing filled in: both fields in error.
    await submitSignIn(page, '', '');
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary a').count()).toBe(2);
    await screenshot(page, 'a11y-sign-in-errors');
    await expectNoAxeViolations(page);
  });
});

describe('signed in as the organisation admin', () => {
  const pages = navigationFor('ORG_ADMIN', DEMO_ACCOUNTS.ORG_ADMIN.kind);
  const opened = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });

  beforeAll(async () => {
    await waitForPage(opened.page, pages[0]?.label ?? '');
  });

  test.each(pages.map((item) => [item.label, item] as const))('%s', async (_label, item) => {
    const { page } = opened;
    const link = mainNavigation(page).getByRole('link', { name: item.label, exact: true });
    if ((await link.getAttribute('aria-current')) !== 'page') {
      await link.click();
      // After moving to another page, focus starts at its main content.
      await page.waitForFunction(() => document.activeElement?.id === 'main-content');
    }
    await waitForPage(page, item.label);
    await screenshot(page, `a11y-admin-${item.id}`);
    await expectNoAxeViolations(page);
  });

  test('a page the role may not see', async () => {
    const { page } = opened;
    await page.goto('/commissioning');
    await waitForPage(page, NO_ACCESS_HEADING);
    await screenshot(page, 'a11y-admin-no-access');
    await expectNoAxeViolations(page);
  });

  test('a page that does not exist', async () => {
    const { page } = opened;
    await page.goto('/no-such-page');
    await waitForPage(page, 'Page not found');
    await screenshot(page, 'a11y-admin-not-found');
    await expectNoAxeViolations(page);
  });

  test('after switching organisation', async () => {
    const { page } = opened;
    await page.goto(pages[0]?.path ?? '/');
    await waitForPage(page, pages[0]?.label ?? '');
    const switcher = page.getByLabel('Organisation', { exact: true });
    await switcher.selectOption({ label: `${RIVERSIDE} (Organisation admin)` });
    await page.getByRole('button', { name: 'Switch', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Now showing ${RIVERSIDE}` })
      .waitFor();
    await waitForPage(page, pages[0]?.label ?? '');
    await screenshot(page, 'a11y-admin-switched');
    await expectNoAxeViolations(page);
  });
});
