import { isUniqueViolation } from '../errors/database-errors';
import { isUuid } from '../graphql/validation';
import { randomUUID } from 'node:crypto';
import { addMonthsClamped, type SessionStatus, type SupervisionFunction } from '@holdspace/shared';
import { recordAudit } from '../audit/audit.service';
import { badInput, conflict, forbidden, notFound } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import { type PageInput, toPage } from '../pagination/connection';
import type { RequestContext } from '../tenancy/context';
import { byKeys, loader } from '../tenancy/loaders';
import {
  findSupervisor,
  inPostOn,
  newestFirstPage,
  organisationToday,
  supervisorInPostOn,
} from './agreement.service';
import type { StaffRef } from './agreement.types';
import type {
  MarkSessionHeldInput,
  RecordHeldSessionInput,
  ScheduleSessionInput,
  SessionFilter,
} from './session.input';
import type { SessionConnection, SupervisionSessionType } from './session.types';
import {
  canConfirmSession,
  canEditSession,
  canLogSessionAs,
  requireSessionEditor,
  sessionAttendeeCondition,
  sessionRelationColumns,
  SUPERVISION_READ_ROLES,
  type SessionRelation,
  visibleSessionCondition,
} from './supervision.access';

export const SESSION_COLUMNS = `s.id, s.session_ref AS "sessionRef", s.date,
  s.duration_minutes AS "durationMinutes", s.format, s.status, s.supervisor_id AS "supervisorId",
  s.functions, s.confirmed_at AS "confirmedAt"`;

export type SessionWithRelation = SupervisionSessionType & SessionRelation;

export async function getSession(ctx: RequestContext, id: string): Promise<SupervisionSessionType> {
  requireRole(ctx, SUPERVISION_READ_ROLES);
  const params: unknown[] = [ctx.db.tenantId, id];
  const visible = visibleSessionCondition(ctx, 's', params);
  if (!isUuid(id)) throw notFound('Supervision session');
  const rows = await ctx.db.query<SupervisionSessionType>(
    `SELECT ${SESSION_COLUMNS} FROM supervision_sessions s
      WHERE s.tenant_id = $1 AND s.id = $2 AND ${visible}`,
    params,
  );
  if (!rows[0]) throw notFound('Supervision session');
  return rows[0];
}

export async function listSessions(
  ctx: RequestContext,
  filter: SessionFilter | null | undefined,
  page: PageInput | null | undefined,
): Promise<SessionConnection> {
  requireRole(ctx, SUPERVISION_READ_ROLES);
  const params: unknown[] = [ctx.db.tenantId];
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['s.tenant_id = $1', visibleSessionCondition(ctx, 's', params)];
  if (filter?.from && filter.to && filter.to < filter.from) {
    throw badInput('filter.to', 'The end of the range must not be before its start.');
  }
  if (filter?.from) where.push(`s.date >= ${next(filter.from)}::date`);
  if (filter?.to) where.push(`s.date <= ${next(filter.to)}::date`);
  if (filter?.statuses) where.push(`s.status = ANY(${next(filter.statuses)}::varchar[])`);
  if (filter?.formats) where.push(`s.format = ANY(${next(filter.formats)}::varchar[])`);
  if (filter?.supervisorIds)
    where.push(`s.supervisor_id = ANY(${next(filter.supervisorIds)}::uuid[])`);
  if (filter?.staffMemberIds) {
    where.push(`EXISTS (SELECT 1 FROM session_attendees f_at
                         WHERE f_at.tenant_id = s.tenant_id AND f_at.session_id = s.id
                           AND f_at.staff_id = ANY(${next(filter.staffMemberIds)}::uuid[]))`);
  }
  const { rows, total, first } = await newestFirstPage<SupervisionSessionType>(
    ctx,
    { select: SESSION_COLUMNS, from: 'supervision_sessions s', date: 's.date', id: 's.id' },
    where,
    params,
    page,
  );
  return toPage(rows, first, total, (row) => [row.date, row.id]);
}

/**
 * A session the caller can see, locked for this request, with how the caller
 * relates to it; NOT_FOUND otherwise (another organisation's id included).
 */
export async function loadSessionForChange(
  ctx: RequestContext,
  id: string,
): Promise<SessionWithRelation> {
  requireRole(ctx, SUPERVISION_READ_ROLES);
  const params: unknown[] = [ctx.db.tenantId, id];
  const visible = visibleSessionCondition(ctx, 's', params);
  const relation = sessionRelationColumns(ctx, 's', params);
  if (!isUuid(id)) throw notFound('Supervision session');
  const rows = await ctx.db.query<SessionWithRelation>(
    `SELECT ${SESSION_COLUMNS}, ${relation} FROM supervision_sessions s
      WHERE s.tenant_id = $1 AND s.id = $2 AND ${visible}
      FOR UPDATE OF s`,
    params,
  );
  if (!rows[0]) throw notFound('Supervision session');
  return rows[0];
}

