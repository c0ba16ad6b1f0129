import type { Role } from '@holdspace/shared';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';

/**
 * The audit log: only an organisation admin reads it. Nobody changes or
 * deletes an event: the API has no such operation, and the database role the
 * API connects as may only insert and select audit events.
 */
export const AUDIT_READER_ROLES: readonly Role[] = ['ORG_ADMIN'];

export const assertCanReadAuditLog = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, AUDIT_READER_ROLES);
