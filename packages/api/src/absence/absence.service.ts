import { randomUUID } from 'node:crypto';
import { addMonthsClamped, type AbsenceReason } from '@holdspace/shared';
import { recordAudit } from '../audit/audit.service';
import { AppError, badInput, conflict, notFound } from '../errors/app-errors';
import { decodeCursor, type PageInput, toPage } from '../pagination/connection';
import { isUuid } from '../graphql/validation';
import { isUniqueViolation } from '../errors/database-errors';
import type { RequestContext } from '../tenancy/context';
import { absenceStaffCondition, assertCanUseAbsence } from './absence.access';
import type {
  AbsenceFilter,
  CloseAbsenceInput,
  CorrectAbsenceInput,
  OpenAbsenceInput,
} from './absence.input';
import type { AbsenceEpisodeConnection, AbsenceEpisodeType } from './absence.types';

const REF_CONSTRAINT = 'absence_episodes_tenant_ref_key';
const ENTITY = 'AbsenceEpisode';

interface EpisodeRow {
  id: string;
  absence_ref: string | null;
  staff_id: string;
  start_date: string;
  end_date: string | null;
  reason: AbsenceReason;
}

interface StaffRow {
  id: string;
  start_date: string;
  end_date: string | null;
  /** Today in the organisation's time zone. */
  today: string;
}

const COLUMNS = 'a.id, a.absence_ref, a.staff_id, a.start_date, a.end_date, a.reason';

function toEpisode(row: EpisodeRow): AbsenceEpisodeType {
  return {
    id: row.id,
    absenceRef: row.absence_ref,
    staffMemberId: row.staff_id,
    startDate: row.start_date,
    endDate: row.end_date,
    reason: row.reason,
    ongoing: row.end_date === null,
  };
}

const episodeNotFound = () => notFound('Absence episode');

