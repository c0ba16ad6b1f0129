import type { DataSource } from 'typeorm';
import {
  connect,
  appUrl,
  createOrganisation,
  createService,
  createStaff,
  createUser,
  addMembership,
} from '../../test/helpers';
import { TENANT_TABLES_SQL } from '../db/schema-guard';
import { withTenant } from './request-db';

/** Tables this test puts rows in (so "only A's rows" is not vacuous for them). */
const SEEDED_TABLES = [
  'organisations',
  'services',
  'memberships',
  'membership_services',
  'staff_members',
  'audit_events',
];

/** Row-level security as the API's own role, which owns nothing and cannot bypass it. */
describe('tenant isolation at the database', () => {
  let app: DataSource;
  let a: { id: string };
  let b: { id: string };

  beforeAll(async () => {
    app = await connect(appUrl(), 2); // a small pool, so connections are reused across tenants
    a = await createOrganisation(app);
    b = await createOrganisation(app);
    for (const org of [a, b]) {
      const service = await createService(app, org.id);
      await createStaff(app, org.id, service.id);
      const user = await createUser(app);
      const m = await addMembership(app, org.id, user.id, 'SERVICE_MANAGER');
      await withTenant(app, { userId: null, tenantId: org.id }, async (db) => {
        await db.query(
          'INSERT INTO membership_services (tenant_id, membership_id, service_id) VALUES ($1, $2, $3)',
          [org.id, m.id, service.id],
        );
        await db.query(
          `INSERT INTO audit_events (tenant_id, id, action, entity_type) VALUES ($1, gen_random_uuid(), 'test.seed', 'test')`,
          [org.id],
        );
      });
    }
  });
  afterAll(() => app.destroy());

  /** Every tenant table, read from the catalog: a new table is covered without anyone listing it. */
  async function tenantTables(): Promise<string[]> {
    const rows = await app.query(TENANT_TABLES_SQL);
    return ['organisations', ...rows.map((r: { name: string }) => r.name)];
  }

  it('covers every tenant table', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(SEEDED_TABLES));
    expect(tables.length).toBeGreaterThanOrEqual(12);
  });

  it('shows only the current organisation’s rows in every tenant table', async () => {
    for (const table of await tenantTables()) {
      const key = table === 'organisations' ? 'id' : 'tenant_id';
      const rows = await withTenant(app, { userId: null, tenantId: a.id }, (db) =>
        db.query<{ tenant: string }>(`SELECT ${key} AS tenant FROM "${table}"`),
      );
      if (SEEDED_TABLES.includes(table))
        expect({ table, count: rows.length }).not.toEqual({ table, count: 0 });
      expect({ table, tenants: [...new Set(rows.map((r) => r.tenant))] }).toEqual({
        table,
        tenants: rows.length ? [a.id] : [],
      });
    }
  });

  it('shows nothing in any tenant table when no organisation is set', async () => {
    for (const table of await tenantTables()) {
      const rows = await withTenant(app, { userId: null, tenantId: null }, (db) =>
        db.query(`SELECT * FROM "${table}"`),
      );
      expect({ table, rows }).toEqual({ table, rows: [] });
      // …and nothing outside a transaction either (a plain pooled query has no setting).
      expect({ table, rows: await app.query(`SELECT * FROM "${table}"`) }).toEqual({
        table,
        rows: [],
      });
    }
  });

  it('refuses to insert a row carrying another organisation’s tenant_id', async () => {
    await expect(
      withTenant(app, { userId: null, tenantId: a.id }, (db) =>
        db.query(
          `INSERT INTO services (tenant_id, id, name) VALUES ($1, gen_random_uuid(), 'Smuggled')`,
          [b.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses to move a row to another organisation', async () => {
    await expect(
      withTenant(app, { userId: null, tenantId: a.id }, (db) =>
        db.query('UPDATE services SET tenant_id = $1 WHERE tenant_id = $2', [b.id, a.id]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot change or delete audit events, even its own organisation’s', async () => {
    for (const sql of [
      'UPDATE audit_events SET action = $2 WHERE tenant_id = $1',
      'DELETE FROM audit_events WHERE tenant_id = $1',
    ]) {
      await expect(
        withTenant(app, { userId: null, tenantId: a.id }, (db) =>
          db.query(sql, sql.startsWith('UPDATE') ? [a.id, 'x'] : [a.id]),
        ),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it('never shows a foreign row to parallel transactions alternating between organisations', async () => {
    const work = Array.from({ length: 200 }, (_, i) => {
      const org = i % 2 === 0 ? a : b;
      return withTenant(app, { userId: null, tenantId: org.id }, async (db) => {
        const rows = await db.query<{ tenant_id: string }>('SELECT tenant_id FROM staff_members');
        return rows.every((r) => r.tenant_id === org.id) && rows.length > 0;
      });
    });
    expect((await Promise.all(work)).every(Boolean)).toBe(true);
  });

  it('keeps no tenant setting on a pooled connection after its transaction', async () => {
    await withTenant(app, { userId: null, tenantId: a.id }, (db) => db.query('SELECT 1'));
    const settings = await Promise.all(
      [1, 2, 3, 4].map(() => app.query(`SELECT current_setting('app.tenant_id', true) AS t`)),
    );
    for (const [row] of settings) expect(row.t ?? '').toBe('');
  });
});
