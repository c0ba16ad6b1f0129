import type { AbsenceMetricsQuery, AbsenceReason, LeavingReason } from '../gql/graphql';
import type { ChartRow } from '../shell/charts/chart-data';
import { addDays, formatDate, type IsoDate } from '../shell/date-input';
import { ABSENCE_REASON_LABELS, LEAVING_REASON_LABELS } from '../people/labels';
import {
  breakdownRows,
  countText,
  formatNumber,
  formatPercent,
  largestFirst,
  listText,
  NO_FIGURE,
  noFigureNote,
  trendPoints,
  withShare,
  type ApiFigure,
  type BreakdownRow,
  type FigureView,
  type TrendPoint,
  unitFor,
} from '../supervision/supervision-metrics-common';

/*
 * The Absence & turnover page's figures, shaped for the screen: the
 * headlines with their basis and definition, the absence and rolling
 * turnover trends, absence by reason and leavers by reason. Pure; tested in
 * absence-metrics-data.test.ts. Definitions: docs/metrics.md.
 */

type Overview = AbsenceMetricsQuery['metricsOverview'];
export type AbsenceHeadlines = NonNullable<Overview['headlines']>;
export type AbsenceSeriesMonth = Overview['monthlySeries'][number];

function valueOf(figure: ApiFigure): number | null {
  return figure.value ?? null;
}

function figure(
  id: string,
  label: string,
  source: ApiFigure,
  shown: (value: number) => string,
  basis: string,
  definition: string,
  none: string,
  unit?: (value: number) => string,
): FigureView {
  const raw = valueOf(source);
  return {
    id,
    label,
    value: raw === null ? NO_FIGURE : shown(raw),
    ...(raw !== null && unit ? { unit: unit(raw) } : {}),
    raw,
    basis,
    numerator: source.numerator,
    denominator: source.denominator,
    definition,
    ...(raw === null ? { note: noFigureNote(none) } : {}),
  };
}

/** 7.59 → "7.6" with the unit "days a year" (1 → "day a year"). */
export function daysPerYearUnit(days: number): string {
  return `${unitFor(days, 'day')} a year`;
}

/** "1 FTE day", "383.8 FTE days". */
function fteDays(value: number): string {
  return countText(value, 'FTE day');
}

/** "one year before" the last day, as metrics.md counts it (29 February → 28 February). */
export function yearBefore(iso: IsoDate): IsoDate {
  const year = Number(iso.slice(0, 4)) - 1;
  const monthDay = iso.slice(5);
  const candidate = `${String(year).padStart(4, '0')}-${monthDay}`;
  // 29 February in a year that has none becomes 28 February.
  return monthDay === '02-29' ? addDays(`${String(year).padStart(4, '0')}-03-01`, -1) : candidate;
}

/** The absence headlines of a period ending on `lastDay`, in the order they are shown. */
export function absenceFigures(headlines: AbsenceHeadlines): FigureView[] {
  const { absenceRate, workingDaysLostPerEmployee, longTermShare, mentalHealthShare } = headlines;
  return [
    figure(
      'absence-rate',
      'Sickness absence rate',
      absenceRate,
      formatPercent,
      `${fteDays(absenceRate.numerator)} lost to sickness, of ${fteDays(absenceRate.denominator)} available.`,
      'Calendar days lost to sickness absence, weighted by each person’s FTE, as a share of the FTE-weighted days they were in post (the method of NHS Digital’s sickness absence statistics).',
      'was no one in post in the period',
    ),
    figure(
      'working-days-lost',
      'Working days lost per employee',
      workingDaysLostPerEmployee,
      (value) => formatNumber(value, 1),
      `${countText(workingDaysLostPerEmployee.numerator, 'working day')} lost over ${countText(workingDaysLostPerEmployee.denominator, 'worker-year')}.`,
      'Monday-to-Friday days lost to sickness absence (not weighted by FTE), divided by the average headcount and scaled to a year: the CIPD’s “days lost per employee per year”.',
      'was no one in post in the period',
      daysPerYearUnit,
    ),
    figure(
      'long-term-share',
      'Long-term absence share',
      longTermShare,
      formatPercent,
      `${formatNumber(longTermShare.numerator)} of ${fteDays(longTermShare.denominator)} lost ${longTermShare.numerator === 1 ? 'was' : 'were'} in absences of 28 days or more.`,
      'The share of FTE days lost that fell in long-term absences: those lasting 28 days or more in total, counting days outside the period (an ongoing absence is measured to the last day of the period).',
      'were no days lost to sickness in the period',
    ),
    figure(
      'mental-health-share',
      'Mental-health share',
      mentalHealthShare,
      formatPercent,
      `${formatNumber(mentalHealthShare.numerator)} of ${fteDays(mentalHealthShare.denominator)} lost ${mentalHealthShare.numerator === 1 ? 'was' : 'were'} for mental-health reasons.`,
      'The share of FTE days lost in absences recorded as mental health (stress, anxiety, depression or another mental health reason). Where absences overlap, a day belongs to the one that started first.',
      'were no days lost to sickness in the period',
    ),
  ];
}

