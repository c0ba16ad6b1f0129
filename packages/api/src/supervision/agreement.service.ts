import { isUniqueViolation } from '../errors/database-errors';
import { isUuid } from '../graphql/validation';
import { randomUUID } from 'node:crypto';
import { isValidIsoDate } from '@holdspace/shared';
import { recordAudit } from '../audit/audit.service';
import { badInput, conflict, notFound } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import { decodeCursor, DEFAULT_PAGE_SIZE, type PageInput, toPage } from '../pagination/connection';
import type { RequestContext } from '../tenancy/context';
import { byKeys, loader } from '../tenancy/loaders';
import type {
  AgreementFilter,
  CreateAgreementInput,
  EndAgreementInput,
  ReviewAgreementInput,
  UpdateAgreementInput,
} from './agreement.input';
import type { AgreementConnection, StaffRef, SupervisionAgreementType } from './agreement.types';
import {
  agreementSuperviseeCondition,
  requireAgreementEditor,
  SUPERVISION_READ_ROLES,
  visibleAgreementCondition,
} from './supervision.access';

// ---------------------------------------------------------------------------
// Helpers shared by the supervision domain (agreements, sessions, actions).
// ---------------------------------------------------------------------------

const todays = new WeakMap<RequestContext, Promise<string>>();

/** Today in the organisation's time zone (metrics.md: calendar dates), once per request. */
export function organisationToday(ctx: RequestContext): Promise<string> {
  let today = todays.get(ctx);
  if (!today) {
    today = ctx.db
      .query<{ today: string }>(
        `SELECT (now() AT TIME ZONE time_zone)::date AS today FROM organisations WHERE id = $1`,
        [ctx.db.tenantId],
      )
      .then((rows) => rows[0].today);
    todays.set(ctx, today);
  }
  return today;
}

/** In post on `date` (metrics.md): started on or before it, and not ended before it. */
export const inPostOn = (person: { startDate: string; endDate: string | null }, date: string) =>
  person.startDate <= date && (person.endDate === null || date <= person.endDate);

/** Keyset cursor of a list ordered by (date DESC, id DESC). */
export function dateIdCursor(after: string): [string, string] {
  const [date, id] = decodeCursor(after, 2);
  if (typeof date !== 'string' || !isValidIsoDate(date) || !isUuid(id)) {
    throw badInput('page.after', 'The cursor is not valid; start again from the first page.');
  }
  return [date, id];
}

/**
 * One page of a list ordered newest first by (date, id), after the keyset
 * cursor in `page.after`, with the number of rows that match in all.
 * `where` and `params` are the list's conditions and their parameters.
 */
export async function newestFirstPage<T>(
  ctx: RequestContext,
  list: { select: string; from: string; date: string; id: string },
  where: string[],
  params: unknown[],
  page: PageInput | null | undefined,
): Promise<{ rows: T[]; total: number; first: number }> {
  const first = page?.first ?? DEFAULT_PAGE_SIZE;
  const pageParams = [...params];
  const pageWhere = [...where];
  if (page?.after) {
    const [date, id] = dateIdCursor(page.after);
    pageParams.push(date, id);
    pageWhere.push(
      `(${list.date}, ${list.id}) < ($${pageParams.length - 1}::date, $${pageParams.length}::uuid)`,
    );
  }
  pageParams.push(first + 1);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db.query<T>(
      `SELECT ${list.select} FROM ${list.from}
        WHERE ${pageWhere.join(' AND ')}
        ORDER BY ${list.date} DESC, ${list.id} DESC LIMIT $${pageParams.length}`,
      pageParams,
    ),
    ctx.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${list.from} WHERE ${where.join(' AND ')}`,
      params,
    ),
  ]);
  return { rows, total, first };
}

export interface SupervisorRecord {
  id: string;
  kind: 'INTERNAL' | 'EXTERNAL';
  /** The internal supervisor's staff member. */
  staffMemberId: string | null;
  /** The internal supervisor's employment and user (null for external supervisors). */
  staffStartDate: string | null;
  staffEndDate: string | null;
  staffUserId: string | null;
}

/** An external supervisor, or an internal one whose staff member is in post on `date`. */
export const supervisorInPostOn = (supervisor: SupervisorRecord, date: string) =>
  supervisor.kind === 'EXTERNAL' ||
  inPostOn({ startDate: supervisor.staffStartDate!, endDate: supervisor.staffEndDate }, date);

/**
 * A supervisor of the organisation, or null (also for another organisation's
 * id). The supervisors domain owns supervisors; this small query only
 * validates the ids that agreements and sessions point at.
 */
export async function findSupervisor(
  ctx: RequestContext,
  id: string,
): Promise<SupervisorRecord | null> {
  if (!isUuid(id)) return null;
  const rows = await ctx.db.query<SupervisorRecord>(
    `SELECT sv.id, sv.kind, sv.staff_id AS "staffMemberId",
            st.start_date AS "staffStartDate", st.end_date AS "staffEndDate", st.user_id AS "staffUserId"
       FROM supervisors sv
       LEFT JOIN staff_members st ON st.tenant_id = sv.tenant_id AND st.id = sv.staff_id
      WHERE sv.tenant_id = $1 AND sv.id = $2`,
    [ctx.db.tenantId, id],
  );
  return rows[0] ?? null;
}

/** Staff members as relations show them (id and name), batched per request. */
export function staffRefLoader(ctx: RequestContext) {
  return loader<string, StaffRef | null>(ctx, 'supervision.staffRef', async (ids) => {
    const rows = await ctx.db.query<StaffRef>(
      `SELECT id, display_name AS "displayName" FROM staff_members
        WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [ctx.db.tenantId, ids],
    );
    return byKeys(
      ids,
      rows,
      (r) => r.id,
      (found) => found[0] ?? null,
    );
  });
}

