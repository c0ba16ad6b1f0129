/**
 * The commissioner comparison (docs/commissioning.md, "The comparison"): who may ask and
 * the labels of what is shared (comparison.access.ts, one statement), the question's
 * checks, one statement reading the rollup months of the period, and the shared reference
 * `computeComparison` (packages/shared/src/metrics/comparison.ts), which computes every
 * figure, suppresses small numbers and drops every count.
 *
 * Both statements are ordinary reads as the commissioner's tenant: row-level security lets
 * them see only the services and rollup rows of ACTIVE agreements with this commissioner
 * (rollup rows from each agreement's `shared_from` month) and those providers' organisation
 * rows. Nothing sets another tenant or uses a function that bypasses the policies.
 */
import {
  addMonthsClamped,
  computeComparison,
  isValidIsoDate,
  type ComparisonMonthCounts,
  type ComparisonServiceInput,
  type IsoDate,
} from '@holdspace/shared';
import { badInput } from '../errors/app-errors';
import type { RequestContext } from '../tenancy/context';
import { commissionerView, type SharedServiceLabel } from './comparison.access';
import { MAX_COMPARISON_MONTHS, type CommissionerComparisonInput } from './comparison.input';
import type { CommissionerComparisonType } from './comparison.types';
import { lastCompleteMonth, todayIn } from './rollup.service';

/** One rollup row (the counts of metrics.md for a service and month). */
export interface ComparisonSqlRow {
  service_id: string;
  month: string;
  staff_count: number;
  headcount_start: number;
  headcount_end: number;
  eligible_start: number;
  eligible_end: number;
  in_date_end: number;
  leavers: number;
  fte_days_available: number;
  fte_days_lost: number;
  sessions_held: number;
  sessions_missed: number;
  supervision_minutes: number;
  supervision_cost_per_worker_year: number;
  currency: string;
}

/**
 * The rollup rows of the period for one practitioner type ('' = all types), in no particular
 * order (`computeComparison` sorts). $1 from, $2 to, $3 type, $4 the commissioner (its own
 * tenant's rows, were there any, are not shared). Labels and the provider-kind filter come
 * from the first statement (comparison.access.ts).
 */
export const COMPARISON_SQL = `
  SELECT m.service_id, m.month::text AS month,
         m.staff_count, m.headcount_start, m.headcount_end, m.eligible_start, m.eligible_end,
         m.in_date_end, m.leavers, m.fte_days_available, m.fte_days_lost, m.sessions_held,
         m.sessions_missed, m.supervision_minutes::float8 AS supervision_minutes,
         m.supervision_cost_per_worker_year::float8 AS supervision_cost_per_worker_year,
         m.currency
    FROM shared_service_months m
   WHERE m.month BETWEEN $1::date AND $2::date
     AND m.practitioner_type = $3
     AND m.tenant_id <> $4::uuid`;

/** The services (of `labels`, in the provider kinds asked for) and their months. */
export function servicesFromRows(
  labels: readonly SharedServiceLabel[],
  rows: readonly ComparisonSqlRow[],
): ComparisonServiceInput[] {
  const services = new Map<
    string,
    ComparisonServiceInput & { months: ComparisonMonthCounts[]; lastMonth: string }
  >();
  const labelOf = new Map(labels.map((l) => [l.id, l]));
  for (const row of rows) {
    let current = services.get(row.service_id);
    if (!current) {
      const label = labelOf.get(row.service_id);
      if (!label) continue; // a provider of another kind
      current = {
        serviceId: row.service_id,
        serviceName: label.name,
        providerName: label.providerName,
        providerKind: label.providerKind,
        currency: row.currency,
        providerThreshold: label.providerThreshold,
        months: [],
        lastMonth: row.month,
      };
      services.set(row.service_id, current);
    }
    // The service's currency is its last month's.
    if (row.month >= current.lastMonth) {
      current.lastMonth = row.month;
      current.currency = row.currency;
    }
    current.months.push({
      month: row.month,
      staffCount: row.staff_count,
      headcountStart: row.headcount_start,
      headcountEnd: row.headcount_end,
      eligibleStart: row.eligible_start,
      eligibleEnd: row.eligible_end,
      inDateEnd: row.in_date_end,
      leavers: row.leavers,
      fteDaysAvailable: row.fte_days_available,
      fteDaysLost: row.fte_days_lost,
      sessionsHeld: row.sessions_held,
      sessionsMissed: row.sessions_missed,
      supervisionMinutes: row.supervision_minutes,
      supervisionCostPerWorkerYear: row.supervision_cost_per_worker_year,
      currency: row.currency,
    });
  }
  return [...services.values()].map(({ lastMonth: _last, ...service }) => service);
}

const isFirstOfMonth = (date: string) => isValidIsoDate(date) && date.endsWith('-01');

/** Whole months, from <= to, at most MAX_COMPARISON_MONTHS, none after `latest`. */
export function assertComparisonMonths(
  input: { fromMonth: string; toMonth: string },
  latest: IsoDate,
): void {
  if (!isFirstOfMonth(input.fromMonth)) {
    throw badInput('input.fromMonth', 'Give the first day of a month.');
  }
  if (!isFirstOfMonth(input.toMonth)) {
    throw badInput('input.toMonth', 'Give the first day of a month.');
  }
  if (input.toMonth < input.fromMonth) {
    throw badInput('input.toMonth', 'The last month must not be before the first.');
  }
  if (input.toMonth >= addMonthsClamped(input.fromMonth, MAX_COMPARISON_MONTHS)) {
    throw badInput('input.toMonth', `Compare at most ${MAX_COMPARISON_MONTHS} months.`);
  }
  if (input.toMonth > latest) {
    throw badInput(
      'input.toMonth',
      'Only complete months can be compared: the last month must have ended.',
    );
  }
}

/** commissionerComparison (see CommissionerComparisonType). */
export async function commissionerComparison(
  ctx: RequestContext,
  input: CommissionerComparisonInput,
  now: Date = new Date(),
): Promise<CommissionerComparisonType> {
  const view = await commissionerView(ctx, [...new Set(input.providerKinds ?? [])]);
  const latest = lastCompleteMonth(todayIn(view.timeZone, now));
  assertComparisonMonths(input, latest);
  const rows =
    view.services.length === 0
      ? []
      : await ctx.db.query<ComparisonSqlRow>(COMPARISON_SQL, [
          input.fromMonth,
          input.toMonth,
          input.practitionerType ?? '',
          ctx.db.tenantId,
        ]);
  const comparison = computeComparison(
    servicesFromRows(view.services, rows),
    { fromMonth: input.fromMonth, toMonth: input.toMonth },
    view.suppressionThreshold,
  );
  return { ...comparison, latestCompleteMonth: latest };
}
