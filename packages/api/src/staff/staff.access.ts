import type { Role } from '@holdspace/shared';
import { visibleStaffCondition } from '../access/staff-visibility';
import { forbidden } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';

/**
 * Who may do what with staff members: the one place this is decided.
 *
 * - See (read an individual record): `visibleStaffCondition` — admin everyone;
 *   manager the staff of services they manage; supervisor self and
 *   supervisees; practitioner self; analysts and commissioner analysts
 *   nobody (FORBIDDEN). Anyone else's id answers NOT_FOUND, exactly as an id
 *   that does not exist or belongs to another organisation.
 * - Create, update, record a leaver, reinstate: organisation admin anyone;
 *   service manager only within services they manage (and cannot move
 *   anyone into a service they do not manage). Supervisors and
 *   practitioners read only.
 * - Erase a leaver's personal data: organisation admin only.
 */
export const STAFF_EDITOR_ROLES: Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER'];
export const STAFF_ERASER_ROLES: Role[] = ['ORG_ADMIN'];

/** The SQL condition (on alias `s`) for the staff the caller may see; FORBIDDEN for analysts. */
export const visibleStaff = (ctx: RequestContext, alias: string, params: unknown[]) =>
  visibleStaffCondition(ctx, alias, params);

/** May the caller change staff records at all? (FORBIDDEN otherwise, before any id is looked at.) */
export const assertStaffEditor = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, STAFF_EDITOR_ROLES);

export const assertStaffEraser = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, STAFF_ERASER_ROLES);

/** May this member put staff in (or keep staff in) this service? */
export function canEditInService(membership: ActiveMembership, serviceId: string): boolean {
  if (membership.role === 'ORG_ADMIN') return true;
  if (membership.role === 'SERVICE_MANAGER')
    return membership.managedServiceIds.includes(serviceId);
  return false;
}

export function assertCanEditInService(membership: ActiveMembership, serviceId: string): void {
  if (!canEditInService(membership, serviceId)) {
    throw forbidden('You can only manage staff in the services you manage.');
  }
}

/** May this member change this staff member's record? */
export const canEditStaff = (membership: ActiveMembership, staff: { serviceId: string }) =>
  canEditInService(membership, staff.serviceId);
