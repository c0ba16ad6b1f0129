/*
 * Numbers as the dashboard should show them (en-GB). Written independently of
 * the dashboard's own formatting code on purpose: the tests check it.
 */

/** A percentage to one decimal place ('12.5%'), or `noFigure` where there is none. */
export function percent(value: number | null, noFigure = '—'): string {
  if (value === null) return noFigure;
  return `${value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** A number with thousands separators and at most `digits` decimal places. */
export function num(value: number, digits = 1): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** Pounds sterling: whole pounds ('£1,235'), or with `pence` to the penny ('£1,234.50'). */
export function pounds(value: number, pence = false): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'GBP',
    maximumFractionDigits: pence ? 2 : 0,
    minimumFractionDigits: pence ? 2 : 0,
  }).format(value);
}