/** The turnover headlines of a period ending on `lastDay`, in the order they are shown. */
export function turnoverFigures(headlines: AbsenceHeadlines, lastDay: IsoDate): FigureView[] {
  const { turnoverRate, voluntaryTurnoverRate, annualisedTurnoverRate, stabilityIndex } = headlines;
  const average = (value: number) => `an average headcount of ${formatNumber(value, 2)}`;
  return [
    figure(
      'turnover-rate',
      'Turnover',
      turnoverRate,
      formatPercent,
      `${countText(turnoverRate.numerator, 'leaver')} over ${average(turnoverRate.denominator)}.`,
      'People whose last day of employment fell in the period, per 100 of the average headcount (the average of the headcounts on the first and last day).',
      'was no one in post on the first or last day of the period',
    ),
    figure(
      'voluntary-turnover-rate',
      'Voluntary turnover',
      voluntaryTurnoverRate,
      formatPercent,
      `${countText(voluntaryTurnoverRate.numerator, 'leaver')} who resigned or retired, over ${average(voluntaryTurnoverRate.denominator)}.`,
      'The same as turnover, counting only people who resigned or retired.',
      'was no one in post on the first or last day of the period',
    ),
    figure(
      'annualised-turnover-rate',
      'Turnover, annualised',
      annualisedTurnoverRate,
      formatPercent,
      `${countText(annualisedTurnoverRate.numerator, 'leaver')} over ${countText(annualisedTurnoverRate.denominator, 'worker-year')}.`,
      'Turnover scaled to a year (× 365 ÷ days in the period), so periods of different lengths can be compared. Short periods give large figures: read them with the headcount beside them.',
      'was no one in post on the first or last day of the period',
    ),
    figure(
      'stability-index',
      'Stability index',
      stabilityIndex,
      formatPercent,
      `${formatNumber(stabilityIndex.numerator)} of the ${countText(stabilityIndex.denominator, 'person', 'people')} in post on ${formatDate(yearBefore(lastDay))} ${stabilityIndex.numerator === 1 ? 'is' : 'are'} still in post on ${formatDate(lastDay)}.`,
      'The CIPD’s measure of how many people stay: of the people in post a year before the last day of the period, the share who have been in post ever since and still are.',
      `was no one in post on ${formatDate(yearBefore(lastDay))}`,
    ),
  ];
}

/* ---- Trends ---- */

export function absenceTrend(
  series: readonly AbsenceSeriesMonth[],
  k: number | null,
): TrendPoint[] {
  return trendPoints(series, (month) => month.absenceRate, {
    k,
    basis: (f) => `${fteDays(f.numerator)} lost of ${fteDays(f.denominator)} available`,
  });
}

export function rollingTurnoverTrend(
  series: readonly AbsenceSeriesMonth[],
  k: number | null,
): TrendPoint[] {
  return trendPoints(series, (month) => month.rollingTurnoverRate, {
    k,
    basis: (f, month) =>
      `${countText(f.numerator, 'leaver')} in the 12 months to ${formatDate(month.to)}, over an average headcount of ${formatNumber(f.denominator, 2)}`,
  });
}

