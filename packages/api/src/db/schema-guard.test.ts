import { Client } from 'pg';
import { createDataSource } from './data-source';
import { schemaViolations } from './schema-guard';

const ownerUrl = () => process.env.HOLDSPACE_TEST_OWNER_URL!;

describe('schema guard (against the migrated database)', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: ownerUrl() });
    await client.connect();
  });
  afterAll(() => client.end());

  it('finds no violation of the tenancy rules', async () => {
    expect(await schemaViolations(client)).toEqual([]);
  });

  it('fails for a new table that breaks each rule', async () => {
    await client.query('BEGIN');
    try {
      await client.query('CREATE TABLE careless (id uuid PRIMARY KEY, note text)');
      await client.query(
        `CREATE TABLE leaky (tenant_id uuid NOT NULL, id uuid NOT NULL, service_id uuid,
           CONSTRAINT leaky_pk PRIMARY KEY (id),
           CONSTRAINT leaky_service_fk FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id))`,
      );
      await client.query('ALTER TABLE leaky ENABLE ROW LEVEL SECURITY');
      await client.query(
        `CREATE TABLE half (tenant_id uuid NOT NULL, id uuid NOT NULL, staff_id uuid, PRIMARY KEY (tenant_id, id))`,
      );
      await client.query('CREATE UNIQUE INDEX half_dummy ON half (id)');
      await client.query(
        `ALTER TABLE half ADD CONSTRAINT half_staff_fk FOREIGN KEY (staff_id, tenant_id) REFERENCES staff_members (id, tenant_id)`,
      );
      await client.query('ALTER TABLE half ENABLE ROW LEVEL SECURITY');
      await client.query('ALTER TABLE half FORCE ROW LEVEL SECURITY');
      await client.query(
        `CREATE POLICY p ON half USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`,
      );
      await client.query(
        `CREATE FUNCTION risky() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'`,
      );
      await client.query('CREATE VIEW peek AS SELECT id FROM services');

      const violations = await schemaViolations(client);
      expect(violations).toEqual(
        expect.arrayContaining([
          'careless: not a known global table and has no tenant_id column',
          'leaky: row-level security is not forced',
          "leaky: no policy with both USING and WITH CHECK on tenant_id = the request's tenant",
          'leaky.leaky_pk: key does not include tenant_id',
          "half: no policy with both USING and WITH CHECK on tenant_id = the request's tenant",
          'half.half_dummy: unique index does not include tenant_id',
          'risky(): SECURITY DEFINER without a fixed search_path',
          'peek: view is not security_invoker',
        ]),
      );
      // A key on (id, tenant_id) pointing at (id, tenant_id) is fine; the order must match.
      expect(violations.some((v) => v.startsWith('half.half_staff_fk'))).toBe(false);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('has no pending migration: the entities match the migrated schema', async () => {
    const ds = createDataSource(ownerUrl(), { applicationName: 'holdspace-test', poolSize: 1 });
    await ds.initialize();
    try {
      expect(await ds.showMigrations()).toBe(false);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
