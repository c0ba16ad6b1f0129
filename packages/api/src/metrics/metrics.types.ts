import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars';
import {
  AbsenceReasonEnum,
  LeavingReasonEnum,
  SessionFormatEnum,
  SupervisionFunctionEnum,
} from '../graphql/enums';
import { Connection } from '../pagination/connection';

export const SuppressionReasonEnum = {
  BELOW_THRESHOLD: 'BELOW_THRESHOLD',
  COMPLEMENTARY: 'COMPLEMENTARY',
} as const;
registerEnumType(SuppressionReasonEnum, {
  name: 'SuppressionReason',
  description:
    'Why a figure is hidden: fewer staff than the threshold stand behind it (BELOW_THRESHOLD), or it would let a hidden figure be recovered by subtraction (COMPLEMENTARY).',
  valuesConfig: {
    BELOW_THRESHOLD: { description: 'Fewer staff than the threshold stand behind it.' },
    COMPLEMENTARY: {
      description: 'Hidden so that another hidden figure cannot be recovered by subtraction.',
    },
  },
});

export const BreakdownDimensionEnum = {
  SERVICE: 'SERVICE',
  PRACTITIONER_TYPE: 'PRACTITIONER_TYPE',
} as const;
registerEnumType(BreakdownDimensionEnum, { name: 'BreakdownDimension' });

@ObjectType('Figure', {
  description:
    'A figure the dashboard can explain: value = scale × numerator / denominator (scale 100 for a percentage, 1 otherwise); value is null exactly when the denominator is 0. docs/metrics.md defines each.',
})
export class FigureType {
  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float)
  numerator: number;

  @Field(() => Float)
  denominator: number;
}

@ObjectType('MetricsPeriod', { description: 'Calendar days, both ends included.' })
export class MetricsPeriodType {
  @Field(() => LocalDate)
  from: string;

  @Field(() => LocalDate)
  to: string;

  @Field(() => Int, { description: 'Number of days, both ends included.' })
  days: number;
}

@ObjectType('MetricsHeadlines', {
  description:
    'The headline figures of a period for a scope. Point-in-time figures are taken on the last day of the period.',
})
export class HeadlinesType {
  @Field(() => Int, { description: 'Staff in scope in post on at least one day of the period.' })
  staffCount: number;

  @Field(() => Int, { description: 'Staff in post on the last day.' })
  headcount: number;

  @Field(() => Float, { description: 'Sum of FTE of the staff in post on the last day.' })
  fte: number;

  @Field(() => Float, { description: 'Average of the headcounts on the first and last day.' })
  averageHeadcount: number;

  @Field(() => Int, {
    description: 'Staff in post on the last day who require supervision (eligible).',
  })
  eligible: number;

  @Field(() => FigureType, { description: '% of eligible staff in date on the last day.' })
  coverage: FigureType;

  @Field(() => Int, { description: 'Eligible staff overdue for supervision on the last day.' })
  overdueCount: number;

  @Field(() => FigureType, { description: '% of FTE calendar days lost to sickness absence.' })
  absenceRate: FigureType;

  @Field(() => FigureType, {
    description: 'Working days (Mon-Fri) lost per employee per year (annualised).',
  })
  workingDaysLostPerEmployee: FigureType;

  @Field(() => FigureType, { description: '% of FTE days lost in episodes of 28 days or more.' })
  longTermShare: FigureType;

  @Field(() => FigureType, { description: '% of FTE days lost to mental-health absence.' })
  mentalHealthShare: FigureType;

  @Field(() => Int, { description: 'Staff whose last day of employment is in the period.' })
  leavers: number;

  @Field(() => FigureType, { description: 'Leavers per 100 average headcount.' })
  turnoverRate: FigureType;

  @Field(() => FigureType, { description: 'Turnover rate scaled to a year.' })
  annualisedTurnoverRate: FigureType;

  @Field(() => FigureType, { description: 'Turnover of resignations and retirements.' })
  voluntaryTurnoverRate: FigureType;

