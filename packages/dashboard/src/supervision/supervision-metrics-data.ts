import type {
  SessionFormat,
  SupervisionFunction,
  SupervisionMetricsQuery,
  SupervisionOverdueListQuery,
} from '../gql/graphql';
import { formatDate, type IsoDate } from '../shell/date-input';
import { personName, SESSION_FORMAT_LABELS, SUPERVISION_FUNCTION_LABELS } from '../people/labels';
import {
  breakdownRows,
  countText,
  formatNumber,
  formatPercent,
  listText,
  NO_FIGURE,
  noFigureNote,
  peopleText,
  trendPoints,
  type ApiFigure,
  type BreakdownRow,
  type FigureView,
  type TrendPoint,
  unitFor,
  withShare,
} from './supervision-metrics-common';

/*
 * The Supervision page's figures, shaped for the screen: the headlines with
 * their basis and definition, the overdue list's rows, the coverage trend and
 * the format and function mixes. Pure; tested in supervision-metrics-data.test.ts.
 */

type Overview = SupervisionMetricsQuery['metricsOverview'];
export type SupervisionHeadlines = NonNullable<Overview['headlines']>;
export type SupervisionSeriesMonth = Overview['monthlySeries'][number];

/* ---- Headlines ---- */

function percentFigure(
  id: string,
  label: string,
  figure: ApiFigure,
  basis: string,
  definition: string,
  none: string,
): FigureView {
  const raw = figure.value ?? null;
  return {
    id,
    label,
    value: raw === null ? NO_FIGURE : formatPercent(raw),
    raw,
    basis,
    numerator: figure.numerator,
    denominator: figure.denominator,
    definition,
    ...(raw === null ? { note: noFigureNote(none) } : {}),
  };
}

/** The supervision headlines of a period ending on `lastDay`, in the order they are shown. */
export function supervisionFigures(
  headlines: SupervisionHeadlines,
  lastDay: IsoDate,
): FigureView[] {
  const on = formatDate(lastDay);
  const { coverage, sessionsHeldVsExpected, cancellationRate } = headlines;
  const hours = headlines.supervisionHoursPerWorkerPerMonth;
  return [
    percentFigure(
      'coverage',
      'Supervision coverage',
      coverage,
      `${formatNumber(coverage.numerator)} of ${peopleText(coverage.denominator)} who need supervision ${coverage.numerator === 1 ? 'was' : 'were'} in date on ${on}.`,
      'People in post who need supervision and were in date on the last day of the period, as a share of everyone in post who needs supervision. Someone is in date until their last counted session, or their start date, plus the interval their agreement sets (monthly by default).',
      `was no one in post needing supervision on ${on}`,
    ),
    {
      id: 'overdue',
      label: 'Overdue for supervision',
      value: formatNumber(headlines.overdueCount),
      unit: unitFor(headlines.overdueCount, 'person', 'people'),
      raw: headlines.overdueCount,
      basis: `${formatNumber(headlines.overdueCount)} of ${peopleText(headlines.eligible)} who need supervision ${headlines.overdueCount === 1 ? 'was' : 'were'} past their due date on ${on}.`,
      numerator: headlines.overdueCount,
      denominator: headlines.eligible,
      definition:
        'People in post who need supervision and whose due date (their last counted session, or their start date, plus their interval) had passed on the last day of the period.',
    },
    percentFigure(
      'held-vs-expected',
      'Sessions held against expected',
      sessionsHeldVsExpected,
      `${countText(sessionsHeldVsExpected.numerator, 'counted session')} held, against ${formatNumber(sessionsHeldVsExpected.denominator)} that agreements expected.`,
      'Counted sessions held (one for each person attending who needs supervision), as a share of the sessions their agreements expect over the period: each day in post expects one session divided by the length of the interval in days. It can be over 100%.',
      'were no sessions expected in the period',
    ),
    percentFigure(
      'cancellation-rate',
      'Cancellation rate',
      cancellationRate,
      `${formatNumber(cancellationRate.numerator)} of ${countText(cancellationRate.denominator, 'session')} ${cancellationRate.numerator === 1 ? 'was' : 'were'} cancelled or not attended.`,
      'Sessions cancelled or not attended, as a share of sessions held, cancelled or not attended in the period. Each session counts once, whatever its format and however many attended; sessions still scheduled are in neither count.',
      'were no sessions held, cancelled or missed in the period',
    ),
    {
      id: 'hours-per-worker',
      label: 'Supervision hours per worker per month',
      value:
        hours.value === null || hours.value === undefined
          ? NO_FIGURE
          : formatNumber(hours.value, 1),
      ...(hours.value === null || hours.value === undefined
        ? {}
        : { unit: unitFor(hours.value, 'hour') }),
      raw: hours.value ?? null,
      basis: `${countText(hours.numerator, 'hour')} of counted supervision over ${countText(hours.denominator, 'worker-month')}.`,
      numerator: hours.numerator,
      denominator: hours.denominator,
      definition:
        'Hours of counted sessions, for each attendee who needs supervision, divided by the average number of people needing supervision (on the first and last day) and by the length of the period in months.',
      ...(hours.value === null || hours.value === undefined
        ? { note: noFigureNote('was no one needing supervision in the period') }
        : {}),
    },
    {
      id: 'agreements-review',
      label: 'Agreements due for review',
      value: formatNumber(headlines.agreementsReviewOverdue),
      unit: unitFor(headlines.agreementsReviewOverdue, 'agreement'),
      raw: headlines.agreementsReviewOverdue,
      basis: `${countText(headlines.agreementsReviewOverdue, 'agreement')} in force on ${on} ${headlines.agreementsReviewOverdue === 1 ? 'has' : 'have'} a review date that has passed.`,
      numerator: headlines.agreementsReviewOverdue,
      denominator: null,
      definition:
        'Supervision agreements in force on the last day of the period whose review date was before that day.',
    },
  ];
}

