import { randomUUID } from 'node:crypto';
import { isValidIsoDate, type LeavingReason } from '@holdspace/shared';
import { recordAudit } from '../audit/audit.service';
import { badInput, conflict, notFound } from '../errors/app-errors';
import { decodeCursor, PageInput, toPage, type Page } from '../pagination/connection';
import { findService } from '../services/service.service';
import type { RequestContext } from '../tenancy/context';
import { byKeys, loader } from '../tenancy/loaders';
import {
  assertCanEditInService,
  assertStaffEditor,
  assertStaffEraser,
  canEditStaff,
  visibleStaff,
} from './staff.access';
import type {
  CreateStaffMemberInput,
  RecordLeaverInput,
  StaffFilter,
  StaffSort,
  UpdateStaffMemberInput,
} from './staff.input';
import type { StaffMemberType, StaffSortField, SupervisionAgreementSummary } from './staff.types';
import { isUuid } from '../graphql/validation';
import { isUniqueViolation } from '../errors/database-errors';

const UNIQUE_REF = 'staff_members_tenant_ref_key';

/** Today in the organisation's time zone ($1 is always the tenant). */
const TODAY = `today AS (SELECT (now() AT TIME ZONE o.time_zone)::date AS d FROM organisations o WHERE o.id = $1)`;

const COLUMNS = `s.id, s.service_id, s.staff_ref, s.display_name, s.role_title, s.practitioner_type,
  s.fte, s.start_date, s.end_date, s.leaving_reason, s.requires_supervision,
  s.erased_at IS NOT NULL AS erased,
  (s.start_date <= t.d AND (s.end_date IS NULL OR s.end_date >= t.d)) AS in_post`;

interface StaffRow {
  id: string;
  service_id: string;
  staff_ref: string | null;
  display_name: string | null;
  role_title: string | null;
  practitioner_type: string | null;
  fte: string;
  start_date: string;
  end_date: string | null;
  leaving_reason: LeavingReason | null;
  requires_supervision: boolean;
  erased: boolean;
  in_post: boolean;
  sort_key?: string;
}

function toStaff(row: StaffRow): StaffMemberType {
  return {
    id: row.id,
    serviceId: row.service_id,
    staffRef: row.staff_ref,
    displayName: row.display_name,
    roleTitle: row.role_title,
    practitionerType: row.practitioner_type,
    fte: Number(row.fte),
    startDate: row.start_date,
    endDate: row.end_date,
    leavingReason: row.leaving_reason,
    requiresSupervision: row.requires_supervision,
    inPost: row.in_post,
    erased: row.erased,
  };
}

/**
 * A staff member the caller may see, or null (not visible, another
 * organisation's, nonexistent or not an id: all alike). FORBIDDEN for roles
 * that see no individual record. `lock` takes a row lock for a mutation.
 */
