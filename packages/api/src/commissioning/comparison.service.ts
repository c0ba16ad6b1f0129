/**
 * The commissioner comparison (docs/commissioning.md, "The comparison"): who may ask
 * (comparison.access.ts), the question's checks, one statement reading the rollup months
 * of the shared services with their services' and providers' names, and the shared
 * reference `computeComparison` (packages/shared/src/metrics/comparison.ts), which computes
 * every figure, suppresses small numbers and drops every count.
 *
 * The statement is an ordinary read as the commissioner's tenant: row-level security lets
 * it see only the rollup rows and services of ACTIVE agreements with this commissioner
 * (from each agreement's `shared_from` month) and those providers' organisation rows. It
 * never sets another tenant and uses no function that bypasses the policies.
 */
import {
  addMonthsClamped,
  computeComparison,
  isValidIsoDate,
  type ComparisonMonthCounts,
  type ComparisonServiceInput,
  type IsoDate,
  type OrganisationKind,
} from '@holdspace/shared';
import { badInput } from '../errors/app-errors';
import type { RequestContext } from '../tenancy/context';
import { comparisonAccess } from './comparison.access';
import { MAX_COMPARISON_MONTHS, type CommissionerComparisonInput } from './comparison.input';
import type { CommissionerComparisonType } from './comparison.types';
import { lastCompleteMonth, todayIn } from './rollup.service';

/** One rollup row with its service's and provider's labels. */
export interface ComparisonSqlRow {
  service_id: string;
  service_name: string;
  provider_name: string;
  provider_kind: OrganisationKind;
  provider_threshold: number;
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
 * The rollup rows of the period for one practitioner type ('' = all types), of providers of
 * the given kinds (empty: all), in no particular order (`computeComparison` sorts). $1 from,
 * $2 to, $3 type, $4 kinds, $5 the commissioner (its own tenant's rows, were there any, are
 * not shared).
 */
export const COMPARISON_SQL = `
  SELECT m.service_id, s.name AS service_name, o.name AS provider_name, o.kind AS provider_kind,
         o.suppression_threshold AS provider_threshold, m.month::text AS month,
         m.staff_count, m.headcount_start, m.headcount_end, m.eligible_start, m.eligible_end,
         m.in_date_end, m.leavers, m.fte_days_available, m.fte_days_lost, m.sessions_held,
         m.sessions_missed, m.supervision_minutes::float8 AS supervision_minutes,
         m.supervision_cost_per_worker_year::float8 AS supervision_cost_per_worker_year,
         m.currency
    FROM shared_service_months m
    JOIN services s ON s.tenant_id = m.tenant_id AND s.id = m.service_id
    JOIN organisations o ON o.id = m.tenant_id
   WHERE m.month BETWEEN $1::date AND $2::date
     AND m.practitioner_type = $3
     AND (cardinality($4::text[]) = 0 OR o.kind = ANY ($4::text[]))
     AND m.tenant_id <> $5::uuid`;

/** The services and their months, for the shared reference. */
export function servicesFromRows(rows: readonly ComparisonSqlRow[]): ComparisonServiceInput[] {
  const services = new Map<
    string,
    ComparisonServiceInput & { months: ComparisonMonthCounts[]; lastMonth: string }
  >();
  for (const row of rows) {
    let current = services.get(row.service_id);
    if (!current) {
      current = {
        serviceId: row.service_id,
        serviceName: row.service_name,
        providerName: row.provider_name,
        providerKind: row.provider_kind,
        currency: row.currency,
        providerThreshold: row.provider_threshold,
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
      supervisionMinutes: Number(row.supervision_minutes),
      supervisionCostPerWorkerYear: Number(row.supervision_cost_per_worker_year),
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
  const settings = await comparisonAccess(ctx);
  const latest = lastCompleteMonth(todayIn(settings.timeZone, now));
  assertComparisonMonths(input, latest);
  const kinds = [...new Set(input.providerKinds ?? [])];
  const rows = await ctx.db.query<ComparisonSqlRow>(COMPARISON_SQL, [
    input.fromMonth,
    input.toMonth,
    input.practitionerType ?? '',
    kinds,
    ctx.db.tenantId,
  ]);
  const comparison = computeComparison(
    servicesFromRows(rows),
    { fromMonth: input.fromMonth, toMonth: input.toMonth },
    settings.suppressionThreshold,
  );
  return { ...comparison, latestCompleteMonth: latest };
}
