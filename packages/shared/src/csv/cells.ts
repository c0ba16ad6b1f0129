/**
 * Writing CSV (RFC 4180) safely for spreadsheets.
 *
 * Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-`,
 * `@`, a tab or a carriage return as a formula. Exports therefore prefix such a
 * cell with a single quote. So that every value survives export and re-import
 * unchanged, a cell that already begins with a quote is prefixed too, and
 * imports remove exactly one leading quote when it is followed by one of those
 * characters or by another quote (`restoreCell`): restoreCell(neutraliseCell(v)) === v.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** Undoes `neutraliseCell` (and reads a hand-typed `'=…` as the text `=…`). */
export function restoreCell(value: string): string {
  return value.length >= 2 && value[0] === "'" && (value[1] === "'" || FORMULA_START.test(value[1]))
    ? value.slice(1)
    : value;
}

/** One field, quoted when it holds a comma, a quote or a line break. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record with its CRLF line ending; every cell is neutralised first. */
export function formatCsvRow(
  cells: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return `${cells.map((cell) => formatCsvField(neutraliseCell(cell == null ? '' : String(cell)))).join(',')}\r\n`;
}

/** A whole CSV document (header + rows), e.g. for a metric table the dashboard offers as a download. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
): string {
  return [header, ...rows].map(formatCsvRow).join('');
}
