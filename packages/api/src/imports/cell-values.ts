import { parseUkOrIsoDate, restoreCell } from '@holdspace/shared';

/**
 * Reading one cell of an import file: every function returns the value, or a
 * plain-English message for the report (never both), so the importer can list
 * every problem of a row instead of stopping at the first.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A cell as the importer sees it: trimmed, and a spreadsheet-safety quote removed. */
export function cellText(raw: string): string {
  return restoreCell(raw.trim());
}

export function parseDateCell(text: string): Parsed<string> {
  const date = parseUkOrIsoDate(text);
  return date
    ? ok(date)
    : fail('This is not a date. Use YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-03-31 or 31/03/2024.');
}

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export function parseBooleanCell(text: string): Parsed<boolean> {
  const lower = text.toLowerCase();
  if (TRUE.has(lower)) return ok(true);
  if (FALSE.has(lower)) return ok(false);
  return fail('Use true or false (or yes/no, 1/0).');
}

/** Case-insensitive; spaces and hyphens read as underscores ("one to one" is ONE_TO_ONE). */
export function parseEnumCell<T extends string>(text: string, values: readonly T[]): Parsed<T> {
  const normalised = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const found = values.find((v) => v === normalised);
  return found ? ok(found) : fail(`Use one of: ${values.join(', ')}.`);
}

/** A whole number from `min` to `max`. */
export function parseIntegerCell(text: string, min: number, max: number): Parsed<number> {
  if (!/^\d+$/.test(text)) return fail(`Use a whole number from ${min} to ${max}.`);
  const value = Number(text);
  if (value < min || value > max) return fail(`Use a whole number from ${min} to ${max}.`);
  return ok(value);
}

/** FTE: a decimal greater than 0 and at most 1.5, with at most 3 decimal places (as stored). */
export function parseFteCell(text: string): Parsed<string> {
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text))
    return fail('Use a decimal number greater than 0 and at most 1.5, e.g. 1 or 0.6.');
  const [, decimals = ''] = text.split('.');
  if (decimals.replace(/0+$/, '').length > 3) return fail('Use at most 3 decimal places.');
  const value = Number(text);
  if (!(value > 0 && value <= 1.5)) return fail('The FTE must be greater than 0 and at most 1.5.');
  return ok(String(value));
}

export function checkLength(text: string, max: number): string | null {
  return text.length > max ? `Use at most ${max} characters (this has ${text.length}).` : null;
}
