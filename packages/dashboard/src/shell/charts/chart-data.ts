import type { SuppressionReason } from '../../gql/graphql';
import { formatPercent, monthName, NONE, shortMonthName, suppressedText } from './format';

/*
 * The data every chart takes, and the table that shows the same numbers.
 *
 * A chart has series (the lines, or the bars of each group) and rows (the
 * months of a trend, or the groups of a breakdown). Each row has one cell
 * per series: the value the chart plots and the text the table and the
 * labels show ("84.4%", "—", "Not shown: fewer than 5 people"). The page
 * decides the words; the chart never formats a number itself, so the
 * chart, its table, its CSV and its labels always agree.
 *
 * Pure; tested in chart-data.test.ts.
 */

export interface ChartSeries {
  key: string;
  /** "Coverage", "Rolling 12-month turnover". */
  label: string;
}

export interface ChartCell {
  /** What the chart plots; null when there is no figure or it is hidden. */
  value: number | null;
  /** As the table and labels show it: "84.4%", "—", "Not shown: fewer than 5 people". */
  text: string;
  /** The numerator and denominator in words ("38 of 45 people in date"), shown in the table. */
  detail?: string;
  /** True when the figure is hidden (suppressed) rather than absent. */
  hidden?: boolean;
}

export interface ChartRow {
  key: string;
  /** As the table shows it: "February 2026", "Outreach". */
  label: string;
  /** For a chart axis, when shorter: "Feb 2026". */
  shortLabel?: string;
  cells: Readonly<Record<string, ChartCell | undefined>>;
}

/** A cell with no figure at all. */
export const EMPTY_CELL: ChartCell = { value: null, text: NONE };

export function cellOf(row: ChartRow, seriesKey: string): ChartCell {
  return row.cells[seriesKey] ?? EMPTY_CELL;
}

/* ---- From the API's shapes ---- */

/** A figure as the API gives it (Figure { value, numerator, denominator }). */
export interface FigureLike {
  value?: number | null;
  numerator: number;
  denominator: number;
}

/** A month of the API's monthlySeries. */
export interface SeriesMonthLike {
  month: string;
  from: string;
  to: string;
  suppressed: boolean;
  suppressionReason?: SuppressionReason | null;
}

export interface MonthlyMeasure<M> {
  key: string;
  label: string;
  pick: (month: M) => FigureLike | null | undefined;
  /** Writes the value; percentages by default. */
  format?: (value: number | null) => string;
  /** The numerator and denominator in words, for the table. */
  detail?: (figure: FigureLike, month: M) => string;
}

