import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR, baseUrl } from './paths';
import { DEMO_PASSWORD } from './demo-accounts';

export const NO_ACCESS_HEADING = 'You do not have access to this page';

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page, to assert there were none. */
  pageErrors: Error[];
}

/** A fresh browser context (no cookies, no storage) and a page in it. */
export async function openPage(browser: Browser): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

/** The path part of the page's URL, with its query. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

export function mainNavigation(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/**
 * Waits until the page shows `name` as its main heading and nothing on it is
 * still loading.
 */
export async function waitForPage(page: Page, name: string): Promise<void> {
  await heading(page, name).waitFor();
  await page.locator('.state--loading').first().waitFor({ state: 'detached' });
}

/**
 * Waits until the figures are on the page: nothing loading, the figure card
 * `figure` (a selector) there, and still nothing loading.
 */
export async function waitForFigures(page: Page, figure: string): Promise<void> {
  const loading = page.locator('.state--loading').first();
  await loading.waitFor({ state: 'detached' });
  await page.locator(figure).first().waitFor();
  await loading.waitFor({ state: 'detached' });
}

/** Fills in and sends the sign-in form (the page must be showing it). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens the sign-in page, signs in with a demo account and waits for the navigation. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await waitForPage(page, 'Sign in');
  await submitSignIn(page, email, password);
  await mainNavigation(page).waitFor();
}

/** The labels of the main navigation's links, in order. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const links = mainNavigation(page).getByRole('link');
  return (await links.allInnerTexts()).map((text) => text.trim());
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The page's axe violations against WCAG 2.2 A and AA, one readable line per
 * failing element, so a failure says what to fix. Empty when there are none.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} – ${node.target.join(' ')}`,
    ),
  );
}

/** Expects axe to find nothing on the page (see `axeViolations`). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}
