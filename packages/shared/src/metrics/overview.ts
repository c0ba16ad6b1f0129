/**
 * The overview: every headline figure of a period, the monthly series and breakdowns.
 *
 * Decisions (also in DECISIONS.md):
 * - Point-in-time headlines (headcount, FTE, eligible, coverage, overdue count, stability,
 *   agreements due for review) are taken on P.to, the last day of the period.
 * - staffCount of a set of headlines is the number of distinct staff (in scope) in post on
 *   at least one day of P: the "staff behind" the figures for small-number suppression.
 * - Monthly series: one row per calendar-month bucket of P (monthBuckets), with coverage and
 *   headcount on the bucket's last day, absence and turnover rates over the bucket, and the
 *   rolling turnover over the 12 months ending on the bucket's last day (for a last partial
 *   month this is P.to, as metrics.md says for coverage).
 * - Breakdown groups are the distinct services (or practitioner types, null being its own
 *   group "not recorded") of the staff in scope who are in post on at least one day of P,
 *   sorted by key with null last. A group's headlines are computed exactly as for a scope
 *   holding that group only.
 */
import { assertPeriod, monthBuckets, type IsoDate } from '../dates';
import {
  absenceRate,
  longTermShare,
  mentalHealthShare,
  workingDaysLostPerEmployee,
} from './absence';
import { costCase, type CostCase } from './cost';
import type { Figure } from './figure';
import type { OrgData, Period, Scope, StaffRecord } from './records';
import { applyScope, restrictToStaff } from './scope';
import {
  agreementsReviewOverdue,
  cancellationRate,
  coverage,
  eligible,
  overdueList,
  supervisionHoursPerWorkerPerMonth,
} from './supervision';
import { suppressTable, type SuppressedCell } from './suppression';
import {
  annualisedTurnoverRate,
  leavers,
  rollingTurnoverRate,
  stabilityIndex,
  turnoverRate,
  voluntaryTurnoverRate,
} from './turnover';
import { averageHeadcount, fte, headcount, staffInPostDuring } from './workforce';

export interface Headlines {
  period: Period;
  /** Distinct staff in post on at least one day of P (for suppression). */
  staffCount: number;
  /** On P.to. */
  headcount: number;
  /** On P.to. */
  fte: number;
  averageHeadcount: number;
  /** |eligible(P.to)|. */
  eligible: number;
  /** On P.to. */
  coverage: Figure;
  /** Eligible staff overdue on P.to. */
  overdueCount: number;
  absenceRate: Figure;
  workingDaysLostPerEmployee: Figure;
  longTermShare: Figure;
  mentalHealthShare: Figure;
  leavers: number;
  turnoverRate: Figure;
  annualisedTurnoverRate: Figure;
  voluntaryTurnoverRate: Figure;
  /** On P.to. */
  stabilityIndex: Figure;
  cancellationRate: Figure;
  supervisionHoursPerWorkerPerMonth: Figure;
  /** Active agreements on P.to whose review was due before P.to. */
  agreementsReviewOverdue: number;
  cost: CostCase;
}

/** Headlines of data that is already scoped. */
function headlinesOf(org: OrgData, period: Period): Headlines {
  const end: IsoDate = period.to;
  return {
    period: { from: period.from, to: period.to },
    staffCount: staffInPostDuring(org, period).length,
    headcount: headcount(org, end),
    fte: fte(org, end),
    averageHeadcount: averageHeadcount(org, period),
    eligible: eligible(org, end).length,
    coverage: coverage(org, end),
    overdueCount: overdueList(org, end).length,
    absenceRate: absenceRate(org, period),
    workingDaysLostPerEmployee: workingDaysLostPerEmployee(org, period),
    longTermShare: longTermShare(org, period),
    mentalHealthShare: mentalHealthShare(org, period),
    leavers: leavers(org, period).length,
    turnoverRate: turnoverRate(org, period),
    annualisedTurnoverRate: annualisedTurnoverRate(org, period),
    voluntaryTurnoverRate: voluntaryTurnoverRate(org, period),
    stabilityIndex: stabilityIndex(org, end),
    cancellationRate: cancellationRate(org, period),
    supervisionHoursPerWorkerPerMonth: supervisionHoursPerWorkerPerMonth(org, period),
    agreementsReviewOverdue: agreementsReviewOverdue(org, end).length,
    cost: costCase(org, period),
  };
}

