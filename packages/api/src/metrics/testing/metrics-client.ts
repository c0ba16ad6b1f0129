/**
 * Test support (not used by the running API): the metrics operations as a client (the
 * dashboard) sends them.
 */

/**
 * The selections are written out in full, without fragments: the server's query cost and
 * depth limits (graphql-armor, fragments not flattened) count each fragment spread as one
 * more level, which multiplies the cost of a query this wide by about ten.
 */
const F = '{ value numerator denominator }';

export const HEADLINE_FIELDS = `{
  staffCount headcount fte averageHeadcount eligible coverage ${F} overdueCount
  absenceRate ${F} workingDaysLostPerEmployee ${F} longTermShare ${F}
  mentalHealthShare ${F} leavers turnoverRate ${F} annualisedTurnoverRate ${F}
  voluntaryTurnoverRate ${F} stabilityIndex ${F} cancellationRate ${F}
  supervisionHoursPerWorkerPerMonth ${F} sessionsHeldVsExpected ${F}
  agreementsReviewOverdue
}`;

const GROUP = `{ key label suppressed suppressionReason headlines ${HEADLINE_FIELDS} }`;

/** Everything metricsOverview offers: what the dashboard's overview page asks for. */
export const OVERVIEW = `query Overview($input: MetricsOverviewInput!) {
  metricsOverview(input: $input) {
    period { from to days }
    seriesPeriod { from to days }
    scope { serviceIds practitionerTypes }
    suppressed suppressionReason
    headlines ${HEADLINE_FIELDS}
    monthlySeries {
      month from to suppressed suppressionReason headcount
      coverage ${F} absenceRate ${F} turnoverRate ${F} rollingTurnoverRate ${F}
    }
    breakdownByService { dimension total ${GROUP} groups ${GROUP} }
    breakdownByPractitionerType { dimension total ${GROUP} groups ${GROUP} }
    costCase {
      currency supervisionCostPerWorkerYear recruitmentCostPerLeaver averageEligible leavers
      supervisionSpend turnoverCost breakEvenLeavers ${F}
    }
    formatMix { format sessions }
    functionMix { function sessions }
    leaversByReason { reason leavers }
    absenceByReason { reason absentDays fteDaysLost }
  }
}`;

export const OVERDUE = `query Overdue($input: OverdueSupervisionInput!, $page: PageInput) {
  overdueSupervision(input: $input, page: $page) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { staffId displayName staffRef serviceId dueDate daysOverdue }
  }
}`;

/** A readable fixed UUID: id(7) = '00000000-0000-4000-8000-000000000007'. */
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
