import type { RequestContext } from '../tenancy/context';
import type { MembershipType, ViewerType } from './organisation.types';

interface MembershipRow {
  tenant_id: string;
  role: MembershipType['role'];
  name: string;
  slug: string;
  kind: MembershipType['organisation']['kind'];
  time_zone: string;
  currency: string;
}

/** The signed-in user, their organisations and the one this request acts in. */
export async function loadViewer(ctx: RequestContext): Promise<ViewerType | null> {
  if (!ctx.auth) return null;
  const rows = await ctx.db.query<MembershipRow>(
    `SELECT m.tenant_id, m.role, o.name, o.slug, o.kind, o.time_zone, o.currency
       FROM memberships m JOIN organisations o ON o.id = m.tenant_id
      WHERE m.user_id = $1
      ORDER BY o.name, o.id`,
    [ctx.auth.userId],
  );
  const memberships: MembershipType[] = rows.map((row) => ({
    organisation: {
      id: row.tenant_id,
      name: row.name,
      slug: row.slug,
      kind: row.kind,
      timeZone: row.time_zone,
      currency: row.currency,
    },
    role: row.role,
    managedServiceIds:
      row.tenant_id === ctx.membership?.tenantId ? ctx.membership.managedServiceIds : [],
  }));
  return {
    user: { id: ctx.auth.userId, email: ctx.auth.email, displayName: ctx.auth.displayName },
    memberships,
    currentMembership:
      memberships.find((m) => m.organisation.id === ctx.membership?.tenantId) ?? null,
  };
}