/** Every headline figure for P over the staff in `scope`. Throws on an invalid period. */
export function computeHeadlines(org: OrgData, period: Period, scope: Scope = {}): Headlines {
  assertPeriod(period);
  return headlinesOf(applyScope(org, scope), period);
}

export interface MonthlySeriesRow extends Period {
  /** 'YYYY-MM' */
  month: string;
  /** On the bucket's last day. */
  headcount: number;
  /** On the bucket's last day. */
  coverage: Figure;
  /** Over the bucket. */
  absenceRate: Figure;
  /** Over the bucket (not annualised). */
  turnoverRate: Figure;
  /** Over the 12 months ending on the bucket's last day. */
  rollingTurnoverRate: Figure;
}

/** One row per calendar month of P (first and last may be partial). */
export function computeMonthlySeries(
  org: OrgData,
  period: Period,
  scope: Scope = {},
): MonthlySeriesRow[] {
  assertPeriod(period);
  const scoped = applyScope(org, scope);
  return monthBuckets(period).map((bucket) => ({
    month: bucket.month,
    from: bucket.from,
    to: bucket.to,
    headcount: headcount(scoped, bucket.to),
    coverage: coverage(scoped, bucket.to),
    absenceRate: absenceRate(scoped, bucket),
    turnoverRate: turnoverRate(scoped, bucket),
    rollingTurnoverRate: rollingTurnoverRate(scoped, bucket.to),
  }));
}

export type BreakdownDimension = 'service' | 'practitionerType';

export interface BreakdownGroup {
  /** The service id or practitioner type; null = practitioner type not recorded. */
  key: string | null;
  headlines: Headlines;
}

export interface Breakdown {
  by: BreakdownDimension;
  total: Headlines;
  groups: BreakdownGroup[];
}

function keyOf(s: StaffRecord, by: BreakdownDimension): string | null {
  return by === 'service' ? s.serviceId : s.practitionerType;
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Headlines of P per service or per practitioner type (within `scope`), and their total. */
export function breakdown(
  org: OrgData,
  period: Period,
  by: BreakdownDimension,
  scope: Scope = {},
): Breakdown {
  assertPeriod(period);
  const scoped = applyScope(org, scope);
  const keys = [...new Set(staffInPostDuring(scoped, period).map((s) => keyOf(s, by)))];
  const groups = keys.sort(compareKeys).map((key) => ({
    key,
    headlines: headlinesOf(
      restrictToStaff(scoped, (s) => keyOf(s, by) === key),
      period,
    ),
  }));
  return { by, total: headlinesOf(scoped, period), groups };
}

export interface SuppressedBreakdown<T> {
  total: SuppressedCell<T>;
  groups: (SuppressedCell<T> & { key: string | null })[];
}

/**
 * One figure of a breakdown (chosen by `pick`) with small-number suppression applied to the
 * total and the groups (suppressTable), each cell's staff being its headlines' staffCount.
 */
export function suppressBreakdown<T>(
  result: Breakdown,
  pick: (headlines: Headlines) => T | null,
  k?: number | null,
): SuppressedBreakdown<T> {
  const cell = (h: Headlines) => ({ value: pick(h), staffCount: h.staffCount });
  const table = suppressTable(
    { total: cell(result.total), parts: result.groups.map((g) => cell(g.headlines)) },
    k,
  );
  return {
    total: table.total,
    groups: result.groups.map((g, i) => ({ key: g.key, ...table.parts[i] })),
  };
}
