/**
 * The commissioner comparison (docs/commissioning.md, "The comparison"): from the monthly
 * rollup rows of the shared services (`shared_service_months`: the counts of metrics.md for
 * one service, complete calendar month and practitioner type), the figures of each service
 * over a period of whole months, the pooled row of all of them, the benchmarks (median and
 * quartiles over the visible services) and the trend by month, with small-number
 * suppression applied. The output carries no count at all: no numerator, denominator or
 * staff count leaves this function.
 *
 * Figures of a service over its months in the period (metrics.md's formulas over summed
 * counts; the first month's `_start` and the last month's `_end` for point-in-time counts):
 * - coverage = 100 × in_date_end / eligible_end (the last month);
 * - shareOverdue = 100 × (eligible_end − in_date_end) / eligible_end;
 * - supervisionHoursPerWorkerPerMonth = (Σ minutes / 60) / avg(eligible_start of the first
 *   month, eligible_end of the last) / (len × 12 / 365);
 * - cancellationRate = 100 × Σ missed / (Σ held + Σ missed);
 * - absenceRate = 100 × Σ fte_days_lost / Σ fte_days_available;
 * - turnoverRate = 100 × Σ leavers / avg(headcount_start first, headcount_end last), and
 *   annualisedTurnoverRate = turnoverRate × 365 / len;
 * - supervisionSpendPerWorker = Σ over months of cost per worker per year × days / 365
 *   (metrics.md's supervisionSpend divided by the average eligible headcount), in the
 *   service's currency;
 * each null when its denominator is 0 (for the spend: when the average eligible is 0).
 *
 * Decisions (also in DECISIONS.md and docs/commissioning.md):
 * - A service's figures are over the months of the period it has rows for (a service shared
 *   from a later month, or whose provider's last month is not complete yet, has fewer): its
 *   first and last such months give the point-in-time counts and `len` is their days.
 * - The pooled row is the total of every compared service's counts (visible and hidden):
 *   Σ numerators over Σ denominators, where the time-weighted denominators are summed as
 *   worker-months (hours), worker-years (annualised turnover) and eligible workers (spend);
 *   with the same months for every service this is exactly metrics.md's formula over the
 *   union of the services. Its spend is null and its currency '' when the services use more
 *   than one currency.
 * - Staff behind a service's period figures: the largest monthly `staff_count` (a lower
 *   bound of the distinct staff, so suppression errs towards hiding); behind a month's
 *   cell: that month's `staff_count`. Behind the pooled row: the largest over months of the
 *   month's total `staff_count` (a staff member belongs to one service).
 * - `k` of a service is max(commissioner's threshold, provider's threshold), never below 3
 *   (`effectiveThreshold`); `k` of the pooled row is the largest `k` of its services (the
 *   commissioner's when there is none). A service or pooled cell with fewer staff than its
 *   `k` is hidden whole (BELOW_THRESHOLD); then `suppressTable`'s complementary rule over
 *   the pooled total and the service parts, for the period and for each month.
 * - Benchmarks: over the visible services (cells, for a month) whose figure is not null;
 *   median and quartiles by linear interpolation between closest ranks (the value at rank
 *   h = (n − 1) × p of the sorted values, interpolated between ⌊h⌋ and ⌈h⌉; numpy's and
 *   Excel's PERCENTILE.INC). `services` is the number of values used. The spend benchmark
 *   is null (with `services` still counting the visible values) when the visible services
 *   do not all share one currency.
 * - Headcount band: from the headcount on the last day of the service's last month (the
 *   pooled row: the total); null when that is 0, and when the row is suppressed.
 * - Rows are sorted by provider name, service name, then service id.
 */
import { daysInMonth, firstDayOfMonth, type IsoDate } from '../dates';
import type { OrganisationKind } from '../enums';
import { compareText } from './util';
import {
  effectiveThreshold,
  suppressTable,
  type SuppressedCell,
  type SuppressionReason,
} from './suppression';

/** The counts of one rollup row (`shared_service_months`) of one service and month. */
export interface ComparisonMonthCounts {
  /** The month's first day. */
  month: IsoDate;
  staffCount: number;
  headcountStart: number;
  headcountEnd: number;
  eligibleStart: number;
  eligibleEnd: number;
  inDateEnd: number;
  leavers: number;
  fteDaysAvailable: number;
  fteDaysLost: number;
  sessionsHeld: number;
  sessionsMissed: number;
  supervisionMinutes: number;
  supervisionCostPerWorkerYear: number;
  /** The month's currency; absent means the service's. */
  currency?: string;
}