// ---------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------

type AgreementRow = Omit<SupervisionAgreementType, 'active'>;

const AGREEMENT_COLUMNS = `a.id, a.agreement_ref AS "agreementRef", a.staff_id AS "staffMemberId",
  a.supervisor_id AS "supervisorId", a."interval", a.session_minutes AS "sessionMinutes",
  a.start_date AS "startDate", a.end_date AS "endDate", a.review_due_date AS "reviewDueDate",
  a.last_reviewed_on AS "lastReviewedOn", a.counted_formats AS "countedFormats"`;

async function present(ctx: RequestContext, row: AgreementRow): Promise<SupervisionAgreementType> {
  const today = await organisationToday(ctx);
  return { ...row, active: inPostOn(row, today) };
}

export async function getAgreement(
  ctx: RequestContext,
  id: string,
): Promise<SupervisionAgreementType> {
  requireRole(ctx, SUPERVISION_READ_ROLES);
  const params: unknown[] = [ctx.db.tenantId, id];
  const visible = visibleAgreementCondition(ctx, 'a', params);
  if (!isUuid(id)) throw notFound('Supervision agreement');
  const rows = await ctx.db.query<AgreementRow>(
    `SELECT ${AGREEMENT_COLUMNS} FROM supervision_agreements a
      WHERE a.tenant_id = $1 AND a.id = $2 AND ${visible}`,
    params,
  );
  if (!rows[0]) throw notFound('Supervision agreement');
  return present(ctx, rows[0]);
}

export async function listAgreements(
  ctx: RequestContext,
  filter: AgreementFilter | null | undefined,
  page: PageInput | null | undefined,
): Promise<AgreementConnection> {
  requireRole(ctx, SUPERVISION_READ_ROLES);
  const params: unknown[] = [ctx.db.tenantId];
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['a.tenant_id = $1', visibleAgreementCondition(ctx, 'a', params)];
  if (filter?.staffMemberIds)
    where.push(`a.staff_id = ANY(${next(filter.staffMemberIds)}::uuid[])`);
  if (filter?.supervisorIds)
    where.push(`a.supervisor_id = ANY(${next(filter.supervisorIds)}::uuid[])`);
  if (filter?.activeOn) {
    const d = next(filter.activeOn);
    where.push(`a.start_date <= ${d}::date AND (a.end_date IS NULL OR a.end_date >= ${d}::date)`);
  }
  if (filter?.reviewOverdueOn) {
    const d = next(filter.reviewOverdueOn);
    where.push(
      `a.start_date <= ${d}::date AND (a.end_date IS NULL OR a.end_date >= ${d}::date) AND a.review_due_date < ${d}::date`,
    );
  }
  const { rows, total, first } = await newestFirstPage<AgreementRow>(
    ctx,
    {
      select: AGREEMENT_COLUMNS,
      from: 'supervision_agreements a',
      date: 'a.start_date',
      id: 'a.id',
    },
    where,
    params,
    page,
  );
  const today = await organisationToday(ctx);
  const nodes = rows.map((row) => ({ ...row, active: inPostOn(row, today) }));
  return toPage(nodes, first, total, (row) => [row.startDate, row.id]);
}

/** An agreement the caller may change, locked with its supervisee for the request. */
async function loadEditable(ctx: RequestContext, id: string): Promise<AgreementRow> {
  requireAgreementEditor(ctx);
  const params: unknown[] = [ctx.db.tenantId, id];
  const visible = visibleAgreementCondition(ctx, 'a', params);
  if (!isUuid(id)) throw notFound('Supervision agreement');
  const rows = await ctx.db.query<AgreementRow>(
    `SELECT ${AGREEMENT_COLUMNS} FROM supervision_agreements a
       JOIN staff_members st ON st.tenant_id = a.tenant_id AND st.id = a.staff_id
      WHERE a.tenant_id = $1 AND a.id = $2 AND ${visible}
      FOR UPDATE OF a, st`,
    params,
  );
  if (!rows[0]) throw notFound('Supervision agreement');
  return rows[0];
}

