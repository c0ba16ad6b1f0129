import { randomUUID } from 'node:crypto';
import type { RequestDb } from '../tenancy/request-db';

/**
 * What rows refer to by name or reference, loaded once per import: services by
 * name, staff by reference, supervisors. Names the import may create (missing
 * services when asked, supervisors always) get an id up front; the records are
 * inserted only when the import is written (never in a dry run).
 */

type Resolved = { id: string } | { message: string };

export class ServiceLookup {
  private readonly exact = new Map<string, string>();
  private readonly lower = new Map<string, string[]>();
  /** Services to create, by lower-cased name. */
  readonly planned = new Map<string, { id: string; name: string }>();

  constructor(
    rows: ReadonlyArray<{ id: string; name: string }>,
    private readonly createMissing: boolean,
  ) {
    for (const row of rows) {
      this.exact.set(row.name, row.id);
      const key = row.name.toLowerCase();
      this.lower.set(key, [...(this.lower.get(key) ?? []), row.id]);
    }
  }

  /** The exact name, else the only one that differs just in case; else created or refused. */
  resolve(name: string): Resolved {
    const exact = this.exact.get(name);
    if (exact) return { id: exact };
    const key = name.toLowerCase();
    const similar = this.lower.get(key);
    if (similar?.length === 1) return { id: similar[0] };
    const planned = this.planned.get(key);
    if (planned) return { id: planned.id };
    if (!this.createMissing) {
      return {
        message:
          'There is no service with this name. Create it first, or import with "create missing services".',
      };
    }
    const id = randomUUID();
    this.planned.set(key, { id, name });
    return { id };
  }
}

export class SupervisorLookup {
  private readonly internal = new Map<string, string>();
  private readonly external = new Map<string, string>();
  private readonly externalLower = new Map<string, string[]>();
  readonly plannedInternal = new Map<string, string>();
  /** By lower-cased name. */
  readonly plannedExternal = new Map<string, { id: string; name: string }>();

  constructor(
    rows: ReadonlyArray<{ id: string; kind: string; staff_id: string | null; name: string | null }>,
  ) {
    // Rows come oldest first: with two external supervisors of one name, the older is used.
    for (const row of rows) {
      if (row.kind === 'INTERNAL' && row.staff_id) this.internal.set(row.staff_id, row.id);
      else if (row.kind === 'EXTERNAL' && row.name !== null) {
        if (!this.external.has(row.name)) this.external.set(row.name, row.id);
        const key = row.name.toLowerCase();
        this.externalLower.set(key, [...(this.externalLower.get(key) ?? []), row.id]);
      }
    }
  }

  /** The internal supervisor record of a staff member (created if missing). */
  internalFor(staffId: string): string {
    const found = this.internal.get(staffId) ?? this.plannedInternal.get(staffId);
    if (found) return found;
    const id = randomUUID();
    this.plannedInternal.set(staffId, id);
    return id;
  }

  /** The external supervisor of this name (created if missing). */
  externalFor(name: string): string {
    const exact = this.external.get(name);
    if (exact) return exact;
    const key = name.toLowerCase();
    const similar = this.externalLower.get(key);
    if (similar?.length === 1) return similar[0];
    const planned = this.plannedExternal.get(key);
    if (planned) return planned.id;
    const id = randomUUID();
    this.plannedExternal.set(key, { id, name });
    return id;
  }

  get plannedCount(): number {
    return this.plannedInternal.size + this.plannedExternal.size;
  }
}

export interface Lookups {
  services: ServiceLookup;
  /** Staff id by reference; a staff member without one is known by their id. */
  staff: Map<string, string>;
  supervisors: SupervisorLookup;
}

export async function loadLookups(
  db: RequestDb,
  options: { references: boolean; createMissingServices: boolean },
): Promise<Lookups> {
  const tenantId = db.tenantId;
  const services = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM services WHERE tenant_id = $1',
    [tenantId],
  );
  const staff = new Map<string, string>();
  if (options.references) {
    const rows = await db.query<{ id: string; ref: string }>(
      'SELECT id, coalesce(staff_ref, id::text) AS ref FROM staff_members WHERE tenant_id = $1',
      [tenantId],
    );
    for (const row of rows) staff.set(row.ref, row.id);
  }
  const supervisors = options.references
    ? await db.query<{ id: string; kind: string; staff_id: string | null; name: string | null }>(
        `SELECT id, kind, staff_id, name FROM supervisors WHERE tenant_id = $1
          ORDER BY created_at, id`,
        [tenantId],
      )
    : [];
  return {
    services: new ServiceLookup(services, options.createMissingServices),
    staff,
    supervisors: new SupervisorLookup(supervisors),
  };
}

/** Inserts the services and supervisors the rows need (only when the import is written). */
export async function createPlanned(db: RequestDb, lookups: Lookups): Promise<void> {
  const tenantId = db.tenantId;
  const services = [...lookups.services.planned.values()];
  if (services.length > 0) {
    await db.query(
      `INSERT INTO services (tenant_id, id, name)
       SELECT $1, u.id, u.name FROM unnest($2::uuid[], $3::text[]) AS u(id, name)`,
      [tenantId, services.map((s) => s.id), services.map((s) => s.name)],
    );
  }
  const internal = [...lookups.supervisors.plannedInternal.entries()];
  if (internal.length > 0) {
    await db.query(
      `INSERT INTO supervisors (tenant_id, id, kind, staff_id)
       SELECT $1, u.id, 'INTERNAL', u.staff_id FROM unnest($2::uuid[], $3::uuid[]) AS u(id, staff_id)`,
      [tenantId, internal.map(([, id]) => id), internal.map(([staffId]) => staffId)],
    );
  }
  const external = [...lookups.supervisors.plannedExternal.values()];
  if (external.length > 0) {
    await db.query(
      `INSERT INTO supervisors (tenant_id, id, kind, name)
       SELECT $1, u.id, 'EXTERNAL', u.name FROM unnest($2::uuid[], $3::text[]) AS u(id, name)`,
      [tenantId, external.map((s) => s.id), external.map((s) => s.name)],
    );
  }
}
