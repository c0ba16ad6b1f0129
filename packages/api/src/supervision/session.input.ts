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
import type { SessionFormat, SessionStatus, SupervisionFunction } from '@holdspace/shared';
import { SessionFormatEnum, SessionStatusEnum, SupervisionFunctionEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';

const NOT_BLANK = /\S/;
const DURATION_MIN = 'The duration must be at least 1 minute.';
const DURATION_MAX = 'The duration must be at most 480 minutes.';

@InputType({ description: 'A session to come (SCHEDULED).' })
export class ScheduleSessionInput {
  @Field(() => String, { nullable: true, description: 'Your own reference, 1 to 64 characters.' })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'The session reference must be 1 to 64 characters.' })
  @Matches(NOT_BLANK, { message: 'The session reference must not be blank.' })
  sessionRef?: string | null;

  @Field(() => LocalDate, { description: 'Not more than a year from today.' })
  date: string;

  @Field(() => Int, { description: '1 to 480 minutes.' })
  @Min(1, { message: DURATION_MIN })
  @Max(480, { message: DURATION_MAX })
  durationMinutes: number;

  @Field(() => SessionFormatEnum)
  format: SessionFormat;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a supervisor.' })
  supervisorId: string;

  @Field(() => [ID], {
    description: '1 to 50 distinct staff members in post on the date; exactly one for ONE_TO_ONE.',
  })
  @ArrayMinSize(1, { message: 'A session has at least one attendee.' })
  @ArrayMaxSize(50, { message: 'A session has at most 50 attendees.' })
  @ArrayUnique(undefined, { message: 'Each attendee may appear only once.' })
  @IsUUID('all', { each: true, message: 'Each attendee must be a staff member id.' })
  attendeeIds: string[];
}

@InputType({ description: 'A session that took place (HELD).' })
export class RecordHeldSessionInput extends ScheduleSessionInput {
  @Field(() => [SupervisionFunctionEnum], { defaultValue: [] })
  @ArrayMaxSize(3)
  @ArrayUnique(undefined, { message: 'Each function may appear only once.' })
  functions: SupervisionFunction[];
}

@InputType({ description: 'A scheduled session took place.' })
export class MarkSessionHeldInput {
  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day it was held, if not the scheduled day.',
  })
  date?: string | null;

  @Field(() => Int, { nullable: true, description: '1 to 480; default: as scheduled.' })
  @IsOptional()
  @Min(1, { message: DURATION_MIN })
  @Max(480, { message: DURATION_MAX })
  durationMinutes?: number | null;

  @Field(() => [SupervisionFunctionEnum], { defaultValue: [] })
  @ArrayMaxSize(3)
  @ArrayUnique(undefined, { message: 'Each function may appear only once.' })
  functions: SupervisionFunction[];
}

@InputType()
export class SessionFilter {
  @Field(() => LocalDate, { nullable: true, description: 'Sessions on or after this day.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Sessions on or before this day.' })
  to?: string | null;

  @Field(() => [SessionStatusEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  statuses?: SessionStatus[] | null;

  @Field(() => [SessionFormatEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  formats?: SessionFormat[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Sessions any of these attended (at most 100).',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Each staff member id must be an id.' })
  staffMemberIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'At most 100.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Each supervisor id must be an id.' })
  supervisorIds?: string[] | null;
}
