import type { BreakdownGroup, Headlines, Overview } from './overview-data';

/* Builders of the API's overview for the Overview's tests. */

export const fig = (value: number | null, numerator: number, denominator: number) => ({
  __typename: 'Figure' as const,
  value,
  numerator,
  denominator,
});

export function headlines(overrides: Partial<Headlines> = {}): Headlines {
  return {
    __typename: 'MetricsHeadlines',
    staffCount: 46,
    headcount: 45,
    averageHeadcount: 44.5,
    eligible: 45,
    overdueCount: 7,
    leavers: 3,
    coverage: fig((38 / 45) * 100, 38, 45),
    absenceRate: fig(3.1, 383.8, 12392),
    turnoverRate: fig((3 / 44.5) * 100, 3, 44.5),
    annualisedTurnoverRate: fig((3 / 44.5) * 100, 3, 44.5),
    ...overrides,
  };
}

export function group(
  key: string | null,
  label: string,
  h: Headlines | null,
  suppressionReason: BreakdownGroup['suppressionReason'] = null,
): BreakdownGroup {
  return {
    __typename: 'MetricsBreakdownGroup',
    key,
    label,
    suppressed: h === null,
    suppressionReason: h === null ? (suppressionReason ?? 'BELOW_THRESHOLD') : null,
    headlines: h,
  };
}

export const month = (m: string, coverage: number | null, suppressed = false) => ({
  __typename: 'MetricsMonth' as const,
  month: m,
  from: `${m}-01`,
  to: `${m}-28`,
  suppressed,
  suppressionReason: suppressed ? ('BELOW_THRESHOLD' as const) : null,
  headcount: suppressed ? null : 45,
  coverage: suppressed ? null : fig(coverage, 38, 45),
  absenceRate: suppressed ? null : fig(2, 1, 50),
  turnoverRate: suppressed ? null : fig(0, 0, 45),
  rollingTurnoverRate: suppressed ? null : fig(10, 4, 40),
});

export function overview(overrides: Partial<Overview> = {}): Overview {
  const h = headlines();
  return {
    __typename: 'MetricsOverview',
    period: { __typename: 'MetricsPeriod', from: '2025-11-23', to: '2026-11-22', days: 365 },
    seriesPeriod: { __typename: 'MetricsPeriod', from: '2026-01-01', to: '2026-02-28' },
    scope: { __typename: 'MetricsScope', serviceIds: [], practitionerTypes: [] },
    suppressed: false,
    suppressionReason: null,
    headlines: h,
    monthlySeries: [month('2026-01', 80), month('2026-02', 84.4)],
    breakdownByService: {
      __typename: 'MetricsBreakdown',
      dimension: 'SERVICE',
      total: group(null, 'Total', h),
      groups: [group('s1', 'Outreach', h), group('s2', 'Counselling', null)],
    },
    breakdownByPractitionerType: {
      __typename: 'MetricsBreakdown',
      dimension: 'PRACTITIONER_TYPE',
      total: group(null, 'Total', h),
      groups: [],
    },
    costCase: {
      __typename: 'CostCase',
      currency: 'GBP',
      averageEligible: 44.5,
      leavers: 3,
      supervisionCostPerWorkerYear: 563,
      recruitmentCostPerLeaver: 1612,
      supervisionSpend: 25053.5,
      turnoverCost: 4836,
      breakEvenLeavers: fig(25053.5 / 1612, 25053.5, 1612),
    },
    ...overrides,
  };
}
