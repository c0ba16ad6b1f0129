/**
 * The metrics fast path: runs the statements of metrics.sql.ts in the request's transaction
 * and turns their counts and sums into the reference's shapes (`Headlines`,
 * `MonthlySeriesRow`, ... of @holdspace/shared), building every Figure with the reference's
 * own `percentage` / `ratio` and the same formulas for derived denominators, so a figure
 * from here and one from the reference differ only where the reference sums floating-point
 * FTE values (PostgreSQL sums them exactly).
 *
 * No access rules here: the resolver decides the scope (metrics.access.ts) and passes it in.
 */
import {
  ABSENCE_REASONS,
  LEAVING_REASONS,
  SESSION_FORMATS,
  SUPERVISION_FUNCTIONS,
  addMonthsClamped,
  firstDayOfMonth,
  lengthOfPeriod,
  percentage,
  ratio,
  type AbsenceByReason,
  type CostCase,
  type Figure,
  type Headlines,
  type LeaversByReason,
  type MonthlySeriesRow,
  type OrgSettings,
  type Period,
  type SessionFormat,
  type SupervisionFunction,
  type SupervisionInterval,
} from '@holdspace/shared';
import { InternalError } from '../errors/app-errors';
import type { RequestDb } from '../tenancy/request-db';
import {
  ALL_PARTS,
  MAX_SERIES_BUCKETS,
  OVERDUE_SQL,
  overviewStatement,
  type OverviewParts,
} from './metrics.sql';

export { ALL_PARTS, type OverviewParts };

/** Which staff the figures are over; an empty list does not filter (as the reference's Scope). */
export interface MetricsScope {
  serviceIds: readonly string[];
  practitionerTypes: readonly string[];
}

export interface MetricsSettings extends OrgSettings {
  currency: string;
}

/** computeHeadlines' figures plus sessions held vs expected (product.md). */
export interface HeadlineFigures extends Headlines {
  sessionsHeldVsExpected: Figure;
}

export interface HeadlineGroup {
  key: string | null;
  headlines: HeadlineFigures;
}

export interface HeadlineBreakdowns {
  total: HeadlineFigures;
  byService: HeadlineGroup[];
  byPractitionerType: HeadlineGroup[];
  /** Of the whole scope. */
  composition: Composition;
}

export interface SeriesRow extends MonthlySeriesRow {
  /** Staff in scope in post on at least one day of the bucket (for suppression). */
  staffCount: number;
}

export interface Composition {
  formatMix: Record<SessionFormat, number>;
  functionMix: Record<SupervisionFunction, number>;
  leaversByReason: LeaversByReason;
  absenceByReason: AbsenceByReason;
}

export interface OverdueRow {
  staffId: string;
  serviceId: string;
  displayName: string | null;
  staffRef: string | null;
  dueDate: string;
  daysOverdue: number;
}

/**
 * The organisation's metric settings. Also, for the rest of the request's transaction, turns
 * off PostgreSQL's JIT compilation (the metric statements are wide, their row estimates
 * (CTEs, date ranges) are far off, and compiling them took longer than running them) and
 * gives each sort and hash 64 MB (a year of a 10,000-staff organisation's attendances
 * is about 30 MB: with the default 4 MB they spill to disk).
 */
export async function loadMetricsSettings(db: RequestDb): Promise<MetricsSettings> {
  const [row] = await db.query<{
    default_interval: SupervisionInterval;
    counted_formats: SessionFormat[];
    supervision_cost_per_worker_year: string;
    recruitment_cost_per_leaver: string;
    suppression_threshold: number;
    currency: string;
  }>(
    `SELECT default_interval, counted_formats, supervision_cost_per_worker_year,
            recruitment_cost_per_leaver, suppression_threshold, currency,
            set_config('jit', 'off', true) AS jit,
            set_config('work_mem', '64MB', true) AS work_mem
       FROM organisations WHERE id = $1`,
    [db.tenantId],
  );
  if (!row) throw new InternalError('the organisation of the request has no row');
  return {
    defaultInterval: row.default_interval,
    countedFormats: row.counted_formats,
    supervisionCostPerWorkerYear: Number(row.supervision_cost_per_worker_year),
    recruitmentCostPerLeaver: Number(row.recruitment_cost_per_leaver),
    suppressionThreshold: row.suppression_threshold,
    currency: row.currency,
  };
}

/** The parameters every statement takes first ($1..$7, see metrics.sql.ts). */
function baseParams(
  db: RequestDb,
  settings: MetricsSettings,
  period: Period,
  scope: MetricsScope,
): unknown[] {
  return [
    db.tenantId,
    period.from,
    period.to,
    [...scope.serviceIds],
    [...scope.practitionerTypes],
    settings.defaultInterval,
    [...settings.countedFormats],
  ];
}

