import type { Role } from '@holdspace/shared';
import { forbidden } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import type { RequestContext } from '../tenancy/context';

/** Roles that may see individual records at all (analysts and commissioners never do). */
export const INDIVIDUAL_RECORD_ROLES: Role[] = [
  'ORG_ADMIN',
  'SERVICE_MANAGER',
  'SUPERVISOR',
  'PRACTITIONER',
];

/**
 * Which staff members' individual records the caller may see, as a SQL
 * condition on a `staff_members` alias (product.md's table):
 * - organisation admin: everyone in the organisation;
 * - service manager: staff of the services they manage;
 * - supervisor: their own record and their supervisees' (anyone with an
 *   agreement they supervise);
 * - practitioner: their own record only;
 * - analyst, commissioner analyst: nobody (FORBIDDEN).
 * `params` are appended to `existing` parameters; the returned SQL uses the
 * right placeholders. Every query also filters `tenant_id` explicitly.
 */
export function visibleStaffCondition(
  ctx: RequestContext,
  alias: string,
  existing: unknown[],
): { sql: string; params: unknown[] } {
  const membership = requireRole(ctx, INDIVIDUAL_RECORD_ROLES);
  const next = (value: unknown) => {
    existing.push(value);
    return `$${existing.length}`;
  };
  switch (membership.role) {
    case 'ORG_ADMIN':
      return { sql: 'TRUE', params: existing };
    case 'SERVICE_MANAGER':
      return {
        sql: `${alias}.service_id = ANY(${next(membership.managedServiceIds)}::uuid[])`,
        params: existing,
      };
    case 'SUPERVISOR': {
      const user = next(ctx.auth!.userId);
      return {
        sql: `(${alias}.user_id = ${user} OR EXISTS (
                 SELECT 1 FROM supervision_agreements ag
                   JOIN supervisors sv ON sv.tenant_id = ag.tenant_id AND sv.id = ag.supervisor_id
                   JOIN staff_members me ON me.tenant_id = sv.tenant_id AND me.id = sv.staff_id
                  WHERE ag.tenant_id = ${alias}.tenant_id AND ag.staff_id = ${alias}.id AND me.user_id = ${user}))`,
        params: existing,
      };
    }
    case 'PRACTITIONER':
      return { sql: `${alias}.user_id = ${next(ctx.auth!.userId)}`, params: existing };
    default:
      throw forbidden();
  }
}
