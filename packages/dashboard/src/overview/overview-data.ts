import type {
  OverviewBreakdownGroupFragment,
  OverviewCostCaseFragment,
  OverviewHeadlinesFragment,
  OverviewQuery,
  SuppressionReason,
} from '../gql/graphql';
import {
  describeTrend,
  monthlyRows,
  type ChartRow,
  type ChartSeries,
  type FigureLike,
} from '../shell/charts/chart-data';
import type { DataTableColumn, DataTableRow } from '../shell/charts/data-table';
import {
  countText,
  formatMoney,
  formatNumber,
  formatPercent,
  listText,
  NONE,
  peopleText,
  suppressedText,
  suppressionExplanation,
} from '../shell/charts/format';
import { formatDate, type IsoDate } from '../shell/date-input';

/*
 * The Overview's figures shaped for the screen: the headline cards with the
 * numbers behind them and their plain definitions (docs/metrics.md), the
 * 12-month trends and the breakdowns by service and practitioner type. Pure;
 * tested in overview-data.test.ts. Every number is the API's, only written out.
 */

export type Overview = OverviewQuery['metricsOverview'];
export type Headlines = OverviewHeadlinesFragment;
export type BreakdownGroup = OverviewBreakdownGroupFragment;
export type SeriesMonth = Overview['monthlySeries'][number];

export interface Context {
  /** The organisation's small-number threshold (k). */
  threshold: number | null;
  currency: string;
}

/** Plain definitions, from docs/metrics.md. */
export const DEFINITIONS = {
  coverage:
    'Of the people in post who need supervision, the share who were “in date” on the last day of the period: their last supervision session (one-to-one or group, unless their agreement says otherwise) was recent enough for the interval their agreement sets (monthly by default). A new starter is in date until their first interval ends.',
  overdue:
    'People in post who need supervision and whose supervision was due before the last day of the period. Their due date is their last counted session plus their interval (or their start date plus the interval if they have not had one yet).',
  absenceRate:
    'Calendar days lost to sickness absence, weighted by each person’s FTE, as a share of the FTE-weighted days they were in post in the period (the method of NHS Digital’s sickness absence statistics).',
  turnover:
    'People whose last day of employment fell in the period, per 100 of the average headcount (the average of the headcounts on the first and last day). Annualised, it is scaled to a year (× 365 ÷ days in the period), so periods of different lengths can be compared; short periods give large annualised figures.',
  costCase:
    'What the period’s supervision costs (your cost per worker per year × the average number of people who need supervision × the days in the period ÷ 365), set against what replacing the period’s leavers costs (leavers × your recruitment cost per leaver).',
} as const;

/* ---- Headline cards ---- */

export interface CardView {
  id: string;
  label: string;
  value: string;
  unit?: string;
  basis?: string;
  extra?: string;
  note?: string;
  definition: string;
  hidden?: { text: string; explanation: string } | null;
  /** Where "go further" links: "supervision", "cost-case". */
  link?: 'supervision' | 'cost-case';
}

function noFigureNote(what: string): string {
  return `There is no figure because ${what}.`;
}

/** "383.8 FTE days". */
function fteDays(value: number): string {
  return countText(Number(value.toFixed(1)), 'FTE day');
}

/** The words behind a coverage figure: "38 of 45 people in date". */
export function coverageBasis(figure: FigureLike): string {
  return `${formatNumber(figure.numerator, 0)} of ${peopleText(figure.denominator)} in date`;
}

export function absenceBasis(figure: FigureLike): string {
  return `${fteDays(figure.numerator)} lost of ${fteDays(figure.denominator)} available`;
}

export function turnoverBasis(figure: FigureLike): string {
  return `${countText(figure.numerator, 'leaver')} over an average headcount of ${formatNumber(figure.denominator, 1)}`;
}

/**
 * The headline cards. When the whole overview is hidden (an analyst looking
 * at very few people) every card says so and shows no number.
 */
