import type {
  CommissionerComparisonQuery,
  ComparisonBenchmarkFieldsFragment,
  ComparisonFiguresFieldsFragment,
  ComparisonMetric,
  ComparisonRowFieldsFragment,
  SuppressionReason,
} from '../gql/graphql';
import type { ChartCell, ChartRow } from '../shell/charts/chart-data';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  monthName,
  NONE,
  shortMonthName,
} from '../shell/charts/format';
import type { DataTableColumn, DataTableRow } from '../shell/charts/data-table';
import { KIND_LABELS, monthOf } from './comparison-params';

/*
 * The comparison's words and numbers: each figure's name, unit and
 * definition (metrics.md), the table of services with the pooled row and the
 * benchmark rows, and the rows of the charts. The page decides nothing about
 * numbers itself, so the table, its CSV, the charts and their tables agree.
 *
 * A suppressed figure arrives as null with the row's `suppressed` flag and
 * reason; it is written "Not shown" with the reason, never as a number, and
 * sorts last.
 *
 * Pure; tested in comparison-data.test.ts.
 */

export type Comparison = CommissionerComparisonQuery['commissionerComparison'];
export type ComparisonRowData = ComparisonRowFieldsFragment;
export type Figures = ComparisonFiguresFieldsFragment;
export type Benchmark = ComparisonBenchmarkFieldsFragment;
type FigureKey = Exclude<keyof Figures, '__typename'>;

export type MetricUnit = 'percent' | 'hours' | 'money';

export interface MetricDefinition {
  metric: ComparisonMetric;
  key: FigureKey;
  /** As a column heading and chart title. */
  label: string;
  /** In a sentence: "supervision coverage". */
  noun: string;
  unit: MetricUnit;
  /** Whether a higher figure is the better one (for the words only). */
  higherIsBetter: boolean | null;
  /** From metrics.md, in plain words. */
  definition: string;
}

export const METRIC_DEFINITIONS: Record<ComparisonMetric, MetricDefinition> = {
  COVERAGE: {
    metric: 'COVERAGE',
    key: 'coverage',
    label: 'Coverage',
    noun: 'supervision coverage',
    unit: 'percent',
    higherIsBetter: true,
    definition:
      'The share of staff who need supervision who were in date for it on the last day of the period.',
  },
  SHARE_OVERDUE: {
    metric: 'SHARE_OVERDUE',
    key: 'shareOverdue',
    label: 'Share overdue',
    noun: 'the share overdue',
    unit: 'percent',
    higherIsBetter: false,
    definition:
      'The share of staff who need supervision who were overdue for it on the last day of the period.',
  },
  SUPERVISION_HOURS_PER_WORKER_PER_MONTH: {
    metric: 'SUPERVISION_HOURS_PER_WORKER_PER_MONTH',
    key: 'supervisionHoursPerWorkerPerMonth',
    label: 'Supervision hours per worker per month',
    noun: 'supervision hours per worker per month',
    unit: 'hours',
    higherIsBetter: null,
    definition:
      'Hours of supervision that count, per member of staff who needs it, per month of the period.',
  },
  CANCELLATION_RATE: {
    metric: 'CANCELLATION_RATE',
    key: 'cancellationRate',
    label: 'Cancellation rate',
    noun: 'the cancellation rate',
    unit: 'percent',
    higherIsBetter: false,
    definition:
      'Sessions cancelled or not attended, as a share of sessions held, cancelled or not attended.',
  },
  ABSENCE_RATE: {
    metric: 'ABSENCE_RATE',
    key: 'absenceRate',
    label: 'Absence rate',
    noun: 'the sickness absence rate',
    unit: 'percent',
    higherIsBetter: false,
    definition:
      'Working time lost to sickness absence, as a share of the time available (calendar days, weighted by FTE).',
  },
  TURNOVER_RATE: {
    metric: 'TURNOVER_RATE',
    key: 'turnoverRate',
    label: 'Turnover',
    noun: 'staff turnover',
    unit: 'percent',
    higherIsBetter: false,
    definition: 'Leavers in the period as a share of the average headcount.',
  },
  ANNUALISED_TURNOVER_RATE: {
    metric: 'ANNUALISED_TURNOVER_RATE',
    key: 'annualisedTurnoverRate',
    label: 'Annualised turnover',
    noun: 'annualised turnover',
    unit: 'percent',
    higherIsBetter: false,
    definition: 'Turnover scaled to a year, so periods of different lengths can be compared.',
  },
  SUPERVISION_SPEND_PER_WORKER: {
    metric: 'SUPERVISION_SPEND_PER_WORKER',
    key: 'supervisionSpendPerWorker',
    label: 'Supervision spend per worker',
    noun: 'supervision spend per worker',
    unit: 'money',
    higherIsBetter: null,
    definition:
      'The provider’s own cost of supervision per worker per year, over the length of the period.',
  },
};

