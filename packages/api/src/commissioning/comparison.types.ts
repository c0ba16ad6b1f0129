import {
  COMPARISON_METRICS,
  type ComparisonMetric,
  type OrganisationKind,
} from '@holdspace/shared';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrganisationKindEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import { SuppressionReasonEnum } from '../metrics/metrics.types';

export const ComparisonMetricEnum = Object.fromEntries(
  COMPARISON_METRICS.map((metric) => [metric, metric]),
) as { [K in ComparisonMetric]: K };
registerEnumType(ComparisonMetricEnum, {
  name: 'ComparisonMetric',
  description: 'A figure of the commissioner comparison (docs/commissioning.md).',
});

@ObjectType('ComparisonFigures', {
  simpleResolvers: true,
  description:
    'The figures of a service (or of the pool) over whole months, as docs/metrics.md defines them from the monthly rollup. Each is null when its denominator is 0, and all are null when suppressed. No count is ever sent.',
})
export class ComparisonFiguresType {
  @Field(() => Float, {
    nullable: true,
    description: '% of eligible staff in date on the last day.',
  })
  coverage: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '% of eligible staff overdue on the last day.',
  })
  shareOverdue: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Hours of counted supervision per eligible worker per month.',
  })
  supervisionHoursPerWorkerPerMonth: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '% of sessions cancelled or not attended, of those held, cancelled or missed.',
  })
  cancellationRate: number | null;

  @Field(() => Float, { nullable: true, description: '% of FTE calendar days lost to sickness.' })
  absenceRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Leavers per 100 average headcount.' })
  turnoverRate: number | null;

  @Field(() => Float, { nullable: true, description: 'The turnover rate scaled to a year.' })
  annualisedTurnoverRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The provider's supervision cost per worker per year over the period's length, in the row's currency.",
  })
  supervisionSpendPerWorker: number | null;
}

@ObjectType('ComparisonRow', {
  simpleResolvers: true,
  description:
    'One shared service over the period (or, as `pooled`, all compared services together: serviceId POOLED, provider kind COMMISSIONER).',
})
export class ComparisonRowType {
  @Field(() => ID)
  serviceId: string;

  @Field()
  serviceName: string;

  @Field()
  providerName: string;

  @Field(() => OrganisationKindEnum)
  providerKind: OrganisationKind;

  @Field({
    description:
      "The currency of the spend figure (ISO 4217); for the pooled row '' when the services use more than one.",
  })
  currency: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Headcount on the period's last day: 1–9, 10–24, 25–49, 50–99, 100–249 or 250+; null when suppressed or nobody.",
  })
  headcountBand: string | null;

  @Field()
  suppressed: boolean;

  @Field(() => SuppressionReasonEnum, { nullable: true })
  suppressionReason: keyof typeof SuppressionReasonEnum | null;

  @Field(() => ComparisonFiguresType)
  figures: ComparisonFiguresType;
}

@ObjectType('ComparisonBenchmark', {
  simpleResolvers: true,
  description:
    'Median and quartiles of one figure over the visible services (linear interpolation between closest ranks). The spend has none when the visible services use more than one currency.',
})
export class ComparisonBenchmarkType {
  @Field(() => ComparisonMetricEnum)
  metric: ComparisonMetric;

  @Field(() => Float, { nullable: true })
  median: number | null;

  @Field(() => Float, { nullable: true })
  lowerQuartile: number | null;

  @Field(() => Float, { nullable: true })
  upperQuartile: number | null;

  @Field(() => Int, { description: 'The number of visible services with this figure.' })
  services: number;
}

@ObjectType('ComparisonMonth', {
  simpleResolvers: true,
  description: "One month of the trend: the pool's figures and the month's benchmarks.",
})
export class ComparisonMonthType {
  @Field(() => LocalDate, { description: "The month's first day." })
  month: string;

  @Field()
  suppressed: boolean;

  @Field(() => SuppressionReasonEnum, { nullable: true })
  suppressionReason: keyof typeof SuppressionReasonEnum | null;

  @Field(() => ComparisonFiguresType)
  pooled: ComparisonFiguresType;

  @Field(() => [ComparisonBenchmarkType])
  benchmarks: ComparisonBenchmarkType[];
}

@ObjectType('CommissionerComparison', {
  simpleResolvers: true,
  description:
    'The shared services a commissioner funds, compared over whole months with small numbers suppressed (docs/commissioning.md).',
})
export class CommissionerComparisonType {
  @Field(() => LocalDate)
  fromMonth: string;

  @Field(() => LocalDate)
  toMonth: string;

  @Field(() => Int, {
    description:
      "The commissioner's suppression threshold (never below 3); a provider's own may be higher for its services.",
  })
  threshold: number;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "The first day of the last complete month (in the commissioner's time zone): the latest toMonth allowed.",
  })
  latestCompleteMonth: string | null;

  @Field(() => [ComparisonRowType])
  rows: ComparisonRowType[];

  @Field(() => ComparisonRowType)
  pooled: ComparisonRowType;

  @Field(() => [ComparisonBenchmarkType])
  benchmarks: ComparisonBenchmarkType[];

  @Field(() => [ComparisonMonthType])
  trend: ComparisonMonthType[];
}
