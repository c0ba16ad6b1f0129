import {
  ArrayMaxSize,
  IsIn,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
} from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { LEAVING_REASONS, type LeavingReason } from '@holdspace/shared';
import { LeavingReasonEnum, SortDirectionEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import {
  StaffSortFieldEnum,
  type StaffSortField,
  StaffStatusEnum,
  type StaffStatus,
} from './staff.types';

export const STAFF_REF_PATTERN = /^[A-Za-z0-9._/-]+$/;
export const FTE_MAX = 1.5;

const STAFF_REF_MESSAGE =
  'A staff reference is 1 to 64 letters, digits, dots, underscores, slashes or hyphens.';

/** The fields of a staff member that create and update share (update: all optional). */
@InputType()
abstract class StaffFields {
  @Field(() => String, {
    nullable: true,
    description: "The HR system's reference: 1 to 64 of A-Z a-z 0-9 . _ / -, unique.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: STAFF_REF_MESSAGE })
  @Matches(STAFF_REF_PATTERN, { message: STAFF_REF_MESSAGE })
  staffRef?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'A name can be at most 200 characters.' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 120 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(120, { message: 'A role title can be at most 120 characters.' })
  roleTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 80 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(80, { message: 'A practitioner type can be at most 80 characters.' })
  practitionerType?: string | null;
}

@InputType()
export class CreateStaffMemberInput extends StaffFields {
  @Field(() => ID)
  serviceId: string;

  @Field(() => Float, { description: 'Greater than 0 and at most 1.5.' })
  @IsPositive({ message: 'FTE must be greater than 0.' })
  @Max(FTE_MAX, { message: 'FTE can be at most 1.5.' })
  fte: number;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'For a past leaver: the last day of employment (with leavingReason).',
  })
  endDate?: string | null;

  @Field(() => LeavingReasonEnum, { nullable: true, description: 'With endDate.' })
  @IsOptional()
  @IsIn(LEAVING_REASONS)
  leavingReason?: LeavingReason | null;

  @Field({ defaultValue: true })
  requiresSupervision: boolean = true;
}

@InputType({ description: 'Only the fields given change; a leaver is recorded with recordLeaver.' })
export class UpdateStaffMemberInput extends StaffFields {
  @Field(() => ID, { nullable: true })
  serviceId?: string | null;

  @Field(() => Float, { nullable: true, description: 'Greater than 0 and at most 1.5.' })
  @IsOptional()
  @IsPositive({ message: 'FTE must be greater than 0.' })
  @Max(FTE_MAX, { message: 'FTE can be at most 1.5.' })
  fte?: number | null;

  @Field(() => LocalDate, { nullable: true })
  startDate?: string | null;

  @Field(() => Boolean, { nullable: true })
  requiresSupervision?: boolean | null;
}

@InputType()
export class RecordLeaverInput {
  @Field(() => LocalDate, { description: 'The last day of employment.' })
  endDate: string;

  @Field(() => LeavingReasonEnum)
  @IsIn(LEAVING_REASONS)
  leavingReason: LeavingReason;
}

@InputType()
export class StaffFilter {
  @Field(() => [ID], { nullable: true, description: 'Any of these services (at most 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Each service id must be a service of the organisation.' })
  serviceIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Exact practitioner type.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  practitionerType?: string | null;

  @Field(() => StaffStatusEnum, { defaultValue: 'ALL' })
  @IsIn(Object.keys(StaffStatusEnum))
  status: StaffStatus = 'ALL';

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or the staff reference, ignoring case.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@InputType()
export class StaffSort {
  @Field(() => StaffSortFieldEnum, { defaultValue: 'NAME' })
  @IsIn(Object.keys(StaffSortFieldEnum))
  field: StaffSortField = 'NAME';

  @Field(() => SortDirectionEnum, { defaultValue: 'ASC' })
  @IsIn(Object.keys(SortDirectionEnum))
  direction: keyof typeof SortDirectionEnum = 'ASC';
}
