import { randomUUID } from 'node:crypto';
import { ROLES } from '@holdspace/shared';
import { buildHoldspaceSchema } from '../graphql/schema';
import type { RunningHoldspace } from '../server';
import { withTenant } from '../tenancy/request-db';
import {
  asTenant,
  type Caller,
  callerOf,
  createUser,
  errorCode,
  expectError,
  gql,
  memberOf,
  operationsOf,
  organisationWithAdmin,
  startTestServer,
} from '../../test/helpers';
import { AuditResolver } from './audit.resolver';

const LIST = `query($filter: AuditEventFilter, $page: PageInput) {
  auditEvents(filter: $filter, page: $page) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id occurredAt action entityType entityId actor { id displayName } }
  } }`;

interface Node {
  id: string;
  occurredAt: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; displayName: string } | null;
}

describe('audit log', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const ds = () => server.dataSource;
  const call = callerOf(() => server);
  const nodes = async (who: Caller, variables: Record<string, unknown> = {}) => {
    const r = await call(who, LIST, variables);
    expect(r.body.errors).toBeUndefined();
    return r.body.data?.auditEvents.nodes as Node[];
  };

  /** An audit event written directly, at a chosen time (as the API's role may: insert only). */
  const event = async (
    tenantId: string,
    fields: { action?: string; entityType?: string; actor?: string | null; at: string },
  ) => {
    const id = randomUUID();
    await asTenant(
      ds(),
      tenantId,
      `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tenantId,
        id,
        fields.actor ?? null,
        fields.action ?? 'staff.create',
        fields.entityType ?? 'StaffMember',
        randomUUID(),
        fields.at,
      ],
    );
    return id;
  };

  it('is read by organisation admins only', async () => {
    expect(await operationsOf(AuditResolver)).toEqual(['auditEvents']);
    const { org, admin } = await organisationWithAdmin(server);
    const outcomes: Record<string, unknown> = {};
    for (const role of ROLES) {
      const who = role === 'ORG_ADMIN' ? admin : await memberOf(server, org.id, role);
      outcomes[role] = errorCode(await call(who, LIST)) ?? 'ALLOWED';
    }
    outcomes.signedOut = errorCode(await gql(server.url, LIST));
    expect(outcomes).toEqual({
      ORG_ADMIN: 'ALLOWED',
      SERVICE_MANAGER: 'FORBIDDEN',
      SUPERVISOR: 'FORBIDDEN',
      PRACTITIONER: 'FORBIDDEN',
      ANALYST: 'FORBIDDEN',
      COMMISSIONER_ANALYST: 'FORBIDDEN',
      signedOut: 'UNAUTHENTICATED',
    });
  });

  it('lists the events of real operations, newest first, with the actor', async () => {
    const { org, admin } = await organisationWithAdmin(server);
    await call(
      admin,
      'mutation { updateOrganisationSettings(input: { retentionMonths: 24 }) { name } }',
    );
    await call(admin, '{ absenceEpisodes { totalCount } }');
    const events = await nodes(admin);
    expect(events.map((e) => e.action)).toEqual(['absence.read', 'settings.update']);
    expect(events[1]).toEqual({
      id: expect.any(String),
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      action: 'settings.update',
      entityType: 'Organisation',
      entityId: org.id,
      actor: { id: admin.user.id, displayName: 'Test User' },
    });
    expect(events[0].entityId).toBeNull();
  });

  it("shows a system event with no actor, and only this organisation's events", async () => {
    const { org, admin } = await organisationWithAdmin(server);
    const other = await organisationWithAdmin(server);
    const mine = await event(org.id, { at: '2024-01-01T10:00:00Z', actor: null });
    await event(other.org.id, { at: '2024-01-01T10:00:00Z', actor: other.admin.user.id });
    const listed = await nodes(admin);
    expect(listed.map((e) => e.id)).toEqual([mine]);
    expect(listed[0].actor).toBeNull();
    // Asking for another organisation's actor finds nothing here.
    expect(await nodes(admin, { filter: { actorUserIds: [other.admin.user.id] } })).toEqual([]);
  });

  it("filters by action, entity type, actor and day (in the organisation's time zone)", async () => {
    const { org, admin } = await organisationWithAdmin(server);
    const someone = await createUser(ds(), { displayName: 'Someone' });
    const ids = {
      // 23:30 UTC on 1 July is 00:30 on 2 July in London (summer time).
      lateJuly1Utc: await event(org.id, {
        at: '2024-07-01T23:30:00Z',
        action: 'absence.read',
        entityType: 'AbsenceEpisode',
      }),
      july1: await event(org.id, {
        at: '2024-07-01T12:00:00Z',
        action: 'staff.create',
        actor: someone.id,
      }),
      june30: await event(org.id, {
        at: '2024-06-30T22:59:59.999999Z',
        action: 'staff.update',
        actor: admin.user.id,
      }),
      january: await event(org.id, {
        at: '2024-01-15T09:00:00Z',
        action: 'absence.read',
        entityType: 'AbsenceEpisode',
        actor: someone.id,
      }),
    };
    const listed = async (filter: Record<string, unknown>) =>
      (await nodes(admin, { filter })).map((e) => e.id);
    expect(await listed({ from: '2024-07-02', to: '2024-07-02' })).toEqual([ids.lateJuly1Utc]);
    // The last microsecond of 30 June in London is still 30 June.
    expect(await listed({ from: '2024-07-01', to: '2024-07-01' })).toEqual([ids.july1]);
    expect(await listed({ to: '2024-06-30' })).toEqual([ids.june30, ids.january]);
    expect(await listed({ from: '2024-02-01' })).toEqual([ids.lateJuly1Utc, ids.july1, ids.june30]);
    expect(await listed({ actions: ['absence.read'] })).toEqual([ids.lateJuly1Utc, ids.january]);
    expect(await listed({ entityTypes: ['StaffMember'] })).toEqual([ids.july1, ids.june30]);
    expect(await listed({ actorUserIds: [someone.id] })).toEqual([ids.july1, ids.january]);
    expect(
      await listed({
        actorUserIds: [someone.id, admin.user.id],
        actions: ['staff.update', 'staff.create'],
      }),
    ).toEqual([ids.july1, ids.june30]);

    // In another zone the same instants fall on other days.
    await asTenant(
      ds(),
      org.id,
      `UPDATE organisations SET time_zone = 'Pacific/Auckland' WHERE id = $1`,
      [org.id],
    );
    expect(await listed({ from: '2024-07-01', to: '2024-07-01' })).toEqual([ids.june30]);
  });

  it('pages newest first without losing events that share a timestamp', async () => {
    const { org, admin } = await organisationWithAdmin(server);
    const at = '2024-03-03T03:03:03.123456Z';
    const made = [
      await event(org.id, { at }),
      await event(org.id, { at }),
      await event(org.id, { at: '2024-03-03T03:03:03.123457Z' }),
      await event(org.id, { at }),
      await event(org.id, { at: '2024-03-03T03:03:03.123455Z' }),
    ];
    const seen: Node[] = [];
    let after: string | null = null;
    do {
      const r = await call(admin, LIST, { page: { first: 2, after } });
      const conn = r.body.data?.auditEvents;
      expect(conn.totalCount).toBe(5);
      seen.push(...conn.nodes);
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
    } while (after);
    expect(seen.map((e) => e.id).sort()).toEqual([...made].sort());
    expect(seen[0].id).toBe(made[2]);
    expect(seen.at(-1)!.id).toBe(made[4]);
  });

  it('validates the filter and page', async () => {
    const { admin } = await organisationWithAdmin(server);
    expectError(
      await call(admin, LIST, { filter: { actorUserIds: ['x'] } }),
      'BAD_USER_INPUT',
      'filter.actorUserIds',
    );
    expectError(
      await call(admin, LIST, { filter: { from: '2024-02-02', to: '2024-02-01' } }),
      'BAD_USER_INPUT',
      'filter.to',
    );
    expectError(
      await call(admin, LIST, { filter: { actions: ['x'.repeat(81)] } }),
      'BAD_USER_INPUT',
      'filter.actions',
    );
    expectError(await call(admin, LIST, { page: { first: 101 } }), 'BAD_USER_INPUT', 'page.first');
    expectError(
      await call(admin, LIST, { page: { after: 'bm9wZQ' } }),
      'BAD_USER_INPUT',
      'page.after',
    );
  });

  it('offers no operation that changes or deletes an audit event', async () => {
    const schema = await buildHoldspaceSchema();
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.filter((name) => /audit/i.test(name))).toEqual([]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit events by the API's database role", async () => {
    const { org } = await organisationWithAdmin(server);
    const id = await event(org.id, { at: '2024-01-01T00:00:00Z' });
    const attempt = (sql: string, params: unknown[] = []) =>
      withTenant(ds(), { userId: null, tenantId: org.id }, (db) => db.query(sql, params)).then(
        () => 'done',
        (error: { driverError?: { code?: string }; code?: string }) =>
          error.driverError?.code ?? error.code,
      );
    const where = [org.id, id];
    expect(
      await attempt(`UPDATE audit_events SET action = 'x' WHERE tenant_id = $1 AND id = $2`, where),
    ).toBe('42501');
    expect(await attempt('DELETE FROM audit_events WHERE tenant_id = $1 AND id = $2', where)).toBe(
      '42501',
    );
    expect(await attempt('TRUNCATE audit_events')).toBe('42501');
    const [row] = await asTenant(
      ds(),
      org.id,
      'SELECT action FROM audit_events WHERE tenant_id = $1 AND id = $2',
      [org.id, id],
    );
    expect(row.action).toBe('staff.create');
  });
});
