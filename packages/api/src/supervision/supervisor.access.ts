import type { Role } from '@holdspace/shared';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';
import { canEditStaff } from '../staff/staff.access';

/**
 * Who may do what with supervisors (the one place this is decided):
 * - list: organisation admins, service managers and supervisors (to choose a
 *   supervisor for an agreement or session); practitioners and analysts not;
 * - create or edit an external supervisor: admins and service managers;
 * - make a staff member an internal supervisor: admins for anyone; service
 *   managers for staff of the services they manage (others: NOT_FOUND, as
 *   for any staff member they cannot see).
 */
export const SUPERVISOR_READER_ROLES: Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER', 'SUPERVISOR'];
export const SUPERVISOR_EDITOR_ROLES: Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER'];

export const assertSupervisorReader = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, SUPERVISOR_READER_ROLES);

export const assertSupervisorEditor = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, SUPERVISOR_EDITOR_ROLES);

export const canDesignate = (membership: ActiveMembership, staff: { serviceId: string }) =>
  canEditStaff(membership, staff);
