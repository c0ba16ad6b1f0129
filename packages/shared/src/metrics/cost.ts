/**
 * The cost case (metrics.md, "Cost case").
 *
 * Decisions (also in DECISIONS.md):
 * - "Average eligible headcount (as above)" is the average of |eligible(P.from)| and
 *   |eligible(P.to)|, as in supervisionHoursPerWorkerPerMonth.
 * - breakEvenLeavers is a Figure (numerator = supervisionSpend, denominator = recruitment
 *   cost per leaver); its value is null when the recruitment cost is 0.
 */
import { lengthOfPeriod } from '../dates';
import { ratio, type Figure } from './figure';
import type { OrgData, Period } from './records';
import { averageEligible } from './supervision';
import { leavers } from './turnover';

/**
 * metrics.md: "supervisionSpend(P) = cost per worker per year * average eligible headcount
 * (as above) * len(P) / 365".
 */
export function supervisionSpend(org: OrgData, period: Period): number {
  return (
    (org.settings.supervisionCostPerWorkerYear *
      averageEligible(org, period) *
      lengthOfPeriod(period)) /
    365
  );
}

/** metrics.md: "turnoverCost(P) = leavers(P) * recruitment cost per leaver". */
export function turnoverCost(org: OrgData, period: Period): number {
  return leavers(org, period).length * org.settings.recruitmentCostPerLeaver;
}

/**
 * metrics.md: "breakEvenLeavers(P) = supervisionSpend(P) / recruitment cost per leaver: how
 * many avoided leavers pay for the period's supervision". Not a percentage.
 */
export function breakEvenLeavers(org: OrgData, period: Period): Figure {
  return ratio(supervisionSpend(org, period), org.settings.recruitmentCostPerLeaver);
}

export interface CostCase {
  supervisionCostPerWorkerYear: number;
  recruitmentCostPerLeaver: number;
  averageEligible: number;
  leavers: number;
  supervisionSpend: number;
  turnoverCost: number;
  breakEvenLeavers: Figure;
}

/** All cost-case figures for P, with the settings they were computed from. */
export function costCase(org: OrgData, period: Period): CostCase {
  return {
    supervisionCostPerWorkerYear: org.settings.supervisionCostPerWorkerYear,
    recruitmentCostPerLeaver: org.settings.recruitmentCostPerLeaver,
    averageEligible: averageEligible(org, period),
    leavers: leavers(org, period).length,
    supervisionSpend: supervisionSpend(org, period),
    turnoverCost: turnoverCost(org, period),
    breakEvenLeavers: breakEvenLeavers(org, period),
  };
}
