import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../tenancy/context';

/**
 * Writes an audit event in the request's transaction (so a failed mutation
 * leaves no event either): who, which organisation, what, which record, when.
 * Never the record's content. Actions are `<entity>.<verb>`, e.g.
 * `staff.create`, `absence.read`.
 */
export async function recordAudit(
  ctx: RequestContext,
  action: string,
  entityType: string,
  entityId: string | null,
): Promise<void> {
  await ctx.db.query(
    `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      ctx.db.tenantId,
      randomUUID(),
      ctx.auth?.userId ?? null,
      action,
      entityType,
      entityId,
      ctx.requestId || null,
    ],
  );
}
