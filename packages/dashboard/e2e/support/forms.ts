import type { Locator, Page } from 'playwright-core';

/** The GOV.UK error summary's links, in order, once it is shown. */
export async function errorSummaryLinks(page: Page): Promise<string[]> {
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  return (await summary.locator('a').allInnerTexts()).map((t) => t.trim());
}

/**
 * Chooses the first option of `select` with a value whose text starts with
 * `prefix` (names carry a reference); fails if there is none.
 */
export async function selectStartingWith(select: Locator, prefix: string): Promise<void> {
  const value = await select.evaluate(
    (element, start) =>
      Array.from((element as HTMLSelectElement).options)
        .filter((o) => o.value)
        .find((o) => o.text.startsWith(start))?.value,
    prefix,
  );
  expect(value).toBeTruthy();
  await select.selectOption(value as string);
}