/** One episode the caller may see (another organisation's, or another service's, is null). */
async function findEpisode(
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<EpisodeRow | null> {
  if (!isUuid(id)) return null;
  const params: unknown[] = [ctx.db.tenantId, id];
  const visible = absenceStaffCondition(ctx, 's', params);
  const [row] = await ctx.db.query<EpisodeRow>(
    `SELECT ${COLUMNS}
       FROM absence_episodes a
       JOIN staff_members s ON s.tenant_id = a.tenant_id AND s.id = a.staff_id
      WHERE a.tenant_id = $1 AND a.id = $2 AND ${visible}
      ${lock ? 'FOR UPDATE OF a' : ''}`,
    params,
  );
  return row ?? null;
}

/**
 * The staff member an absence is recorded for, if the caller may record their
 * absence. Locks the row so that two concurrent requests cannot both record an
 * episode with the same start (the duplicate check below).
 */
async function findStaff(ctx: RequestContext, staffId: string, field: string): Promise<StaffRow> {
  const missing = () => new AppError('NOT_FOUND', 'Staff member not found.', { field });
  if (!isUuid(staffId)) throw missing();
  const params: unknown[] = [ctx.db.tenantId, staffId];
  const visible = absenceStaffCondition(ctx, 's', params);
  const [row] = await ctx.db.query<StaffRow>(
    `SELECT s.id, s.start_date, s.end_date,
            (SELECT (now() AT TIME ZONE o.time_zone)::date::text FROM organisations o WHERE o.id = $1) AS today
       FROM staff_members s
      WHERE s.tenant_id = $1 AND s.id = $2 AND ${visible}
      FOR NO KEY UPDATE OF s`,
    params,
  );
  if (!row) throw missing();
  return row;
}

interface EpisodeValues {
  startDate: string;
  endDate: string | null;
  absenceRef: string | null;
}

function checkEndDate(staff: StaffRow, startDate: string, endDate: string, field: string): void {
  if (endDate < startDate) {
    throw badInput(field, 'The end date must not be before the start date.');
  }
  if (endDate > addMonthsClamped(staff.today, 12)) {
    throw badInput(field, 'The end date can be at most a year from today.');
  }
}

/** The rules every recorded or corrected episode must meet. */
async function validateEpisode(
  ctx: RequestContext,
  staff: StaffRow,
  values: EpisodeValues,
  exceptId: string | null,
  fields: { startDate: string; endDate: string; absenceRef: string },
): Promise<void> {
  const latest = addMonthsClamped(staff.today, 12);
  if (values.startDate < staff.start_date) {
    throw badInput(
      fields.startDate,
      `The absence cannot start before the staff member started (${staff.start_date}).`,
    );
  }
  if (staff.end_date !== null && values.startDate > staff.end_date) {
    throw badInput(
      fields.startDate,
      `The absence cannot start after the staff member left (${staff.end_date}).`,
    );
  }
  if (values.startDate > latest) {
    throw badInput(fields.startDate, 'The start date can be at most a year from today.');
  }
  if (values.endDate !== null) {
    checkEndDate(staff, values.startDate, values.endDate, fields.endDate);
  }
  // Overlapping episodes are allowed (metrics.md counts each day once); the
  // same person and start twice is a duplicate entry.
  const [duplicate] = await ctx.db.query(
    `SELECT 1 FROM absence_episodes
      WHERE tenant_id = $1 AND staff_id = $2 AND start_date = $3::date
        AND ($4::uuid IS NULL OR id <> $4::uuid)`,
    [ctx.db.tenantId, staff.id, values.startDate, exceptId],
  );
  if (duplicate) {
    throw conflict(
      'This staff member already has an absence starting on this date.',
      fields.startDate,
    );
  }
  if (values.absenceRef !== null) {
    const [taken] = await ctx.db.query(
      `SELECT 1 FROM absence_episodes
        WHERE tenant_id = $1 AND absence_ref = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [ctx.db.tenantId, values.absenceRef, exceptId],
    );
    if (taken) throw refTaken(fields.absenceRef);
  }
}

const refTaken = (field: string) =>
  conflict('Another absence in the organisation has this reference.', field);

/** A blank reference means none. */
function cleanRef(raw: string | null | undefined): string | null {
  const ref = raw?.trim() ?? '';
  return ref === '' ? null : ref;
}

/** Writes, mapping a lost race on the reference to the same CONFLICT as the check. */
async function write(ctx: RequestContext, sql: string, params: unknown[], refField: string) {
  try {
    return await ctx.db.query<EpisodeRow>(sql, params);
  } catch (error) {
    if (isUniqueViolation(error, REF_CONSTRAINT)) throw refTaken(refField);
    throw error;
  }
}

/** (UPDATE … RETURNING goes through a CTE: TypeORM returns plain rows only for a SELECT.) */
const RETURNING = 'RETURNING id, absence_ref, staff_id, start_date, end_date, reason';

export async function getAbsenceEpisode(
  ctx: RequestContext,
  id: string,
): Promise<AbsenceEpisodeType> {
  assertCanUseAbsence(ctx);
  const row = await findEpisode(ctx, id);
  if (!row) throw episodeNotFound();
  await recordAudit(ctx, 'absence.read', ENTITY, row.id);
  return toEpisode(row);
}

export async function listAbsenceEpisodes(
  ctx: RequestContext,
  filter: AbsenceFilter | undefined,
  page: PageInput,
): Promise<AbsenceEpisodeConnection> {
  assertCanUseAbsence(ctx);
  if (filter?.from && filter.to && filter.to < filter.from) {
    throw badInput('filter.to', 'The end of the period must not be before its start.');
  }
  const params: unknown[] = [ctx.db.tenantId];
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['a.tenant_id = $1', absenceStaffCondition(ctx, 's', params)];
  if (filter?.staffMemberIds)
    conditions.push(`a.staff_id = ANY(${next(filter.staffMemberIds)}::uuid[])`);
  if (filter?.from)
    conditions.push(`(a.end_date IS NULL OR a.end_date >= ${next(filter.from)}::date)`);
  if (filter?.to) conditions.push(`a.start_date <= ${next(filter.to)}::date`);
  if (filter?.reasons) conditions.push(`a.reason = ANY(${next(filter.reasons)}::text[])`);
  if (filter?.ongoing === true) conditions.push('a.end_date IS NULL');
  if (filter?.ongoing === false) conditions.push('a.end_date IS NOT NULL');

  const from = `FROM absence_episodes a
                JOIN staff_members s ON s.tenant_id = a.tenant_id AND s.id = a.staff_id`;
  const where = conditions.join(' AND ');
  const [{ total }] = await ctx.db.query<{ total: number }>(
    `SELECT count(*)::int AS total ${from} WHERE ${where}`,
    params,
  );

  // Newest first: by start date, then id (keyset).
  const pageConditions = [...conditions];
  if (page.after) {
    const [startDate, id] = decodeCursor(page.after, 2);
    if (typeof startDate !== 'string' || !isUuid(id)) {
      throw badInput('page.after', 'The cursor is not valid; start again from the first page.');
    }
    pageConditions.push(`(a.start_date, a.id) < (${next(startDate)}::date, ${next(id)}::uuid)`);
  }
  const rows = await ctx.db.query<EpisodeRow>(
    `SELECT ${COLUMNS} ${from} WHERE ${pageConditions.join(' AND ')}
      ORDER BY a.start_date DESC, a.id DESC LIMIT ${next(page.first + 1)}`,
    params,
  );
  // A list read is audited once, with no entity id.
  await recordAudit(ctx, 'absence.read', ENTITY, null);
  const result = toPage(rows.map(toEpisode), page.first, total, (e) => [e.startDate, e.id]);
  return result as AbsenceEpisodeConnection;
}

export async function openAbsence(
  ctx: RequestContext,
  input: OpenAbsenceInput,
): Promise<AbsenceEpisodeType> {
  assertCanUseAbsence(ctx);
  const staff = await findStaff(ctx, input.staffMemberId, 'input.staffMemberId');
  const values: EpisodeValues = {
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    absenceRef: cleanRef(input.absenceRef),
  };
  await validateEpisode(ctx, staff, values, null, {
    startDate: 'input.startDate',
    endDate: 'input.endDate',
    absenceRef: 'input.absenceRef',
  });
  const [row] = await write(
    ctx,
    `INSERT INTO absence_episodes (tenant_id, id, absence_ref, staff_id, start_date, end_date, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ${RETURNING}`,
    [
      ctx.db.tenantId,
      randomUUID(),
      values.absenceRef,
      staff.id,
      values.startDate,
      values.endDate,
      input.reason,
    ],
    'input.absenceRef',
  );
  await recordAudit(ctx, 'absence.open', ENTITY, row.id);
  return toEpisode(row);
}

export async function closeAbsence(
  ctx: RequestContext,
  id: string,
  input: CloseAbsenceInput,
): Promise<AbsenceEpisodeType> {
  assertCanUseAbsence(ctx);
  const existing = await findEpisode(ctx, id, true);
  if (!existing) throw episodeNotFound();
  if (existing.end_date !== null) {
    throw conflict(
      'This absence has already ended. Use correctAbsence to change its dates.',
      'input.endDate',
    );
  }
  const staff = await findStaff(ctx, existing.staff_id, 'id');
  checkEndDate(staff, existing.start_date, input.endDate, 'input.endDate');
  const [row] = await ctx.db.query<EpisodeRow>(
    `WITH changed AS (
       UPDATE absence_episodes SET end_date = $3, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 ${RETURNING})
     SELECT * FROM changed`,
    [ctx.db.tenantId, existing.id, input.endDate],
  );
  await recordAudit(ctx, 'absence.close', ENTITY, row.id);
  return toEpisode(row);
}

export async function correctAbsence(
  ctx: RequestContext,
  id: string,
  input: CorrectAbsenceInput,
): Promise<AbsenceEpisodeType> {
  assertCanUseAbsence(ctx);
  const existing = await findEpisode(ctx, id, true);
  if (!existing) throw episodeNotFound();
  const staff = await findStaff(ctx, existing.staff_id, 'id');
  const values: EpisodeValues = {
    startDate: input.startDate ?? existing.start_date,
    endDate: input.endDate === undefined ? existing.end_date : input.endDate,
    absenceRef: input.absenceRef === undefined ? existing.absence_ref : cleanRef(input.absenceRef),
  };
  await validateEpisode(ctx, staff, values, existing.id, {
    startDate: 'input.startDate',
    // A correction that only moves the start can put it after the end.
    endDate: input.endDate === undefined ? 'input.startDate' : 'input.endDate',
    absenceRef: 'input.absenceRef',
  });
  const [row] = await write(
    ctx,
    `WITH changed AS (
       UPDATE absence_episodes
          SET start_date = $3, end_date = $4, reason = $5, absence_ref = $6, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 ${RETURNING})
     SELECT * FROM changed`,
    [
      ctx.db.tenantId,
      existing.id,
      values.startDate,
      values.endDate,
      input.reason ?? existing.reason,
      values.absenceRef,
    ],
    'input.absenceRef',
  );
  await recordAudit(ctx, 'absence.correct', ENTITY, row.id);
  return toEpisode(row);
}

/** For entries made in error: the episode is removed (the audit event keeps that it was). */
export async function deleteAbsence(ctx: RequestContext, id: string): Promise<string> {
  assertCanUseAbsence(ctx);
  const existing = await findEpisode(ctx, id, true);
  if (!existing) throw episodeNotFound();
  await ctx.db.query('DELETE FROM absence_episodes WHERE tenant_id = $1 AND id = $2', [
    ctx.db.tenantId,
    existing.id,
  ]);
  await recordAudit(ctx, 'absence.delete', ENTITY, existing.id);
  return existing.id;
}
