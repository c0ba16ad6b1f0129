import { badInput } from '../errors/app-errors';
import { decodeCursor, type PageInput, toPage } from '../pagination/connection';
import { isUuid } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { assertCanReadAuditLog } from './audit.access';
import type { AuditEventConnection, AuditEventFilter, AuditEventType } from './audit.types';

interface EventRow {
  id: string;
  occurred_at: Date;
  /** occurred_at in UTC to the microsecond (a JS Date keeps milliseconds only). */
  occurred_key: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
}

function toEvent(row: EventRow): AuditEventType {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    actor:
      row.actor_user_id === null
        ? null
        : { id: row.actor_user_id, displayName: row.actor_name ?? '' },
  };
}

const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

/** The organisation's audit events, newest first (keyset on occurred_at, id). */
export async function listAuditEvents(
  ctx: RequestContext,
  filter: AuditEventFilter | undefined,
  page: PageInput,
): Promise<AuditEventConnection> {
  assertCanReadAuditLog(ctx);
  if (filter?.from && filter.to && filter.to < filter.from) {
    throw badInput('filter.to', 'The end of the period must not be before its start.');
  }
  const params: unknown[] = [ctx.db.tenantId];
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // Days are the organisation's calendar days.
  const zone = '(SELECT o.time_zone FROM organisations o WHERE o.id = $1)';
  const conditions = ['e.tenant_id = $1'];
  if (filter?.actions) conditions.push(`e.action = ANY(${next(filter.actions)}::text[])`);
  if (filter?.entityTypes) {
    conditions.push(`e.entity_type = ANY(${next(filter.entityTypes)}::text[])`);
  }
  if (filter?.actorUserIds) {
    conditions.push(`e.actor_user_id = ANY(${next(filter.actorUserIds)}::uuid[])`);
  }
  if (filter?.from) {
    conditions.push(
      `e.occurred_at >= (${next(filter.from)}::date)::timestamp AT TIME ZONE ${zone}`,
    );
  }
  if (filter?.to) {
    conditions.push(
      `e.occurred_at < (${next(filter.to)}::date + 1)::timestamp AT TIME ZONE ${zone}`,
    );
  }
  const [{ total }] = await ctx.db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM audit_events e WHERE ${conditions.join(' AND ')}`,
    params,
  );
  if (page.after) {
    const [key, id] = decodeCursor(page.after, 2);
    if (typeof key !== 'string' || !TIMESTAMP_KEY.test(key) || !isUuid(id)) {
      throw badInput('page.after', 'The cursor is not valid; start again from the first page.');
    }
    conditions.push(
      `(e.occurred_at, e.id) < ((${next(key)}::timestamp AT TIME ZONE 'UTC'), ${next(id)}::uuid)`,
    );
  }
  const rows = await ctx.db.query<EventRow>(
    `SELECT e.id, e.occurred_at,
            to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS occurred_key,
            e.action, e.entity_type, e.entity_id, e.actor_user_id, u.display_name AS actor_name
       FROM audit_events e
       LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE ${conditions.join(' AND ')}
      ORDER BY e.occurred_at DESC, e.id DESC
      LIMIT ${next(page.first + 1)}`,
    params,
  );
  const result = toPage(rows, page.first, total, (r) => [r.occurred_key, r.id]);
  return {
    ...result,
    nodes: result.nodes.map(toEvent),
    edges: result.edges.map((e) => ({ cursor: e.cursor, node: toEvent(e.node) })),
  } as AuditEventConnection;
}
