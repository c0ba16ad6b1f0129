import type { Role } from '@holdspace/shared';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership } from '../tenancy/context';
import type { RequestContext } from '../tenancy/context';

/**
 * Who may do what with services (product.md). Every member who sees
 * individual records or the organisation's own aggregates may list the
 * service names; only an organisation admin creates or renames services.
 * Commissioner analysts see other organisations' shared aggregates only.
 */
export const SERVICE_READER_ROLES: Role[] = [
  'ORG_ADMIN',
  'SERVICE_MANAGER',
  'SUPERVISOR',
  'PRACTITIONER',
  'ANALYST',
];
export const SERVICE_EDITOR_ROLES: Role[] = ['ORG_ADMIN'];

export const assertCanListServices = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, SERVICE_READER_ROLES);

export const assertCanEditServices = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, SERVICE_EDITOR_ROLES);
