import type { OrganisationKind, Role } from '@holdspace/shared';
import { forbidden } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import type { RequestContext } from '../tenancy/context';

/**
 * Who may see the commissioner comparison (docs/commissioning.md, "Who does what"): the
 * one place this is decided. An ORG_ADMIN or COMMISSIONER_ANALYST of an organisation of
 * kind COMMISSIONER; anyone else FORBIDDEN. What the comparison can read is then decided by
 * row-level security alone (the commissioner policies: services and rollup months of ACTIVE
 * agreements with this commissioner, from their `shared_from`), never by a tenant other
 * than the caller's.
 *
 * The caller's organisation and the labels of the services shared with it are read in one
 * statement (COMMISSIONER_SQL); its service part runs only for an organisation of kind
 * COMMISSIONER, so anyone else's statement reads nothing of any provider before the
 * FORBIDDEN.
 */
export const COMPARISON_ROLES: readonly Role[] = ['ORG_ADMIN', 'COMMISSIONER_ANALYST'];

/** A shared service's labels and its provider's threshold. */
export interface SharedServiceLabel {
  id: string;
  name: string;
  providerName: string;
  providerKind: OrganisationKind;
  providerThreshold: number;
}

/** The commissioner's own settings the comparison needs, and what is shared with it. */
export interface CommissionerView {
  suppressionThreshold: number;
  timeZone: string;
  services: SharedServiceLabel[];
}

/**
 * $1 the caller's organisation, $2 provider kinds (empty: all). The services are those row-
 * level security shows the caller (of another tenant: shared with it), as JSON.
 */
const COMMISSIONER_SQL = `
  SELECT me.kind, me.suppression_threshold, me.time_zone,
         CASE WHEN me.kind = 'COMMISSIONER' THEN (
           SELECT coalesce(json_agg(json_build_array(s.id, s.name, p.name, p.kind,
                                                     p.suppression_threshold)), '[]'::json)
             FROM services s JOIN organisations p ON p.id = s.tenant_id
            WHERE s.tenant_id <> me.id
              AND (cardinality($2::text[]) = 0 OR p.kind = ANY ($2::text[])))
         END AS services
    FROM organisations me WHERE me.id = $1`;

/** FORBIDDEN unless the caller may see the comparison; its settings and shared services. */
export async function commissionerView(
  ctx: RequestContext,
  providerKinds: readonly OrganisationKind[],
): Promise<CommissionerView> {
  requireRole(ctx, COMPARISON_ROLES);
  const [row] = await ctx.db.query<{
    kind: OrganisationKind;
    suppression_threshold: number;
    time_zone: string;
    services: [string, string, string, OrganisationKind, number][] | null;
  }>(COMMISSIONER_SQL, [ctx.db.tenantId, providerKinds]);
  if (!row || row.kind !== 'COMMISSIONER' || row.services === null) {
    throw forbidden('Only a commissioner compares the services shared with it.');
  }
  return {
    suppressionThreshold: row.suppression_threshold,
    timeZone: row.time_zone,
    services: row.services.map(([id, name, providerName, providerKind, providerThreshold]) => ({
      id,
      name,
      providerName,
      providerKind,
      providerThreshold,
    })),
  };
}
