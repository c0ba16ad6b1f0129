import type { Role } from '../src/gql/graphql';
import {
  homePathFor,
  mayOpen,
  NAVIGATION,
  navigationFor,
  ROLE_LABELS,
  ROLES,
} from '../src/shell/navigation';
import {
  heading,
  mainNavigation,
  navigationLabels,
  NO_ACCESS_HEADING,
  pathOf,
  screenshot,
  waitForPage,
} from './support/app';
import { useBrowser, usePage } from './support/browser';
import { DEMO_ACCOUNTS } from './support/demo-accounts';

/*
 * Who sees what, for every role, against navigation.ts itself: a page the role
 * may see is in its menu and opens; every other page, typed as an address,
 * says the role has no access.
 */

const browser = useBrowser();

const cases = ROLES.map((role) => [ROLE_LABELS[role], role, DEMO_ACCOUNTS[role].email] as const);

describe.each(cases)('%s (%s, %s)', (label, role: Role, email) => {
  const slug = `navigation-${role.toLowerCase().replace(/_/g, '-')}`;
  const { kind } = DEMO_ACCOUNTS[role];
  const allowed = navigationFor(role, kind);
  const forbidden = NAVIGATION.filter((item) => !mayOpen(item, role, kind));
  const opened = usePage(browser, { signedInAs: email });

  test('the menu lists exactly its pages, and each opens', async () => {
    const { page } = opened;
    const home = allowed[0];
    if (!home) throw new Error(`navigation.ts gives ${role} no pages`);

    // Signing in lands on the role's first page, in its (only or first) organisation.
    await waitForPage(page, home.label);
    expect(pathOf(page)).toBe(homePathFor(role, kind));
    // The header names the organisation and the role.
    const header = await page.getByRole('banner').innerText();
    expect(header).toContain(DEMO_ACCOUNTS[role].organisation);
    expect(header).toContain(label);
    await screenshot(page, `${slug}-${home.id}`);

    expect(await navigationLabels(page)).toEqual(allowed.map((item) => item.label));
    const hrefs = await mainNavigation(page)
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(allowed.map((item) => item.path));

    for (const item of allowed.slice(1)) {
      await mainNavigation(page).getByRole('link', { name: item.label, exact: true }).click();
      await waitForPage(page, item.label);
      expect(pathOf(page)).toBe(item.path);
      expect(
        await mainNavigation(page)
          .getByRole('link', { name: item.label, exact: true })
          .getAttribute('aria-current'),
      ).toBe('page');
      await screenshot(page, `${slug}-${item.id}`);
    }
  });

  test('every other page, opened by its address, says there is no access', async () => {
    const { page } = opened;
    expect(forbidden.length).toBeGreaterThan(0);
    for (const item of forbidden) {
      await page.goto(item.path);
      await waitForPage(page, NO_ACCESS_HEADING);
      expect(pathOf(page)).toBe(item.path);
      const explanation = await page.locator('main').innerText();
      expect(explanation).toMatch(
        new RegExp(
          `${item.label} is not available to an? ${label.toLowerCase()} in ${DEMO_ACCOUNTS[role].organisation}\\.`,
        ),
      );
      // "an analyst", not "a analyst".
      expect(explanation).not.toMatch(/\ba [aeiou]/i);
      // The menu is still the role's own, with nothing added for the refused page.
      expect(await navigationLabels(page)).toEqual(allowed.map((i) => i.label));
      expect(await heading(page, item.label).count()).toBe(0);
      await screenshot(page, `${slug}-no-access-${item.id}`);
    }
  });
});

test('every role has a demo account, so none goes untested', () => {
  expect(Object.keys(DEMO_ACCOUNTS).sort()).toEqual([...ROLES].sort());
});