/* ---- The overdue list ---- */

export type OverdueNode = SupervisionOverdueListQuery['overdueSupervision']['nodes'][number];

/** "Overdue by 1 day", "Overdue by 12 days". */
export function overdueByText(days: number): string {
  return `Overdue by ${countText(days, 'day')}`;
}

export const OVERDUE_COLUMNS = ['Name', 'Reference', 'Service', 'Due date', 'Overdue by'] as const;

/** One row of the overdue list, as the table shows it (and the CSV exports it). */
export function overdueRow(node: OverdueNode, serviceNames: ReadonlyMap<string, string>): string[] {
  return [
    personName({ displayName: node.displayName, staffRef: node.staffRef }),
    node.staffRef ?? '',
    serviceNames.get(node.serviceId) ?? 'Unknown service',
    formatDate(node.dueDate),
    overdueByText(node.daysOverdue),
  ];
}

/** "Showing 1 to 25 of 40 people". */
export function pageRangeText(firstIndex: number, shown: number, total: number): string {
  if (shown === 0) return `Showing none of ${peopleText(total)}`;
  return `Showing ${formatNumber(firstIndex + 1)} to ${formatNumber(firstIndex + shown)} of ${peopleText(total)}`;
}

/* ---- Coverage trend ---- */

export function coverageTrend(
  series: readonly SupervisionSeriesMonth[],
  k: number | null,
): TrendPoint[] {
  return trendPoints(series, (month) => month.coverage, {
    k,
    basis: (figure, month) =>
      `${formatNumber(figure.numerator)} of ${peopleText(figure.denominator)} in date on ${formatDate(month.to)}`,
  });
}

/* ---- Format and function mixes ---- */

const FORMAT_ORDER: readonly SessionFormat[] = ['ONE_TO_ONE', 'GROUP', 'PEER', 'CASE_CONSULTATION'];
const FUNCTION_ORDER: readonly SupervisionFunction[] = ['NORMATIVE', 'FORMATIVE', 'RESTORATIVE'];

/** Held sessions by format, every format shown (0 when none), shares of all held sessions. */
export function formatMixRows(
  formatMix: ReadonlyArray<{ format: SessionFormat; sessions: number }>,
): BreakdownRow[] {
  const byFormat = new Map(formatMix.map((item) => [item.format, item.sessions]));
  return breakdownRows(
    FORMAT_ORDER.map((format) => ({
      key: format,
      label: SESSION_FORMAT_LABELS[format],
      value: byFormat.get(format) ?? 0,
    })),
  );
}

/**
 * Held sessions by function. A session can serve several functions (or none
 * recorded), so each share is of all held sessions and they need not add up to 100%.
 */
export function functionMixRows(
  functionMix: ReadonlyArray<{ function: SupervisionFunction; sessions: number }>,
  heldSessions: number,
): BreakdownRow[] {
  const byFunction = new Map(functionMix.map((item) => [item.function, item.sessions]));
  return breakdownRows(
    FUNCTION_ORDER.map((fn) => ({
      key: fn,
      label: SUPERVISION_FUNCTION_LABELS[fn],
      value: byFunction.get(fn) ?? 0,
    })),
    heldSessions,
  );
}

export function heldTotal(rows: readonly BreakdownRow[]): number {
  return rows.reduce((sum, row) => sum + row.value, 0);
}

export function formatMixSummary(rows: readonly BreakdownRow[]): string {
  const total = heldTotal(rows);
  if (total === 0) return 'No sessions were recorded as held in this period.';
  const parts = rows
    .filter((row) => row.value > 0)
    .map((row) => withShare(`${formatNumber(row.value)} ${row.label.toLowerCase()}`, row.share));
  return `${countText(total, 'session')} held in the period: ${listText(parts)}.`;
}

export function functionMixSummary(rows: readonly BreakdownRow[], held: number): string {
  if (held === 0) return 'No sessions were recorded as held in this period.';
  const parts = rows.map((row, index) =>
    withShare(
      index === 0
        ? `${formatNumber(row.value)} served a ${row.label.toLowerCase()} function`
        : `${formatNumber(row.value)} ${row.label.toLowerCase()}`,
      row.share,
    ),
  );
  return `Of the ${countText(held, 'session')} held, ${listText(parts)}. A session can serve more than one function, or have none recorded, so these need not add up to the sessions held.`;
}