async function checkSupervisor(ctx: RequestContext, supervisorId: string, superviseeId: string) {
  const supervisor = await findSupervisor(ctx, supervisorId);
  if (!supervisor) {
    throw badInput('input.supervisorId', 'Choose a supervisor of the organisation.');
  }
  if (supervisor.staffMemberId === superviseeId) {
    throw badInput('input.supervisorId', 'A staff member cannot supervise themselves.');
  }
}

async function checkRefFree(ctx: RequestContext, ref: string | null, id: string) {
  if (ref === null) return;
  const rows = await ctx.db.query(
    `SELECT 1 FROM supervision_agreements WHERE tenant_id = $1 AND agreement_ref = $2 AND id <> $3`,
    [ctx.db.tenantId, ref, id],
  );
  if (rows.length)
    throw conflict('Another agreement already has this reference.', 'input.agreementRef');
}

/**
 * One agreement at a time per supervisee: metrics.md takes the required
 * interval from "the" agreement active on a day, so two may never overlap.
 */
async function checkNoOverlap(ctx: RequestContext, a: AgreementRow, field: string) {
  const rows = await ctx.db.query(
    `SELECT 1 FROM supervision_agreements
      WHERE tenant_id = $1 AND staff_id = $2 AND id <> $3
        AND start_date <= COALESCE($5::date, 'infinity'::date)
        AND COALESCE(end_date, 'infinity'::date) >= $4::date
      LIMIT 1`,
    [ctx.db.tenantId, a.staffMemberId, a.id, a.startDate, a.endDate],
  );
  if (rows.length) {
    throw conflict(
      'This staff member already has an agreement covering some of these dates; end that one first.',
      field,
    );
  }
}

function checkDates(a: AgreementRow, fields: { start: boolean; end: boolean; review: boolean }) {
  if (a.endDate !== null && a.endDate < a.startDate) {
    throw badInput(
      fields.end || !fields.start ? 'input.endDate' : 'input.startDate',
      'The end date must not be before the start date.',
    );
  }
  if (a.reviewDueDate !== null && a.reviewDueDate < a.startDate) {
    throw badInput(
      fields.review || !fields.start ? 'input.reviewDueDate' : 'input.startDate',
      'The review due date must not be before the start date.',
    );
  }
}

async function save(ctx: RequestContext, a: AgreementRow, created: boolean): Promise<AgreementRow> {
  const values = [
    ctx.db.tenantId,
    a.id,
    a.agreementRef,
    a.staffMemberId,
    a.supervisorId,
    a.interval,
    a.sessionMinutes,
    a.startDate,
    a.endDate,
    a.reviewDueDate,
    a.lastReviewedOn,
    a.countedFormats,
  ];
  try {
    const rows = created
      ? await ctx.db.query<AgreementRow>(
          `INSERT INTO supervision_agreements AS a
             (tenant_id, id, agreement_ref, staff_id, supervisor_id, "interval", session_minutes,
              start_date, end_date, review_due_date, last_reviewed_on, counted_formats)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::varchar[])
           RETURNING ${AGREEMENT_COLUMNS}`,
          values,
        )
      : await ctx.db.query<AgreementRow>(
          `WITH changed AS (UPDATE supervision_agreements a
              SET agreement_ref = $3, staff_id = $4, supervisor_id = $5, "interval" = $6,
                  session_minutes = $7, start_date = $8, end_date = $9, review_due_date = $10,
                  last_reviewed_on = $11, counted_formats = $12::varchar[], updated_at = now()
            WHERE a.tenant_id = $1 AND a.id = $2
            RETURNING ${AGREEMENT_COLUMNS}) SELECT * FROM changed`,
          values,
        );
    return rows[0];
  } catch (error) {
    if (isUniqueViolation(error, 'supervision_agreements_tenant_ref_key')) {
      throw conflict('Another agreement already has this reference.', 'input.agreementRef');
    }
    throw error;
  }
}

