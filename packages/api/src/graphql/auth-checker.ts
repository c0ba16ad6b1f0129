import type { AuthChecker } from 'type-graphql';
import type { Role } from '@holdspace/shared';
import { forbidden, unauthenticated } from '../errors/app-errors';
import type { ActiveMembership, RequestContext } from '../tenancy/context';

/**
 * Signed in, acting in an organisation, and (when roles are listed) holding
 * one of them there. Returns the membership or throws the coded error. Finer
 * rules (which services, which supervisees) live in each domain's access policy.
 */
export function requireRole(ctx: RequestContext, roles: readonly Role[] = []): ActiveMembership {
  if (!ctx.auth) throw unauthenticated();
  if (!ctx.membership) throw forbidden('Choose an organisation (header X-Holdspace-Org).');
  if (roles.length > 0 && !roles.includes(ctx.membership.role)) throw forbidden();
  return ctx.membership;
}

/** `@Authorized(...roles)` on a resolver or field. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  requireRole(context, roles);
  return true;
};
