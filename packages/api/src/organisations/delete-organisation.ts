import type { DataSource, QueryRunner } from 'typeorm';
import { refreshMarkedRollup } from '../commissioning/rollup.service';
import { SHARING_ENTITY } from '../commissioning/sharing.service';
import { TENANT_TABLES_SQL } from '../db/schema-guard';

/** What was erased: the organisation, and the rows removed from each tenant table. */
export interface OrganisationDeletion {
  name: string;
  slug: string;
  kind: string;
  rows: Record<string, number>;
}

export class OrganisationDeletionError extends Error {}

async function tenantTables(runner: QueryRunner): Promise<string[]> {
  const rows = (await runner.query(TENANT_TABLES_SQL)) as { name: string }[];
  return rows.map((row) => row.name);
}

/**
 * The tables in an order that deletes every referencing row before the rows it references
 * (foreign keys between tenant tables, read from the catalog), so that RESTRICT keys hold.
 */
async function deletionOrder(runner: QueryRunner, tables: string[]): Promise<string[]> {
  const edges = (await runner.query(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace AND n.nspname = 'public'
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`,
  )) as { child: string; parent: string }[];
  const remaining = new Set(tables);
  const order: string[] = [];
  while (remaining.size > 0) {
    const free = [...remaining].filter(
      (table) =>
        !edges.some((e) => e.parent === table && e.child !== table && remaining.has(e.child)),
    );
    if (free.length === 0) {
      throw new OrganisationDeletionError(
        `the foreign keys between ${[...remaining].join(', ')} form a cycle`,
      );
    }
    for (const table of free.sort()) {
      order.push(table);
      remaining.delete(table);
    }
  }
  return order;
}

/**
 * A commissioner's agreements are its providers' rows: each provider's are deleted as that
 * provider (row-level security), with an event in the provider's audit log, and the
 * provider's shared rollup is brought up to date as after any change to what it shares.
 * Returns the number of agreements deleted.
 */
async function endSharingWith(runner: QueryRunner, commissionerId: string): Promise<number> {
  const agreements = (await runner.query(
    'SELECT tenant_id, id FROM sharing_agreements WHERE commissioner_id = $1 ORDER BY 1, 2',
    [commissionerId],
  )) as { tenant_id: string; id: string }[];
  const providers = [...new Set(agreements.map((a) => a.tenant_id))];
  for (const provider of providers) {
    await actAs(runner, provider);
    await runner.query(
      `INSERT INTO audit_events (tenant_id, id, action, entity_type, entity_id)
       SELECT a.tenant_id, gen_random_uuid(), 'sharing.commissioner_erased', $3, a.id
         FROM sharing_agreements a WHERE a.tenant_id = $1 AND a.commissioner_id = $2`,
      [provider, commissionerId, SHARING_ENTITY],
    );
    await runner.query(
      'DELETE FROM sharing_agreements WHERE tenant_id = $1 AND commissioner_id = $2',
      [provider, commissionerId],
    );
    await refreshMarkedRollup({
      tenantId: provider,
      query: async <T>(sql: string, parameters: unknown[] = []) =>
        (await runner.query(sql, parameters)) as T[],
    });
  }
  await actAs(runner, commissionerId);
  return agreements.length;
}

/** Acts as `tenantId` for the rest of the transaction (row-level security binds the owner too). */
async function actAs(runner: QueryRunner, tenantId: string): Promise<void> {
  await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
}

/** Deletes the organisation's rows of `table` (keyed by `column`) and returns how many. */
async function deleteRows(
  runner: QueryRunner,
  table: string,
  organisationId: string,
  column = 'tenant_id',
): Promise<number> {
  const [row] = (await runner.query(
    `WITH gone AS (DELETE FROM "${table}" WHERE ${column} = $1 RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [organisationId],
  )) as { n: number }[];
  return row.n;
}

/**
 * Erases an organisation and every row it holds, in one transaction as the owner role (an
 * operator's task: the API's role may not delete organisations). `confirmSlug` must be the
 * organisation's address, so a mistyped id erases nothing. Row-level security applies to the
 * owner too, so the work is done with the organisation as the tenant; every table with a
 * `tenant_id` is emptied for it, children first, found from the catalog, so a table added
 * later is covered without a list to keep. A commissioner's sharing agreements, which are
 * its providers' rows, go first (endSharingWith). Users are global and stay:
 * they keep their other organisations. Nothing is left half-done: any failure rolls back.
 */
export async function deleteOrganisation(
  owner: DataSource,
  organisationId: string,
  confirmSlug: string,
): Promise<OrganisationDeletion> {
  const runner = owner.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await actAs(runner, organisationId);
    const [organisation] = (await runner.query(
      'SELECT name, slug, kind FROM organisations WHERE id = $1',
      [organisationId],
    )) as { name: string; slug: string; kind: string }[];
    if (!organisation) {
      throw new OrganisationDeletionError(`no organisation has the id ${organisationId}`);
    }
    if (organisation.slug !== confirmSlug) {
      throw new OrganisationDeletionError(
        `the organisation with id ${organisationId} has the address "${organisation.slug}", not "${confirmSlug}": nothing was deleted`,
      );
    }
    const rows: Record<string, number> = {};
    if (organisation.kind === 'COMMISSIONER') {
      rows.providers_sharing_agreements = await endSharingWith(runner, organisationId);
    }
    const tables = await tenantTables(runner);
    for (const table of await deletionOrder(runner, tables)) {
      rows[table] = await deleteRows(runner, table, organisationId);
    }
    rows.organisations = await deleteRows(runner, 'organisations', organisationId, 'id');
    // Triggers keep bookkeeping rows (the rollup's marks, the attendance facts) as records
    // go; those written during the deletion go now, and then nothing may be left.
    for (const table of tables) rows[table] += await deleteRows(runner, table, organisationId);
    for (const table of tables) {
      const [left] = (await runner.query(
        `SELECT EXISTS (SELECT 1 FROM "${table}" WHERE tenant_id = $1) AS any`,
        [organisationId],
      )) as { any: boolean }[];
      if (left.any) {
        throw new OrganisationDeletionError(`rows of ${table} were left: nothing was deleted`);
      }
    }
    await runner.commitTransaction();
    return { ...organisation, rows };
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
