import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ABSENCE_REASONS, type AbsenceReason } from '@holdspace/shared';
import { AbsenceReasonEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';

export const ABSENCE_REF_MAX = 64;
const REASON_MESSAGE = `The reason must be one of ${ABSENCE_REASONS.join(', ')}.`;

@InputType({ description: 'Records the start of an absence (and its end, when it is known).' })
export class OpenAbsenceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a staff member of this organisation.' })
  staffMemberId: string;

  @Field(() => LocalDate, { description: 'The first day absent.' })
  startDate: string;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The last day absent, for an absence that has already ended; leave out while ongoing.',
  })
  @IsOptional()
  endDate?: string | null;

  @Field(() => AbsenceReasonEnum, { description: 'A reason category only; no medical detail.' })
  @IsIn(ABSENCE_REASONS, { message: REASON_MESSAGE })
  reason: AbsenceReason;

  @Field(() => String, {
    nullable: true,
    description: `The HR system's reference, up to ${ABSENCE_REF_MAX} characters, unique in the organisation.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(ABSENCE_REF_MAX)
  absenceRef?: string | null;
}

@InputType()
export class CloseAbsenceInput {
  @Field(() => LocalDate, { description: 'The last day absent.' })
  @IsString()
  endDate: string;
}

@InputType({
  description:
    'Corrects an episode recorded wrongly. Fields left out stay as they are; endDate null reopens the episode, absenceRef null clears the reference.',
})
export class CorrectAbsenceInput {
  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  startDate?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => AbsenceReasonEnum, { nullable: true })
  @IsOptional()
  @IsIn(ABSENCE_REASONS, { message: REASON_MESSAGE })
  reason?: AbsenceReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ABSENCE_REF_MAX)
  absenceRef?: string | null;
}

@InputType()
export class AbsenceFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these staff members (at most 500).' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'Give staff member ids.' })
  staffMemberIds?: string[];

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Episodes that have a day on or after this date.',
  })
  @IsOptional()
  from?: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Episodes that have a day on or before this date.',
  })
  @IsOptional()
  to?: string;

  @Field(() => [AbsenceReasonEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(ABSENCE_REASONS.length)
  @IsIn(ABSENCE_REASONS, { each: true, message: REASON_MESSAGE })
  reasons?: AbsenceReason[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only episodes with no end date; false: only ended ones.',
  })
  @IsOptional()
  @IsBoolean()
  ongoing?: boolean;
}