export async function findVisibleStaff(
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<StaffMemberType | null> {
  const params: unknown[] = [ctx.db.tenantId];
  const visible = visibleStaff(ctx, 's', params);
  if (!isUuid(id)) return null;
  params.push(id);
  const [row] = await ctx.db.query<StaffRow>(
    `WITH ${TODAY}
     SELECT ${COLUMNS} FROM staff_members s CROSS JOIN today t
      WHERE s.tenant_id = $1 AND s.id = $${params.length} AND (${visible.sql})
      ${lock ? 'FOR UPDATE OF s' : ''}`,
    params,
  );
  return row ? toStaff(row) : null;
}

export async function getStaffMember(ctx: RequestContext, id: string): Promise<StaffMemberType> {
  const staff = await findVisibleStaff(ctx, id);
  if (!staff) throw notFound('Staff member');
  return staff;
}

/** After a mutation: the record as it now is (the caller was allowed to change it). */
async function reload(ctx: RequestContext, id: string): Promise<StaffMemberType> {
  const [row] = await ctx.db.query<StaffRow>(
    `WITH ${TODAY}
     SELECT ${COLUMNS} FROM staff_members s CROSS JOIN today t WHERE s.tenant_id = $1 AND s.id = $2`,
    [ctx.db.tenantId, id],
  );
  return toStaff(row);
}

// ---------------------------------------------------------------- listing

const SORT_KEYS: Record<StaffSortField, { sql: string; cast: string }> = {
  NAME: { sql: `lower(COALESCE(s.display_name, ''))`, cast: 'text' },
  STAFF_REF: { sql: `lower(COALESCE(s.staff_ref, ''))`, cast: 'text' },
  START_DATE: { sql: 's.start_date', cast: 'date' },
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const badCursor = () =>
  badInput('page.after', 'The cursor is not valid; start again from the first page.');

/**
 * The staff the caller may see, filtered, sorted and paginated by keyset
 * (sort key, id): a page costs the same however deep it is. The cursor
 * carries the sort field, so a cursor from another sort is refused.
 */
export async function listStaff(
  ctx: RequestContext,
  filter: StaffFilter | null | undefined,
  sort: StaffSort | null | undefined,
  page: PageInput | null | undefined,
): Promise<Page<StaffMemberType>> {
  const params: unknown[] = [ctx.db.tenantId];
  const visible = visibleStaff(ctx, 's', params);
  const where = ['s.tenant_id = $1', `(${visible.sql})`];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };

  if (filter?.serviceIds && filter.serviceIds.length > 0) {
    where.push(`s.service_id = ANY(${add(filter.serviceIds)}::uuid[])`);
  }
  if (filter?.practitionerType?.trim()) {
    where.push(`lower(s.practitioner_type) = lower(${add(filter.practitionerType.trim())})`);
  }
  const status = filter?.status ?? 'ALL';
  if (status === 'IN_POST') {
    where.push('s.start_date <= t.d AND (s.end_date IS NULL OR s.end_date >= t.d)');
  } else if (status === 'LEFT') {
    where.push('s.end_date < t.d');
  }
  const search = filter?.search?.trim();
  if (search) {
    const pattern = add(`%${escapeLike(search)}%`);
    where.push(`(s.display_name ILIKE ${pattern} OR s.staff_ref ILIKE ${pattern})`);
  }

  const [{ n: totalCount }] = await ctx.db.query<{ n: number }>(
    `WITH ${TODAY}
     SELECT count(*)::int AS n FROM staff_members s CROSS JOIN today t WHERE ${where.join(' AND ')}`,
    params,
  );

  const field: StaffSortField = sort?.field ?? 'NAME';
  const descending = sort?.direction === 'DESC';
  const key = SORT_KEYS[field];
  const first = page?.first ?? new PageInput().first;
  const pageWhere = [...where];
  if (page?.after) {
    const [cursorField, cursorKey, cursorId] = decodeCursor(page.after, 3);
    if (
      cursorField !== field ||
      typeof cursorKey !== 'string' ||
      !isUuid(cursorId) ||
      (field === 'START_DATE' && !isValidIsoDate(cursorKey))
    ) {
      throw badCursor();
    }
    pageWhere.push(
      `(${key.sql}, s.id) ${descending ? '<' : '>'} (${add(cursorKey)}::${key.cast}, ${add(cursorId)}::uuid)`,
    );
  }
  const direction = descending ? 'DESC' : 'ASC';
  const rows = await ctx.db.query<StaffRow>(
    `WITH ${TODAY}
     SELECT ${COLUMNS}, ${key.sql} AS sort_key
       FROM staff_members s CROSS JOIN today t
      WHERE ${pageWhere.join(' AND ')}
      ORDER BY ${key.sql} ${direction}, s.id ${direction}
      LIMIT ${add(first + 1)}`,
    params,
  );
  const sortKeys = new Map(rows.map((row) => [row.id, row.sort_key]));
  return toPage(rows.map(toStaff), first, totalCount, (staff) => [
    field,
    sortKeys.get(staff.id),
    staff.id,
  ]);
}

// ---------------------------------------------------------------- relations (batched)

interface AgreementRow {
  staff_id: string;
  id: string;
  interval: SupervisionAgreementSummary['interval'];
  start_date: string;
  review_due_date: string | null;
  supervisor_name: string | null;
}

/** The agreement active today (the latest started, if several overlap). One query per request. */
export function loadCurrentAgreement(
  ctx: RequestContext,
  staffId: string,
): Promise<SupervisionAgreementSummary | null> {
  return loader<string, SupervisionAgreementSummary | null>(
    ctx,
    'staff.currentAgreement',
    async (ids) => {
      const rows = await ctx.db.query<AgreementRow>(
        `WITH ${TODAY}
         SELECT DISTINCT ON (a.staff_id) a.staff_id, a.id, a.interval, a.start_date, a.review_due_date,
                CASE WHEN sv.kind = 'INTERNAL' THEN sm.display_name ELSE sv.name END AS supervisor_name
           FROM supervision_agreements a
           CROSS JOIN today t
           JOIN supervisors sv ON sv.tenant_id = a.tenant_id AND sv.id = a.supervisor_id
           LEFT JOIN staff_members sm ON sm.tenant_id = sv.tenant_id AND sm.id = sv.staff_id
          WHERE a.tenant_id = $1 AND a.staff_id = ANY($2::uuid[])
            AND a.start_date <= t.d AND (a.end_date IS NULL OR a.end_date >= t.d)
          ORDER BY a.staff_id, a.start_date DESC, a.created_at DESC, a.id`,
        [ctx.db.tenantId, ids],
      );
      return byKeys(
        ids,
        rows,
        (r) => r.staff_id,
        (found) =>
          found[0]
            ? {
                id: found[0].id,
                interval: found[0].interval,
                startDate: found[0].start_date,
                reviewDueDate: found[0].review_due_date,
                supervisorName: found[0].supervisor_name,
              }
            : null,
      );
    },
  ).load(staffId);
}

/** The date of the latest HELD session the staff member attended. One query per request. */
export function loadLastHeldSession(ctx: RequestContext, staffId: string): Promise<string | null> {
  return loader<string, string | null>(ctx, 'staff.lastHeldSession', async (ids) => {
    const rows = await ctx.db.query<{ staff_id: string; last: string }>(
      `SELECT at.staff_id, max(ss.date) AS last
         FROM session_attendees at
         JOIN supervision_sessions ss ON ss.tenant_id = at.tenant_id AND ss.id = at.session_id
        WHERE at.tenant_id = $1 AND at.staff_id = ANY($2::uuid[]) AND ss.status = 'HELD'
        GROUP BY at.staff_id`,
      [ctx.db.tenantId, ids],
    );
    return byKeys(
      ids,
      rows,
      (r) => r.staff_id,
      (found) => found[0]?.last ?? null,
    );
  }).load(staffId);
}

// ---------------------------------------------------------------- changes

/** Trimmed text, or null when empty. */
const text = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** FTE is stored with three decimals; it must still be above 0 once rounded. */
function cleanFte(fte: number): number {
  const rounded = Math.round(fte * 1000) / 1000;
  if (!(rounded > 0)) throw badInput('input.fte', 'FTE must be greater than 0.');
  return rounded;
}

async function assertServiceOfOrganisation(ctx: RequestContext, serviceId: string): Promise<void> {
  if (!(await findService(ctx, serviceId))) {
    throw badInput('input.serviceId', "Choose one of the organisation's services.");
  }
}

async function assertRefFree(ctx: RequestContext, ref: string | null, exceptId: string) {
  if (!ref) return;
  const [clash] = await ctx.db.query(
    'SELECT 1 FROM staff_members WHERE tenant_id = $1 AND staff_ref = $2 AND id <> $3',
    [ctx.db.tenantId, ref, exceptId],
  );
  if (clash) throw duplicateRef();
}

const duplicateRef = () =>
  conflict('Another staff member already has this staff reference.', 'input.staffRef');

async function mapUnique<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error, UNIQUE_REF)) throw duplicateRef();
    throw error;
  }
}

