import type { OrganisationKind, Role } from '@holdspace/shared';
import { forbidden } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import type { RequestContext } from '../tenancy/context';

/**
 * Who may see the commissioner comparison (docs/commissioning.md, "Who does what"): the
 * one place this is decided. An ORG_ADMIN or COMMISSIONER_ANALYST of an organisation of
 * kind COMMISSIONER; anyone else FORBIDDEN, before anything is read of a provider. What the
 * comparison can read is then decided by row-level security alone (the commissioner
 * policies: services and rollup months of ACTIVE agreements with this commissioner, from
 * their `shared_from`), never by a tenant other than the caller's.
 */
export const COMPARISON_ROLES: readonly Role[] = ['ORG_ADMIN', 'COMMISSIONER_ANALYST'];

/** The commissioner's own settings the comparison needs. */
export interface CommissionerSettings {
  kind: OrganisationKind;
  suppressionThreshold: number;
  timeZone: string;
}

/** FORBIDDEN unless the caller may see the comparison; the commissioner's settings. */
export async function comparisonAccess(ctx: RequestContext): Promise<CommissionerSettings> {
  requireRole(ctx, COMPARISON_ROLES);
  const [row] = await ctx.db.query<{
    kind: OrganisationKind;
    suppression_threshold: number;
    time_zone: string;
  }>('SELECT kind, suppression_threshold, time_zone FROM organisations WHERE id = $1', [
    ctx.db.tenantId,
  ]);
  if (!row || row.kind !== 'COMMISSIONER') {
    throw forbidden('Only a commissioner compares the services shared with it.');
  }
  return {
    kind: row.kind,
    suppressionThreshold: row.suppression_threshold,
    timeZone: row.time_zone,
  };
}