interface HeadlineRow {
  dim: 'total' | 'service' | 'type';
  key: string | null;
  staff_count: number;
  headcount: number;
  fte: number;
  headcount_from: number;
  eligible_from: number;
  eligible_to: number;
  in_date: number;
  overdue: number;
  leavers: number;
  voluntary_leavers: number;
  stayers: number;
  headcount_year_ago: number;
  fte_days_available: number;
  fte_days_lost: number;
  working_days_lost: number;
  long_term_fte_days: number;
  mental_health_fte_days: number;
  minutes: number;
  held_pairs: number;
  expected: number;
  reviews_overdue: number;
  sessions_held: number;
  sessions_missed: number;
  /** On the total's row only. */
  composition: CompositionItem[] | null;
}

interface CompositionItem {
  kind: 'format' | 'function' | 'leaver' | 'absence';
  name: string | null;
  n: number;
  amount: number | null;
}

/** A figure of a part the question did not ask for (never shown: GraphQL serves only what is asked). */
const NOT_COMPUTED: Figure = { value: null, numerator: 0, denominator: 0 };

/** The reference's formulas, over one group's counts (see packages/shared/src/metrics). */
function headlinesOf(
  row: HeadlineRow,
  period: Period,
  settings: MetricsSettings,
  parts: OverviewParts,
): HeadlineFigures {
  const len = lengthOfPeriod(period);
  const averageHeadcount = (row.headcount_from + row.headcount) / 2;
  const workerYears = (averageHeadcount * len) / 365;
  const averageEligible = (row.eligible_from + row.eligible_to) / 2;
  const workerMonths = (averageEligible * len * 12) / 365;
  const supervisionSpend = (settings.supervisionCostPerWorkerYear * averageEligible * len) / 365;
  const cost: CostCase = {
    supervisionCostPerWorkerYear: settings.supervisionCostPerWorkerYear,
    recruitmentCostPerLeaver: settings.recruitmentCostPerLeaver,
    averageEligible,
    leavers: row.leavers,
    supervisionSpend,
    turnoverCost: row.leavers * settings.recruitmentCostPerLeaver,
    breakEvenLeavers: ratio(supervisionSpend, settings.recruitmentCostPerLeaver),
  };
  return {
    period: { from: period.from, to: period.to },
    staffCount: row.staff_count,
    headcount: row.headcount,
    fte: row.fte,
    averageHeadcount,
    eligible: row.eligible_to,
    coverage: percentage(row.in_date, row.eligible_to),
    overdueCount: row.overdue,
    absenceRate: percentage(row.fte_days_lost, row.fte_days_available),
    workingDaysLostPerEmployee: ratio(row.working_days_lost, workerYears),
    longTermShare: percentage(row.long_term_fte_days, row.fte_days_lost),
    mentalHealthShare: percentage(row.mental_health_fte_days, row.fte_days_lost),
    leavers: row.leavers,
    turnoverRate: percentage(row.leavers, averageHeadcount),
    annualisedTurnoverRate: percentage(row.leavers, workerYears),
    voluntaryTurnoverRate: percentage(row.voluntary_leavers, averageHeadcount),
    stabilityIndex: percentage(row.stayers, row.headcount_year_ago),
    ...(parts.sessions
      ? {
          cancellationRate: percentage(
            row.sessions_missed,
            row.sessions_held + row.sessions_missed,
          ),
          supervisionHoursPerWorkerPerMonth: ratio(row.minutes / 60, workerMonths),
          sessionsHeldVsExpected: percentage(row.held_pairs, row.expected),
        }
      : {
          cancellationRate: NOT_COMPUTED,
          supervisionHoursPerWorkerPerMonth: NOT_COMPUTED,
          sessionsHeldVsExpected: NOT_COMPUTED,
        }),
    agreementsReviewOverdue: row.reviews_overdue,
    cost,
  };
}

/** Breakdown keys as the reference sorts them: by key, null (not recorded) last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The calendar months of `to` and the `months - 1` before it, ending on `to`. */
export function seriesPeriod(to: string, months: number): Period {
  return { from: firstDayOfMonth(addMonthsClamped(to, -(months - 1))), to };
}

export interface Overview {
  headlines: HeadlineBreakdowns;
  series: SeriesRow[];
}

interface SeriesSqlRow {
  month: string;
  from: string;
  to: string;
  rolling_from: string;
  staff_count: number;
  headcount: number;
  headcount_from: number;
  leavers: number;
  headcount_rolling_from: number;
  rolling_leavers: number;
  fte_days_available: number;
  fte_days_lost: number;
  eligible: number;
  in_date: number;
}

/**
 * One statement (metrics.sql.ts overviewStatement): the headline figures of `period` for
 * the scope, and the same for each service and each practitioner type of the staff in scope
 * in post during it (reference `breakdown`), what its figures are made of, and the monthly
 * series (computeMonthlySeries) over `series`, which must end on the period's last day.
 * Only the `parts` asked for are computed: without `sessions` the session-level figures are
 * NOT_COMPUTED, without `breakdowns` there are no groups, without `composition` it is empty.
 */
