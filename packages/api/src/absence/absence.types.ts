import { Field, ID, ObjectType } from 'type-graphql';
import type { AbsenceReason } from '@holdspace/shared';
import { AbsenceReasonEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import { Connection } from '../pagination/connection';

@ObjectType('AbsenceEpisode', {
  description:
    'A sickness absence episode: dates and a reason category only. Holdspace stores no medical detail.',
})
export class AbsenceEpisodeType {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description: "The HR system's reference for this episode, unique in the organisation.",
  })
  absenceRef: string | null;

  @Field(() => ID)
  staffMemberId: string;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The last day absent; null while ongoing.',
  })
  endDate: string | null;

  @Field(() => AbsenceReasonEnum)
  reason: AbsenceReason;

  @Field({ description: 'True while the episode has no end date.' })
  ongoing: boolean;
}

export const AbsenceEpisodeConnection = Connection(AbsenceEpisodeType, 'AbsenceEpisode');
export type AbsenceEpisodeConnection = InstanceType<typeof AbsenceEpisodeConnection>;
