/**
 * Turnover metrics (metrics.md, "Turnover").
 *
 * Decisions (also in DECISIONS.md):
 * - A leaver whose leavingReason is null is not voluntary, and is counted under
 *   'UNRECORDED' in leaversByReason.
 * - Annualised figures are returned with the denominator in worker-years:
 *   annualisedTurnoverRate = 100 * leavers / (averageHeadcount * len(P) / 365), which is
 *   metrics.md's turnoverRate(P) * 365 / len(P) rearranged.
 * - "The 12 months ending on d" (the rolling turnover of the monthly series) is the period
 *   from (d + 1 day) - 12 calendar months to d. For a month's last day this is exactly the
 *   twelve calendar months ending with that month (29 Feb 2024 -> 1 Mar 2023 to 29 Feb 2024;
 *   28 Feb 2025 -> 1 Mar 2024 to 28 Feb 2025).
 */
import {
  addDays,
  addMonthsClamped,
  isInPeriod,
  lengthOfPeriod,
  oneYearBefore,
  type IsoDate,
} from '../dates';
import { LEAVING_REASONS, VOLUNTARY_LEAVING_REASONS, type LeavingReason } from '../enums';
import { percentage, type Figure } from './figure';
import type { OrgData, Period, StaffRecord } from './records';
import { averageHeadcount, headcount, inPost } from './workforce';

/** metrics.md: "leavers(P) = staff whose endDate falls in P". */
export function leavers(org: OrgData, period: Period): StaffRecord[] {
  return org.staff.filter((s) => s.endDate !== null && isInPeriod(s.endDate, period));
}

/** metrics.md: "Voluntary = RESIGNATION, RETIREMENT". */
export function isVoluntaryLeaver(s: StaffRecord): boolean {
  return s.leavingReason !== null && VOLUNTARY_LEAVING_REASONS.includes(s.leavingReason);
}

/** metrics.md: "turnoverRate(P) = 100 * leavers(P) / averageHeadcount(P)". Percentage. */
export function turnoverRate(org: OrgData, period: Period): Figure {
  return percentage(leavers(org, period).length, averageHeadcount(org, period));
}

/** metrics.md: "voluntaryTurnoverRate(P): the same with voluntary leavers only". Percentage. */
export function voluntaryTurnoverRate(org: OrgData, period: Period): Figure {
  const voluntary = leavers(org, period).filter(isVoluntaryLeaver);
  return percentage(voluntary.length, averageHeadcount(org, period));
}

/**
 * metrics.md: "annualisedTurnoverRate(P) = turnoverRate(P) * 365 / len(P)". Percentage:
 * 100 * leavers(P) / (averageHeadcount(P) * len(P) / 365); the denominator is worker-years.
 */
export function annualisedTurnoverRate(org: OrgData, period: Period): Figure {
  const workerYears = (averageHeadcount(org, period) * lengthOfPeriod(period)) / 365;
  return percentage(leavers(org, period).length, workerYears);
}

/** The 12 calendar months ending on `end` (see the decision at the top of this file). */
export function twelveMonthsEndingOn(end: IsoDate): Period {
  return { from: addMonthsClamped(addDays(end, 1), -12), to: end };
}

/**
 * metrics.md: "the 12-month turnover rate for the 12 months ending on each month's last day":
 * turnoverRate over twelveMonthsEndingOn(end). Percentage.
 */
export function rollingTurnoverRate(org: OrgData, end: IsoDate): Figure {
  return turnoverRate(org, twelveMonthsEndingOn(end));
}

/**
 * metrics.md: "stabilityIndex(d) = 100 * (staff in post on d whose startDate is on or before
 * one year before d) / headcount(one year before d)". Percentage.
 */
export function stabilityIndex(org: OrgData, d: IsoDate): Figure {
  const yearAgo = oneYearBefore(d);
  const stayers = org.staff.filter((s) => inPost(s, d) && s.startDate <= yearAgo);
  return percentage(stayers.length, headcount(org, yearAgo));
}

export type LeaversByReason = Record<LeavingReason | 'UNRECORDED', number>;

/** Number of leavers(P) by leaving reason; a null reason counts as 'UNRECORDED'. */
export function leaversByReason(org: OrgData, period: Period): LeaversByReason {
  const counts = Object.fromEntries(
    [...LEAVING_REASONS, 'UNRECORDED'].map((reason) => [reason, 0]),
  ) as LeaversByReason;
  for (const s of leavers(org, period)) counts[s.leavingReason ?? 'UNRECORDED'] += 1;
  return counts;
}