/** The last day of the month `YYYY-MM`. */
function monthEnd(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** "November 2026" or, for a month cut short by the period, "November 2026 (to 22 November)". */
export function seriesMonthLabel(month: SeriesMonthLike): string {
  const label = monthName(month.month);
  if (month.to < monthEnd(month.month)) {
    return `${label} (to ${Number(month.to.slice(8, 10))} ${label.split(' ')[0]})`;
  }
  return label;
}

/**
 * The rows of a trend chart from the API's monthly series: one row per month,
 * one cell per measure. A hidden month gives "Not shown: fewer than k people".
 */
export function monthlyRows<M extends SeriesMonthLike>(
  series: readonly M[],
  measures: ReadonlyArray<MonthlyMeasure<M>>,
  threshold: number | null | undefined,
): ChartRow[] {
  return series.map((month) => {
    const cells: Record<string, ChartCell> = {};
    for (const measure of measures) {
      const figure = month.suppressed ? null : measure.pick(month);
      if (month.suppressed || figure === null || figure === undefined) {
        cells[measure.key] = month.suppressed
          ? { value: null, text: suppressedText(month.suppressionReason, threshold), hidden: true }
          : EMPTY_CELL;
        continue;
      }
      const value = figure.value ?? null;
      cells[measure.key] = {
        value,
        text: (measure.format ?? formatPercent)(value),
        ...(measure.detail ? { detail: measure.detail(figure, month) } : {}),
      };
    }
    return {
      key: month.month,
      label: seriesMonthLabel(month),
      shortLabel: shortMonthName(month.month),
      cells,
    };
  });
}

/** A point of a trend as another page may already have shaped it. */
export interface TrendPointLike {
  month: string;
  label: string;
  shortLabel?: string;
  value: number | null;
  text: string;
  basis?: string;
  hidden?: boolean;
}

/** Rows from one or more lists of trend points (all for the same months, in order). */
export function rowsFromTrends(
  lines: ReadonlyArray<{ key: string; points: readonly TrendPointLike[] }>,
): ChartRow[] {
  const first = lines[0]?.points ?? [];
  return first.map((point, index) => {
    const cells: Record<string, ChartCell> = {};
    for (const line of lines) {
      const p = line.points[index];
      cells[line.key] = p
        ? {
            value: p.value,
            text: p.text,
            ...(p.basis ? { detail: p.basis } : {}),
            ...(p.hidden ? { hidden: true } : {}),
          }
        : EMPTY_CELL;
    }
    return {
      key: point.month,
      label: point.label,
      ...(point.shortLabel ? { shortLabel: point.shortLabel } : {}),
      cells,
    };
  });
}

/** A part of a whole (a format of the mix, a reason for leaving) as another page may shape it. */
export interface BreakdownRowLike {
  key: string;
  label: string;
  value: number | null;
  share?: number | null;
}

/**
 * Rows of a one-series bar chart from parts of a whole: the text is the
 * value and, when there is one, its share ("12 (30.0%)").
 */
export function rowsFromBreakdown(
  items: readonly BreakdownRowLike[],
  seriesKey: string,
  format: (value: number | null) => string = (value) =>
    value === null ? NONE : value.toLocaleString('en-GB', { maximumFractionDigits: 1 }),
): ChartRow[] {
  return items.map((item) => {
    const text = format(item.value);
    const withShare =
      item.share === null || item.share === undefined || item.value === null
        ? text
        : `${text} (${formatPercent(item.share)})`;
    return {
      key: item.key,
      label: item.label,
      cells: { [seriesKey]: { value: item.value, text: withShare } },
    };
  });
}

/* ---- The table (and its CSV) ---- */

export interface ChartTableData {
  header: string[];
  /** One array per row: the row's label, then each series' text. */
  body: string[][];
}

/**
 * The table a chart shows with "View as table": the category column, then
 * one column per series (its text, with the detail after it when there is one).
 */
export function chartTable(
  categoryLabel: string,
  series: readonly ChartSeries[],
  rows: readonly ChartRow[],
): ChartTableData {
  return {
    header: [categoryLabel, ...series.map((s) => s.label)],
    body: rows.map((row) => [
      row.label,
      ...series.map((s) => {
        const cell = cellOf(row, s.key);
        return cell.detail ? `${cell.text} (${cell.detail})` : cell.text;
      }),
    ]),
  };
}

/** Recharts' data: one object per row, each series' value under `s0`, `s1`, ... */
export interface PlotDatum {
  key: string;
  label: string;
  axisLabel: string;
  [seriesValue: `s${number}`]: number | null;
  [seriesText: `t${number}`]: string;
}

export function plotData(series: readonly ChartSeries[], rows: readonly ChartRow[]): PlotDatum[] {
  return rows.map((row) => {
    const datum: PlotDatum = {
      key: row.key,
      label: row.label,
      axisLabel: row.shortLabel ?? row.label,
    };
    series.forEach((s, index) => {
      const cell = cellOf(row, s.key);
      datum[`s${index}`] = cell.value;
      datum[`t${index}`] = cell.text;
    });
    return datum;
  });
}

/** True when no cell of any row has a value: the chart would be empty. */
export function hasNoValues(series: readonly ChartSeries[], rows: readonly ChartRow[]): boolean {
  return rows.every((row) => series.every((s) => cellOf(row, s.key).value === null));
}

/** The largest value plotted (0 when none), to size an axis. */
export function maxValue(series: readonly ChartSeries[], rows: readonly ChartRow[]): number {
  let max = 0;
  for (const row of rows) {
    for (const s of series) {
      const value = cellOf(row, s.key).value;
      if (value !== null && value > max) max = value;
    }
  }
  return max;
}

/** A round upper bound for a percentage axis: 4.2 → 5, 37 → 40, 84 → 100. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value) return Number(candidate.toPrecision(12));
  }
  return 10 * magnitude;
}

/**
 * Evenly spaced ticks from 0 to `top` at a round step (1, 2, 2.5 or 5 × a
 * power of ten), at most six of them: 100 → 0, 25, 50, 75, 100; 5 → 0 to 5.
 */
export function axisTicks(top: number): number[] {
  if (!(top > 0)) return [0, 1];
  const isRound = (step: number) => {
    const magnitude = 10 ** Math.floor(Math.log10(step));
    const mantissa = Number((step / magnitude).toPrecision(6));
    return [1, 2, 2.5, 5].includes(mantissa);
  };
  // Four or five equal intervals when the top allows it (0, 25, 50, 75, 100), else a round step.
  let step = [top / 4, top / 5].find(isRound);
  if (step === undefined) {
    const rough = top / 5;
    const magnitude = 10 ** Math.floor(Math.log10(rough));
    step =
      [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => top / candidate <= 5) ??
      10 * magnitude;
  }
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step * 1e-9; i += 1) {
    ticks.push(Number((i * step).toPrecision(12)));
  }
  if ((ticks[ticks.length - 1] ?? 0) < top) ticks.push(top);
  return ticks;
}

/**
 * One sentence about a series of a trend: its latest value and its change
 * since the first month with a figure, e.g. "Coverage was 84.4% in November
 * 2026, up 3.2 percentage points from 81.2% in December 2025."
 */
export function describeTrend(
  name: string,
  seriesKey: string,
  rows: readonly ChartRow[],
  { unit = 'percentage point' }: { unit?: string } = {},
): string {
  const known = rows
    .map((row) => ({ row, cell: cellOf(row, seriesKey) }))
    .filter(
      (entry): entry is { row: ChartRow; cell: ChartCell & { value: number } } =>
        entry.cell.value !== null,
    );
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  const last = known[known.length - 1];
  const first = known[0];
  if (!last || !first) return `There is no ${name} to show for these months.`;
  if (known.length === 1 || first === last) {
    return `${capitalised} was ${last.cell.text} in ${last.row.label}.`;
  }
  const change = Math.round((last.cell.value - first.cell.value) * 10) / 10;
  if (change === 0) {
    return `${capitalised} was ${last.cell.text} in ${last.row.label}, the same as in ${first.row.label}.`;
  }
  const size = Math.abs(change).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return `${capitalised} was ${last.cell.text} in ${last.row.label}, ${change > 0 ? 'up' : 'down'} ${size} ${
    Math.abs(change) === 1 ? unit : `${unit}s`
  } from ${first.cell.text} in ${first.row.label}.`;
}