/** A session the caller may change (see supervision.access.ts). */
export async function loadEditableSession(
  ctx: RequestContext,
  id: string,
): Promise<SessionWithRelation> {
  requireSessionEditor(ctx);
  const session = await loadSessionForChange(ctx, id);
  if (!canEditSession(ctx, session)) {
    throw forbidden('Only the session’s supervisor or a manager can change it.');
  }
  return session;
}

async function checkDateWindow(ctx: RequestContext, date: string, held: boolean, field: string) {
  const today = await organisationToday(ctx);
  if (date > addMonthsClamped(today, 12)) {
    throw badInput(field, 'The session date must not be more than a year from today.');
  }
  if (held && date > today) {
    throw badInput(field, 'A session cannot be recorded as held before its date.');
  }
}

async function createSession(
  ctx: RequestContext,
  input: ScheduleSessionInput,
  status: SessionStatus,
  functions: SupervisionFunction[],
): Promise<SupervisionSessionType> {
  requireSessionEditor(ctx);
  const tenantId = ctx.db.tenantId;
  await checkDateWindow(ctx, input.date, status === 'HELD', 'input.date');
  if (input.format === 'ONE_TO_ONE' && input.attendeeIds.length !== 1) {
    throw badInput('input.attendeeIds', 'A one-to-one session has exactly one attendee.');
  }

  const supervisor = await findSupervisor(ctx, input.supervisorId);
  if (!supervisor) throw badInput('input.supervisorId', 'Choose a supervisor of the organisation.');
  if (!canLogSessionAs(ctx, supervisor.staffUserId)) {
    throw forbidden('You can log only sessions that you supervise.');
  }
  if (!supervisorInPostOn(supervisor, input.date)) {
    throw badInput('input.supervisorId', 'The supervisor is not in post on the session date.');
  }

  const params: unknown[] = [tenantId, input.attendeeIds];
  const allowed = sessionAttendeeCondition(ctx, 'st', params);
  const attendees = await ctx.db.query<{ id: string; startDate: string; endDate: string | null }>(
    `SELECT st.id, st.start_date AS "startDate", st.end_date AS "endDate"
       FROM staff_members st
      WHERE st.tenant_id = $1 AND st.id = ANY($2::uuid[]) AND ${allowed}`,
    params,
  );
  // Someone the caller may not name answers exactly like someone who does not exist.
  if (attendees.length !== input.attendeeIds.length) {
    throw badInput(
      'input.attendeeIds',
      'Every attendee must be a staff member of the organisation.',
    );
  }
  if (attendees.some((a) => !inPostOn(a, input.date))) {
    throw badInput('input.attendeeIds', 'Every attendee must be in post on the session date.');
  }
  if (supervisor.staffMemberId && input.attendeeIds.includes(supervisor.staffMemberId)) {
    throw badInput('input.attendeeIds', 'The supervisor cannot also attend as a supervisee.');
  }

  const id = randomUUID();
  const sessionRef = input.sessionRef?.trim() ?? null;
  if (sessionRef !== null) {
    const taken = await ctx.db.query(
      'SELECT 1 FROM supervision_sessions WHERE tenant_id = $1 AND session_ref = $2',
      [tenantId, sessionRef],
    );
    if (taken.length)
      throw conflict('Another session already has this reference.', 'input.sessionRef');
  }
  let rows: SupervisionSessionType[];
  try {
    rows = await ctx.db.query<SupervisionSessionType>(
      `INSERT INTO supervision_sessions AS s
         (tenant_id, id, session_ref, date, duration_minutes, format, status, supervisor_id,
          functions, logged_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::varchar[], $10)
       RETURNING ${SESSION_COLUMNS}`,
      [
        tenantId,
        id,
        sessionRef,
        input.date,
        input.durationMinutes,
        input.format,
        status,
        supervisor.id,
        functions,
        ctx.auth!.userId,
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'supervision_sessions_tenant_ref_key')) {
      throw conflict('Another session already has this reference.', 'input.sessionRef');
    }
    throw error;
  }
  await ctx.db.query(
    `INSERT INTO session_attendees (tenant_id, session_id, staff_id)
     SELECT $1, $2, unnest($3::uuid[])`,
    [tenantId, id, input.attendeeIds],
  );
  await recordAudit(
    ctx,
    status === 'HELD' ? 'session.record' : 'session.schedule',
    'SupervisionSession',
    id,
  );
  return rows[0];
}

export const scheduleSession = (ctx: RequestContext, input: ScheduleSessionInput) =>
  createSession(ctx, input, 'SCHEDULED', []);

export const recordHeldSession = (ctx: RequestContext, input: RecordHeldSessionInput) =>
  createSession(ctx, input, 'HELD', input.functions ?? []);

