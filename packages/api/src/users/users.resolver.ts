import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageInput } from '../pagination/connection';
import { validateAs } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { AcceptInvitationInput, ChangeMemberRoleInput, InviteMemberInput } from './users.input';
import {
  acceptInvitation,
  changeMemberRole,
  inviteMember,
  listMembers,
  removeMember,
  renewInvitation,
} from './users.service';
import {
  AcceptInvitationPayload,
  InviteMemberPayload,
  MemberConnection,
  MemberType,
} from './users.types';

@Resolver(() => MemberType)
export class UsersResolver {
  @Query(() => MemberConnection, {
    description: "The organisation's members, by name. Organisation admins only.",
  })
  members(
    @Arg('page', () => PageInput, { nullable: true, validateFn: validateAs('page') })
    page: PageInput | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberConnection> {
    return listMembers(ctx, page ?? new PageInput());
  }

  @Mutation(() => InviteMemberPayload, {
    description:
      'Adds a person to the organisation with a role. Someone new gets an account with no password and an invitation link (the token is returned once). Organisation admins only.',
  })
  inviteMember(
    @Arg('input', () => InviteMemberInput, { validateFn: validateAs('input') })
    input: InviteMemberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InviteMemberPayload> {
    return inviteMember(ctx, input);
  }

  @Mutation(() => InviteMemberPayload, {
    description:
      'A new invitation link for a member who has not set a password yet; earlier links stop working. Organisation admins only.',
  })
  renewInvitation(
    @Arg('membershipId', () => ID) membershipId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InviteMemberPayload> {
    return renewInvitation(ctx, membershipId);
  }

  @Mutation(() => AcceptInvitationPayload, {
    description:
      'Sets the password of an invited person. No sign-in needed: the invitation token is the credential, and works once.',
  })
  acceptInvitation(
    @Arg('input', () => AcceptInvitationInput, { validateFn: validateAs('input') })
    input: AcceptInvitationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AcceptInvitationPayload> {
    return acceptInvitation(ctx, input);
  }

  @Mutation(() => MemberType, {
    description:
      "Changes a member's role (and, for service managers, their services). The last admin cannot be demoted. Organisation admins only.",
  })
  changeMemberRole(
    @Arg('membershipId', () => ID) membershipId: string,
    @Arg('input', () => ChangeMemberRoleInput, { validateFn: validateAs('input') })
    input: ChangeMemberRoleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberType> {
    return changeMemberRole(ctx, membershipId, input);
  }

  @Mutation(() => ID, {
    description:
      'Removes a member from the organisation; returns the membership id. The last admin cannot be removed. Organisation admins only.',
  })
  removeMember(
    @Arg('membershipId', () => ID) membershipId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return removeMember(ctx, membershipId);
  }
}
