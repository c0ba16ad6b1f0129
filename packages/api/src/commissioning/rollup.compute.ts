/**
 * The rollup's rows, computed with the reference implementation of `packages/shared` (so
 * they are the reference's figures by construction): for one shared service and one
 * complete calendar month, the counts of metrics.md over the service's staff, once for all
 * practitioner types together (practitioner_type '') and once per practitioner type of a
 * staff member in post in the month (docs/commissioning.md).
 *
 * Pure: no database. `rollup.service.ts` loads the records and writes the rows.
 */
import {
  addMonthsClamped,
  applyScope,
  cancellationRate,
  countedAttendances,
  coverage,
  eligible,
  fteDaysAvailable,
  fteDaysLost,
  headcount,
  lastDayOfMonth,
  leavers,
  staffInPostDuring,
  type IsoDate,
  type OrgData,
  type Period,
} from '@holdspace/shared';

/** The counts of one (service, month, practitioner type): the columns of `shared_service_months`. */
export interface MonthCounts {
  staffCount: number;
  headcountStart: number;
  headcountEnd: number;
  eligibleStart: number;
  eligibleEnd: number;
  inDateEnd: number;
  leavers: number;
  fteDaysAvailable: number;
  fteDaysLost: number;
  sessionsHeld: number;
  sessionsMissed: number;
  supervisionMinutes: number;
}

export interface RollupRow extends MonthCounts {
  serviceId: string;
  /** The month's first day. */
  month: IsoDate;
  /** '' for all practitioner types together. */
  practitionerType: string;
  supervisionCostPerWorkerYear: number;
  currency: string;
}

/** The counts of metrics.md for `org` (already cut to a scope) over `period`. */
export function monthCounts(org: OrgData, period: Period): MonthCounts {
  const cancellations = cancellationRate(org, period);
  return {
    staffCount: staffInPostDuring(org, period).length,
    headcountStart: headcount(org, period.from),
    headcountEnd: headcount(org, period.to),
    eligibleStart: eligible(org, period.from).length,
    eligibleEnd: eligible(org, period.to).length,
    inDateEnd: coverage(org, period.to).numerator,
    leavers: leavers(org, period).length,
    fteDaysAvailable: fteDaysAvailable(org, period),
    fteDaysLost: fteDaysLost(org, period),
    // numerator = CANCELLED + DID_NOT_ATTEND, denominator = HELD + those: each session once.
    sessionsHeld: cancellations.denominator - cancellations.numerator,
    sessionsMissed: cancellations.numerator,
    supervisionMinutes: countedAttendances(org, period).reduce(
      (sum, pair) => sum + pair.session.durationMinutes,
      0,
    ),
  };
}

/** The first day of each month from `from`'s month to `to`'s month, both included. */
export function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const months: IsoDate[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = addMonthsClamped(m, 1)) months.push(m);
  return months;
}

/** The first day of the first month that starts on or after `date`. */
export function firstMonthFrom(date: IsoDate): IsoDate {
  const first = `${date.slice(0, 7)}-01`;
  return first === date ? first : addMonthsClamped(first, 1);
}

/**
 * The rollup rows of `serviceId` for `months` (first days), from the provider's records
 * `org` (at least every record of the service's staff) and its settings.
 */
export function serviceMonthRows(
  org: OrgData,
  serviceId: string,
  months: readonly IsoDate[],
  money: { supervisionCostPerWorkerYear: number; currency: string },
): RollupRow[] {
  const service = applyScope(org, { serviceIds: [serviceId] });
  const types = [
    ...new Set(service.staff.map((s) => s.practitionerType).filter((t): t is string => t !== null)),
  ].sort();
  const byType = new Map(types.map((t) => [t, applyScope(service, { practitionerTypes: [t] })]));
  const rows: RollupRow[] = [];
  for (const month of months) {
    const period = { from: month, to: lastDayOfMonth(month) };
    const row = (practitionerType: string, counts: MonthCounts): RollupRow => ({
      serviceId,
      month,
      practitionerType,
      ...counts,
      ...money,
    });
    rows.push(row('', monthCounts(service, period)));
    for (const [type, scoped] of byType) {
      // A type's row exists for a month in which one of its staff is in post.
      if (staffInPostDuring(scoped, period).length === 0) continue;
      rows.push(row(type, monthCounts(scoped, period)));
    }
  }
  return rows;
}