export async function createAgreement(
  ctx: RequestContext,
  input: CreateAgreementInput,
): Promise<SupervisionAgreementType> {
  requireAgreementEditor(ctx);
  const tenantId = ctx.db.tenantId;
  const params: unknown[] = [tenantId, input.staffMemberId];
  const allowed = agreementSuperviseeCondition(ctx, 'st', params);
  const supervisee = isUuid(input.staffMemberId)
    ? await ctx.db.query(
        `SELECT st.id FROM staff_members st
          WHERE st.tenant_id = $1 AND st.id = $2 AND ${allowed}
          FOR UPDATE OF st`,
        params,
      )
    : [];
  if (!supervisee.length) {
    throw badInput('input.staffMemberId', 'Choose a staff member of the organisation.');
  }
  await checkSupervisor(ctx, input.supervisorId, input.staffMemberId);
  const agreement: AgreementRow = {
    id: randomUUID(),
    agreementRef: input.agreementRef?.trim() ?? null,
    staffMemberId: input.staffMemberId,
    supervisorId: input.supervisorId,
    interval: input.interval,
    sessionMinutes: input.sessionMinutes ?? null,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    reviewDueDate: input.reviewDueDate ?? null,
    lastReviewedOn: null,
    countedFormats: input.countedFormats ?? null,
  };
  checkDates(agreement, { start: true, end: true, review: true });
  await checkRefFree(ctx, agreement.agreementRef, agreement.id);
  await checkNoOverlap(ctx, agreement, 'input.startDate');
  const saved = await save(ctx, agreement, true);
  await recordAudit(ctx, 'agreement.create', 'SupervisionAgreement', saved.id);
  return present(ctx, saved);
}

const required = (field: string, label: string) =>
  badInput(`input.${field}`, `${label} cannot be empty.`);

export async function updateAgreement(
  ctx: RequestContext,
  id: string,
  input: UpdateAgreementInput,
): Promise<SupervisionAgreementType> {
  const current = await loadEditable(ctx, id);
  if (input.supervisorId === null) throw required('supervisorId', 'The supervisor');
  if (input.interval === null) throw required('interval', 'The interval');
  if (input.startDate === null) throw required('startDate', 'The start date');
  const next: AgreementRow = { ...current };
  if (input.agreementRef !== undefined) next.agreementRef = input.agreementRef?.trim() ?? null;
  if (input.supervisorId !== undefined) next.supervisorId = input.supervisorId;
  if (input.interval !== undefined) next.interval = input.interval;
  if (input.sessionMinutes !== undefined) next.sessionMinutes = input.sessionMinutes;
  if (input.startDate !== undefined) next.startDate = input.startDate;
  if (input.endDate !== undefined) next.endDate = input.endDate;
  if (input.reviewDueDate !== undefined) next.reviewDueDate = input.reviewDueDate;
  if (input.countedFormats !== undefined) next.countedFormats = input.countedFormats;

  if (next.supervisorId !== current.supervisorId) {
    await checkSupervisor(ctx, next.supervisorId, next.staffMemberId);
  }
  checkDates(next, {
    start: input.startDate !== undefined,
    end: input.endDate !== undefined,
    review: input.reviewDueDate !== undefined,
  });
  if (next.agreementRef !== current.agreementRef) await checkRefFree(ctx, next.agreementRef, id);
  if (next.startDate !== current.startDate || next.endDate !== current.endDate) {
    await checkNoOverlap(
      ctx,
      next,
      input.startDate !== undefined ? 'input.startDate' : 'input.endDate',
    );
  }
  const saved = await save(ctx, next, false);
  await recordAudit(ctx, 'agreement.update', 'SupervisionAgreement', saved.id);
  return present(ctx, saved);
}

export async function reviewAgreement(
  ctx: RequestContext,
  id: string,
  input: ReviewAgreementInput,
): Promise<SupervisionAgreementType> {
  const current = await loadEditable(ctx, id);
  const today = await organisationToday(ctx);
  if (input.reviewedOn > today) {
    throw badInput('input.reviewedOn', 'A review cannot be recorded in the future.');
  }
  if (input.reviewedOn < current.startDate) {
    throw badInput('input.reviewedOn', 'The review date must not be before the agreement started.');
  }
  if (current.endDate !== null && input.reviewedOn > current.endDate) {
    throw badInput('input.reviewedOn', 'The review date must not be after the agreement ended.');
  }
  if (input.nextReviewDueDate <= input.reviewedOn) {
    throw badInput('input.nextReviewDueDate', 'The next review must be due after this review.');
  }
  const saved = await save(
    ctx,
    { ...current, lastReviewedOn: input.reviewedOn, reviewDueDate: input.nextReviewDueDate },
    false,
  );
  await recordAudit(ctx, 'agreement.review', 'SupervisionAgreement', saved.id);
  return present(ctx, saved);
}

export async function endAgreement(
  ctx: RequestContext,
  id: string,
  input: EndAgreementInput,
): Promise<SupervisionAgreementType> {
  const current = await loadEditable(ctx, id);
  const next = { ...current, endDate: input.endDate };
  if (next.endDate < next.startDate) {
    throw badInput('input.endDate', 'The end date must not be before the start date.');
  }
  if (current.endDate !== null && next.endDate > current.endDate) {
    await checkNoOverlap(ctx, next, 'input.endDate');
  }
  const saved = await save(ctx, next, false);
  await recordAudit(ctx, 'agreement.end', 'SupervisionAgreement', saved.id);
  return present(ctx, saved);
}
