/**
 * Small-number suppression (metrics.md, "Small-number suppression").
 *
 * metrics.md: "Any figure shown outside the organisation that owns the records (a
 * commissioner's view) or to a role that may not see individuals is suppressed when fewer
 * than k distinct staff stand behind it (default k = 5, never below 3): the value is null and
 * flagged suppressed, with the reason. Where a total and all but one of its parts would be
 * shown, the smallest other part is suppressed too, so that no suppressed value can be
 * recovered by subtraction."
 *
 * API: a cell is `{ value, staffCount }` where staffCount is the number of distinct staff
 * behind the value. `suppressCell(cell, k)` applies the threshold to one figure;
 * `suppressTable({ total, parts }, k)` applies it to a total and the parts it is split into
 * (a breakdown by service, by practitioner type, by reason...) and then the complementary
 * rule. `k` is the configured threshold; `effectiveThreshold` raises it to at least 3.
 *
 * Decisions (also in DECISIONS.md):
 * - A cell is suppressed by threshold when staffCount < k, including staffCount 0.
 * - Complementary rule: when the total is visible and exactly one part is suppressed, the
 *   visible part with the fewest staff is suppressed too (ties: the first in the table's
 *   order), with reason 'COMPLEMENTARY'. When there is no other visible part (a table with
 *   a single part), the total is suppressed instead. After this, a visible total never has
 *   exactly one hidden part, so subtracting the visible parts from the total only ever gives
 *   the sum of two or more hidden parts.
 * - The parts are assumed to partition the total (every part's staff are among the total's);
 *   then a total below the threshold has all its parts below it too.
 * - The output carries no staffCount: the count itself would disclose a small group.
 * - A non-finite configured threshold falls back to the default 5.
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const MIN_SUPPRESSION_THRESHOLD = 3;

export type SuppressionReason = 'BELOW_THRESHOLD' | 'COMPLEMENTARY';

/** A figure before suppression, with the number of distinct staff behind it. */
export interface SuppressibleCell<T = number> {
  value: T | null;
  staffCount: number;
}

/** A figure after suppression: value null and a reason when suppressed. */
export interface SuppressedCell<T = number> {
  value: T | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
}

export interface SuppressibleTable<T = number> {
  total: SuppressibleCell<T>;
  parts: readonly SuppressibleCell<T>[];
}

export interface SuppressedTable<T = number> {
  total: SuppressedCell<T>;
  /** In the same order as the input parts. */
  parts: SuppressedCell<T>[];
}

/** metrics.md: "default k = 5, never below 3". */
export function effectiveThreshold(configured?: number | null): number {
  if (configured === undefined || configured === null || !Number.isFinite(configured)) {
    return DEFAULT_SUPPRESSION_THRESHOLD;
  }
  return Math.max(MIN_SUPPRESSION_THRESHOLD, configured);
}

function hidden<T>(reason: SuppressionReason): SuppressedCell<T> {
  return { value: null, suppressed: true, reason };
}

/** One figure: suppressed with reason 'BELOW_THRESHOLD' when staffCount < k. */
export function suppressCell<T>(cell: SuppressibleCell<T>, k?: number | null): SuppressedCell<T> {
  if (cell.staffCount < effectiveThreshold(k)) return hidden('BELOW_THRESHOLD');
  return { value: cell.value, suppressed: false, reason: null };
}

/**
 * A total and its parts: each cell by threshold, then the complementary rule (see the top
 * of this file).
 */
export function suppressTable<T>(
  table: SuppressibleTable<T>,
  k?: number | null,
): SuppressedTable<T> {
  let total = suppressCell(table.total, k);
  const parts = table.parts.map((part) => suppressCell(part, k));
  const hiddenParts = parts.filter((part) => part.suppressed).length;
  if (!total.suppressed && hiddenParts === 1) {
    const smallest = indexOfSmallestVisiblePart(table.parts, parts);
    if (smallest === null) total = hidden('COMPLEMENTARY');
    else parts[smallest] = hidden('COMPLEMENTARY');
  }
  return { total, parts };
}

/** The index of the visible part with the fewest staff (first on ties), or null if none. */
function indexOfSmallestVisiblePart<T>(
  input: readonly SuppressibleCell<T>[],
  output: readonly SuppressedCell<T>[],
): number | null {
  let smallest: number | null = null;
  for (let i = 0; i < input.length; i++) {
    if (output[i].suppressed) continue;
    if (smallest === null || input[i].staffCount < input[smallest].staffCount) smallest = i;
  }
  return smallest;
}