export const METRIC_LIST: readonly MetricDefinition[] = Object.values(METRIC_DEFINITIONS);

/** A figure as the table shows it: "84.4%", "1.5 hours", "£563.00"; null gives "—". */
export function formatFigure(
  definition: MetricDefinition,
  value: number | null | undefined,
  currency: string,
): string {
  switch (definition.unit) {
    case 'percent':
      return formatPercent(value);
    case 'hours':
      return value === null || value === undefined ? NONE : formatNumber(value, 2);
    case 'money':
      return formatMoney(value, currency);
  }
}

/** A chart axis tick for a figure: "40%", "1.5", "£500". */
export function figureTick(definition: MetricDefinition, currency: string) {
  return (value: number): string => {
    switch (definition.unit) {
      case 'percent':
        return `${value.toLocaleString('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 })}%`;
      case 'hours':
        return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
      case 'money':
        return formatMoney(value, currency, { wholeUnits: true });
    }
  };
}

/** The short words in a hidden cell. */
export const NOT_SHOWN = 'Not shown';

/** Why a figure is hidden, in a few words (shown under "Not shown"). */
export function suppressedReasonText(
  reason: SuppressionReason | null | undefined,
  threshold: number,
): string {
  return reason === 'COMPLEMENTARY'
    ? 'protects another hidden figure'
    : `fewer than ${threshold} staff`;
}

/** Why figures are hidden, for the note under the table and charts. */
export function suppressionNote(threshold: number): string[] {
  return [
    `“Not shown (fewer than ${threshold} staff)”: fewer than ${threshold} staff stood behind the service’s figures in the period (the larger of your threshold and the provider’s), so none of them is shown, so that no one can be identified.`,
    '“Not shown (protects another hidden figure)”: the total of all compared services is shown, so one more service is hidden; otherwise a hidden figure could be worked out by subtraction.',
  ];
}

/** The sort order of a headcount band ("10–24" sorts by 10). */
export function bandSortValue(band: string | null | undefined): number | null {
  if (!band) return null;
  const match = /^(\d+)/.exec(band);
  return match ? Number(match[1]) : null;
}

/** The currency of figures across services: theirs when they share one, else the pooled row's. */
export function commonCurrency(comparison: Pick<Comparison, 'rows' | 'pooled'>): string {
  const currencies = new Set(comparison.rows.map((row) => row.currency));
  const [only] = [...currencies];
  return currencies.size === 1 && only ? only : comparison.pooled.currency;
}

export function benchmarkOf(
  benchmarks: readonly Benchmark[],
  metric: ComparisonMetric,
): Benchmark | undefined {
  return benchmarks.find((b) => b.metric === metric);
}

/* ---- The table ---- */

export const POOLED_LABEL = 'All compared services';

export const BENCHMARK_ROWS = [
  { key: 'lowerQuartile', label: 'Benchmark: lower quartile' },
  { key: 'median', label: 'Benchmark: median' },
  { key: 'upperQuartile', label: 'Benchmark: upper quartile' },
] as const;

export function comparisonColumns(): DataTableColumn[] {
  return [
    { key: 'service', label: 'Service', sortable: true },
    { key: 'provider', label: 'Provider', sortable: true },
    { key: 'kind', label: 'Kind of provider', sortable: true },
    { key: 'band', label: 'Headcount', sortable: true },
    ...METRIC_LIST.map((definition) => ({
      key: definition.key,
      label: definition.label,
      numeric: true,
      sortable: true,
    })),
  ];
}