/** One shared service and its rollup rows (any order; months outside the period are ignored). */
export interface ComparisonServiceInput {
  serviceId: string;
  serviceName: string;
  providerName: string;
  providerKind: OrganisationKind;
  /** The service's currency (its last month's). */
  currency: string;
  /** The provider's configured suppression threshold. */
  providerThreshold: number | null;
  months: readonly ComparisonMonthCounts[];
}

/** Whole calendar months: both are first days of a month, fromMonth <= toMonth. */
export interface ComparisonPeriod {
  fromMonth: IsoDate;
  toMonth: IsoDate;
}

export interface ComparisonFigures {
  coverage: number | null;
  shareOverdue: number | null;
  supervisionHoursPerWorkerPerMonth: number | null;
  cancellationRate: number | null;
  absenceRate: number | null;
  turnoverRate: number | null;
  annualisedTurnoverRate: number | null;
  supervisionSpendPerWorker: number | null;
}

export const COMPARISON_METRICS = [
  'COVERAGE',
  'SHARE_OVERDUE',
  'SUPERVISION_HOURS_PER_WORKER_PER_MONTH',
  'CANCELLATION_RATE',
  'ABSENCE_RATE',
  'TURNOVER_RATE',
  'ANNUALISED_TURNOVER_RATE',
  'SUPERVISION_SPEND_PER_WORKER',
] as const;
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number];

/** Which figure each metric is. */
export const COMPARISON_METRIC_FIGURE: Record<ComparisonMetric, keyof ComparisonFigures> = {
  COVERAGE: 'coverage',
  SHARE_OVERDUE: 'shareOverdue',
  SUPERVISION_HOURS_PER_WORKER_PER_MONTH: 'supervisionHoursPerWorkerPerMonth',
  CANCELLATION_RATE: 'cancellationRate',
  ABSENCE_RATE: 'absenceRate',
  TURNOVER_RATE: 'turnoverRate',
  ANNUALISED_TURNOVER_RATE: 'annualisedTurnoverRate',
  SUPERVISION_SPEND_PER_WORKER: 'supervisionSpendPerWorker',
};

export type HeadcountBand = '1–9' | '10–24' | '25–49' | '50–99' | '100–249' | '250+';

export interface ComparisonRow {
  serviceId: string;
  serviceName: string;
  providerName: string;
  providerKind: OrganisationKind;
  currency: string;
  headcountBand: HeadcountBand | null;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  /** Every figure null when suppressed. */
  figures: ComparisonFigures;
}

export interface ComparisonBenchmark {
  metric: ComparisonMetric;
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
  /** The number of visible services whose figure was used (services, not staff). */
  services: number;
}

export interface ComparisonMonth {
  month: IsoDate;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  /** The month's pooled figures (every one null when suppressed). */
  pooled: ComparisonFigures;
  /** Over the month's visible service cells. */
  benchmarks: ComparisonBenchmark[];
}

export interface Comparison {
  fromMonth: IsoDate;
  toMonth: IsoDate;
  /** The commissioner's effective threshold (a service's k may be higher: its provider's). */
  threshold: number;
  rows: ComparisonRow[];
  pooled: ComparisonRow;
  benchmarks: ComparisonBenchmark[];
  trend: ComparisonMonth[];
}

/** The pooled row's labels (it is no single service or provider). */
export const POOLED_ROW = {
  serviceId: 'POOLED',
  serviceName: 'All compared services',
  providerName: 'All providers',
  /** The pool is the commissioner's own: no provider has this kind. */
  providerKind: 'COMMISSIONER' as OrganisationKind,
} as const;

export const NO_FIGURES: ComparisonFigures = Object.freeze({
  coverage: null,
  shareOverdue: null,
  supervisionHoursPerWorkerPerMonth: null,
  cancellationRate: null,
  absenceRate: null,
  turnoverRate: null,
  annualisedTurnoverRate: null,
  supervisionSpendPerWorker: null,
});

