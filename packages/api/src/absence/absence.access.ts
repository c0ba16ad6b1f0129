import type { Role } from '@holdspace/shared';
import { visibleStaffCondition } from '../access/staff-visibility';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';

/**
 * Who may see and record absence (product.md), decided here and nowhere else:
 * - organisation admin: every staff member's absence in the organisation;
 * - service manager: absence of staff in the services they manage (staff of
 *   other services answer NOT_FOUND, like records of another organisation);
 * - supervisor: FORBIDDEN. Supervisors see no absence details, not even of
 *   their supervisees;
 * - practitioner: FORBIDDEN. In v1 a practitioner's own absence is not shown
 *   to them either: absence is recorded by HR and managers, and a self view
 *   would need its own rules (what a person may see of an episode a manager
 *   recorded). A deliberate v1 choice, to revisit with users;
 * - analyst, commissioner analyst: FORBIDDEN (aggregate metrics only).
 * Reading and changing follow the same rule; every read is audited.
 */
export const ABSENCE_ROLES: readonly Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER'];

export function assertCanUseAbsence(ctx: RequestContext): ActiveMembership {
  return requireRole(ctx, ABSENCE_ROLES);
}

/**
 * The SQL condition, on a `staff_members` alias, for the staff whose absence
 * the caller may see and record (after `assertCanUseAbsence`).
 */
export function absenceStaffCondition(
  ctx: RequestContext,
  staffAlias: string,
  params: unknown[],
): string {
  assertCanUseAbsence(ctx);
  return visibleStaffCondition(ctx, staffAlias, params).sql;
}
