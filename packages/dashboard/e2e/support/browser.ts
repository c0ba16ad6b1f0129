import type { Browser } from 'playwright-core';
import { openPage, signIn, type OpenedPage } from './app';
import { launchChromium } from './chromium';

/*
 * The browser and pages of a test file, opened and closed by Jest hooks. Call
 * these where hooks may be declared: at the top of a file or of a `describe`.
 */

/** Launches Chromium before the file's tests and closes it after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser)
      throw new Error('The browser is not launched yet (use it inside a hook or test).');
    return browser;
  };
}

export interface PageOptions {
  /** The email of the demo account to sign in as, once the page is open. */
  signedInAs?: string;
  /** Expect no uncaught exception in the page after each test (default true). */
  checkPageErrors?: boolean;
}

/**
 * A fresh page (its own context) for the tests of the enclosing `describe` or
 * file: opened (and signed in) before them, closed after them, and by default
 * expected to have thrown no uncaught exception after each test. The object
 * returned is filled in before the first test runs.
 */
export function usePage(browser: () => Browser, options: PageOptions = {}): OpenedPage {
  const { signedInAs, checkPageErrors = true } = options;
  const opened = {} as OpenedPage;
  beforeAll(async () => {
    Object.assign(opened, await openPage(browser()));
    if (signedInAs !== undefined) await signIn(opened.page, signedInAs);
  });
  afterAll(async () => {
    await opened.context?.close();
  });
  if (checkPageErrors) {
    afterEach(() => {
      expect(opened.pageErrors.map(String)).toEqual([]);
    });
  }
  return opened;
}
