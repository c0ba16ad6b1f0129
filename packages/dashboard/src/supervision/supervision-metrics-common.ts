import type { SuppressionReason } from '../gql/graphql';
import type { ChartRow } from '../shell/charts/chart-data';
import {
  monthName,
  shortMonthName,
  suppressedText,
  suppressionExplanation,
} from '../shell/charts/format';
import { addDays, addMonths, formatDate, type IsoDate } from '../shell/date-input';

/*
 * What the figures sections of the Supervision page and of the Absence &
 * turnover page share (src/supervision/supervision-metrics.tsx and
 * src/absence/absence-metrics.tsx): the period and scope kept in the address,
 * how numbers are written, a figure with the numerator and denominator behind
 * it, month labels, trend summaries and the words for hidden figures.
 * Everything here is pure, so it is unit-tested without a browser.
 *
 * Definitions: docs/metrics.md (the plain-words version of the spec).
 */

/* ------------------------------------------------------------------ */
/* Period and scope, kept in the address                               */
/* ------------------------------------------------------------------ */

export type PeriodKey = '12m' | '6m' | '3m' | 'last-month' | 'financial-year';

export const DEFAULT_PERIOD: PeriodKey = '12m';

export const PERIOD_OPTIONS: ReadonlyArray<{ value: PeriodKey; label: string }> = [
  { value: '12m', label: 'Last 12 months' },
  { value: '6m', label: 'Last 6 months' },
  { value: '3m', label: 'Last 3 months' },
  { value: 'last-month', label: 'Last calendar month' },
  { value: 'financial-year', label: 'This financial year so far (from 1 April)' },
];

/** Months of the trend charts (always the 12 calendar months ending with the period). */
export const SERIES_MONTHS = 12;

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The days a period choice covers on `today`, both ends included:
 * "last 12 months" on 22 November 2026 is 23 November 2025 to 22 November 2026.
 */