/* ---- Absence by reason ---- */

const ABSENCE_ORDER = Object.keys(ABSENCE_REASON_LABELS) as AbsenceReason[];

export interface AbsenceReasonRow extends BreakdownRow {
  /** Calendar days lost (each day counted once, to one absence). */
  absentDays: number;
}

/** FTE days lost by reason, largest first, with each reason's share of all FTE days lost. */
export function absenceReasonRows(
  items: ReadonlyArray<{ reason: AbsenceReason; fteDaysLost: number; absentDays: number }>,
): AbsenceReasonRow[] {
  const byReason = new Map(items.map((item) => [item.reason, item]));
  const ordered = ABSENCE_ORDER.map((reason) => ({
    key: reason,
    label: ABSENCE_REASON_LABELS[reason],
    value: byReason.get(reason)?.fteDaysLost ?? 0,
    absentDays: byReason.get(reason)?.absentDays ?? 0,
  }));
  const rows = breakdownRows(ordered).map((row, index) => ({
    ...row,
    absentDays: (ordered[index] as { absentDays: number }).absentDays,
  }));
  return largestFirst(rows);
}

/** The bars of absence by reason: FTE days lost (with its share) and calendar days lost. */
export function absenceReasonChartRows(rows: readonly AbsenceReasonRow[]): ChartRow[] {
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    cells: {
      fte: { value: row.value, text: withShare(formatNumber(row.value), row.share) },
      calendar: { value: row.absentDays, text: formatNumber(row.absentDays, 0) },
    },
  }));
}

export const ABSENCE_REASON_SERIES = [
  { key: 'fte', label: 'FTE days lost' },
  { key: 'calendar', label: 'Calendar days lost' },
] as const;

export function absenceReasonSummary(rows: readonly AbsenceReasonRow[]): string {
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  if (total === 0) return 'No days were lost to sickness absence in this period.';
  const parts = rows
    .filter((row) => row.value > 0)
    .map((row) => withShare(`${row.label.toLowerCase()} ${formatNumber(row.value)}`, row.share));
  return `${fteDays(total)} lost to sickness absence in the period. By reason, largest first: ${listText(parts)}.`;
}

/* ---- Leavers by reason ---- */

const LEAVING_ORDER = Object.keys(LEAVING_REASON_LABELS) as LeavingReason[];
export const NOT_RECORDED = 'Not recorded';

/** Leavers by reason, every reason shown (0 when none), "not recorded" last when there are any. */
export function leaverReasonRows(
  items: ReadonlyArray<{ reason?: LeavingReason | null; leavers: number }>,
): BreakdownRow[] {
  const byReason = new Map(items.map((item) => [item.reason ?? null, item.leavers]));
  const rows: Array<{ key: string; label: string; value: number }> = LEAVING_ORDER.map(
    (reason) => ({
      key: reason,
      label: LEAVING_REASON_LABELS[reason],
      value: byReason.get(reason) ?? 0,
    }),
  );
  const unrecorded = byReason.get(null) ?? 0;
  if (unrecorded > 0) rows.push({ key: 'NOT_RECORDED', label: NOT_RECORDED, value: unrecorded });
  return breakdownRows(rows);
}

export function leaverReasonSummary(rows: readonly BreakdownRow[]): string {
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  if (total === 0) return 'No one left in this period.';
  const voluntary = rows
    .filter((row) => row.key === 'RESIGNATION' || row.key === 'RETIREMENT')
    .reduce((sum, row) => sum + row.value, 0);
  const parts = largestFirst(rows.filter((row) => row.value > 0)).map((row) =>
    withShare(`${row.label.toLowerCase()} ${formatNumber(row.value)}`, row.share),
  );
  return `${countText(total, 'leaver')} in the period. By reason: ${listText(parts)}. Voluntary leavers (resignation or retirement): ${formatNumber(voluntary)}.`;
}
