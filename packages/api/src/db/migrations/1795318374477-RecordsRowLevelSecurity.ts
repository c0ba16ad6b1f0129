import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls, grantToApp } from '../rls';

const TENANT_TABLES = [
  'supervisors',
  'supervision_agreements',
  'supervision_sessions',
  'session_attendees',
  'session_actions',
  'absence_episodes',
];

/** Row-level security and grants for the records tables (policy before grant). */
export class RecordsRowLevelSecurity1795318374477 implements MigrationInterface {
  name = 'RecordsRowLevelSecurity1795318374477';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await enableTenantRls(queryRunner, table);
    await grantToApp(queryRunner, 'SELECT, INSERT, UPDATE, DELETE', TENANT_TABLES);
    await grantToApp(queryRunner, 'SELECT, INSERT, UPDATE', ['user_invitations']);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE ALL ON user_invitations FROM holdspace_app');
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM holdspace_app`);
      await queryRunner.query(`DROP POLICY tenant_isolation ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
  }
}
