import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service';
import { badInput, conflict, notFound } from '../errors/app-errors';
import { byKeys, loader } from '../tenancy/loaders';
import type { RequestContext } from '../tenancy/context';
import { isUuid } from '../graphql/validation';
import { isUniqueViolation } from '../errors/database-errors';
import { assertCanEditServices, assertCanListServices } from './service.access';
import { SERVICE_NAME_MAX } from './service.input';
import type { ServiceType } from './service.types';

const UNIQUE_NAME = 'services_tenant_name_key';

/** The organisation's services, by name. */
export async function listServices(ctx: RequestContext): Promise<ServiceType[]> {
  assertCanListServices(ctx);
  return ctx.db.query<ServiceType>(
    'SELECT id, name FROM services WHERE tenant_id = $1 ORDER BY lower(name), id',
    [ctx.db.tenantId],
  );
}

/** One service of this organisation, or null (another organisation's id is null too). */
export async function findService(ctx: RequestContext, id: string): Promise<ServiceType | null> {
  if (!isUuid(id)) return null;
  const [row] = await ctx.db.query<ServiceType>(
    'SELECT id, name FROM services WHERE tenant_id = $1 AND id = $2',
    [ctx.db.tenantId, id],
  );
  return row ?? null;
}

/** Batched per request (no N+1): a staff list's services in one query. */
export function loadService(ctx: RequestContext, id: string): Promise<ServiceType | null> {
  return loader<string, ServiceType | null>(ctx, 'services.byId', async (ids) => {
    const rows = await ctx.db.query<ServiceType>(
      'SELECT id, name FROM services WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
      [ctx.db.tenantId, ids],
    );
    return byKeys(
      ids,
      rows,
      (r) => r.id,
      (found) => found[0] ?? null,
    );
  }).load(id);
}

function cleanName(field: string, raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw badInput(field, 'Give the service a name.');
  if (name.length > SERVICE_NAME_MAX) {
    throw badInput(field, `A service name can be at most ${SERVICE_NAME_MAX} characters.`);
  }
  return name;
}

const duplicate = (field: string) =>
  conflict('The organisation already has a service with this name.', field);

/** Names are unique in an organisation, ignoring case ("Outreach" and "outreach" clash). */
async function assertNameFree(
  ctx: RequestContext,
  field: string,
  name: string,
  exceptId: string | null,
) {
  const [clash] = await ctx.db.query(
    `SELECT 1 FROM services
      WHERE tenant_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid)`,
    [ctx.db.tenantId, name, exceptId],
  );
  if (clash) throw duplicate(field);
}

export async function createService(ctx: RequestContext, rawName: string): Promise<ServiceType> {
  assertCanEditServices(ctx);
  const name = cleanName('input.name', rawName);
  await assertNameFree(ctx, 'input.name', name, null);
  const id = randomUUID();
  try {
    await ctx.db.query('INSERT INTO services (tenant_id, id, name) VALUES ($1, $2, $3)', [
      ctx.db.tenantId,
      id,
      name,
    ]);
  } catch (error) {
    if (isUniqueViolation(error, UNIQUE_NAME)) throw duplicate('input.name');
    throw error;
  }
  await recordAudit(ctx, 'service.create', 'Service', id);
  return { id, name };
}

export async function renameService(
  ctx: RequestContext,
  id: string,
  rawName: string,
): Promise<ServiceType> {
  assertCanEditServices(ctx);
  const existing = await findService(ctx, id);
  if (!existing) throw notFound('Service');
  const name = cleanName('name', rawName);
  await assertNameFree(ctx, 'name', name, id);
  try {
    await ctx.db.query('UPDATE services SET name = $3 WHERE tenant_id = $1 AND id = $2', [
      ctx.db.tenantId,
      id,
      name,
    ]);
  } catch (error) {
    if (isUniqueViolation(error, UNIQUE_NAME)) throw duplicate('name');
    throw error;
  }
  await recordAudit(ctx, 'service.rename', 'Service', id);
  return { id, name };
}