function figureCells(
  row: ComparisonRowData,
  threshold: number,
): Record<string, DataTableRow['cells'][string]> {
  const cells: Record<string, DataTableRow['cells'][string]> = {};
  for (const definition of METRIC_LIST) {
    if (row.suppressed) {
      cells[definition.key] = {
        text: NOT_SHOWN,
        detail: suppressedReasonText(row.suppressionReason, threshold),
        sortValue: null,
        hidden: true,
      };
    } else {
      const value = row.figures[definition.key] ?? null;
      cells[definition.key] = {
        text: formatFigure(definition, value, row.currency),
        sortValue: value,
      };
    }
  }
  return cells;
}

function bandCell(row: ComparisonRowData, threshold: number): DataTableRow['cells'][string] {
  if (row.suppressed) {
    return {
      text: NOT_SHOWN,
      detail: suppressedReasonText(row.suppressionReason, threshold),
      sortValue: null,
      hidden: true,
    };
  }
  return { text: row.headcountBand ?? NONE, sortValue: bandSortValue(row.headcountBand) };
}

/** Stable row keys: a service can appear once; the pooled and benchmark rows have their own. */
export function comparisonRows(comparison: Comparison): DataTableRow[] {
  const { threshold } = comparison;
  const services: DataTableRow[] = comparison.rows.map((row) => ({
    key: `service-${row.serviceId}`,
    cells: {
      service: { text: row.serviceName },
      provider: { text: row.providerName },
      kind: { text: KIND_LABELS[row.providerKind] },
      band: bandCell(row, threshold),
      ...figureCells(row, threshold),
    },
  }));
  const pooled: DataTableRow = {
    key: 'pooled',
    total: true,
    cells: {
      service: { text: POOLED_LABEL },
      provider: { text: countWords(comparison.rows.length, 'service') },
      kind: { text: '' },
      band: bandCell(comparison.pooled, threshold),
      ...figureCells(comparison.pooled, threshold),
    },
  };
  const currency = commonCurrency(comparison);
  const benchmarks: DataTableRow[] = BENCHMARK_ROWS.map((row) => {
    const cells: Record<string, DataTableRow['cells'][string]> = {
      service: { text: row.label },
      provider: { text: '' },
      kind: { text: '' },
      band: { text: '' },
    };
    for (const definition of METRIC_LIST) {
      const benchmark = benchmarkOf(comparison.benchmarks, definition.metric);
      const value = benchmark?.[row.key] ?? null;
      cells[definition.key] = {
        text: formatFigure(definition, value, currency),
        ...(benchmark ? { detail: `of ${countWords(benchmark.services, 'service')}` } : {}),
        sortValue: value,
      };
    }
    return { key: `benchmark-${row.key}`, total: true, cells };
  });
  return [...services, pooled, ...benchmarks];
}