export function periodFor(key: PeriodKey, today: IsoDate): Period {
  switch (key) {
    case '12m':
    case '6m':
    case '3m': {
      const months = Number.parseInt(key, 10);
      return { from: addDays(addMonths(today, -months), 1), to: today };
    }
    case 'last-month': {
      const firstOfThisMonth = `${today.slice(0, 8)}01`;
      const lastOfPrevious = addDays(firstOfThisMonth, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
    case 'financial-year': {
      const year = Number(today.slice(0, 4));
      const month = Number(today.slice(5, 7));
      const startYear = month >= 4 ? year : year - 1;
      return { from: `${String(startYear).padStart(4, '0')}-04-01`, to: today };
    }
  }
}

/** The figures' filters in the address: ?period=6m&service=<id>&type=<practitioner type>. */
export interface MetricsParams {
  period: PeriodKey;
  serviceIds: string[];
  practitionerTypes: string[];
}

export const PERIOD_PARAM = 'period';
export const SERVICE_PARAM = 'service';
export const TYPE_PARAM = 'type';

const ID_PATTERN = /^[0-9a-f-]{1,64}$/i;
const MAX_SCOPE_VALUES = 100;

export function readMetricsParams(search: URLSearchParams): MetricsParams {
  const period = search.get(PERIOD_PARAM);
  const unique = (values: string[]) => [...new Set(values)].slice(0, MAX_SCOPE_VALUES);
  return {
    period: PERIOD_OPTIONS.find((option) => option.value === period)?.value ?? DEFAULT_PERIOD,
    // Anything that is not an id is dropped rather than sent.
    serviceIds: unique(search.getAll(SERVICE_PARAM).filter((id) => ID_PATTERN.test(id))),
    practitionerTypes: unique(
      search
        .getAll(TYPE_PARAM)
        .map((type) => type.trim())
        .filter((type) => type.length > 0 && type.length <= 200),
    ),
  };
}

/**
 * The address with these figures' filters set and every other parameter
 * (the records lists' filters on the same page) left as it was. Defaults
 * are left out, so the plain page keeps its plain address.
 */
export function writeMetricsParams(
  search: URLSearchParams,
  params: MetricsParams,
): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete(PERIOD_PARAM);
  next.delete(SERVICE_PARAM);
  next.delete(TYPE_PARAM);
  if (params.period !== DEFAULT_PERIOD) next.set(PERIOD_PARAM, params.period);
  for (const id of params.serviceIds) next.append(SERVICE_PARAM, id);
  for (const type of params.practitionerTypes) next.append(TYPE_PARAM, type);
  return next;
}

/** The `input` of metricsOverview for these filters on `today`. */
export function metricsInput(params: MetricsParams, today: IsoDate) {
  const period = periodFor(params.period, today);
  return {
    from: period.from,
    to: period.to,
    months: SERIES_MONTHS,
    serviceIds: params.serviceIds.length > 0 ? params.serviceIds : null,
    practitionerTypes: params.practitionerTypes.length > 0 ? params.practitionerTypes : null,
  };
}

/** "23 November 2025 to 22 November 2026". */
export function periodText(period: Period): string {
  return `${formatDate(period.from)} to ${formatDate(period.to)}`;
}

/**
 * Who the figures are about: "everyone in Northside Family Support",
 * "Outreach and Counselling", "your services (Outreach)".
 */
export function scopeText(options: {
  serviceIds: readonly string[];
  practitionerTypes: readonly string[];
  serviceNames: ReadonlyMap<string, string>;
  organisationName: string;
  /** A service manager's own services, when no service is chosen. */
  managedServiceIds?: readonly string[] | null;
}): string {
  const names = (ids: readonly string[]) =>
    listText(ids.map((id) => options.serviceNames.get(id) ?? 'a service you cannot see'));
  let text: string;
  if (options.serviceIds.length > 0) {
    text = names(options.serviceIds);
  } else if (options.managedServiceIds) {
    text =
      options.managedServiceIds.length > 0
        ? `your ${options.managedServiceIds.length === 1 ? 'service' : 'services'} (${names(options.managedServiceIds)})`
        : 'your services';
  } else {
    text = `everyone in ${options.organisationName}`;
  }
  if (options.practitionerTypes.length > 0) {
    text += `, ${options.practitionerTypes.length === 1 ? 'practitioner type' : 'practitioner types'} ${listText(options.practitionerTypes)}`;
  }
  return text;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                              */
/* ------------------------------------------------------------------ */

/** What a figure whose denominator is 0 shows (metrics.md: null, never 0). */
export const NO_FIGURE = 'No figure';

/** 1234.5 → "1,234.5"; whole numbers without decimals; at most `digits` decimals. */
export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** 76.744 → "76.7%" (always one decimal); null → "No figure". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_FIGURE;
  return `${value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** The unit of a count, singular or plural: unitFor(1, 'hour') is "hour". */
export function unitFor(count: number, singular: string, plural = `${singular}s`): string {
  return formatNumber(count, 1) === '1' ? singular : plural;
}

/** "1 person", "12 people". */
export function peopleText(count: number): string {
  return `${formatNumber(count, 1)} ${count === 1 ? 'person' : 'people'}`;
}

/** "1 session", "3 sessions", "1 leaver", "2.5 days": English plurals for a noun. */
export function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count, 1)} ${count === 1 ? singular : plural}`;
}

/** Share of a part in a whole, as a percentage; null when the whole is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

/* ------------------------------------------------------------------ */
/* Figures with their basis and definition                              */
/* ------------------------------------------------------------------ */

/** A figure as the API gives it: value = scale × numerator / denominator, null when it is 0. */
export interface ApiFigure {
  value?: number | null;
  numerator: number;
  denominator: number;
}

/** A headline ready to show: its words, the numbers behind it and what it means. */
export interface FigureView {
  id: string;
  label: string;
  /** The value as shown: "76.7%", "10", "No figure". */
  value: string;
  /** After the value, smaller: "people", "hours", "days a year". */
  unit?: string;
  /** The raw value (for charts and tests); null when there is none. */
  raw: number | null;
  /** The numerator and denominator in words: "33 of 43 people needing supervision were in date". */
  basis: string;
  numerator: number | null;
  denominator: number | null;
  /** What the figure means, in plain words (docs/metrics.md). */
  definition: string;
  /** Why there is no figure, when there is none. */
  note?: string;
}

/** The words shown beside a figure that has no value (denominator 0). */
export function noFigureNote(what: string): string {
  return `There is no figure because there ${what}.`;
}

/* ------------------------------------------------------------------ */
/* Hidden (suppressed) figures                                          */
/* ------------------------------------------------------------------ */

/**
 * Why a figure is hidden, in a sentence; `k` is the organisation's threshold.
 * The same words as the Overview's (src/shell/charts/format.ts).
 */
export function suppressionText(reason: SuppressionReason | null | undefined, k: number | null) {
  return suppressionExplanation(reason, k);
}

/** The short form for a table cell: "Not shown: fewer than 5 people". */
export function suppressedCell(reason: SuppressionReason | null | undefined, k: number | null) {
  return suppressedText(reason, k);
}

/* ------------------------------------------------------------------ */
/* Months and trends                                                    */
/* ------------------------------------------------------------------ */

/** The months of the series the API gives: its month, its days, and whether it is hidden. */
export interface SeriesMonth {
  month: string;
  from: IsoDate;
  to: IsoDate;
  suppressed: boolean;
  suppressionReason?: SuppressionReason | null;
}

/** One point of a trend: a month and its value (null when there is none or it is hidden). */
export interface TrendPoint {
  month: string;
  /** "February 2026", or "November 2026 (to 22 November)" for a month cut short. */
  label: string;
  /** For the chart's axis: "Feb 2026". */
  shortLabel: string;
  value: number | null;
  /** As the table shows it: "76.7%", "No figure", "Hidden (fewer than 5 people)". */
  text: string;
  /** The numerator and denominator in words, or empty. */
  basis: string;
  hidden: boolean;
}

/** "November 2026 (to 22 November)" when the month stops before its end. */
export function seriesMonthLabel(month: SeriesMonth): string {
  const label = monthName(month.month);
  const lastDay = addDays(addMonths(`${month.month}-01`, 1), -1);
  if (month.to < lastDay) {
    const [, , day] = month.to.split('-').map(Number) as [number, number, number];
    return `${label} (to ${day} ${label.split(' ')[0]})`;
  }
  return label;
}

/**
 * The points of one measure of the monthly series. `pick` chooses the figure
 * of a month; `basis` words its numerator and denominator.
 */
export function trendPoints<M extends SeriesMonth>(
  series: readonly M[],
  pick: (month: M) => ApiFigure | null | undefined,
  options: { k: number | null; basis: (figure: ApiFigure, month: M) => string },
): TrendPoint[] {
  return series.map((month) => {
    const base = {
      month: month.month,
      label: seriesMonthLabel(month),
      shortLabel: shortMonthName(month.month),
    };
    const figure = pick(month);
    if (month.suppressed || !figure) {
      return {
        ...base,
        value: null,
        text: suppressedCell(month.suppressionReason, options.k),
        basis: '',
        hidden: true,
      };
    }
    const value = figure.value ?? null;
    return {
      ...base,
      value,
      text: formatPercent(value),
      basis: options.basis(figure, month),
      hidden: false,
    };
  });
}

/**
 * A trend in one or two sentences, for people who cannot see the chart and
 * for everyone who wants the gist: the latest value, the change since the
 * first month, the highest and lowest months, and any hidden months.
 */
export function trendSummary(name: string, points: readonly TrendPoint[]): string {
  const known = points.filter((point) => point.value !== null) as Array<
    TrendPoint & { value: number }
  >;
  if (points.length === 0) return `There is no ${name} to show for these months.`;
  if (known.length === 0) {
    return `There is no ${name} to show for ${points.length === 1 ? 'this month' : `these ${points.length} months`}.`;
  }
  const first = known[0] as TrendPoint & { value: number };
  const last = known[known.length - 1] as TrendPoint & { value: number };
  const sentences: string[] = [];
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  if (known.length === 1) {
    sentences.push(`${capitalised} was ${formatPercent(last.value)} in ${last.label}.`);
  } else {
    const change = last.value - first.value;
    const rounded = Math.round(change * 10) / 10;
    const movement =
      rounded === 0
        ? `the same as in ${first.label}`
        : `${rounded > 0 ? 'up' : 'down'} ${formatNumber(Math.abs(rounded), 1)} percentage ${
            Math.abs(rounded) === 1 ? 'point' : 'points'
          } from ${formatPercent(first.value)} in ${first.label}`;
    sentences.push(
      `${capitalised} was ${formatPercent(last.value)} in ${last.label}, ${movement}.`,
    );
    let highest = first;
    let lowest = first;
    for (const point of known) {
      if (point.value > highest.value) highest = point;
      if (point.value < lowest.value) lowest = point;
    }
    if (highest.value !== lowest.value) {
      sentences.push(
        `Highest ${formatPercent(highest.value)} in ${highest.label}; lowest ${formatPercent(lowest.value)} in ${lowest.label}.`,
      );
    }
  }
  const missing = points.length - known.length;
  if (missing > 0) {
    sentences.push(
      `${missing === 1 ? 'One month has' : `${missing} months have`} no figure or ${missing === 1 ? 'is' : 'are'} hidden.`,
    );
  }
  return sentences.join(' ');
}

/* ------------------------------------------------------------------ */
/* Breakdowns (mixes, reasons)                                          */
/* ------------------------------------------------------------------ */

/** One bar of a breakdown chart and one row of its table. */
export interface BreakdownRow {
  key: string;
  label: string;
  value: number;
  /** Share of the whole, in %, or null when the whole is 0. */
  share: number | null;
}

export function breakdownRows(
  items: ReadonlyArray<{ key: string; label: string; value: number }>,
  whole = items.reduce((sum, item) => sum + item.value, 0),
): BreakdownRow[] {
  return items.map((item) => ({ ...item, share: share(item.value, whole) }));
}

/** Largest first; ties keep their order. */
export function largestFirst<R extends { value: number }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => b.value - a.value);
}

/** "329 one-to-one (83.1%)": a part of a summary with its share, when there is one. */
export function withShare(text: string, percent: number | null): string {
  return percent === null ? text : `${text} (${formatPercent(percent)})`;
}

/**
 * The bars of a breakdown chart (one series, `value`): each labelled with
 * its value and share, "329 (83.1%)", as its table shows it too.
 */
export function breakdownChartRows(rows: readonly BreakdownRow[], digits = 1): ChartRow[] {
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    cells: {
      value: { value: row.value, text: withShare(formatNumber(row.value, digits), row.share) },
    },
  }));
}
