/**
 * Workforce metrics (metrics.md, "Conventions" and "Workforce").
 *
 * Every aggregate function takes the organisation's data already cut to a scope
 * (see scope.ts) and counts over `org.staff`.
 */
import { daysBetween, intersectPeriods, type IsoDate } from '../dates';
import type { OrgData, Period, StaffRecord } from './records';

/**
 * metrics.md: "s is in post on day d iff s.startDate <= d and (s.endDate is null or
 * d <= s.endDate). endDate is the last day of employment."
 */
export function inPost(s: StaffRecord, d: IsoDate): boolean {
  return s.startDate <= d && (s.endDate === null || d <= s.endDate);
}

/** The days of P on which `s` is in post, as a period, or null when there are none. */
export function periodInPost(s: StaffRecord, period: Period): Period | null {
  const employment = { from: s.startDate, to: s.endDate ?? period.to };
  return intersectPeriods(employment, period);
}

/** metrics.md: "days(s, P) = number of days of P on which s is in post". */
export function daysInPost(s: StaffRecord, period: Period): number {
  const overlap = periodInPost(s, period);
  return overlap === null ? 0 : daysBetween(overlap.from, overlap.to) + 1;
}

/** The staff in post on `d`. */
export function staffInPost(org: OrgData, d: IsoDate): StaffRecord[] {
  return org.staff.filter((s) => inPost(s, d));
}

/** metrics.md: "headcount(d) = number of staff in post on d". */
export function headcount(org: OrgData, d: IsoDate): number {
  return staffInPost(org, d).length;
}

/** metrics.md: "fte(d) = sum of fte of staff in post on d". */
export function fte(org: OrgData, d: IsoDate): number {
  return staffInPost(org, d).reduce((sum, s) => sum + s.fte, 0);
}

/** metrics.md: "averageHeadcount(P) = (headcount(P.from) + headcount(P.to)) / 2". */
export function averageHeadcount(org: OrgData, period: Period): number {
  return (headcount(org, period.from) + headcount(org, period.to)) / 2;
}

/**
 * The staff in post on at least one day of P: the distinct people who "stand behind" a
 * figure for P, used as the staff count for small-number suppression.
 */
export function staffInPostDuring(org: OrgData, period: Period): StaffRecord[] {
  return org.staff.filter((s) => daysInPost(s, period) > 0);
}