/**
 * The counts behind a set of figures, in additive form so that a pool is a plain sum: the
 * time-weighted denominators are carried as worker-months, headcount-years and the spend.
 */
export interface ComparisonTotals {
  /** Staff behind the figures (for suppression). */
  staff: number;
  headcountEnd: number;
  eligibleEnd: number;
  inDateEnd: number;
  supervisionMinutes: number;
  /** avg eligible × len × 12 / 365. */
  eligibleWorkerMonths: number;
  sessionsHeld: number;
  sessionsMissed: number;
  fteDaysLost: number;
  fteDaysAvailable: number;
  leavers: number;
  averageHeadcount: number;
  /** avg headcount × len / 365. */
  headcountYears: number;
  averageEligible: number;
  /** Σ months cost × days / 365 × avg eligible; null when the currency is mixed. */
  supervisionSpend: number | null;
  /** The one currency, or null when mixed. */
  currency: string | null;
}

const DAYS_IN_YEAR = 365;

const MONTH_DAYS = new Map<IsoDate, number>();

function daysOfMonth(month: IsoDate): number {
  let days = MONTH_DAYS.get(month);
  if (days === undefined) {
    days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    if (MONTH_DAYS.size < 10_000) MONTH_DAYS.set(month, days);
  }
  return days;
}

function isFirstOfMonth(date: IsoDate): boolean {
  return /^\d{4}-\d{2}-01$/.test(date) && firstDayOfMonth(date) === date;
}

/** Throws a RangeError unless both are first days of a month and fromMonth <= toMonth. */
export function assertComparisonPeriod(period: ComparisonPeriod): ComparisonPeriod {
  if (!isFirstOfMonth(period.fromMonth) || !isFirstOfMonth(period.toMonth)) {
    throw new RangeError('A comparison period is whole months: give first days of months.');
  }
  if (period.toMonth < period.fromMonth) {
    throw new RangeError('The last month must not be before the first.');
  }
  return period;
}