export function headlineCards(overview: Overview, context: Context): CardView[] {
  const lastDay = formatDate(overview.period.to);
  const hidden = overview.suppressed
    ? {
        text: suppressedText(overview.suppressionReason, context.threshold),
        explanation: suppressionExplanation(overview.suppressionReason, context.threshold),
      }
    : null;
  const h = overview.headlines;
  const cost = overview.costCase;
  const cards: CardView[] = [];

  const coverage = h?.coverage;
  cards.push({
    id: 'card-coverage',
    label: 'Supervision coverage',
    value: formatPercent(coverage?.value),
    ...(coverage ? { basis: `${coverageBasis(coverage)} on ${lastDay}` } : {}),
    ...(coverage && coverage.value === null
      ? { note: noFigureNote(`no one who needs supervision was in post on ${lastDay}`) }
      : {}),
    definition: DEFINITIONS.coverage,
    hidden,
    link: 'supervision',
  });

  cards.push({
    id: 'card-overdue',
    label: 'People overdue for supervision',
    value: h ? formatNumber(h.overdueCount, 0) : NONE,
    ...(h ? { unit: h.overdueCount === 1 ? 'person' : 'people' } : {}),
    ...(h
      ? {
          basis: `${formatNumber(h.overdueCount, 0)} of ${peopleText(h.eligible)} who need supervision, on ${lastDay}`,
        }
      : {}),
    definition: DEFINITIONS.overdue,
    hidden,
    link: 'supervision',
  });

  const absence = h?.absenceRate;
  cards.push({
    id: 'card-absence',
    label: 'Sickness absence rate',
    value: formatPercent(absence?.value),
    ...(absence ? { basis: absenceBasis(absence) } : {}),
    ...(absence && absence.value === null
      ? { note: noFigureNote('no one was in post in the period') }
      : {}),
    definition: DEFINITIONS.absenceRate,
    hidden,
  });

  const turnover = h?.turnoverRate;
  const annualised = h?.annualisedTurnoverRate;
  cards.push({
    id: 'card-turnover',
    label: 'Turnover',
    value: formatPercent(turnover?.value),
    ...(turnover ? { basis: turnoverBasis(turnover) } : {}),
    ...(annualised
      ? {
          extra: `Annualised: ${formatPercent(annualised.value)} (${countText(annualised.numerator, 'leaver')} over ${countText(Number(annualised.denominator.toFixed(1)), 'worker-year')})`,
        }
      : {}),
    ...(turnover && turnover.value === null
      ? { note: noFigureNote('no one was in post on the first or last day of the period') }
      : {}),
    definition: DEFINITIONS.turnover,
    hidden,
  });

  cards.push({
    id: 'card-cost',
    label: 'Supervision spend against turnover cost',
    value: cost ? formatMoney(cost.supervisionSpend, cost.currency, { wholeUnits: true }) : NONE,
    ...(cost
      ? {
          basis: `Supervision spend for the period, against ${formatMoney(cost.turnoverCost, cost.currency, { wholeUnits: true })} to replace ${countText(cost.leavers, 'leaver')}`,
          extra: breakEvenSentence(cost),
        }
      : {}),
    definition: DEFINITIONS.costCase,
    hidden,
    link: 'cost-case',
  });

  return cards;
}

/** "Break-even: 15.6 leavers avoided would pay for it." */
export function breakEvenSentence(cost: OverviewCostCaseFragment): string {
  const value = cost.breakEvenLeavers.value;
  if (value === null || value === undefined) {
    return 'Break-even: no figure (the recruitment cost per leaver is 0).';
  }
  return `Break-even: ${countText(Number(value.toFixed(1)), 'leaver')} avoided would pay for it.`;
}

/* ---- Trends ---- */

export const TREND_SERIES = {
  coverage: [{ key: 'coverage', label: 'Coverage at month end' }],
  absence: [{ key: 'absence', label: 'Sickness absence rate' }],
  turnover: [
    { key: 'turnover', label: 'Turnover in the month' },
    { key: 'rolling', label: 'Rolling 12-month turnover' },
  ],
} satisfies Record<string, ChartSeries[]>;

export interface Trends {
  coverage: ChartRow[];
  absence: ChartRow[];
  turnover: ChartRow[];
  summaries: { coverage: string; absence: string; turnover: string };
}

export function trends(series: readonly SeriesMonth[], context: Context): Trends {
  const coverage = monthlyRows(
    series,
    [
      {
        key: 'coverage',
        label: 'Coverage',
        pick: (month) => month.coverage,
        detail: (figure) => coverageBasis(figure),
      },
    ],
    context.threshold,
  );
  const absence = monthlyRows(
    series,
    [
      {
        key: 'absence',
        label: 'Absence',
        pick: (month) => month.absenceRate,
        detail: (figure) => absenceBasis(figure),
      },
    ],
    context.threshold,
  );
  const turnover = monthlyRows(
    series,
    [
      {
        key: 'turnover',
        label: 'Turnover',
        pick: (month) => month.turnoverRate,
        detail: (figure) => turnoverBasis(figure),
      },
      {
        key: 'rolling',
        label: 'Rolling',
        pick: (month) => month.rollingTurnoverRate,
        detail: (figure) => turnoverBasis(figure),
      },
    ],
    context.threshold,
  );
  return {
    coverage,
    absence,
    turnover,
    summaries: {
      coverage: describeTrend('supervision coverage at month end', 'coverage', coverage),
      absence: describeTrend('the sickness absence rate', 'absence', absence),
      turnover: describeTrend('rolling 12-month turnover', 'rolling', turnover),
    },
  };
}

