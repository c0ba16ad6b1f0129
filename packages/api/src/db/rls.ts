import type { QueryRunner } from 'typeorm';
import { APP_ROLE } from './roles';

/** The request's tenant, as every policy reads it; an unset setting matches nothing. */
export const CURRENT_TENANT_SQL = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * `key` is the request's tenant, as a policy tests it: the setting is read in a sub-select,
 * which PostgreSQL evaluates once per statement (an InitPlan) rather than once per row
 * (migration TenantSettingOncePerStatement).
 */
export function tenantIsolationSql(key: string): string {
  return `${key} = (SELECT ${CURRENT_TENANT_SQL})`;
}

/**
 * ENABLE and FORCE row-level security on a tenant table, with the policy that
 * both filters reads (USING) and refuses writes (WITH CHECK) outside the tenant.
 * Migrations call this for every new tenant table, before granting it.
 */
export async function enableTenantRls(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(
    `CREATE POLICY tenant_isolation ON "${table}" USING (${tenantIsolationSql('tenant_id')}) WITH CHECK (${tenantIsolationSql('tenant_id')})`,
  );
}

export async function grantToApp(
  queryRunner: QueryRunner,
  privileges: string,
  tables: string[],
): Promise<void> {
  for (const table of tables) {
    await queryRunner.query(`GRANT ${privileges} ON "${table}" TO ${APP_ROLE}`);
  }
}
