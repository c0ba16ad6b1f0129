import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  createOrganisationFixture,
  type OrganisationFixture,
} from '../../test/fixtures/organisation-fixture';
import { connect, ownerUrl, startTestServer, tenantFingerprint } from '../../test/helpers';
import type { RunningHoldspace } from '../server';
import { withTenant } from '../tenancy/request-db';
import { deleteOrganisation, OrganisationDeletionError } from './delete-organisation';

/** Tables with rows for the organisation, from a fingerprint ("count:md5" per table). */
const tablesWithRows = (fingerprint: Record<string, string>) =>
  Object.entries(fingerprint)
    .filter(([, value]) => !value.startsWith('0:'))
    .map(([table, value]) => [table, Number(value.split(':')[0])] as const);

describe('erasing a whole organisation (an operator’s task, as the owner role)', () => {
  let server: RunningHoldspace;
  let owner: DataSource;
  let a: OrganisationFixture;
  let b: OrganisationFixture;

  beforeAll(async () => {
    server = await startTestServer();
    owner = await connect(ownerUrl(), 1);
    // A provider with a record of every kind, sharing with a commissioner (so the rollup,
    // its marks and the attendance facts hold rows too), and a second one that must not move.
    a = await createOrganisationFixture(server.dataSource, { sharing: true });
    b = await createOrganisationFixture(server.dataSource, { sharing: true });
    for (const org of [a.orgId, b.orgId]) {
      await withTenant(server.dataSource, { userId: null, tenantId: org }, (db) =>
        db.query(
          `INSERT INTO audit_events (tenant_id, id, action, entity_type) VALUES ($1, gen_random_uuid(), 'test.seed', 'test')`,
          [org],
        ),
      );
    }
  });
  afterAll(async () => {
    await owner.destroy();
    await server.stop();
  });

  it('refuses an unknown id and a wrong address, and deletes nothing', async () => {
    const before = await tenantFingerprint(a.orgId);
    await expect(deleteOrganisation(owner, randomUUID(), a.slug)).rejects.toThrow(
      /no organisation has the id/,
    );
    const wrong = deleteOrganisation(owner, a.orgId, b.slug);
    await expect(wrong).rejects.toBeInstanceOf(OrganisationDeletionError);
    await expect(wrong).rejects.toThrow(`has the address "${a.slug}", not "${b.slug}"`);
    expect(await tenantFingerprint(a.orgId)).toEqual(before);
  });

  it('leaves no row in any tenant table, reports what it removed, and touches no other organisation', async () => {
    const before = await tenantFingerprint(a.orgId);
    const held = tablesWithRows(before);
    // The fixture holds every kind of record, so emptiness below is not vacuous.
    expect(held.map(([table]) => table)).toEqual(
      expect.arrayContaining([
        'organisations',
        'services',
        'memberships',
        'staff_members',
        'supervisors',
        'supervision_agreements',
        'supervision_sessions',
        'session_actions',
        'session_attendees',
        'session_attendance',
        'absence_episodes',
        'sharing_agreements',
        'shared_service_months',
        'audit_events',
      ]),
    );
    const otherBefore = await tenantFingerprint(b.orgId);

    const deletion = await deleteOrganisation(owner, a.orgId, a.slug);

    expect(deletion).toMatchObject({ slug: a.slug, kind: 'NGO' });
    // Its own row (the fingerprint also sees the commissioners it shares with, by name).
    expect(deletion.rows.organisations).toBe(1);
    for (const [table, rows] of held.filter(([table]) => table !== 'organisations')) {
      expect(deletion.rows[table]).toBeGreaterThanOrEqual(rows);
    }
    const after = await tenantFingerprint(a.orgId);
    expect(tablesWithRows(after)).toEqual([]);
    expect(await tenantFingerprint(b.orgId)).toEqual(otherBefore);
    // Users are global: the organisation's members keep their accounts.
    const [user] = await owner.query('SELECT count(*)::int AS n FROM users WHERE id = $1', [
      a.members.ORG_ADMIN.userId,
    ]);
    expect(user.n).toBe(1);
  });

  it('erases a commissioner, and with it the agreements its providers held with it', async () => {
    const before = await tenantFingerprint(b.orgId);
    const [{ slug }] = await withTenant(
      owner,
      { userId: null, tenantId: b.commissionerOrgId },
      (db) =>
        db.query<{ slug: string }>('SELECT slug FROM organisations WHERE id = $1', [
          b.commissionerOrgId,
        ]),
    );
    const deletion = await deleteOrganisation(owner, b.commissionerOrgId, slug);
    expect(deletion.kind).toBe('COMMISSIONER');
    expect(tablesWithRows(await tenantFingerprint(b.commissionerOrgId))).toEqual([]);
    const after = await tenantFingerprint(b.orgId);
    // The provider's ACTIVE agreement with it is gone, and its services with it; its own
    // records are untouched.
    expect(after.sharing_agreements).not.toEqual(before.sharing_agreements);
    for (const table of ['staff_members', 'supervision_sessions', 'absence_episodes', 'services']) {
      expect(after[table]).toEqual(before[table]);
    }
    // The provider's log says why its agreement went.
    const events = await withTenant(owner, { userId: null, tenantId: b.orgId }, (db) =>
      db.query<{ action: string; entity_id: string }>(
        `SELECT action, entity_id FROM audit_events WHERE tenant_id = $1 AND action = 'sharing.commissioner_erased'`,
        [b.orgId],
      ),
    );
    expect(events).toEqual([
      { action: 'sharing.commissioner_erased', entity_id: b.sharing.active },
    ]);
  });
});
