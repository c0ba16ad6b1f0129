import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import {
  SESSION_FORMATS,
  SUPERVISION_INTERVALS,
  type SessionFormat,
  type SupervisionInterval,
} from '@holdspace/shared';
import { SessionFormatEnum, SupervisionIntervalEnum } from '../graphql/enums';

export const ORGANISATION_NAME_MAX = 200;
export const MAX_COST = 1_000_000;
export const SUPPRESSION_MIN = 3;
export const SUPPRESSION_MAX = 50;
export const RETENTION_MIN = 12;
export const RETENTION_MAX = 240;

/**
 * A finite amount with at most 2 decimal places. (class-validator's `IsNumber` with
 * `maxDecimalPlaces` throws on numbers JavaScript prints in exponent form, such as 1e-7.)
 */
export function isMoneyAmount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(2)) === value;
}
function IsMoneyAmount(): PropertyDecorator {
  return ValidateBy({
    name: 'isMoneyAmount',
    validator: {
      validate: isMoneyAmount,
      defaultMessage: () => 'Give an amount with at most 2 decimal places.',
    },
  });
}

@InputType({ description: 'Only the settings given change.' })
export class UpdateOrganisationSettingsInput {
  @Field(() => String, { nullable: true, description: `1 to ${ORGANISATION_NAME_MAX} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(ORGANISATION_NAME_MAX)
  name?: string;

  @Field(() => String, { nullable: true, description: 'An IANA time zone, e.g. Europe/London.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @Field(() => String, { nullable: true, description: 'An ISO 4217 code in capitals, e.g. GBP.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, {
    message: 'Give a three-letter ISO 4217 currency code in capitals, like GBP or EUR.',
  })
  currency?: string;

  @Field(() => SupervisionIntervalEnum, { nullable: true })
  @IsOptional()
  @IsIn(SUPERVISION_INTERVALS)
  defaultInterval?: SupervisionInterval;

  @Field(() => [SessionFormatEnum], {
    nullable: true,
    description: 'At least one format, each once.',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Choose at least one session format that counts.' })
  @ArrayMaxSize(SESSION_FORMATS.length)
  @ArrayUnique({ message: 'Give each session format once.' })
  @IsIn(SESSION_FORMATS, { each: true })
  countedFormats?: SessionFormat[];

  @Field(() => Float, { nullable: true, description: `0 to ${MAX_COST}, at most 2 decimals.` })
  @IsOptional()
  @IsMoneyAmount()
  @Min(0, { message: 'A cost cannot be negative.' })
  @Max(MAX_COST, { message: `A cost can be at most ${MAX_COST.toLocaleString('en-GB')}.` })
  supervisionCostPerWorkerYear?: number;

  @Field(() => Float, { nullable: true, description: `0 to ${MAX_COST}, at most 2 decimals.` })
  @IsOptional()
  @IsMoneyAmount()
  @Min(0, { message: 'A cost cannot be negative.' })
  @Max(MAX_COST, { message: `A cost can be at most ${MAX_COST.toLocaleString('en-GB')}.` })
  recruitmentCostPerLeaver?: number;

  @Field(() => Int, {
    nullable: true,
    description: `${SUPPRESSION_MIN} to ${SUPPRESSION_MAX}; never below ${SUPPRESSION_MIN}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(SUPPRESSION_MIN, {
    message: `Small numbers are always suppressed below ${SUPPRESSION_MIN} staff; choose ${SUPPRESSION_MIN} or more.`,
  })
  @Max(SUPPRESSION_MAX, { message: `The threshold can be at most ${SUPPRESSION_MAX}.` })
  suppressionThreshold?: number;

  @Field(() => Int, { nullable: true, description: `${RETENTION_MIN} to ${RETENTION_MAX} months.` })
  @IsOptional()
  @IsInt()
  @Min(RETENTION_MIN, { message: `Keep leavers' data for at least ${RETENTION_MIN} months.` })
  @Max(RETENTION_MAX, { message: `The retention period can be at most ${RETENTION_MAX} months.` })
  retentionMonths?: number;
}
