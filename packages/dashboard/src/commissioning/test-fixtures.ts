import type {
  CommissionerComparisonQuery,
  ComparisonMetric,
  SharingAgreementFieldsFragment,
} from '../gql/graphql';
import type { Figures } from './comparison-data';

/*
 * Shapes of the API's answers for the commissioning tests: four services of
 * two providers, one hidden for having fewer than k staff and one hidden so
 * that it cannot be worked out from the total (COMPLEMENTARY).
 */

type Comparison = CommissionerComparisonQuery['commissionerComparison'];
type Row = Comparison['rows'][number];

export function figures(values: Partial<Omit<Figures, '__typename'>> = {}): Figures {
  return {
    __typename: 'ComparisonFigures',
    coverage: null,
    shareOverdue: null,
    supervisionHoursPerWorkerPerMonth: null,
    cancellationRate: null,
    absenceRate: null,
    turnoverRate: null,
    annualisedTurnoverRate: null,
    supervisionSpendPerWorker: null,
    ...values,
  };
}

export function row(values: Partial<Row> & Pick<Row, 'serviceId' | 'serviceName'>): Row {
  return {
    __typename: 'ComparisonRow',
    providerName: 'Northside Family Support',
    providerKind: 'NGO',
    currency: 'GBP',
    headcountBand: '10–24',
    suppressed: false,
    suppressionReason: null,
    figures: figures(),
    ...values,
  };
}

export const OUTREACH = row({
  serviceId: 's-outreach',
  serviceName: 'Outreach',
  headcountBand: '10–24',
  figures: figures({
    coverage: 84.4,
    shareOverdue: 15.6,
    supervisionHoursPerWorkerPerMonth: 1.25,
    cancellationRate: 8,
    absenceRate: 4.1,
    turnoverRate: 12,
    annualisedTurnoverRate: 12,
    supervisionSpendPerWorker: 563,
  }),
});

export const COUNSELLING = row({
  serviceId: 's-counselling',
  serviceName: 'Counselling',
  headcountBand: '25–49',
  figures: figures({
    coverage: 62.5,
    shareOverdue: 37.5,
    supervisionHoursPerWorkerPerMonth: 0.8,
    cancellationRate: 14.2,
    absenceRate: 6.3,
    turnoverRate: 20,
    annualisedTurnoverRate: 20,
    supervisionSpendPerWorker: 563,
  }),
});

export const PASTORAL = row({
  serviceId: 's-pastoral',
  serviceName: 'Pastoral',
  providerName: 'Riverside Academy Trust',
  providerKind: 'SCHOOL',
  headcountBand: null,
  suppressed: true,
  suppressionReason: 'BELOW_THRESHOLD',
});

export const SAFEGUARDING = row({
  serviceId: 's-safeguarding',
  serviceName: 'Safeguarding',
  providerName: 'Riverside Academy Trust',
  providerKind: 'SCHOOL',
  headcountBand: null,
  suppressed: true,
  suppressionReason: 'COMPLEMENTARY',
});

export const FAMILY = row({
  serviceId: 's-family',
  serviceName: 'Family support',
  headcountBand: '1–9',
  figures: figures({
    coverage: 91,
    shareOverdue: 9,
    supervisionHoursPerWorkerPerMonth: 1.5,
    cancellationRate: 5,
    absenceRate: 3,
    turnoverRate: 8,
    annualisedTurnoverRate: 8,
    supervisionSpendPerWorker: 600,
  }),
});

function benchmark(
  metric: ComparisonMetric,
  lowerQuartile: number | null,
  median: number | null,
  upperQuartile: number | null,
  services = 3,
) {
  return {
    __typename: 'ComparisonBenchmark' as const,
    metric,
    lowerQuartile,
    median,
    upperQuartile,
    services,
  };
}

export const BENCHMARKS = [
  benchmark('COVERAGE', 73.45, 84.4, 87.7),
  benchmark('SHARE_OVERDUE', 12.3, 15.6, 26.55),
  benchmark('SUPERVISION_HOURS_PER_WORKER_PER_MONTH', 1.025, 1.25, 1.375),
  benchmark('CANCELLATION_RATE', 6.5, 8, 11.1),
  benchmark('ABSENCE_RATE', 3.55, 4.1, 5.2),
  benchmark('TURNOVER_RATE', 10, 12, 16),
  benchmark('ANNUALISED_TURNOVER_RATE', 10, 12, 16),
  benchmark('SUPERVISION_SPEND_PER_WORKER', 563, 563, 581.5),
];

export function comparison(
  fromMonth: string,
  toMonth: string,
  rows: Row[] = [OUTREACH, COUNSELLING, PASTORAL, SAFEGUARDING, FAMILY],
): Comparison {
  return {
    __typename: 'CommissionerComparison',
    fromMonth: `${fromMonth}-01`,
    toMonth: `${toMonth}-01`,
    threshold: 5,
    latestCompleteMonth: `${toMonth}-01`,
    rows,
    pooled: row({
      serviceId: 'pooled',
      serviceName: 'All compared services',
      providerName: '',
      headcountBand: '100–249',
      figures: figures({
        coverage: 78.1,
        shareOverdue: 21.9,
        supervisionHoursPerWorkerPerMonth: 1.1,
        cancellationRate: 9.9,
        absenceRate: 4.8,
        turnoverRate: 14,
        annualisedTurnoverRate: 14,
        supervisionSpendPerWorker: 570,
      }),
    }),
    benchmarks: BENCHMARKS,
    trend: [
      {
        __typename: 'ComparisonMonth',
        month: `${fromMonth}-01`,
        suppressed: false,
        suppressionReason: null,
        pooled: figures({ coverage: 75 }),
        benchmarks: [benchmark('COVERAGE', 70, 80, 85)],
      },
      {
        __typename: 'ComparisonMonth',
        month: `${toMonth}-01`,
        suppressed: true,
        suppressionReason: 'BELOW_THRESHOLD',
        pooled: figures(),
        benchmarks: [benchmark('COVERAGE', 73.45, 84.4, 87.7)],
      },
    ],
  };
}

export function agreement(
  values: Partial<SharingAgreementFieldsFragment> & Pick<SharingAgreementFieldsFragment, 'id'>,
): SharingAgreementFieldsFragment {
  return {
    __typename: 'SharingAgreement',
    status: 'ACTIVE',
    requestedAt: '2026-01-05T10:00:00.000Z',
    respondedAt: '2026-01-06T09:00:00.000Z',
    sharedFrom: '2025-01-01',
    revokedAt: null,
    provider: {
      __typename: 'SharingParty',
      id: 'org-northside',
      name: 'Northside Family Support',
      kind: 'NGO',
    },
    commissioner: {
      __typename: 'SharingParty',
      id: 'org-county',
      name: 'County Council Commissioning',
      kind: 'COMMISSIONER',
    },
    services: [
      { __typename: 'SharedService', id: 's-outreach', name: 'Outreach' },
      { __typename: 'SharedService', id: 's-counselling', name: 'Counselling' },
    ],
    ...values,
  };
}
