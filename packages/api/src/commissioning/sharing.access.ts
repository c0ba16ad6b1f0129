import type { OrganisationKind } from '@holdspace/shared';
import { forbidden } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';

/**
 * Who may do what with sharing agreements (docs/commissioning.md, "Who does what"): the one
 * place this is decided.
 *
 * - A commissioner's (organisation of kind COMMISSIONER) ORG_ADMIN requests and withdraws;
 *   its ORG_ADMIN and COMMISSIONER_ANALYST see the commissioner's agreements.
 * - A provider's (any other kind) ORG_ADMIN sees its agreements, accepts, declines,
 *   changes and revokes.
 * - Anyone else: FORBIDDEN, before any id is looked at. An agreement of which the
 *   organisation is not the right party answers NOT_FOUND, like one that does not exist.
 */
export type SharingSide = 'PROVIDER' | 'COMMISSIONER';

async function organisationKind(ctx: RequestContext): Promise<OrganisationKind> {
  const [row] = await ctx.db.query<{ kind: OrganisationKind }>(
    'SELECT kind FROM organisations WHERE id = $1',
    [ctx.db.tenantId],
  );
  return row.kind;
}

/** The side the caller may read agreements as (FORBIDDEN for any other member). */
export async function assertCanReadSharing(
  ctx: RequestContext,
): Promise<{ membership: ActiveMembership; side: SharingSide }> {
  const membership = requireRole(ctx, ['ORG_ADMIN', 'COMMISSIONER_ANALYST']);
  const side: SharingSide =
    (await organisationKind(ctx)) === 'COMMISSIONER' ? 'COMMISSIONER' : 'PROVIDER';
  if (side === 'PROVIDER' && membership.role !== 'ORG_ADMIN') throw forbidden();
  return { membership, side };
}

/** A commissioner's ORG_ADMIN: requests and withdraws. */
export async function assertCommissionerAdmin(ctx: RequestContext): Promise<ActiveMembership> {
  const membership = requireRole(ctx, ['ORG_ADMIN']);
  if ((await organisationKind(ctx)) !== 'COMMISSIONER') {
    throw forbidden('Only a commissioner asks providers to share.');
  }
  return membership;
}

/** A provider's ORG_ADMIN: accepts, declines, changes, revokes. */
export async function assertProviderAdmin(ctx: RequestContext): Promise<ActiveMembership> {
  const membership = requireRole(ctx, ['ORG_ADMIN']);
  if ((await organisationKind(ctx)) === 'COMMISSIONER') {
    throw forbidden('A commissioner shares no services.');
  }
  return membership;
}
