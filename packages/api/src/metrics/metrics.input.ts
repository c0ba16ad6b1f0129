import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../graphql/scalars';

export const DEFAULT_SERIES_MONTHS = 12;
export const MAX_SERIES_MONTHS = 60;
/** The longest period a question may cover, in calendar months. */
export const MAX_PERIOD_MONTHS = 60;
export const MAX_SCOPE_ITEMS = 100;

/** Which staff the figures are over. Empty lists do not filter. */
@InputType('MetricsScopeInput')
abstract class ScopeFields {
  @Field(() => [ID], {
    nullable: true,
    description: `Services to include (at most ${MAX_SCOPE_ITEMS}); empty or absent: all you may see.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SCOPE_ITEMS)
  @IsUUID('all', { each: true, message: 'Each service id must be a service id (a UUID).' })
  serviceIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Practitioner types to include (at most ${MAX_SCOPE_ITEMS}); empty or absent: all.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SCOPE_ITEMS)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  practitionerTypes?: string[] | null;
}

@InputType()
export class MetricsOverviewInput extends ScopeFields {
  @Field(() => LocalDate, { description: 'First day of the period (included).' })
  from: string;

  @Field(() => LocalDate, { description: 'Last day of the period (included).' })
  to: string;

  @Field(() => Int, {
    defaultValue: DEFAULT_SERIES_MONTHS,
    description: `Length of the monthly series: the calendar months ending with \`to\` (1 to ${MAX_SERIES_MONTHS}).`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_SERIES_MONTHS)
  months: number = DEFAULT_SERIES_MONTHS;
}

@InputType()
export class OverdueSupervisionInput extends ScopeFields {
  @Field(() => LocalDate, { description: 'The day to evaluate (usually today).' })
  on: string;
}