export function countWords(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? noun : `${noun}s`}`;
}

/** "November 2025 to October 2026" (or one month's name). */
export function periodText(fromMonth: string, toMonth: string): string {
  const from = monthName(monthOf(fromMonth));
  const to = monthName(monthOf(toMonth));
  return from === to ? from : `${from} to ${to}`;
}

/** How many services are hidden, and why, in a sentence ("" when none). */
export function hiddenServicesText(rows: readonly ComparisonRowData[]): string {
  const hidden = rows.filter((row) => row.suppressed).length;
  if (hidden === 0) return '';
  return `${countWords(hidden, 'service')} of ${rows.length} ${hidden === 1 ? 'has' : 'have'} figures not shown.`;
}

/* ---- Chart: each service against the benchmark band ---- */

export interface BandDatum {
  key: string;
  label: string;
  value: number | null;
  text: string;
  hidden: boolean;
}

export interface BandChartData {
  definition: MetricDefinition;
  currency: string;
  data: BandDatum[];
  benchmark: { median: number | null; lower: number | null; upper: number | null };
  /** For "View as table": the services, then the benchmark rows. */
  rows: ChartRow[];
  summary: string;
}

/** Each service's figure for `metric`, labelled "Service (Provider)". */
export function bandChartData(comparison: Comparison, metric: ComparisonMetric): BandChartData {
  const definition = METRIC_DEFINITIONS[metric];
  const currency = commonCurrency(comparison);
  const benchmark = benchmarkOf(comparison.benchmarks, metric);
  const data: BandDatum[] = comparison.rows.map((row) => {
    const value = row.suppressed ? null : (row.figures[definition.key] ?? null);
    return {
      key: row.serviceId,
      label: `${row.serviceName} (${row.providerName})`,
      value,
      text: row.suppressed
        ? `${NOT_SHOWN} (${suppressedReasonText(row.suppressionReason, comparison.threshold)})`
        : formatFigure(definition, value, row.currency),
      hidden: row.suppressed,
    };
  });
  const band = {
    median: benchmark?.median ?? null,
    lower: benchmark?.lowerQuartile ?? null,
    upper: benchmark?.upperQuartile ?? null,
  };
  const cell = (datum: BandDatum): ChartCell => ({
    value: datum.value,
    text: datum.text,
    ...(datum.hidden ? { hidden: true } : {}),
  });
  const rows: ChartRow[] = [
    ...data.map((datum) => ({ key: datum.key, label: datum.label, cells: { value: cell(datum) } })),
    ...BENCHMARK_ROWS.map((row) => {
      const value = benchmark?.[row.key] ?? null;
      return {
        key: row.key,
        label: row.label,
        cells: { value: { value, text: formatFigure(definition, value, currency) } },
      };
    }),
  ];
  return {
    definition,
    currency,
    data,
    benchmark: band,
    rows,
    summary: bandSummary(definition, data, band, currency),
  };
}

function bandSummary(
  definition: MetricDefinition,
  data: readonly BandDatum[],
  band: BandChartData['benchmark'],
  currency: string,
): string {
  const shown = data.filter((d): d is BandDatum & { value: number } => d.value !== null);
  const hidden = data.filter((d) => d.hidden).length;
  const hiddenText = hidden > 0 ? ` ${countWords(hidden, 'service')} not shown.` : '';
  if (shown.length === 0 || band.median === null) {
    return `There is no ${definition.noun} to compare for these services.${hiddenText}`;
  }
  const above =
    band.upper === null ? 0 : shown.filter((d) => d.value > (band.upper as number)).length;
  const below =
    band.lower === null ? 0 : shown.filter((d) => d.value < (band.lower as number)).length;
  const within = shown.length - above - below;
  const write = (value: number | null) => formatFigure(definition, value, currency);
  return (
    `The median ${stripArticle(definition.noun)} is ${write(band.median)}; the middle half of services lie between ${write(band.lower)} and ${write(band.upper)}. ` +
    `Of ${countWords(shown.length, 'service')} shown, ${above} ${above === 1 ? 'is' : 'are'} above that band, ${within} within it and ${below} below it.${hiddenText}`
  );
}

function stripArticle(noun: string): string {
  return noun.replace(/^the /, '');
}

/* ---- Scatter: coverage against absence and against turnover ---- */

export interface ScatterPoint {
  key: string;
  label: string;
  x: number;
  y: number;
  xText: string;
  yText: string;
}

export interface ScatterData {
  x: MetricDefinition;
  y: MetricDefinition;
  points: ScatterPoint[];
  /** Services left out: hidden, or without one of the two figures. */
  leftOut: number;
  /** Pearson's r, or null with fewer than 3 points or no spread. */
  correlation: number | null;
  rows: ChartRow[];
  summary: string;
}

/** Pearson's correlation coefficient, null when it cannot be computed. */
export function pearson(points: readonly { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 3) return null;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** "a strong negative association", "no clear association". */
export function associationWords(r: number | null): string {
  if (r === null) return 'too few services to say whether the two go together';
  const size = Math.abs(r);
  if (size < 0.2) return 'no clear association';
  const strength = size >= 0.7 ? 'a strong' : size >= 0.4 ? 'a moderate' : 'a weak';
  return `${strength} ${r > 0 ? 'positive' : 'negative'} association`;
}

export function scatterData(
  comparison: Comparison,
  xMetric: ComparisonMetric,
  yMetric: ComparisonMetric,
): ScatterData {
  const x = METRIC_DEFINITIONS[xMetric];
  const y = METRIC_DEFINITIONS[yMetric];
  const points: ScatterPoint[] = [];
  const rows: ChartRow[] = [];
  let leftOut = 0;
  for (const row of comparison.rows) {
    const label = `${row.serviceName} (${row.providerName})`;
    const xv = row.suppressed ? null : (row.figures[x.key] ?? null);
    const yv = row.suppressed ? null : (row.figures[y.key] ?? null);
    const hiddenText = row.suppressed
      ? `${NOT_SHOWN} (${suppressedReasonText(row.suppressionReason, comparison.threshold)})`
      : null;
    const xText = hiddenText ?? formatFigure(x, xv, row.currency);
    const yText = hiddenText ?? formatFigure(y, yv, row.currency);
    rows.push({
      key: row.serviceId,
      label,
      cells: {
        x: { value: xv, text: xText, ...(row.suppressed ? { hidden: true } : {}) },
        y: { value: yv, text: yText, ...(row.suppressed ? { hidden: true } : {}) },
      },
    });
    if (xv === null || yv === null) {
      leftOut += 1;
      continue;
    }
    points.push({ key: row.serviceId, label, x: xv, y: yv, xText, yText });
  }
  const correlation = pearson(points);
  const left =
    leftOut > 0
      ? ` ${countWords(leftOut, 'service')} left out (figures not shown or missing).`
      : '';
  const summary =
    points.length === 0
      ? `There are no services with both figures to plot.${left}`
      : `${countWords(points.length, 'service')} plotted: across them, ${x.noun} and ${y.noun} show ${associationWords(correlation)}${
          correlation === null
            ? ''
            : ` (correlation ${correlation.toLocaleString('en-GB', { maximumFractionDigits: 2 })})`
        }. This is an association between services, not evidence that one causes the other.${left}`;
  return { x, y, points, leftOut, correlation, rows, summary };
}

/* ---- Trend: the benchmark band by month ---- */

export interface TrendDatum {
  key: string;
  label: string;
  shortLabel: string;
  pooled: number | null;
  median: number | null;
  lower: number | null;
  upper: number | null;
}

export interface TrendData {
  definition: MetricDefinition;
  currency: string;
  data: TrendDatum[];
  rows: ChartRow[];
  summary: string;
}

export const TREND_SERIES = [
  { key: 'pooled', label: POOLED_LABEL },
  { key: 'median', label: 'Median' },
  { key: 'lower', label: 'Lower quartile' },
  { key: 'upper', label: 'Upper quartile' },
] as const;

export function trendData(comparison: Comparison, metric: ComparisonMetric): TrendData {
  const definition = METRIC_DEFINITIONS[metric];
  const currency = commonCurrency(comparison);
  const data: TrendDatum[] = [];
  const rows: ChartRow[] = [];
  for (const month of comparison.trend) {
    const benchmark = benchmarkOf(month.benchmarks, metric);
    const pooled = month.suppressed ? null : (month.pooled[definition.key] ?? null);
    const datum: TrendDatum = {
      key: month.month,
      label: monthName(monthOf(month.month)),
      shortLabel: shortMonthName(monthOf(month.month)),
      pooled,
      median: benchmark?.median ?? null,
      lower: benchmark?.lowerQuartile ?? null,
      upper: benchmark?.upperQuartile ?? null,
    };
    data.push(datum);
    const cell = (value: number | null): ChartCell => ({
      value,
      text: formatFigure(definition, value, currency),
    });
    rows.push({
      key: datum.key,
      label: datum.label,
      shortLabel: datum.shortLabel,
      cells: {
        pooled: month.suppressed
          ? {
              value: null,
              text: `${NOT_SHOWN} (${suppressedReasonText(month.suppressionReason, comparison.threshold)})`,
              hidden: true,
            }
          : cell(pooled),
        median: cell(datum.median),
        lower: cell(datum.lower),
        upper: cell(datum.upper),
      },
    });
  }
  return { definition, currency, data, rows, summary: trendSummary(definition, data, currency) };
}

function trendSummary(
  definition: MetricDefinition,
  data: readonly TrendDatum[],
  currency: string,
): string {
  const known = data.filter((d) => d.median !== null);
  const first = known[0];
  const last = known[known.length - 1];
  const capital = stripArticle(definition.noun);
  const Name = capital.charAt(0).toUpperCase() + capital.slice(1);
  if (!first || !last) return `There is no monthly ${capital} to show for these months.`;
  const write = (value: number | null) => formatFigure(definition, value, currency);
  if (first === last) {
    return `${Name}: the median across services was ${write(last.median)} in ${last.label}, with the middle half between ${write(last.lower)} and ${write(last.upper)}.`;
  }
  return `${Name}: the median across services went from ${write(first.median)} in ${first.label} to ${write(last.median)} in ${last.label}; in ${last.label} the middle half lay between ${write(last.lower)} and ${write(last.upper)}.`;
}
