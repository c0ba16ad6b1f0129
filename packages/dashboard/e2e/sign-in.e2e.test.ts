import type { Page } from 'playwright-core';
import { SIGN_IN_MESSAGES } from '../src/auth/sign-in-form';
import {
  openPage,
  pathOf,
  screenshot,
  submitSignIn,
  waitForPage,
  type OpenedPage,
} from './support/app';
import { useBrowser } from './support/browser';
import { DEMO_ACCOUNTS } from './support/demo-accounts';

/*
 * A refused sign-in: the GOV.UK error summary (focused, linking to the field)
 * and the same words, and the same answer from the API, whether or not the
 * email address has an account.
 */

const browser = useBrowser();
let opened: OpenedPage;

beforeEach(async () => {
  opened = await openPage(browser());
});

afterEach(async () => {
  const errors = opened.pageErrors.map(String);
  await opened.context.close();
  expect(errors).toEqual([]);
});

interface Refusal {
  /** The error summary's text. */
  summary: string;
  /** The message shown by the field (with its visually hidden "Error: "). */
  inline: string;
  /** The API's errors, without what differs between any two requests. */
  apiErrors: unknown;
}

/** Submits the form and returns what the page and the API said about the refusal. */
async function refusedSignIn(page: Page, email: string, password: string): Promise<Refusal> {
  await page.goto('/sign-in');
  await waitForPage(page, 'Sign in');
  const response = page.waitForResponse(
    (r) =>
      new URL(r.url()).pathname === '/graphql' &&
      (r.request().postDataJSON() as { operationName?: string } | null)?.operationName === 'SignIn',
  );
  await submitSignIn(page, email, password);
  const body = (await (await response).json()) as {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  return {
    summary: (await summary.innerText()).trim(),
    inline: ((await page.locator('#email-error').textContent()) ?? '').trim(),
    apiErrors: (body.errors ?? []).map((e) => ({
      message: e.message,
      code: e.extensions?.code,
      field: e.extensions?.field,
    })),
  };
}

test('a wrong password is shown in a focused error summary that links to the field', async () => {
  const { page } = opened;
  const refusal = await refusedSignIn(page, DEMO_ACCOUNTS.ORG_ADMIN.email, 'not-the-password');

  // Still on the sign-in page, nothing signed in.
  expect(pathOf(page)).toBe('/sign-in');
  expect(await page.title()).toBe('Error: Sign in – Holdspace');

  // The summary has the focus, is announced, and says what is wrong.
  const summary = page.locator('.error-summary');
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await summary.getByRole('alert').count()).toBe(1);
  expect(await summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
  expect(refusal.summary).toContain(SIGN_IN_MESSAGES.notRecognised);
  // It does not say which of the two was wrong.
  expect(refusal.summary).not.toMatch(
    /no account|not registered|not found|unknown|incorrect password/i,
  );

  // Its link goes to the email field, which carries the same message.
  const link = summary.getByRole('link', { name: SIGN_IN_MESSAGES.notRecognised, exact: true });
  expect(await link.getAttribute('href')).toBe('#email');
  expect(refusal.inline).toBe(`Error: ${SIGN_IN_MESSAGES.notRecognised}`);
  const email = page.getByLabel('Email address', { exact: true });
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  expect(await email.getAttribute('aria-describedby')).toBe('email-error');
  await screenshot(page, 'sign-in-wrong-password');

  await link.click();
  expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
  // What was typed is kept, to correct rather than retype.
  expect(await email.inputValue()).toBe(DEMO_ACCOUNTS.ORG_ADMIN.email);
});

test('an email address with no account reads exactly like a wrong password', async () => {
  const { page } = opened;
  const wrongPassword = await refusedSignIn(page, DEMO_ACCOUNTS.ANALYST.email, 'not-the-password');
  const noAccount = await refusedSignIn(page, 'nobody-here@northside.example', 'not-the-password');
  await screenshot(page, 'sign-in-unknown-email');

  expect(noAccount).toEqual(wrongPassword);
  expect(wrongPassword.apiErrors).toEqual([expect.objectContaining({ code: 'UNAUTHENTICATED' })]);
});

test('after a refusal the right password signs in', async () => {
  const { page } = opened;
  await refusedSignIn(page, DEMO_ACCOUNTS.SUPERVISOR.email, 'not-the-password');
  await page.getByLabel('Password', { exact: true }).fill('');
  await submitSignIn(page, DEMO_ACCOUNTS.SUPERVISOR.email, 'holdspace-demo-2026');
  await waitForPage(page, 'Supervision');
  expect(pathOf(page)).toBe('/supervision');
  expect(await page.title()).toBe('Supervision – Holdspace');
});
