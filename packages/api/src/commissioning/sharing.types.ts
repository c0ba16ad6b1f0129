import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { OrganisationKind } from '@holdspace/shared';
import { OrganisationKindEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import { SHARING_STATUSES, type SharingStatusValue } from './sharing-agreement.entity';

export const SharingStatusEnum = Object.fromEntries(SHARING_STATUSES.map((s) => [s, s])) as {
  [K in SharingStatusValue]: K;
};
registerEnumType(SharingStatusEnum, {
  name: 'SharingStatus',
  description:
    'REQUESTED (by the commissioner), ACTIVE (accepted), DECLINED, WITHDRAWN (by the commissioner before an answer), REVOKED (by the provider).',
});

@ObjectType('SharingParty', { description: 'One side of a sharing agreement: its name only.' })
export class SharingPartyType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationKindEnum)
  kind: OrganisationKind;
}

@ObjectType('SharedService', { description: 'A service shared under an agreement.' })
export class SharedServiceType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('SharingAgreement', {
  description:
    "A commissioner's request that a provider share its services' aggregate figures, and the provider's answer (docs/commissioning.md).",
})
export class SharingAgreementType {
  @Field(() => ID)
  id: string;

  @Field(() => SharingPartyType)
  provider: SharingPartyType;

  @Field(() => SharingPartyType)
  commissioner: SharingPartyType;

  @Field(() => SharingStatusEnum)
  status: SharingStatusValue;

  @Field(() => GraphQLISODateTime)
  requestedAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the provider accepted or declined, or the commissioner withdrew.',
  })
  respondedAt: Date | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Months starting on or after this day are shared (set when accepted).',
  })
  sharedFrom: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt: Date | null;

  @Field(() => [SharedServiceType], {
    description:
      'The services shared (while ACTIVE; the provider also sees those of an ended agreement).',
  })
  services: SharedServiceType[];
}
