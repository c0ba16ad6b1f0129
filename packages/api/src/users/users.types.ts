import { Field, ID, ObjectType } from 'type-graphql';
import type { Role } from '@holdspace/shared';
import { RoleEnum } from '../graphql/enums';
import { UserType } from '../organisations/organisation.types';
import { Connection } from '../pagination/connection';

@ObjectType('Member', { description: "A user's membership of the organisation." })
export class MemberType {
  @Field(() => ID)
  membershipId: string;

  @Field(() => UserType)
  user: UserType;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => [ID], { description: 'For service managers: the services they manage.' })
  managedServiceIds: string[];

  @Field({
    description:
      'True until the person has accepted their invitation and set a password (they cannot sign in yet).',
  })
  invitationPending: boolean;
}

export const MemberConnection = Connection(MemberType, 'Member');
export type MemberConnection = InstanceType<typeof MemberConnection>;

@ObjectType('InviteMemberPayload')
export class InviteMemberPayload {
  @Field(() => MemberType)
  member: MemberType;

  @Field(() => String, {
    nullable: true,
    description:
      'Shown once: share the link /accept-invitation?token=… with the person (valid 7 days). Null when they already have a password: they sign in as they are.',
  })
  invitationToken: string | null;
}

@ObjectType('AcceptInvitationPayload')
export class AcceptInvitationPayload {
  @Field({ description: 'The email address to sign in with.' })
  email: string;
}