function assertNameOrRef(displayName: string | null, staffRef: string | null) {
  if (!displayName && !staffRef) {
    throw badInput('input.displayName', 'Give a name or a staff reference (or both).');
  }
}

const erasedRecord = () =>
  badInput('id', "This staff member's personal data was erased; the record can no longer change.");

export async function createStaffMember(
  ctx: RequestContext,
  input: CreateStaffMemberInput,
): Promise<StaffMemberType> {
  const membership = assertStaffEditor(ctx);
  await assertServiceOfOrganisation(ctx, input.serviceId);
  assertCanEditInService(membership, input.serviceId);

  const staffRef = text(input.staffRef);
  const displayName = text(input.displayName);
  assertNameOrRef(displayName, staffRef);
  const fte = cleanFte(input.fte);
  const endDate = input.endDate ?? null;
  const leavingReason = input.leavingReason ?? null;
  if (endDate && !leavingReason) {
    throw badInput(
      'input.leavingReason',
      'A leaver needs a leaving reason as well as an end date.',
    );
  }
  if (leavingReason && !endDate) {
    throw badInput('input.endDate', 'A leaver needs an end date as well as a leaving reason.');
  }
  if (endDate && endDate < input.startDate) {
    throw badInput('input.endDate', 'The end date must not be before the start date.');
  }
  const id = randomUUID();
  await assertRefFree(ctx, staffRef, id);
  await mapUnique(
    ctx.db.query(
      `INSERT INTO staff_members (tenant_id, id, service_id, staff_ref, display_name, role_title,
         practitioner_type, fte, start_date, end_date, leaving_reason, requires_supervision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        ctx.db.tenantId,
        id,
        input.serviceId,
        staffRef,
        displayName,
        text(input.roleTitle),
        text(input.practitionerType),
        fte,
        input.startDate,
        endDate,
        leavingReason,
        input.requiresSupervision ?? true,
      ],
    ),
  );
  await recordAudit(ctx, 'staff.create', 'StaffMember', id);
  return reload(ctx, id);
}

/** The staff member the caller may change (NOT_FOUND / FORBIDDEN / erased otherwise), locked. */
async function editableStaff(ctx: RequestContext, id: string): Promise<StaffMemberType> {
  const membership = assertStaffEditor(ctx);
  const staff = await findVisibleStaff(ctx, id, true);
  if (!staff) throw notFound('Staff member');
  if (!canEditStaff(membership, staff)) throw notFound('Staff member');
  if (staff.erased) throw erasedRecord();
  return staff;
}

export async function updateStaffMember(
  ctx: RequestContext,
  id: string,
  input: UpdateStaffMemberInput,
): Promise<StaffMemberType> {
  const membership = assertStaffEditor(ctx);
  const staff = await editableStaff(ctx, id);

  const required = (field: string, label: string) =>
    badInput(`input.${field}`, `${label} cannot be removed.`);
  if (input.serviceId === null) throw required('serviceId', 'The service');
  if (input.fte === null) throw required('fte', 'FTE');
  if (input.startDate === null) throw required('startDate', 'The start date');
  if (input.requiresSupervision === null) throw required('requiresSupervision', 'This setting');

  const serviceId = input.serviceId ?? staff.serviceId;
  if (serviceId !== staff.serviceId) {
    await assertServiceOfOrganisation(ctx, serviceId);
    assertCanEditInService(membership, serviceId);
  }
  const keep = <T>(given: T | null | undefined, current: T | null) =>
    given === undefined ? current : given;
  const staffRef = input.staffRef === undefined ? staff.staffRef : text(input.staffRef);
  const displayName = input.displayName === undefined ? staff.displayName : text(input.displayName);
  assertNameOrRef(displayName, staffRef);
  const roleTitle = input.roleTitle === undefined ? staff.roleTitle : text(input.roleTitle);
  const practitionerType =
    input.practitionerType === undefined ? staff.practitionerType : text(input.practitionerType);
  const fte = input.fte == null ? staff.fte : cleanFte(input.fte);
  const startDate = keep(input.startDate, staff.startDate)!;
  if (staff.endDate && staff.endDate < startDate) {
    throw badInput('input.startDate', 'The start date must not be after the end date.');
  }
  await assertRefFree(ctx, staffRef, id);
  await mapUnique(
    ctx.db.query(
      `UPDATE staff_members
          SET service_id = $3, staff_ref = $4, display_name = $5, role_title = $6,
              practitioner_type = $7, fte = $8, start_date = $9, requires_supervision = $10,
              updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [
        ctx.db.tenantId,
        id,
        serviceId,
        staffRef,
        displayName,
        roleTitle,
        practitionerType,
        fte,
        startDate,
        keep(input.requiresSupervision, staff.requiresSupervision),
      ],
    ),
  );
  await recordAudit(ctx, 'staff.update', 'StaffMember', id);
  return reload(ctx, id);
}

