import { Field, ID, ObjectType } from 'type-graphql';
import type { OrganisationKind, Role } from '@holdspace/shared';
import { OrganisationKindEnum, RoleEnum } from '../graphql/enums';

@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  slug: string;

  @Field(() => OrganisationKindEnum)
  kind: OrganisationKind;

  @Field()
  timeZone: string;

  @Field()
  currency: string;
}

@ObjectType('Membership')
export class MembershipType {
  @Field(() => OrganisationType)
  organisation: OrganisationType;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => [ID], {
    description:
      'Services this member manages; known only for the organisation the request acts in.',
  })
  managedServiceIds: string[];
}

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;
}

@ObjectType('Viewer')
export class ViewerType {
  @Field(() => UserType)
  user: UserType;

  @Field(() => [MembershipType])
  memberships: MembershipType[];

  @Field(() => MembershipType, {
    nullable: true,
    description: 'The organisation this request acts in (header X-Holdspace-Org), if any.',
  })
  currentMembership: MembershipType | null;
}
