import type { Role } from '@holdspace/shared';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';

/**
 * Users and memberships: only an organisation admin lists members, invites,
 * changes roles and removes members. Accepting an invitation is public (the
 * person has no password yet): the invitation token is the credential.
 */
export const MEMBER_ADMIN_ROLES: readonly Role[] = ['ORG_ADMIN'];

export const assertCanManageMembers = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, MEMBER_ADMIN_ROLES);