export async function recordLeaver(
  ctx: RequestContext,
  id: string,
  input: RecordLeaverInput,
): Promise<StaffMemberType> {
  const staff = await editableStaff(ctx, id);
  if (input.endDate < staff.startDate) {
    throw badInput('input.endDate', 'The end date must not be before the start date.');
  }
  await ctx.db.query(
    `UPDATE staff_members SET end_date = $3, leaving_reason = $4, updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.db.tenantId, id, input.endDate, input.leavingReason],
  );
  await recordAudit(ctx, 'staff.leave', 'StaffMember', id);
  return reload(ctx, id);
}

export async function reinstateStaffMember(
  ctx: RequestContext,
  id: string,
): Promise<StaffMemberType> {
  await editableStaff(ctx, id);
  await ctx.db.query(
    `UPDATE staff_members SET end_date = NULL, leaving_reason = NULL, updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.db.tenantId, id],
  );
  await recordAudit(ctx, 'staff.reinstate', 'StaffMember', id);
  return reload(ctx, id);
}

/**
 * Erases a leaver's personal data once the organisation's retention period
 * (`retention_months` after the end date) has passed: name, reference, role
 * title and the link to a user account. Dates, FTE, service, practitioner
 * type and leaving reason stay, so past metrics do not change.
 */