/** The first days of the months of the period, in order. */
export function monthsOfPeriod(period: ComparisonPeriod): IsoDate[] {
  const months: IsoDate[] = [];
  let year = Number(period.fromMonth.slice(0, 4));
  let month = Number(period.fromMonth.slice(5, 7));
  for (;;) {
    const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (first > period.toMonth) return months;
    months.push(first);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}

/** The totals of one service over the given rollup rows (sorted by month, at least one). */
export function totalsOfMonths(
  rows: readonly ComparisonMonthCounts[],
  currency: string,
): ComparisonTotals {
  const first = rows[0];
  const last = rows[rows.length - 1];
  let days = 0;
  let costDays = 0;
  let mixed = false;
  let staff = 0;
  let minutes = 0;
  let held = 0;
  let missed = 0;
  let lost = 0;
  let available = 0;
  let leavers = 0;
  for (const row of rows) {
    const monthDays = daysOfMonth(row.month);
    days += monthDays;
    costDays += row.supervisionCostPerWorkerYear * monthDays;
    if (row.currency !== undefined && row.currency !== currency) mixed = true;
    staff = Math.max(staff, row.staffCount);
    minutes += row.supervisionMinutes;
    held += row.sessionsHeld;
    missed += row.sessionsMissed;
    lost += row.fteDaysLost;
    available += row.fteDaysAvailable;
    leavers += row.leavers;
  }
  const averageEligible = (first.eligibleStart + last.eligibleEnd) / 2;
  const averageHeadcount = (first.headcountStart + last.headcountEnd) / 2;
  return {
    staff,
    headcountEnd: last.headcountEnd,
    eligibleEnd: last.eligibleEnd,
    inDateEnd: last.inDateEnd,
    supervisionMinutes: minutes,
    eligibleWorkerMonths: (averageEligible * days * 12) / DAYS_IN_YEAR,
    sessionsHeld: held,
    sessionsMissed: missed,
    fteDaysLost: lost,
    fteDaysAvailable: available,
    leavers,
    averageHeadcount,
    headcountYears: (averageHeadcount * days) / DAYS_IN_YEAR,
    averageEligible,
    supervisionSpend: mixed ? null : (averageEligible * costDays) / DAYS_IN_YEAR,
    currency: mixed ? null : currency,
  };
}

/**
 * The pool of several totals: every count summed; `staff` is given (see the top of the
 * file: the pooled staff are not the sum of the services' largest months).
 */
export function poolTotals(parts: readonly ComparisonTotals[], staff: number): ComparisonTotals {
  const pool: ComparisonTotals = {
    staff,
    headcountEnd: 0,
    eligibleEnd: 0,
    inDateEnd: 0,
    supervisionMinutes: 0,
    eligibleWorkerMonths: 0,
    sessionsHeld: 0,
    sessionsMissed: 0,
    fteDaysLost: 0,
    fteDaysAvailable: 0,
    leavers: 0,
    averageHeadcount: 0,
    headcountYears: 0,
    averageEligible: 0,
    supervisionSpend: 0,
    currency: parts.length > 0 ? parts[0].currency : null,
  };
  for (const t of parts) {
    pool.headcountEnd += t.headcountEnd;
    pool.eligibleEnd += t.eligibleEnd;
    pool.inDateEnd += t.inDateEnd;
    pool.supervisionMinutes += t.supervisionMinutes;
    pool.eligibleWorkerMonths += t.eligibleWorkerMonths;
    pool.sessionsHeld += t.sessionsHeld;
    pool.sessionsMissed += t.sessionsMissed;
    pool.fteDaysLost += t.fteDaysLost;
    pool.fteDaysAvailable += t.fteDaysAvailable;
    pool.leavers += t.leavers;
    pool.averageHeadcount += t.averageHeadcount;
    pool.headcountYears += t.headcountYears;
    pool.averageEligible += t.averageEligible;
    // One currency, or none: a part in another (or mixed) currency leaves no common spend.
    if (t.currency === null || t.currency !== pool.currency) pool.currency = null;
    else pool.supervisionSpend = (pool.supervisionSpend as number) + (t.supervisionSpend as number);
  }
  if (pool.currency === null) pool.supervisionSpend = null;
  return pool;
}

const rate = (numerator: number, denominator: number, scale = 100): number | null =>
  denominator === 0 ? null : (scale * numerator) / denominator;

/** The figures of a set of totals (see the top of the file for each formula). */
export function figuresOfTotals(t: ComparisonTotals): ComparisonFigures {
  return {
    coverage: rate(t.inDateEnd, t.eligibleEnd),
    shareOverdue: rate(t.eligibleEnd - t.inDateEnd, t.eligibleEnd),
    supervisionHoursPerWorkerPerMonth: rate(t.supervisionMinutes / 60, t.eligibleWorkerMonths, 1),
    cancellationRate: rate(t.sessionsMissed, t.sessionsHeld + t.sessionsMissed),
    absenceRate: rate(t.fteDaysLost, t.fteDaysAvailable),
    turnoverRate: rate(t.leavers, t.averageHeadcount),
    annualisedTurnoverRate: rate(t.leavers, t.headcountYears),
    supervisionSpendPerWorker:
      t.supervisionSpend === null ? null : rate(t.supervisionSpend, t.averageEligible, 1),
  };
}

/** docs/commissioning.md's bands of the headcount at the period's end; null for 0. */
export function headcountBand(headcount: number): HeadcountBand | null {
  if (headcount < 1) return null;
  if (headcount < 10) return '1–9';
  if (headcount < 25) return '10–24';
  if (headcount < 50) return '25–49';
  if (headcount < 100) return '50–99';
  if (headcount < 250) return '100–249';
  return '250+';
}

/**
 * The value at fraction p (0..1) of the values, by linear interpolation between closest
 * ranks (h = (n − 1) × p); null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  return quantileOfSorted(Float64Array.from(values).sort(), p);
}

/** `quantile` of values already in ascending order. */
function quantileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The benchmark of every metric over the visible figures (and their currencies). */
export function benchmarksOf(
  visible: readonly { figures: ComparisonFigures; currency: string | null }[],
): ComparisonBenchmark[] {
  const columns = new FigureColumns(visible.length);
  visible.forEach((v, i) => columns.set(i, v.figures));
  return columns.benchmarks(visible.map((v) => v.currency));
}

/**
 * The figures of many services, one column of numbers per figure (NaN for null): the
 * benchmarks are taken from them without an object per service.
 */
class FigureColumns {
  readonly columns: Float64Array[];

  constructor(readonly size: number) {
    this.columns = COMPARISON_METRICS.map(() => new Float64Array(size));
  }

  set(i: number, figures: ComparisonFigures): void {
    for (let m = 0; m < COMPARISON_METRICS.length; m++) {
      this.columns[m][i] = figures[COMPARISON_METRIC_FIGURE[COMPARISON_METRICS[m]]] ?? Number.NaN;
    }
  }

  /**
   * Each metric's benchmark over the first `currencies.length` rows, those `use` allows (all
   * by default).
   */
  benchmarks(
    currencies: readonly (string | null)[],
    use: (i: number) => boolean = () => true,
  ): ComparisonBenchmark[] {
    const size = currencies.length;
    const used = new Set<string | null>();
    for (let i = 0; i < size; i++) if (use(i)) used.add(currencies[i]);
    const oneCurrency = used.size <= 1 && !used.has(null);
    const values = new Float64Array(size);
    return COMPARISON_METRICS.map((metric, m) => {
      const column = this.columns[m];
      let n = 0;
      for (let i = 0; i < size; i++) {
        const v = column[i];
        if (Number.isFinite(v) && use(i)) values[n++] = v;
      }
      const comparable = metric !== 'SUPERVISION_SPEND_PER_WORKER' || oneCurrency;
      const [lowerQuartile, median, upperQuartile] = comparable
        ? quartiles(values, n)
        : [null, null, null];
      return { metric, median, lowerQuartile, upperQuartile, services: n };
    });
  }
}

/**
 * The lower quartile, median and upper quartile of `values[0..n)` (reordered in place), as
 * `quantile` computes them, by selection rather than a full sort.
 */
function quartiles(values: Float64Array, n: number): [number | null, number | null, number | null] {
  if (n === 0) return [null, null, null];
  let from = 0;
  return [0.25, 0.5, 0.75].map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    select(values, lo, from, n - 1);
    from = lo;
    if (h === lo) return values[lo];
    // The next rank: the smallest of those after lo (all at least values[lo]).
    let next = values[lo + 1];
    for (let i = lo + 2; i < n; i++) if (values[i] < next) next = values[i];
    return values[lo] + (h - lo) * (next - values[lo]);
  }) as [number, number, number];
}