async function setStatus(
  ctx: RequestContext,
  id: string,
  changes: { status: SessionStatus; date?: string; durationMinutes?: number; functions?: string[] },
): Promise<SupervisionSessionType> {
  const rows = await ctx.db.query<SupervisionSessionType>(
    `WITH changed AS (UPDATE supervision_sessions s
        SET status = $3, date = COALESCE($4::date, s.date),
            duration_minutes = COALESCE($5::int, s.duration_minutes),
            functions = COALESCE($6::varchar[], s.functions), updated_at = now()
      WHERE s.tenant_id = $1 AND s.id = $2
      RETURNING ${SESSION_COLUMNS}) SELECT * FROM changed`,
    [
      ctx.db.tenantId,
      id,
      changes.status,
      changes.date ?? null,
      changes.durationMinutes ?? null,
      changes.functions ?? null,
    ],
  );
  return rows[0];
}

export async function markSessionHeld(
  ctx: RequestContext,
  id: string,
  input: MarkSessionHeldInput,
): Promise<SupervisionSessionType> {
  const session = await loadEditableSession(ctx, id);
  if (session.status !== 'SCHEDULED') {
    throw conflict('Only a scheduled session can be marked as held.');
  }
  const date = input.date ?? session.date;
  await checkDateWindow(ctx, date, true, 'input.date');
  // People may have left since it was scheduled, or it was held on another day.
  const attendees = await ctx.db.query<{ startDate: string; endDate: string | null }>(
    `SELECT st.start_date AS "startDate", st.end_date AS "endDate"
       FROM session_attendees at
       JOIN staff_members st ON st.tenant_id = at.tenant_id AND st.id = at.staff_id
      WHERE at.tenant_id = $1 AND at.session_id = $2`,
    [ctx.db.tenantId, id],
  );
  if (attendees.some((a) => !inPostOn(a, date))) {
    throw badInput('input.date', 'Every attendee must be in post on the session date.');
  }
  const supervisor = (await findSupervisor(ctx, session.supervisorId))!;
  if (!supervisorInPostOn(supervisor, date)) {
    throw badInput('input.date', 'The supervisor is not in post on the session date.');
  }
  const held = await setStatus(ctx, id, {
    status: 'HELD',
    date,
    durationMinutes: input.durationMinutes ?? undefined,
    functions: input.functions ?? [],
  });
  await recordAudit(ctx, 'session.markHeld', 'SupervisionSession', id);
  return held;
}

export async function cancelSession(
  ctx: RequestContext,
  id: string,
): Promise<SupervisionSessionType> {
  const session = await loadEditableSession(ctx, id);
  if (session.status !== 'SCHEDULED') {
    throw conflict('Only a scheduled session can be cancelled.');
  }
  const cancelled = await setStatus(ctx, id, { status: 'CANCELLED' });
  await recordAudit(ctx, 'session.cancel', 'SupervisionSession', id);
  return cancelled;
}

export async function markDidNotAttend(
  ctx: RequestContext,
  id: string,
): Promise<SupervisionSessionType> {
  const session = await loadEditableSession(ctx, id);
  if (session.status !== 'SCHEDULED') {
    throw conflict('Only a scheduled session can be marked as not attended.');
  }
  if (session.date > (await organisationToday(ctx))) {
    throw conflict('A session cannot be marked as not attended before its date.');
  }
  const missed = await setStatus(ctx, id, { status: 'DID_NOT_ATTEND' });
  await recordAudit(ctx, 'session.markDidNotAttend', 'SupervisionSession', id);
  return missed;
}

export async function confirmSession(
  ctx: RequestContext,
  id: string,
): Promise<SupervisionSessionType> {
  const session = await loadSessionForChange(ctx, id);
  if (!canConfirmSession(ctx, session)) {
    throw forbidden('Only an attendee can confirm a session.');
  }
  if (session.status !== 'HELD') throw conflict('Only a held session can be confirmed.');
  if (session.confirmedAt) throw conflict('This session is already confirmed.');
  const rows = await ctx.db.query<SupervisionSessionType>(
    `WITH changed AS (UPDATE supervision_sessions s SET confirmed_at = now(), updated_at = now()
      WHERE s.tenant_id = $1 AND s.id = $2
      RETURNING ${SESSION_COLUMNS}) SELECT * FROM changed`,
    [ctx.db.tenantId, id],
  );
  await recordAudit(ctx, 'session.confirm', 'SupervisionSession', id);
  return rows[0];
}

/** Each session's attendees (id and name), batched per request. */
export function attendeesLoader(ctx: RequestContext) {
  return loader<string, StaffRef[]>(ctx, 'supervision.attendees', async (sessionIds) => {
    const rows = await ctx.db.query<StaffRef & { sessionId: string }>(
      `SELECT at.session_id AS "sessionId", st.id, st.display_name AS "displayName"
         FROM session_attendees at
         JOIN staff_members st ON st.tenant_id = at.tenant_id AND st.id = at.staff_id
        WHERE at.tenant_id = $1 AND at.session_id = ANY($2::uuid[])
        ORDER BY st.display_name NULLS LAST, st.id`,
      [ctx.db.tenantId, sessionIds],
    );
    return byKeys(
      sessionIds,
      rows,
      (r) => r.sessionId,
      (found) => found.map(({ id, displayName }) => ({ id, displayName })),
    );
  });
}
