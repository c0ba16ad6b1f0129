import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { LeavingReason, SupervisionInterval } from '@holdspace/shared';
import { LeavingReasonEnum, SupervisionIntervalEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import { Connection } from '../pagination/connection';

export const StaffStatusEnum = { IN_POST: 'IN_POST', LEFT: 'LEFT', ALL: 'ALL' } as const;
export type StaffStatus = keyof typeof StaffStatusEnum;
registerEnumType(StaffStatusEnum, {
  name: 'StaffStatus',
  description: "In post or left, on today's date in the organisation's time zone.",
  valuesConfig: {
    IN_POST: { description: 'Started on or before today and not yet past their end date.' },
    LEFT: { description: 'End date before today.' },
    ALL: { description: 'Everyone, including future starters.' },
  },
});

export const StaffSortFieldEnum = {
  NAME: 'NAME',
  START_DATE: 'START_DATE',
  STAFF_REF: 'STAFF_REF',
} as const;
export type StaffSortField = keyof typeof StaffSortFieldEnum;
registerEnumType(StaffSortFieldEnum, {
  name: 'StaffSortField',
  description: 'NAME and STAFF_REF sort case-insensitively; erased values sort as empty.',
});

@ObjectType({ description: "The staff member's supervision agreement active today." })
export class SupervisionAgreementSummary {
  @Field(() => ID)
  id: string;

  @Field(() => SupervisionIntervalEnum)
  interval: SupervisionInterval;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => LocalDate, { nullable: true })
  reviewDueDate: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The supervisor's name (null if an internal supervisor's record was erased).",
  })
  supervisorName: string | null;
}

@ObjectType('StaffMember', {
  description:
    'A member of staff. Personal data is kept to a name and a reference, both erasable for leavers.',
})
export class StaffMemberType {
  @Field(() => ID)
  id: string;

  /** Not a field: the `service` field resolves it (batched). */
  serviceId: string;

  @Field(() => String, {
    nullable: true,
    description: "The HR system's reference; null once erased.",
  })
  staffRef: string | null;

  @Field(() => String, { nullable: true, description: 'Null once erased.' })
  displayName: string | null;

  @Field(() => String, { nullable: true })
  roleTitle: string | null;

  @Field(() => String, { nullable: true })
  practitionerType: string | null;

  @Field(() => Float)
  fte: number;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'The last day of employment.' })
  endDate: string | null;

  @Field(() => LeavingReasonEnum, { nullable: true })
  leavingReason: LeavingReason | null;

  @Field()
  requiresSupervision: boolean;

  @Field({ description: "In post today (the organisation's time zone)." })
  inPost: boolean;

  @Field({ description: "True once a leaver's personal data has been erased." })
  erased: boolean;
}

export const StaffConnection = Connection(StaffMemberType, 'Staff');
export type StaffConnection = InstanceType<typeof StaffConnection>;