/**
 * Reorders a[left..right] so that a[k] is the value of rank k there, those before it are no
 * greater and those after it no smaller (Hoare's selection, median-of-three pivot).
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot.
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** A cell of a table to suppress: the staff behind it and its own threshold. */
interface TableEntry {
  staff: number;
  k: number;
}

/**
 * The suppression of a pooled total and its service parts: each cell against its own k
 * (BELOW_THRESHOLD), then `suppressTable`'s complementary rule. A cell below its own k
 * enters the table with no staff, so the table's k (the commissioner's, at most any cell's
 * own k and at least 3) hides it and keeps every other cell as it is.
 */
function suppressPool(
  total: TableEntry,
  parts: readonly TableEntry[],
  commissionerK: number,
): { total: SuppressedCell<null>; parts: SuppressedCell<null>[] } {
  const cell = (entry: TableEntry) => ({
    value: null,
    staffCount: entry.staff < entry.k ? 0 : entry.staff,
  });
  return suppressTable({ total: cell(total), parts: parts.map(cell) }, commissionerK);
}

interface PreparedService {
  input: ComparisonServiceInput;
  k: number;
  /** The service's row of each month of the period (by its index), if any. */
  byMonth: (ComparisonMonthCounts | undefined)[];
  totals: ComparisonTotals;
}

/**
 * The comparison of the shared services over whole months (see the top of the file). A
 * service with no row in the period has no row in the comparison.
 */