  @Field(() => FigureType, {
    description: '% of those in post a year before the last day who are still in post on it.',
  })
  stabilityIndex: FigureType;

  @Field(() => FigureType, {
    description: '% of sessions cancelled or not attended, of sessions held, cancelled or missed.',
  })
  cancellationRate: FigureType;

  @Field(() => FigureType, {
    description: 'Hours of counted supervision per eligible worker per month.',
  })
  supervisionHoursPerWorkerPerMonth: FigureType;

  @Field(() => FigureType, {
    description: 'Counted sessions held, as a % of those the agreements expect.',
  })
  sessionsHeldVsExpected: FigureType;

  @Field(() => Int, { description: 'Active agreements whose review was due before the last day.' })
  agreementsReviewOverdue: number;
}

@ObjectType('CostCase', {
  description:
    "Supervision spend against the cost of replacing leavers, with the organisation's own figures.",
})
export class CostCaseType {
  @Field()
  currency: string;

  @Field(() => Float)
  supervisionCostPerWorkerYear: number;

  @Field(() => Float)
  recruitmentCostPerLeaver: number;

  @Field(() => Float, { description: 'Average of eligible staff on the first and last day.' })
  averageEligible: number;

  @Field(() => Int)
  leavers: number;

  @Field(() => Float, { description: 'Cost per worker per year × average eligible × days / 365.' })
  supervisionSpend: number;

  @Field(() => Float, { description: 'Leavers × recruitment cost per leaver.' })
  turnoverCost: number;

  @Field(() => FigureType, {
    description:
      'Supervision spend / recruitment cost per leaver: avoided leavers that pay for it.',
  })
  breakEvenLeavers: FigureType;
}

@ObjectType('MetricsMonth', {
  description:
    'One calendar month of the series (the last one may end early, on the day asked for).',
})
export class MonthlySeriesRowType {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => LocalDate)
  from: string;

  @Field(() => LocalDate)
  to: string;

  @Field()
  suppressed: boolean;

  @Field(() => SuppressionReasonEnum, { nullable: true })
  suppressionReason: keyof typeof SuppressionReasonEnum | null;

  @Field(() => Int, { nullable: true, description: 'On the last day of the month.' })
  headcount: number | null;

  @Field(() => FigureType, { nullable: true, description: 'On the last day of the month.' })
  coverage: FigureType | null;

  @Field(() => FigureType, { nullable: true })
  absenceRate: FigureType | null;

  @Field(() => FigureType, { nullable: true, description: 'Over the month, not annualised.' })
  turnoverRate: FigureType | null;

  @Field(() => FigureType, {
    nullable: true,
    description: 'Over the 12 months ending on the last day of the month.',
  })
  rollingTurnoverRate: FigureType | null;
}

@ObjectType('MetricsBreakdownGroup', {
  description:
    'The headlines of one service or practitioner type (or of the whole scope, as the total). For analysts, suppressed when fewer staff than the threshold stand behind it.',
})
export class BreakdownGroupType {
  @Field(() => String, {
    nullable: true,
    description: 'The service id or practitioner type; null for the total and for "not recorded".',
  })
  key: string | null;

  @Field({ description: 'The service name, the practitioner type, "Not recorded" or "Total".' })
  label: string;

  @Field()
  suppressed: boolean;

  @Field(() => SuppressionReasonEnum, { nullable: true })
  suppressionReason: keyof typeof SuppressionReasonEnum | null;

  @Field(() => HeadlinesType, { nullable: true, description: 'Null when suppressed.' })
  headlines: HeadlinesType | null;
}

@ObjectType('MetricsBreakdown')
export class BreakdownType {
  @Field(() => BreakdownDimensionEnum)
  dimension: keyof typeof BreakdownDimensionEnum;

  @Field(() => BreakdownGroupType)
  total: BreakdownGroupType;

  @Field(() => [BreakdownGroupType], {
    description: 'Groups of the staff in post during the period, by key, "not recorded" last.',
  })
  groups: BreakdownGroupType[];
}

@ObjectType('FormatCount')
export class FormatCountType {
  @Field(() => SessionFormatEnum)
  format: string;

