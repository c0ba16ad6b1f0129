import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';
import { enableTenantRls, grantToApp } from '../rls';

/**
 * Row-level security for the foundation tables, written before any grant:
 * every tenant table is ENABLEd and FORCEd, with one policy whose USING and
 * WITH CHECK both require `tenant_id` to be the request's tenant.
 */
export class RowLevelSecurity1795317278986 implements MigrationInterface {
  name = 'RowLevelSecurity1795317278986';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'services',
      'memberships',
      'membership_services',
      'staff_members',
      'audit_events',
    ]) {
      await enableTenantRls(queryRunner, table);
    }
    // A user may list their own memberships across organisations (to choose one).
    await queryRunner.query(
      `CREATE POLICY own_memberships ON memberships FOR SELECT USING (user_id = NULLIF(current_setting('app.user_id', true), '')::uuid)`,
    );
    // Organisations: the tenant's own row, and (read-only) those the user belongs to.
    await queryRunner.query('ALTER TABLE organisations ENABLE ROW LEVEL SECURITY');
    await queryRunner.query('ALTER TABLE organisations FORCE ROW LEVEL SECURITY');
    await queryRunner.query(
      `CREATE POLICY tenant_isolation ON organisations
         USING (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
         WITH CHECK (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`,
    );
    await queryRunner.query(
      `CREATE POLICY member_organisations ON organisations FOR SELECT
         USING (id IN (SELECT m.tenant_id FROM memberships m
                        WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid))`,
    );

    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await grantToApp(queryRunner, 'SELECT, INSERT, UPDATE', [
      'organisations',
      'users',
      'auth_sessions',
    ]);
    await grantToApp(queryRunner, 'SELECT, INSERT, UPDATE, DELETE', [
      'services',
      'memberships',
      'membership_services',
      'staff_members',
    ]);
    await grantToApp(queryRunner, 'SELECT, INSERT, DELETE', ['sign_in_failures']);
    // Audit events can be written and read, never changed or deleted, by the API.
    await grantToApp(queryRunner, 'SELECT, INSERT', ['audit_events']);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query('DROP POLICY member_organisations ON organisations');
    await queryRunner.query('DROP POLICY tenant_isolation ON organisations');
    await queryRunner.query('ALTER TABLE organisations DISABLE ROW LEVEL SECURITY');
    await queryRunner.query('DROP POLICY own_memberships ON memberships');
    for (const table of [
      'services',
      'memberships',
      'membership_services',
      'staff_members',
      'audit_events',
    ]) {
      await queryRunner.query(`DROP POLICY tenant_isolation ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