export function computeComparison(
  services: readonly ComparisonServiceInput[],
  period: ComparisonPeriod,
  commissionerThreshold: number | null,
): Comparison {
  assertComparisonPeriod(period);
  const months = monthsOfPeriod(period);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const commissionerK = effectiveThreshold(commissionerThreshold);

  const prepared: PreparedService[] = [];
  for (const input of services) {
    const inPeriod = input.months
      .filter((m) => m.month >= period.fromMonth && m.month <= period.toMonth)
      .sort((a, b) => compareText(a.month, b.month));
    if (inPeriod.length === 0) continue;
    const byMonth: (ComparisonMonthCounts | undefined)[] = new Array(months.length);
    for (const m of inPeriod) byMonth[monthIndex.get(m.month) as number] = m;
    prepared.push({
      input,
      k: Math.max(commissionerK, effectiveThreshold(input.providerThreshold)),
      byMonth,
      totals: totalsOfMonths(inPeriod, input.currency),
    });
  }
  prepared.sort(
    (a, b) =>
      compareText(a.input.providerName, b.input.providerName) ||
      compareText(a.input.serviceName, b.input.serviceName) ||
      compareText(a.input.serviceId, b.input.serviceId),
  );
  const poolK = prepared.reduce((k, s) => Math.max(k, s.k), commissionerK);

  // The pooled staff: the largest month's total staff.
  let pooledStaff = 0;
  for (let m = 0; m < months.length; m++) {
    let staff = 0;
    for (const s of prepared) staff += s.byMonth[m]?.staffCount ?? 0;
    pooledStaff = Math.max(pooledStaff, staff);
  }
  const pooledTotals = poolTotals(
    prepared.map((s) => s.totals),
    pooledStaff,
  );

  // The period: rows and pooled row.
  const table = suppressPool(
    { staff: pooledTotals.staff, k: poolK },
    prepared.map((s) => ({ staff: s.totals.staff, k: s.k })),
    commissionerK,
  );
  const rows: ComparisonRow[] = prepared.map((s, i) => {
    const cell = table.parts[i];
    return {
      serviceId: s.input.serviceId,
      serviceName: s.input.serviceName,
      providerName: s.input.providerName,
      providerKind: s.input.providerKind,
      currency: s.input.currency,
      headcountBand: cell.suppressed ? null : headcountBand(s.totals.headcountEnd),
      suppressed: cell.suppressed,
      suppressionReason: cell.reason,
      figures: cell.suppressed ? { ...NO_FIGURES } : figuresOfTotals(s.totals),
    };
  });
  const pooled: ComparisonRow = {
    ...POOLED_ROW,
    currency: pooledTotals.currency ?? '',
    headcountBand: table.total.suppressed ? null : headcountBand(pooledTotals.headcountEnd),
    suppressed: table.total.suppressed,
    suppressionReason: table.total.reason,
    figures: table.total.suppressed ? { ...NO_FIGURES } : figuresOfTotals(pooledTotals),
  };
  const rowColumns = new FigureColumns(prepared.length);
  rows.forEach((row, i) => rowColumns.set(i, row.figures));
  const benchmarks = rowColumns.benchmarks(
    prepared.map((s) => s.totals.currency),
    (i) => !table.parts[i].suppressed,
  );

  // The trend: each month's pooled figures and benchmarks, suppressed the same way.
  const columns = new FigureColumns(prepared.length);
  const trend: ComparisonMonth[] = months.map((month, m) => {
    // The month's cells: the services with a row that month.
    const totals: ComparisonTotals[] = [];
    const entries: TableEntry[] = [];
    let staff = 0;
    for (const s of prepared) {
      const row = s.byMonth[m];
      if (!row) continue;
      const t = totalsOfMonths([row], s.input.currency);
      totals.push(t);
      entries.push({ staff: t.staff, k: s.k });
      staff += t.staff;
    }
    const monthTotals = poolTotals(totals, staff);
    const monthTable = suppressPool({ staff, k: poolK }, entries, commissionerK);
    // The figures of the month's visible cells only: a hidden cell's are never computed.
    const visible = (i: number) => !monthTable.parts[i].suppressed;
    for (let i = 0; i < totals.length; i++) {
      if (visible(i)) columns.set(i, figuresOfTotals(totals[i]));
    }
    return {
      month,
      suppressed: monthTable.total.suppressed,
      suppressionReason: monthTable.total.reason,
      pooled: monthTable.total.suppressed ? { ...NO_FIGURES } : figuresOfTotals(monthTotals),
      benchmarks: columns.benchmarks(
        totals.map((t) => t.currency),
        visible,
      ),
    };
  });

  return {
    fromMonth: period.fromMonth,
    toMonth: period.toMonth,
    threshold: commissionerK,
    rows,
    pooled,
    benchmarks,
    trend,
  };
}
