import type { SuppressionReason } from '../../gql/graphql';
import { MONTH_NAMES } from '../date-input';

/*
 * How the figures are written on the Overview and Cost case pages and in
 * the charts: en-GB numbers, "—" where there is no figure (a denominator of 0:
 * docs/metrics.md says "no figure", never 0), currency in the organisation's
 * own currency, and the words for a hidden (suppressed) figure.
 */

/** Shown where there is no figure. Pair it with `NO_FIGURE_WORDS` for screen readers. */
export const NONE = '—';
/** What "—" means, for screen readers and explanations. */
export const NO_FIGURE_WORDS = 'No figure';

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** 1234.56 → "1,234.6" (at most `digits` decimals, none for whole numbers); null → "—". */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (!isNumber(value)) return NONE;
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** 84.444 → "84.4%" (always `digits` decimals); null → "—". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (!isNumber(value)) return NONE;
  return `${value.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })}%`;
}

/**
 * Money in the organisation's currency (ISO 4217): 1975.9 GBP → "£1,975.90";
 * whole amounts without pence when `wholeUnits` ("£563"); null → "—". An
 * unknown currency code falls back to "1,975.90 XYZ".
 */
export function formatMoney(
  value: number | null | undefined,
  currency: string,
  { wholeUnits = false }: { wholeUnits?: boolean } = {},
): string {
  if (!isNumber(value)) return NONE;
  const digits = wholeUnits ? 0 : 2;
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${value.toLocaleString('en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })} ${currency}`;
  }
}

/** Whole amounts without pence, others with: £563, £1,612, £1,975.90. */
export function formatMoneyAuto(value: number | null | undefined, currency: string): string {
  return formatMoney(value, currency, {
    wholeUnits: isNumber(value) && Number.isInteger(value),
  });
}

/** "1 person", "38 people"; "1 leaver", "2.5 leavers". */
export function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count, 2)} ${count === 1 ? singular : plural}`;
}

/** "1 person", "12 people". */
export function peopleText(count: number): string {
  return countText(count, 'person', 'people');
}

/** The short words in a cell whose figure is hidden: "Not shown: fewer than 5 people". */
export function suppressedText(
  reason: SuppressionReason | null | undefined,
  threshold: number | null | undefined,
): string {
  if (reason === 'COMPLEMENTARY') return 'Not shown: would reveal a hidden figure';
  return threshold ? `Not shown: fewer than ${threshold} people` : 'Not shown: too few people';
}

/** Why figures are hidden, in a sentence, for the note under a table or on a card. */
export function suppressionExplanation(
  reason: SuppressionReason | null | undefined,
  threshold: number | null | undefined,
): string {
  if (reason === 'COMPLEMENTARY') {
    return 'This figure is hidden so that another hidden figure cannot be worked out by subtraction from the total.';
  }
  const few = threshold ? `fewer than ${threshold} people` : 'too few people';
  return `Figures about ${few} are not shown to roles that do not see individual records, so that no one can be identified.`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "2026-02" → "February 2026". */
export function monthName(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[index - 1] ?? month} ${year}`;
}

/** "2026-02" → "Feb 2026" (chart axes). */
export function shortMonthName(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return `${(MONTH_NAMES[index - 1] ?? month).slice(0, 3)} ${year}`;
}
