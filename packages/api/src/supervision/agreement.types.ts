import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { SessionFormat, SupervisionInterval } from '@holdspace/shared';
import { SessionFormatEnum, SupervisionIntervalEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import { Connection } from '../pagination/connection';

/** A staff member as a relation shows them: an id and a name (null once erased). */
@ObjectType('StaffRef')
export class StaffRef {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Null once a leaver’s personal data is erased.',
  })
  displayName: string | null;
}

@ObjectType('SupervisionAgreement', {
  description: 'A supervision agreement (contract) between a supervisee and a supervisor.',
})
export class SupervisionAgreementType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  agreementRef: string | null;

  @Field(() => ID, { description: 'The supervisee.' })
  staffMemberId: string;

  /** Resolved by the supervisor field resolver. */
  supervisorId: string;

  @Field(() => SupervisionIntervalEnum)
  interval: SupervisionInterval;

  @Field(() => Int, { nullable: true, description: 'Expected session length in minutes.' })
  sessionMinutes: number | null;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => LocalDate, { nullable: true })
  endDate: string | null;

  @Field(() => LocalDate, { nullable: true })
  reviewDueDate: string | null;

  @Field(() => LocalDate, { nullable: true })
  lastReviewedOn: string | null;

  @Field(() => [SessionFormatEnum], {
    nullable: true,
    description: 'Formats that count for this agreement; null: the organisation’s counted formats.',
  })
  countedFormats: SessionFormat[] | null;

  @Field({
    description: 'Active today (organisation time zone): started, and not ended before today.',
  })
  active: boolean;
}

export const AgreementConnection = Connection(SupervisionAgreementType, 'SupervisionAgreement');
export type AgreementConnection = InstanceType<typeof AgreementConnection>;
