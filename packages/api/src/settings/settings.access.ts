import type { Role } from '@holdspace/shared';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';

/**
 * Organisation settings: every member of the organisation may read them (the
 * dashboard needs the currency, time zone and cost figures for every role);
 * only an organisation admin changes them.
 */
export const SETTINGS_EDITOR_ROLES: readonly Role[] = ['ORG_ADMIN'];

export const assertCanReadSettings = (ctx: RequestContext): ActiveMembership => requireRole(ctx);

export const assertCanEditSettings = (ctx: RequestContext): ActiveMembership =>
  requireRole(ctx, SETTINGS_EDITOR_ROLES);
