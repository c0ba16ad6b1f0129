import type { Cookie } from 'playwright-core';
import { ORGANISATION_HEADER } from '../src/app/apollo-client';
import {
  heading,
  mainNavigation,
  NO_ACCESS_HEADING,
  pathOf,
  screenshot,
  signIn,
  submitSignIn,
  waitForPage,
} from './support/app';
import { useBrowser, usePage } from './support/browser';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, NORTHSIDE, RIVERSIDE } from './support/demo-accounts';
import { baseUrl } from './support/paths';

/*
 * The admin of two organisations switches between them, then signs out: the
 * session is revoked on the server, not just forgotten by the browser.
 */

const SESSION_COOKIE = 'hs_session';

const browser = useBrowser();
const opened = usePage(browser);

/** The text of the option the organisation switcher shows as chosen. */
async function chosenOrganisation(): Promise<string> {
  return opened.page.getByLabel('Organisation', { exact: true }).evaluate((select) => {
    const s = select as HTMLSelectElement;
    return s.options[s.selectedIndex]?.text ?? '';
  });
}

test('the admin switches organisation with the switcher', async () => {
  const { page } = opened;
  await signIn(page, DEMO_ACCOUNTS.ORG_ADMIN.email);
  await waitForPage(page, 'Overview');
  expect(await chosenOrganisation()).toContain(NORTHSIDE);

  const switcher = page.getByLabel('Organisation', { exact: true });
  const riverside = await switcher.locator('option', { hasText: RIVERSIDE }).getAttribute('value');
  expect(riverside).toBeTruthy();

  // Nothing changes on choosing the option alone (WCAG 3.2.2); "Switch" does it.
  const orgHeaders: Array<string | undefined> = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql') {
      orgHeaders.push(request.headers()[ORGANISATION_HEADER.toLowerCase()]);
    }
  });
  await switcher.selectOption(riverside as string);
  await page.waitForTimeout(300);
  expect(orgHeaders).toEqual([]);

  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Now showing ${RIVERSIDE}` })
    .waitFor();
  await waitForPage(page, 'Overview');
  expect(await chosenOrganisation()).toContain(RIVERSIDE);
  expect(await page.getByRole('banner').innerText()).toContain(`Now showing ${RIVERSIDE}`);
  // What is on screen was fetched again, for Riverside.
  expect(orgHeaders.length).toBeGreaterThan(0);
  expect(new Set(orgHeaders)).toEqual(new Set([riverside]));
  await screenshot(page, 'session-switched-to-riverside');

  // Pages now act in Riverside, and the choice survives a reload.
  await page.goto('/commissioning');
  await waitForPage(page, NO_ACCESS_HEADING);
  expect(await page.locator('main').innerText()).toContain(`in ${RIVERSIDE}.`);
  expect(await chosenOrganisation()).toContain(RIVERSIDE);
  await screenshot(page, 'session-riverside-no-access-commissioning');
});

test('signing out revokes the session', async () => {
  const { page, context } = opened;
  await page.goto('/overview');
  await waitForPage(page, 'Overview');
  // A page of history to go back to.
  await mainNavigation(page).getByRole('link', { name: 'Supervision', exact: true }).click();
  await waitForPage(page, 'Supervision');

  const session = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(session).toBeDefined();
  expect(session?.httpOnly).toBe(true);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForPage(page, 'Sign in');
  expect(pathOf(page)).toBe('/sign-in');
  expect(await mainNavigation(page).count()).toBe(0);
  expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
  await screenshot(page, 'session-signed-out');

  // Back to the page before: it asks to sign in again.
  await page.goBack();
  await waitForPage(page, 'Sign in');
  expect(pathOf(page)).toBe('/sign-in?next=%2Foverview');

  // So does any app address typed in.
  await page.goto('/settings');
  await waitForPage(page, 'Sign in');
  expect(pathOf(page)).toBe('/sign-in?next=%2Fsettings');

  // The old cookie, put back, is refused by the server: the session is gone, not just forgotten.
  await context.addCookies([session as Cookie]);
  expect(await viewerWithCookie(session as Cookie)).toBeNull();
  await page.goto('/people');
  await waitForPage(page, 'Sign in');
  expect(pathOf(page)).toBe('/sign-in?next=%2Fpeople');
  expect(await heading(page, 'People').count()).toBe(0);
  await screenshot(page, 'session-revoked-cookie');

  // Signing in again returns to where the user was going.
  await submitSignIn(page, DEMO_ACCOUNTS.ORG_ADMIN.email, DEMO_PASSWORD);
  await waitForPage(page, 'People');
  expect(pathOf(page)).toBe('/people');
});

/** The API's viewer for a request carrying only this cookie: null when it is not signed in. */
async function viewerWithCookie(cookie: Cookie): Promise<unknown> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `${cookie.name}=${cookie.value}`,
    },
    body: JSON.stringify({ query: '{ viewer { user { email } } }' }),
  });
  const body = (await response.json()) as {
    data?: { viewer: unknown } | null;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return null;
  return body.data?.viewer ?? null;
}