export async function computeOverview(
  db: RequestDb,
  settings: MetricsSettings,
  period: Period,
  series: Period,
  scope: MetricsScope,
  parts: OverviewParts = ALL_PARTS,
): Promise<Overview> {
  const months =
    (Number(series.to.slice(0, 4)) - Number(series.from.slice(0, 4))) * 12 +
    (Number(series.to.slice(5, 7)) - Number(series.from.slice(5, 7))) +
    1;
  if (series.to !== period.to || months < 1 || months > MAX_SERIES_BUCKETS) {
    throw new InternalError('the series must end with the period and have 1 to 62 months');
  }
  const [row] = await db.query<{ headlines: HeadlineRow[]; series: SeriesSqlRow[] }>(
    overviewStatement(parts),
    [...baseParams(db, settings, period, scope), series.from],
  );
  const totalRow = row?.headlines.find((r) => r.dim === 'total');
  if (!row || !totalRow) throw new InternalError('the overview statement returned no total');
  const groups = (dim: HeadlineRow['dim']) =>
    row.headlines
      .filter((r) => r.dim === dim && r.staff_count > 0)
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((r) => ({ key: r.key, headlines: headlinesOf(r, period, settings, parts) }));
  return {
    headlines: {
      total: headlinesOf(totalRow, period, settings, parts),
      byService: groups('service'),
      byPractitionerType: groups('type'),
      composition: compositionOf(totalRow.composition ?? []),
    },
    series: row.series.map((r) => ({
      month: r.month,
      from: r.from,
      to: r.to,
      staffCount: r.staff_count,
      headcount: r.headcount,
      coverage: percentage(r.in_date, r.eligible),
      absenceRate: percentage(r.fte_days_lost, r.fte_days_available),
      turnoverRate: percentage(r.leavers, (r.headcount_from + r.headcount) / 2),
      rollingTurnoverRate: percentage(
        r.rolling_leavers,
        (r.headcount_rolling_from + r.headcount) / 2,
      ),
    })),
  };
}

/** Format and function mix, leavers by reason and absence by reason, from their counts. */
function compositionOf(items: CompositionItem[]): Composition {
  const zeros = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const result: Composition = {
    formatMix: zeros(SESSION_FORMATS),
    functionMix: zeros(SUPERVISION_FUNCTIONS),
    leaversByReason: zeros([...LEAVING_REASONS, 'UNRECORDED'] as const),
    absenceByReason: Object.fromEntries(
      ABSENCE_REASONS.map((reason) => [reason, { absentDays: 0, fteDaysLost: 0 }]),
    ) as AbsenceByReason,
  };
  for (const item of items) {
    if (item.kind === 'format') result.formatMix[item.name as SessionFormat] = item.n;
    else if (item.kind === 'function') {
      result.functionMix[item.name as SupervisionFunction] = item.n;
    } else if (item.kind === 'leaver') {
      result.leaversByReason[(item.name ?? 'UNRECORDED') as keyof LeaversByReason] += item.n;
    } else {
      result.absenceByReason[item.name as keyof AbsenceByReason] = {
        absentDays: item.n,
        fteDaysLost: item.amount ?? 0,
      };
    }
  }
  return result;
}

export interface OverduePage {
  rows: OverdueRow[];
  totalCount: number;
}

/**
 * The eligible staff in scope overdue on `on` (reference `overdueList`), most days overdue
 * first, then by staff id; `limit` rows after the keyset (daysOverdue, staffId) `after`.
 */
export async function overduePage(
  db: RequestDb,
  settings: MetricsSettings,
  on: string,
  scope: MetricsScope,
  after: { daysOverdue: number; staffId: string } | null,
  limit: number,
): Promise<OverduePage> {
  const rows = await db.query<{
    staff_id: string;
    service_id: string;
    due_date: string;
    days_overdue: number;
    display_name: string | null;
    staff_ref: string | null;
    total: number;
  }>(OVERDUE_SQL, [
    ...baseParams(db, settings, { from: on, to: on }, scope),
    after?.daysOverdue ?? null,
    after?.staffId ?? null,
    limit,
  ]);
  let totalCount = rows[0]?.total ?? 0;
  if (rows.length === 0 && after) {
    // A page past the end: count without a keyset.
    const [first] = await db.query<{ total: number }>(OVERDUE_SQL, [
      ...baseParams(db, settings, { from: on, to: on }, scope),
      null,
      null,
      1,
    ]);
    totalCount = first?.total ?? 0;
  }
  return {
    rows: rows.map((r) => ({
      staffId: r.staff_id,
      serviceId: r.service_id,
      displayName: r.display_name,
      staffRef: r.staff_ref,
      dueDate: r.due_date,
      daysOverdue: r.days_overdue,
    })),
    totalCount,
  };
}
