/*
 * CSV for "Export CSV" buttons: RFC 4180 (comma separated, CRLF line endings,
 * fields quoted when they hold a comma, a quote or a line break) and safe to
 * open in a spreadsheet.
 *
 * Formula injection: a spreadsheet treats a cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula. Such a cell is prefixed
 * with a single quote, as is a cell that already begins with one, so the
 * rule is the same as the API's exports (packages/shared/src/csv/cells.ts)
 * and an exported file imports back unchanged.
 *
 * Export exactly what the table shows: pass the same words and formatted
 * dates the table displays, not the raw values behind them.
 */

/** A cell as a table shows it. null and undefined become an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell a spreadsheet would run as a formula (or one beginning with a quote) with `'`. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** One field, quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

/** One record with its CRLF ending; every cell neutralised, then quoted if need be. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map((cell) => quoteField(neutraliseCell(cellText(cell)))).join(',')}\r\n`;
}

/** A whole document: the header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(csvRow).join('');
}

/**
 * A file name like `holdspace-staff-2026-03-27.csv`: lower case, words joined
 * by hyphens, nothing a file system would refuse.
 */
export function csvFileName(subject: string, isoDate: string): string {
  const slug = subject
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `holdspace-${slug || 'export'}-${isoDate}.csv`;
}

/**
 * The byte order mark that makes Excel read the file as UTF-8 (names such as
 * "Zoë" or "Siân" otherwise come out garbled). Other programs ignore it.
 */
export const UTF8_BOM = '\uFEFF';

/** Makes the browser download `csv` as `fileName`. */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob([UTF8_BOM, csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