export async function eraseLeaverPersonalData(
  ctx: RequestContext,
  id: string,
): Promise<StaffMemberType> {
  assertStaffEraser(ctx);
  const staff = await findVisibleStaff(ctx, id, true);
  if (!staff) throw notFound('Staff member');
  if (staff.erased) {
    // Already erased: nothing more to remove (the request is still recorded).
    await recordAudit(ctx, 'staff.erase', 'StaffMember', id);
    return staff;
  }
  if (!staff.endDate) {
    throw badInput('id', "Only a leaver's personal data can be erased.");
  }
  const [retention] = await ctx.db.query<{ months: number; erasable: boolean; from: string }>(
    `WITH ${TODAY}
     SELECT o.retention_months AS months,
            ($2::date + make_interval(months => o.retention_months))::date < t.d AS erasable,
            (($2::date + make_interval(months => o.retention_months))::date + 1)::text AS from
       FROM organisations o CROSS JOIN today t WHERE o.id = $1`,
    [ctx.db.tenantId, staff.endDate],
  );
  if (!retention.erasable) {
    throw badInput(
      'id',
      `The organisation keeps leavers' records for ${retention.months} months after they leave; this one can be erased from ${retention.from}.`,
    );
  }
  await ctx.db.query(
    `UPDATE staff_members
        SET display_name = NULL, staff_ref = NULL, role_title = NULL, user_id = NULL,
            erased_at = now(), updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.db.tenantId, id],
  );
  await recordAudit(ctx, 'staff.erase', 'StaffMember', id);
  return reload(ctx, id);
}
