import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service';
import { badInput, conflict, forbidden, notFound } from '../errors/app-errors';
import type { RequestContext } from '../tenancy/context';
import { byKeys, loader } from '../tenancy/loaders';
import { isUuid } from '../graphql/validation';
import type { AddSessionActionInput, UpdateSessionActionInput } from './action.input';
import type { AgreedActionType } from './action.types';
import { loadEditableSession } from './session.service';
import {
  canEditSession,
  requireSessionEditor,
  sessionRelationColumns,
  type SessionRelation,
  visibleSessionCondition,
} from './supervision.access';

const ACTION_COLUMNS = `act.id, act.session_id AS "sessionId", act.title,
  act.owner_staff_id AS "ownerStaffMemberId", act.due_date AS "dueDate", act.status`;

/** The owner of an action is one of the session's attendees or its (internal) supervisor. */
async function checkOwner(ctx: RequestContext, sessionId: string, ownerId: string | null) {
  if (ownerId === null) return;
  const rows = await ctx.db.query(
    `SELECT 1 FROM supervision_sessions s
      WHERE s.tenant_id = $1 AND s.id = $2
        AND (EXISTS (SELECT 1 FROM session_attendees at
                      WHERE at.tenant_id = s.tenant_id AND at.session_id = s.id AND at.staff_id = $3)
             OR EXISTS (SELECT 1 FROM supervisors sv
                         WHERE sv.tenant_id = s.tenant_id AND sv.id = s.supervisor_id AND sv.staff_id = $3))`,
    [ctx.db.tenantId, sessionId, ownerId],
  );
  if (!rows.length) {
    throw badInput(
      'input.ownerStaffMemberId',
      'The owner must be an attendee or the supervisor of the session.',
    );
  }
}

export async function addSessionAction(
  ctx: RequestContext,
  sessionId: string,
  input: AddSessionActionInput,
): Promise<AgreedActionType> {
  const session = await loadEditableSession(ctx, sessionId);
  if (session.status !== 'HELD') {
    throw conflict('Actions can be agreed only in a session that was held.');
  }
  const owner = input.ownerStaffMemberId ?? null;
  await checkOwner(ctx, sessionId, owner);
  const rows = await ctx.db.query<AgreedActionType>(
    `INSERT INTO session_actions AS act (tenant_id, id, session_id, title, owner_staff_id, due_date, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING ${ACTION_COLUMNS}`,
    [
      ctx.db.tenantId,
      randomUUID(),
      sessionId,
      input.title.trim(),
      owner,
      input.dueDate ?? null,
      input.status ?? 'OPEN',
    ],
  );
  await recordAudit(ctx, 'action.add', 'AgreedAction', rows[0].id);
  return rows[0];
}

export async function updateSessionAction(
  ctx: RequestContext,
  id: string,
  input: UpdateSessionActionInput,
): Promise<AgreedActionType> {
  requireSessionEditor(ctx);
  const params: unknown[] = [ctx.db.tenantId, id];
  const visible = visibleSessionCondition(ctx, 's', params);
  const relation = sessionRelationColumns(ctx, 's', params);
  if (!isUuid(id)) throw notFound('Agreed action');
  const [current] = await ctx.db.query<AgreedActionType & SessionRelation>(
    `SELECT ${ACTION_COLUMNS}, ${relation}
       FROM session_actions act
       JOIN supervision_sessions s ON s.tenant_id = act.tenant_id AND s.id = act.session_id
      WHERE act.tenant_id = $1 AND act.id = $2 AND ${visible}
      FOR UPDATE OF act`,
    params,
  );
  if (!current) throw notFound('Agreed action');
  if (!canEditSession(ctx, current)) {
    throw forbidden('Only the session’s supervisor or a manager can change its actions.');
  }
  if (input.title === null) throw badInput('input.title', 'The title cannot be empty.');
  if (input.status === null) throw badInput('input.status', 'The status cannot be empty.');
  const owner =
    input.ownerStaffMemberId === undefined ? current.ownerStaffMemberId : input.ownerStaffMemberId;
  if (owner !== current.ownerStaffMemberId) await checkOwner(ctx, current.sessionId, owner);
  const rows = await ctx.db.query<AgreedActionType>(
    `WITH changed AS (UPDATE session_actions act
        SET title = $3, owner_staff_id = $4, due_date = $5, status = $6, updated_at = now()
      WHERE act.tenant_id = $1 AND act.id = $2
      RETURNING ${ACTION_COLUMNS}) SELECT * FROM changed`,
    [
      ctx.db.tenantId,
      id,
      input.title === undefined ? current.title : input.title.trim(),
      owner,
      input.dueDate === undefined ? current.dueDate : input.dueDate,
      input.status ?? current.status,
    ],
  );
  await recordAudit(ctx, 'action.update', 'AgreedAction', id);
  return rows[0];
}

/** Each session's agreed actions, batched per request. */
export function actionsLoader(ctx: RequestContext) {
  return loader<string, AgreedActionType[]>(ctx, 'supervision.actions', async (sessionIds) => {
    const rows = await ctx.db.query<AgreedActionType>(
      `SELECT ${ACTION_COLUMNS} FROM session_actions act
        WHERE act.tenant_id = $1 AND act.session_id = ANY($2::uuid[])
        ORDER BY act.created_at, act.id`,
      [ctx.db.tenantId, sessionIds],
    );
    return byKeys(
      sessionIds,
      rows,
      (r) => r.sessionId,
      (found) => found,
    );
  });
}
