import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { ActionStatus } from '@holdspace/shared';
import { ActionStatusEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';

const NOT_BLANK = /\S/;
const TITLE_LENGTH = 'The title must be 1 to 120 characters.';

@InputType()
export class AddSessionActionInput {
  @Field({ description: '1 to 120 characters: a title only, no notes.' })
  @IsString()
  @Length(1, 120, { message: TITLE_LENGTH })
  @Matches(NOT_BLANK, { message: 'The title must not be blank.' })
  title: string;

  @Field(() => ID, { nullable: true, description: 'An attendee or the supervisor of the session.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an attendee or the supervisor.' })
  ownerStaffMemberId?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  dueDate?: string | null;

  @Field(() => ActionStatusEnum, { defaultValue: 'OPEN' })
  status: ActionStatus = 'OPEN';
}

/** Only the fields given change; null clears the owner or the due date. */
@InputType()
export class UpdateSessionActionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: TITLE_LENGTH })
  @Matches(NOT_BLANK, { message: 'The title must not be blank.' })
  title?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an attendee or the supervisor.' })
  ownerStaffMemberId?: string | null;

  @Field(() => LocalDate, { nullable: true })
  dueDate?: string | null;

  @Field(() => ActionStatusEnum, { nullable: true })
  status?: ActionStatus | null;
}
