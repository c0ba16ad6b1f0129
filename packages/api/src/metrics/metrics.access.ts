import type { Role } from '@holdspace/shared';
import { forbidden } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';
import type { MetricsScope } from './metrics.service';

/**
 * Who may see which metrics: the one place this is decided (product.md's roles).
 *
 * - Organisation metrics (metricsOverview): organisation admins and analysts over the whole
 *   organisation; service managers over the services they manage only (a requested scope
 *   is intersected with them; nothing left is FORBIDDEN). Supervisors, practitioners and
 *   commissioner analysts: FORBIDDEN (a commissioner's view is a separate, shared one).
 * - Analysts see no individual: every figure they get is suppressed when fewer than the
 *   organisation's threshold (never below 3) of distinct staff stand behind it.
 * - The overdue list names people: organisation admins (everyone) and service managers
 *   (their services) only; analysts and everyone else FORBIDDEN.
 */
export const METRICS_ROLES: Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER', 'ANALYST'];
export const OVERDUE_LIST_ROLES: Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER'];
/** Roles whose figures are suppressed below the threshold (they may not see individuals). */
const SUPPRESSED_ROLES: Role[] = ['ANALYST'];

export interface MetricsAccess {
  membership: ActiveMembership;
  /** True when small numbers must be suppressed for this caller. */
  suppress: boolean;
}

/** For metricsOverview: FORBIDDEN unless admin, manager or analyst. */
export function metricsAccess(ctx: RequestContext): MetricsAccess {
  const membership = requireRole(ctx, METRICS_ROLES);
  return { membership, suppress: SUPPRESSED_ROLES.includes(membership.role) };
}

/** For the overdue list (individuals): FORBIDDEN unless admin or manager. */
export function overdueListAccess(ctx: RequestContext): MetricsAccess {
  return { membership: requireRole(ctx, OVERDUE_LIST_ROLES), suppress: false };
}

/**
 * The scope the caller may have: the requested one, cut to a service manager's services
 * (nothing left is FORBIDDEN). Never an empty service list for a manager, which would
 * mean "every service".
 */
export function allowedScope(membership: ActiveMembership, requested: MetricsScope): MetricsScope {
  if (membership.role !== 'SERVICE_MANAGER') return requested;
  const managed = membership.managedServiceIds;
  const serviceIds =
    requested.serviceIds.length === 0
      ? managed
      : requested.serviceIds.filter((id) => managed.includes(id));
  if (serviceIds.length === 0) {
    throw forbidden('You can only see the metrics of the services you manage.');
  }
  return { serviceIds, practitionerTypes: requested.practitionerTypes };
}
