import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { SessionFormat, SupervisionInterval } from '@holdspace/shared';
import { SessionFormatEnum, SupervisionIntervalEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';

const NOT_BLANK = /\S/;

@InputType()
export class CreateAgreementInput {
  @Field(() => String, { nullable: true, description: 'Your own reference, 1 to 64 characters.' })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'The agreement reference must be 1 to 64 characters.' })
  @Matches(NOT_BLANK, { message: 'The agreement reference must not be blank.' })
  agreementRef?: string | null;

  @Field(() => ID, { description: 'The supervisee.' })
  @IsUUID('all', { message: 'Choose a staff member.' })
  staffMemberId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a supervisor.' })
  supervisorId: string;

  @Field(() => SupervisionIntervalEnum)
  interval: SupervisionInterval;

  @Field(() => Int, { nullable: true, description: '1 to 480 minutes.' })
  @IsOptional()
  @Min(1, { message: 'The session length must be at least 1 minute.' })
  @Max(480, { message: 'The session length must be at most 480 minutes.' })
  sessionMinutes?: number | null;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  reviewDueDate?: string | null;

  @Field(() => [SessionFormatEnum], {
    nullable: true,
    description: 'Distinct formats that count; null: the organisation’s counted formats.',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Choose at least one counted format, or none to use the default.' })
  @ArrayMaxSize(4)
  @ArrayUnique(undefined, { message: 'Each counted format may appear only once.' })
  countedFormats?: SessionFormat[] | null;
}

/** Only the fields given change; null clears an optional field. The supervisee cannot change. */
@InputType()
export class UpdateAgreementInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'The agreement reference must be 1 to 64 characters.' })
  @Matches(NOT_BLANK, { message: 'The agreement reference must not be blank.' })
  agreementRef?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a supervisor.' })
  supervisorId?: string | null;

  @Field(() => SupervisionIntervalEnum, { nullable: true })
  interval?: SupervisionInterval | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'The session length must be at least 1 minute.' })
  @Max(480, { message: 'The session length must be at most 480 minutes.' })
  sessionMinutes?: number | null;

  @Field(() => LocalDate, { nullable: true })
  startDate?: string | null;

  @Field(() => LocalDate, { nullable: true })
  endDate?: string | null;

  @Field(() => LocalDate, { nullable: true })
  reviewDueDate?: string | null;

  @Field(() => [SessionFormatEnum], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Choose at least one counted format, or none to use the default.' })
  @ArrayMaxSize(4)
  @ArrayUnique(undefined, { message: 'Each counted format may appear only once.' })
  countedFormats?: SessionFormat[] | null;
}

@InputType()
export class ReviewAgreementInput {
  @Field(() => LocalDate, { description: 'The day the review took place (not in the future).' })
  @IsString()
  reviewedOn: string;

  @Field(() => LocalDate, { description: 'When the next review is due (after reviewedOn).' })
  @IsString()
  nextReviewDueDate: string;
}

@InputType()
export class EndAgreementInput {
  @Field(() => LocalDate, { description: 'The last day of the agreement.' })
  @IsString()
  endDate: string;
}

@InputType()
export class AgreementFilter {
  @Field(() => [ID], { nullable: true, description: 'Supervisees (at most 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Each staff member id must be an id.' })
  staffMemberIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Supervisors (at most 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Each supervisor id must be an id.' })
  supervisorIds?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Agreements active on this day.' })
  activeOn?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Agreements active on this day whose review was due before it.',
  })
  reviewOverdueOn?: string | null;
}
