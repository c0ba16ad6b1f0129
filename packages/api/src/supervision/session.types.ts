import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { SessionFormat, SessionStatus, SupervisionFunction } from '@holdspace/shared';
import { SessionFormatEnum, SessionStatusEnum, SupervisionFunctionEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import { Connection } from '../pagination/connection';

/**
 * A supervision session: when, how long, which format, its status, who
 * supervised, who attended and which functions it served. Never what was said:
 * there is no field for notes or content.
 */
@ObjectType('SupervisionSession')
export class SupervisionSessionType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  sessionRef: string | null;

  @Field(() => LocalDate)
  date: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => SessionFormatEnum)
  format: SessionFormat;

  @Field(() => SessionStatusEnum)
  status: SessionStatus;

  /** Resolved by the supervisor field resolver. */
  supervisorId: string;

  @Field(() => [SupervisionFunctionEnum], { description: 'Which functions the session served.' })
  functions: SupervisionFunction[];

  @Field(() => Date, {
    nullable: true,
    description: 'When an attendee (the supervisee) confirmed the session.',
  })
  confirmedAt: Date | null;
}

export const SessionConnection = Connection(SupervisionSessionType, 'SupervisionSession');
export type SessionConnection = InstanceType<typeof SessionConnection>;
