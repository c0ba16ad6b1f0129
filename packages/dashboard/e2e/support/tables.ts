import type { Locator, Page } from 'playwright-core';

/**
 * The text of each cell of each row in `rows` (a locator of `tr`s), with
 * white space collapsed: the data cells only (`td`), or with `'th, td'` the
 * row headers too. Reads what is there now, without waiting.
 */
export async function cellsOf(rows: Locator, cells: 'td' | 'th, td' = 'td'): Promise<string[][]> {
  return rows.evaluateAll(
    (elements, selector) =>
      elements.map((row) =>
        Array.from(row.querySelectorAll(selector)).map((cell) =>
          (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        ),
      ),
    cells,
  );
}

/** The data cells of each body row of `table`, as it is now (none if it is not there). */
export async function tableCells(table: Locator): Promise<string[][]> {
  return cellsOf(table.locator('tbody tr'));
}

/** The data cells of each body row of `table`, once the table is there. */
export async function shownTableCells(table: Locator): Promise<string[][]> {
  await table.waitFor();
  return tableCells(table);
}

/** The data cells of some rows (a locator of `tr`s), once the first is there. */
export async function rowCells(rows: Locator): Promise<string[][]> {
  await rows.first().waitFor();
  return cellsOf(rows);
}

/** The body rows (row header and cells) of the table a chart shows with "View as table" open; opens it. */
export async function chartTableRows(page: Page, chartId: string): Promise<string[][]> {
  const chart = page.locator(`figure#${chartId}`);
  const toggle = chart.locator('button.chart__toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  return cellsOf(chart.locator('table tbody tr'), 'th, td');
}
