import { Field, ID, ObjectType } from 'type-graphql';
import type { ActionStatus } from '@holdspace/shared';
import { ActionStatusEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';

/** An action agreed in a session: a title, an owner, a due date and a status. Nothing else. */
@ObjectType('AgreedAction')
export class AgreedActionType {
  @Field(() => ID)
  id: string;

  /** The session it came from (not exposed: actions are read through their session). */
  sessionId: string;

  @Field({ description: 'At most 120 characters; no notes about clients.' })
  title: string;

  @Field(() => ID, { nullable: true, description: 'An attendee or the supervisor.' })
  ownerStaffMemberId: string | null;

  @Field(() => LocalDate, { nullable: true })
  dueDate: string | null;

  @Field(() => ActionStatusEnum)
  status: ActionStatus;
}
