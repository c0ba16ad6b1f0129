import type { Role } from '@holdspace/shared';
import { requireRole } from '../graphql/auth-checker';
import { forbidden } from '../errors/app-errors';
import type { ActiveMembership, RequestContext } from '../tenancy/context';
import type { RequestDb } from '../tenancy/request-db';

/**
 * Who may import and export records: organisation admins only. An import
 * writes any record of the organisation (and an export reads every one), so
 * service managers, whose rights stop at their services, do neither; a
 * manager's rows could be checked one by one, but a file that mixes services
 * would then import in part, which the all-or-nothing rule forbids.
 */
export const IMPORT_ROLES: readonly Role[] = ['ORG_ADMIN'];

export function assertCanImport(ctx: RequestContext): ActiveMembership {
  return requireRole(ctx, IMPORT_ROLES);
}

export const assertCanExport = assertCanImport;

/**
 * Checks the membership again inside the import's own transaction (the upload
 * arrives between the request's check and the import): a role removed in the
 * meantime stops the import.
 */
export async function recheckMembership(db: RequestDb, membershipId: string): Promise<void> {
  const rows = await db.query<{ role: Role }>(
    'SELECT role FROM memberships WHERE tenant_id = $1 AND id = $2',
    [db.tenantId, membershipId],
  );
  if (!rows[0] || !IMPORT_ROLES.includes(rows[0].role)) throw forbidden();
}
