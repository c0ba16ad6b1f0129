import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service';
import { badInput, notFound } from '../errors/app-errors';
import { findVisibleStaff } from '../staff/staff.service';
import { isUuid } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { byKeys, loader } from '../tenancy/loaders';
import { assertSupervisorEditor, assertSupervisorReader, canDesignate } from './supervisor.access';
import type { ExternalSupervisorInput } from './supervisor.input';
import type { SupervisorKind, SupervisorType } from './supervisor.types';

interface SupervisorRow {
  id: string;
  kind: SupervisorKind;
  name: string | null;
  organisation_name: string | null;
  accreditation_body: string | null;
  staff_id: string | null;
}

/** Internal supervisors take their staff member's (current) name. $1 is the tenant. */
const NAME = `CASE WHEN sv.kind = 'INTERNAL' THEN sm.display_name ELSE sv.name END`;
const SELECT = `SELECT sv.id, sv.kind, ${NAME} AS name,
       sv.organisation_name, sv.accreditation_body, sv.staff_id
  FROM supervisors sv
  LEFT JOIN staff_members sm ON sm.tenant_id = sv.tenant_id AND sm.id = sv.staff_id
 WHERE sv.tenant_id = $1`;

const toSupervisor = (row: SupervisorRow): SupervisorType => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  organisationName: row.organisation_name,
  accreditationBody: row.accreditation_body,
  staffMemberId: row.staff_id,
});

/** The organisation's supervisors, by name. */
export async function listSupervisors(ctx: RequestContext): Promise<SupervisorType[]> {
  assertSupervisorReader(ctx);
  const rows = await ctx.db.query<SupervisorRow>(
    `${SELECT} ORDER BY lower(${NAME}) NULLS LAST, sv.id`,
    [ctx.db.tenantId],
  );
  return rows.map(toSupervisor);
}

/**
 * A supervisor of this organisation, for other domains validating a
 * supervisor id (agreements, sessions): NOT_FOUND for an id that does not
 * exist, is not an id, or belongs to another organisation. Decides no role:
 * the calling domain's access policy does.
 */
export async function supervisorById(ctx: RequestContext, id: string): Promise<SupervisorType> {
  if (!isUuid(id)) throw notFound('Supervisor');
  const [row] = await ctx.db.query<SupervisorRow>(`${SELECT} AND sv.id = $2`, [
    ctx.db.tenantId,
    id,
  ]);
  if (!row) throw notFound('Supervisor');
  return toSupervisor(row);
}

/** Batched per request (no N+1), for `supervisor` fields of agreements and sessions. */
export function loadSupervisor(ctx: RequestContext, id: string): Promise<SupervisorType | null> {
  return loader<string, SupervisorType | null>(ctx, 'supervisors.byId', async (ids) => {
    const rows = await ctx.db.query<SupervisorRow>(`${SELECT} AND sv.id = ANY($2::uuid[])`, [
      ctx.db.tenantId,
      ids,
    ]);
    return byKeys(
      ids,
      rows,
      (r) => r.id,
      (found) => (found[0] ? toSupervisor(found[0]) : null),
    );
  }).load(id);
}

function cleanExternal(input: ExternalSupervisorInput) {
  const name = input.name.trim();
  if (!name) throw badInput('input.name', 'Give the supervisor a name.');
  return {
    name,
    organisationName: input.organisationName?.trim() || null,
    accreditationBody: input.accreditationBody?.trim() || null,
  };
}

export async function createExternalSupervisor(
  ctx: RequestContext,
  input: ExternalSupervisorInput,
): Promise<SupervisorType> {
  assertSupervisorEditor(ctx);
  const values = cleanExternal(input);
  const id = randomUUID();
  await ctx.db.query(
    `INSERT INTO supervisors (tenant_id, id, kind, name, organisation_name, accreditation_body)
     VALUES ($1, $2, 'EXTERNAL', $3, $4, $5)`,
    [ctx.db.tenantId, id, values.name, values.organisationName, values.accreditationBody],
  );
  await recordAudit(ctx, 'supervisor.create', 'Supervisor', id);
  return supervisorById(ctx, id);
}

export async function updateExternalSupervisor(
  ctx: RequestContext,
  id: string,
  input: ExternalSupervisorInput,
): Promise<SupervisorType> {
  assertSupervisorEditor(ctx);
  const existing = await supervisorById(ctx, id);
  if (existing.kind !== 'EXTERNAL') {
    throw badInput('id', "An internal supervisor's details come from their staff record.");
  }
  const values = cleanExternal(input);
  await ctx.db.query(
    `UPDATE supervisors SET name = $3, organisation_name = $4, accreditation_body = $5
      WHERE tenant_id = $1 AND id = $2 AND kind = 'EXTERNAL'`,
    [ctx.db.tenantId, id, values.name, values.organisationName, values.accreditationBody],
  );
  await recordAudit(ctx, 'supervisor.update', 'Supervisor', id);
  return supervisorById(ctx, id);
}

/**
 * Makes a staff member an internal supervisor. Idempotent: a staff member
 * has at most one supervisor record, which is returned if it exists.
 */
export async function designateInternalSupervisor(
  ctx: RequestContext,
  staffId: string,
): Promise<SupervisorType> {
  const membership = assertSupervisorEditor(ctx);
  const staff = await findVisibleStaff(ctx, staffId);
  if (!staff || !canDesignate(membership, staff)) throw notFound('Staff member');
  if (staff.erased) {
    throw badInput('staffId', "An erased staff member's record cannot become a supervisor.");
  }
  const inserted = await ctx.db.query<{ id: string }>(
    `INSERT INTO supervisors (tenant_id, id, kind, staff_id) VALUES ($1, $2, 'INTERNAL', $3)
     ON CONFLICT (tenant_id, staff_id) WHERE staff_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [ctx.db.tenantId, randomUUID(), staffId],
  );
  const [row] = inserted.length
    ? inserted
    : await ctx.db.query<{ id: string }>(
        'SELECT id FROM supervisors WHERE tenant_id = $1 AND staff_id = $2',
        [ctx.db.tenantId, staffId],
      );
  await recordAudit(ctx, 'supervisor.designate', 'Supervisor', row.id);
  return supervisorById(ctx, row.id);
}