/* ---- Breakdowns ---- */

export type BreakdownKind = 'service' | 'type';

export interface Breakdown {
  kind: BreakdownKind;
  /** "Service", "Practitioner type". */
  noun: string;
  columns: DataTableColumn[];
  rows: DataTableRow[];
  coverageRows: ChartRow[];
  ratesRows: ChartRow[];
  coverageSummary: string;
  ratesSummary: string;
  /** Why some rows show no numbers; empty when none are hidden. */
  notes: string[];
}

export const BREAKDOWN_COLUMNS = {
  group: 'group',
  headcount: 'headcount',
  coverage: 'coverage',
  overdue: 'overdue',
  absence: 'absence',
  turnover: 'turnover',
} as const;

export const RATE_SERIES: ChartSeries[] = [
  { key: 'absence', label: 'Sickness absence rate' },
  { key: 'turnover', label: 'Turnover' },
];
export const COVERAGE_SERIES: ChartSeries[] = [{ key: 'coverage', label: 'Supervision coverage' }];

function hiddenCells(reason: SuppressionReason | null | undefined, threshold: number | null) {
  const text = suppressedText(reason, threshold);
  return { text, sortValue: null, hidden: true } as const;
}

function groupRow(group: BreakdownGroup, threshold: number | null, total: boolean): DataTableRow {
  const h = group.headlines;
  const c = BREAKDOWN_COLUMNS;
  if (group.suppressed || !h) {
    const cell = hiddenCells(group.suppressionReason, threshold);
    return {
      key: group.key ?? (total ? '__total' : '__not-recorded'),
      total,
      cells: {
        [c.group]: { text: group.label },
        [c.headcount]: cell,
        [c.coverage]: cell,
        [c.overdue]: cell,
        [c.absence]: cell,
        [c.turnover]: cell,
      },
    };
  }
  return {
    key: group.key ?? (total ? '__total' : '__not-recorded'),
    total,
    cells: {
      [c.group]: { text: group.label },
      [c.headcount]: { text: formatNumber(h.headcount, 0), sortValue: h.headcount },
      [c.coverage]: {
        text: formatPercent(h.coverage.value),
        detail: coverageBasis(h.coverage),
        sortValue: h.coverage.value ?? null,
      },
      [c.overdue]: { text: formatNumber(h.overdueCount, 0), sortValue: h.overdueCount },
      [c.absence]: {
        text: formatPercent(h.absenceRate.value),
        sortValue: h.absenceRate.value ?? null,
      },
      [c.turnover]: {
        text: formatPercent(h.turnoverRate.value),
        detail: countText(h.turnoverRate.numerator, 'leaver'),
        sortValue: h.turnoverRate.value ?? null,
      },
    },
  };
}

function chartCell(
  group: BreakdownGroup,
  figure: FigureLike | undefined,
  threshold: number | null,
) {
  if (group.suppressed || !figure) {
    return { value: null, text: suppressedText(group.suppressionReason, threshold), hidden: true };
  }
  return { value: figure.value ?? null, text: formatPercent(figure.value) };
}

/** The highest and lowest groups of a measure, in a sentence. */
function rangeSentence(
  noun: string,
  measure: string,
  groups: readonly BreakdownGroup[],
  pick: (h: Headlines) => FigureLike,
): string {
  const known = groups
    .filter((g) => !g.suppressed && g.headlines && pick(g.headlines).value !== null)
    .map((g) => ({ label: g.label, value: pick(g.headlines as Headlines).value as number }));
  if (known.length === 0) return `No ${noun.toLowerCase()} has a ${measure} figure to show.`;
  if (known.length === 1) {
    const only = known[0] as { label: string; value: number };
    return `${only.label}: ${measure} ${formatPercent(only.value)}.`;
  }
  const sorted = [...known].sort((a, b) => b.value - a.value);
  const top = sorted[0] as { label: string; value: number };
  const bottom = sorted[sorted.length - 1] as { label: string; value: number };
  const Measure = `${measure.charAt(0).toUpperCase()}${measure.slice(1)}`;
  if (top.value === bottom.value) {
    return `${Measure} is ${formatPercent(top.value)} in every ${noun.toLowerCase()} shown.`;
  }
  // Ties are named together: "lowest (0.0%) in Counsellor and Youth worker".
  const at = (value: number) =>
    listText(known.filter((entry) => entry.value === value).map((entry) => entry.label));
  return `${Measure} is highest in ${at(top.value)} (${formatPercent(top.value)}) and lowest in ${at(bottom.value)} (${formatPercent(bottom.value)}).`;
}