  @Field(() => Int, { description: 'HELD sessions in the period.' })
  sessions: number;
}

@ObjectType('FunctionCount')
export class FunctionCountType {
  @Field(() => SupervisionFunctionEnum)
  function: string;

  @Field(() => Int, { description: 'HELD sessions in the period that served this function.' })
  sessions: number;
}

@ObjectType('LeaverReasonCount')
export class LeaverReasonCountType {
  @Field(() => LeavingReasonEnum, { nullable: true, description: 'Null: not recorded.' })
  reason: string | null;

  @Field(() => Int)
  leavers: number;
}

@ObjectType('AbsenceReasonShare')
export class AbsenceReasonShareType {
  @Field(() => AbsenceReasonEnum)
  reason: string;

  @Field(() => Int, { description: 'Calendar days lost (each day counted once, to one episode).' })
  absentDays: number;

  @Field(() => Float)
  fteDaysLost: number;
}

@ObjectType('MetricsScope')
export class MetricsScopeType {
  @Field(() => [ID], { description: 'Empty: every service the caller may see.' })
  serviceIds: string[];

  @Field(() => [String], { description: 'Empty: every practitioner type.' })
  practitionerTypes: string[];
}

@ObjectType('MetricsOverview', {
  description:
    'Every metric of a period for a scope (docs/metrics.md). For analysts, figures behind fewer staff than the threshold are suppressed.',
})
export class MetricsOverviewType {
  @Field(() => MetricsPeriodType)
  period: MetricsPeriodType;

  @Field(() => MetricsPeriodType, {
    description: 'The months of the series: `months` calendar months ending on the period end.',
  })
  seriesPeriod: MetricsPeriodType;

  @Field(() => MetricsScopeType, {
    description: 'The scope the figures are over (for a service manager, their services).',
  })
  scope: MetricsScopeType;

  @Field({ description: 'True when the whole overview is hidden (too few staff).' })
  suppressed: boolean;

  @Field(() => SuppressionReasonEnum, { nullable: true })
  suppressionReason: keyof typeof SuppressionReasonEnum | null;

  @Field(() => HeadlinesType, { nullable: true, description: 'Null when suppressed.' })
  headlines: HeadlinesType | null;

  @Field(() => [MonthlySeriesRowType])
  monthlySeries: MonthlySeriesRowType[];

  @Field(() => BreakdownType)
  breakdownByService: BreakdownType;

  @Field(() => BreakdownType)
  breakdownByPractitionerType: BreakdownType;

  @Field(() => CostCaseType, { nullable: true, description: 'Null when suppressed.' })
  costCase: CostCaseType | null;

  @Field(() => [FormatCountType], { nullable: true, description: 'Null when suppressed.' })
  formatMix: FormatCountType[] | null;

  @Field(() => [FunctionCountType], { nullable: true, description: 'Null when suppressed.' })
  functionMix: FunctionCountType[] | null;

  @Field(() => [LeaverReasonCountType], { nullable: true, description: 'Null when suppressed.' })
  leaversByReason: LeaverReasonCountType[] | null;

  @Field(() => [AbsenceReasonShareType], { nullable: true, description: 'Null when suppressed.' })
  absenceByReason: AbsenceReasonShareType[] | null;
}

@ObjectType('OverdueSupervision', {
  description: 'An eligible staff member whose supervision is overdue on the day asked for.',
})
export class OverdueEntryType {
  @Field(() => ID)
  staffId: string;

  @Field(() => String, { nullable: true })
  displayName: string | null;

  @Field(() => String, { nullable: true, description: "The HR system's reference." })
  staffRef: string | null;

  @Field(() => ID)
  serviceId: string;

  @Field(() => LocalDate, {
    description: 'The last counted session (or the start date) plus the required interval.',
  })
  dueDate: string;

  @Field(() => Int)
  daysOverdue: number;
}

export const OverdueConnection = Connection(OverdueEntryType, 'Overdue');
export type OverdueConnection = InstanceType<typeof OverdueConnection>;
