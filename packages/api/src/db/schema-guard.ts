import type { Client } from 'pg';
import { APP_ROLE } from './roles';

/** Tables that belong to no organisation (sign-in and migrations). Anything else must be a tenant table. */
export const GLOBAL_TABLES = [
  'users',
  'auth_sessions',
  'sign_in_failures',
  'user_invitations',
  'typeorm_migrations',
];

/**
 * Every table with a `tenant_id` column, as `name`, read from the catalog: whatever walks the
 * tenant tables (erasing an organisation, the isolation tests) covers a new one without a list.
 */
export const TENANT_TABLES_SQL = `
  SELECT c.table_name AS name FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
   WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
   ORDER BY 1`;

/**
 * Foreign keys that point at another organisation on purpose (`table.column`): a sharing
 * agreement belongs to the provider and names its commissioner (docs/commissioning.md).
 */
export const CROSS_ORGANISATION_REFERENCES = ['sharing_agreements.commissioner_id'];

interface Queryable {
  query: Client['query'];
}

/**
 * Checks the database against the tenancy rules of docs/security.md and
 * returns every violation (none is the only passing answer):
 * - every table is global (listed above) or a tenant table with tenant_id;
 * - tenant tables (and organisations) ENABLE and FORCE row-level security and
 *   have a policy whose USING and WITH CHECK both test the request's tenant;
 * - every primary key and unique constraint of a tenant table includes tenant_id;
 * - every foreign key between tenant tables includes tenant_id on both sides;
 * - the API's role owns nothing and is neither superuser nor BYPASSRLS;
 * - no SECURITY DEFINER function lacks a fixed search_path; views are security_invoker.
 */
export async function schemaViolations(db: Queryable): Promise<string[]> {
  const violations: string[] = [];
  const tables = (
    await db.query<{ table: string; has_tenant: boolean; rls: boolean; force: boolean }>(
      `SELECT c.relname AS table,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS has_tenant,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS force
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        ORDER BY c.relname`,
    )
  ).rows;

  const tenantTables = new Set<string>();
  for (const t of tables) {
    if (GLOBAL_TABLES.includes(t.table)) continue;
    const isOrganisations = t.table === 'organisations';
    if (!t.has_tenant && !isOrganisations) {
      violations.push(`${t.table}: not a known global table and has no tenant_id column`);
      continue;
    }
    tenantTables.add(t.table);
    if (!t.rls) violations.push(`${t.table}: row-level security is not enabled`);
    if (!t.force) violations.push(`${t.table}: row-level security is not forced`);
    const keyColumn = isOrganisations ? 'id' : 'tenant_id';
    const policies = (
      await db.query<{ qual: string | null; check: string | null }>(
        `SELECT pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS check
           FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
          WHERE c.relname = $1 AND p.polcmd = '*' AND p.polpermissive`,
        [t.table],
      )
    ).rows;
    const testsTenant = (expr: string | null) =>
      expr !== null &&
      expr.includes(`${keyColumn} = `) &&
      expr.includes(`current_setting('app.tenant_id'::text, true)`);
    if (!policies.some((p) => testsTenant(p.qual) && testsTenant(p.check))) {
      violations.push(
        `${t.table}: no policy with both USING and WITH CHECK on ${keyColumn} = the request's tenant`,
      );
    }
  }

  const constraints = (
    await db.query<{
      table: string;
      name: string;
      type: string;
      columns: string[];
      ref_table: string | null;
      ref_columns: string[] | null;
    }>(
      `SELECT c.relname AS table, k.conname AS name, k.contype AS type,
              ARRAY(SELECT a.attname::text FROM unnest(k.conkey) col JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = col) AS columns,
              r.relname AS ref_table,
              CASE WHEN k.confrelid = 0 THEN NULL ELSE
                ARRAY(SELECT a.attname::text FROM unnest(k.confkey) col JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = col) END AS ref_columns
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_class r ON r.oid = k.confrelid
        WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'f')`,
    )
  ).rows;
  for (const k of constraints) {
    if (!tenantTables.has(k.table) || k.table === 'organisations') continue;
    if ((k.type === 'p' || k.type === 'u') && !k.columns.includes('tenant_id')) {
      violations.push(`${k.table}.${k.name}: key does not include tenant_id`);
    }
    if (k.type === 'f' && k.ref_table && tenantTables.has(k.ref_table)) {
      const crossOrganisation =
        k.ref_table === 'organisations' &&
        k.columns.length === 1 &&
        CROSS_ORGANISATION_REFERENCES.includes(`${k.table}.${k.columns[0]}`);
      const ok =
        crossOrganisation ||
        (k.ref_table === 'organisations'
          ? k.columns.length === 1 && k.columns[0] === 'tenant_id'
          : k.columns.includes('tenant_id') &&
            (k.ref_columns ?? []).includes('tenant_id') &&
            k.columns.indexOf('tenant_id') === (k.ref_columns ?? []).indexOf('tenant_id'));
      if (!ok)
        violations.push(
          `${k.table}.${k.name}: foreign key to ${k.ref_table} does not match on tenant_id`,
        );
    }
  }

  const uniqueIndexes = (
    await db.query<{ table: string; name: string; has_tenant: boolean }>(
      `SELECT c.relname AS table, i.relname AS name,
              EXISTS (SELECT 1 FROM unnest(x.indkey) col JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = col
                       WHERE a.attname = 'tenant_id') AS has_tenant
         FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND x.indisunique AND NOT x.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
    )
  ).rows;
  for (const u of uniqueIndexes) {
    if (tenantTables.has(u.table) && u.table !== 'organisations' && !u.has_tenant) {
      violations.push(`${u.table}.${u.name}: unique index does not include tenant_id`);
    }
  }

  const role = (
    await db.query<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns
         FROM pg_roles r WHERE r.rolname = $1`,
      [APP_ROLE],
    )
  ).rows[0];
  if (!role) violations.push(`${APP_ROLE}: role does not exist`);
  else {
    if (role.rolsuper) violations.push(`${APP_ROLE}: is a superuser`);
    if (role.rolbypassrls) violations.push(`${APP_ROLE}: has BYPASSRLS`);
    if (role.owns > 0) violations.push(`${APP_ROLE}: owns ${role.owns} relation(s)`);
  }

  const definers = (
    await db.query<{ name: string }>(
      `SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef
          AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) cfg WHERE cfg LIKE 'search_path=%')`,
    )
  ).rows;
  for (const f of definers)
    violations.push(`${f.name}(): SECURITY DEFINER without a fixed search_path`);

  const views = (
    await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'v'
          AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)`,
    )
  ).rows;
  for (const v of views) violations.push(`${v.name}: view is not security_invoker`);

  return violations;
}