export function breakdown(
  kind: BreakdownKind,
  data: Overview['breakdownByService'],
  context: Context,
): Breakdown {
  const noun = kind === 'service' ? 'Service' : 'Practitioner type';
  const c = BREAKDOWN_COLUMNS;
  const columns: DataTableColumn[] = [
    { key: c.group, label: noun, sortable: true },
    { key: c.headcount, label: 'Headcount', numeric: true, sortable: true },
    { key: c.coverage, label: 'Supervision coverage', numeric: true, sortable: true },
    { key: c.overdue, label: 'People overdue', numeric: true, sortable: true },
    { key: c.absence, label: 'Sickness absence rate', numeric: true, sortable: true },
    { key: c.turnover, label: 'Turnover', numeric: true, sortable: true },
  ];
  const rows = [
    ...data.groups.map((group) => groupRow(group, context.threshold, false)),
    groupRow(data.total, context.threshold, true),
  ];
  const coverageRows: ChartRow[] = data.groups.map((group) => ({
    key: group.key ?? '__not-recorded',
    label: group.label,
    cells: { coverage: chartCell(group, group.headlines?.coverage, context.threshold) },
  }));
  const ratesRows: ChartRow[] = data.groups.map((group) => ({
    key: group.key ?? '__not-recorded',
    label: group.label,
    cells: {
      absence: chartCell(group, group.headlines?.absenceRate, context.threshold),
      turnover: chartCell(group, group.headlines?.turnoverRate, context.threshold),
    },
  }));
  const reasons = new Set(
    [...data.groups, data.total]
      .filter((g) => g.suppressed)
      .map((g) => g.suppressionReason ?? null),
  );
  const notes = [...reasons].map((reason) => suppressionExplanation(reason, context.threshold));
  const hiddenCount = data.groups.filter((g) => g.suppressed).length;
  const hiddenNote =
    hiddenCount > 0
      ? ` ${hiddenCount === 1 ? 'One group is' : `${hiddenCount} groups are`} not shown because ${hiddenCount === 1 ? 'it has' : 'they have'} too few people.`
      : '';
  return {
    kind,
    noun,
    columns,
    rows,
    coverageRows,
    ratesRows,
    coverageSummary:
      rangeSentence(noun, 'supervision coverage', data.groups, (h) => h.coverage) + hiddenNote,
    ratesSummary: `${rangeSentence(noun, 'the sickness absence rate', data.groups, (h) => h.absenceRate)} ${rangeSentence(noun, 'turnover', data.groups, (h) => h.turnoverRate)}${hiddenNote}`,
    notes,
  };
}

/* ---- Words about the view ---- */

/** "23 November 2025 to 22 November 2026". */
export function periodText(period: { from: IsoDate; to: IsoDate }): string {
  return `${formatDate(period.from)} to ${formatDate(period.to)}`;
}

/** Who the figures are about: "all services", "your services (Outreach)", "Outreach and Counselling". */
export function scopeText(options: {
  serviceIds: readonly string[];
  serviceNames: ReadonlyMap<string, string>;
  managedServiceIds?: readonly string[] | null;
}): string {
  const names = (ids: readonly string[]) =>
    listText(ids.map((id) => options.serviceNames.get(id) ?? 'a service you cannot see'));
  if (options.serviceIds.length > 0) return names(options.serviceIds);
  if (options.managedServiceIds) {
    return options.managedServiceIds.length > 0
      ? `your ${options.managedServiceIds.length === 1 ? 'service' : 'services'} (${names(options.managedServiceIds)})`
      : 'your services';
  }
  return 'all services';
}

/** True when the organisation (or the chosen scope) has no staff at all in the period. */
export function hasNoStaff(overview: Overview): boolean {
  return !overview.suppressed && overview.headlines?.staffCount === 0;
}
