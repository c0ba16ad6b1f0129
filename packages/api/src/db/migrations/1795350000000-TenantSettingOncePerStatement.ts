import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CURRENT_TENANT_SQL, tenantIsolationSql } from '../rls';

/** Every table's own-organisation policy, read from the catalog (no list to keep up to date). */
async function tenantIsolationTables(queryRunner: QueryRunner): Promise<string[]> {
  const rows = (await queryRunner.query(
    `SELECT tablename FROM pg_policies
      WHERE schemaname = 'public' AND policyname = 'tenant_isolation' ORDER BY 1`,
  )) as { tablename: string }[];
  return rows.map((row) => row.tablename);
}

const keyColumn = (table: string): string => (table === 'organisations' ? 'id' : 'tenant_id');

/**
 * The `tenant_isolation` policies read the request's tenant once per statement instead of
 * once per row. Written as `tenant_id = NULLIF(current_setting(…))::uuid`, PostgreSQL calls
 * `current_setting` and parses the uuid for every row a statement reads; written as
 * `tenant_id = (SELECT NULLIF(current_setting(…))::uuid)`, the sub-select is an InitPlan,
 * evaluated once and compared as a parameter. Same meaning (an unset setting still matches
 * nothing), same guarantee; measured in docs/scaling.md.
 */
export class TenantSettingOncePerStatement1795350000000 implements MigrationInterface {
  name = 'TenantSettingOncePerStatement1795350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of await tenantIsolationTables(queryRunner)) {
      const rule = tenantIsolationSql(keyColumn(table));
      await queryRunner.query(
        `ALTER POLICY tenant_isolation ON "${table}" USING (${rule}) WITH CHECK (${rule})`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of await tenantIsolationTables(queryRunner)) {
      const rule = `${keyColumn(table)} = ${CURRENT_TENANT_SQL}`;
      await queryRunner.query(
        `ALTER POLICY tenant_isolation ON "${table}" USING (${rule}) WITH CHECK (${rule})`,
      );
    }
  }
}
