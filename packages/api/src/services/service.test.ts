import type { Role } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import {
  asTenant,
  callerOf,
  createService,
  errorCode,
  gql,
  memberOf,
  organisationWithAdmin,
  startTestServer,
  type Member,
} from '../../test/helpers';

const SERVICES = '{ services { id name } }';
const CREATE = 'mutation($name: String!) { createService(input: { name: $name }) { id name } }';
const RENAME =
  'mutation($id: ID!, $name: String!) { renameService(id: $id, name: $name) { id name } }';

describe('services', () => {
  let server: RunningHoldspace;
  let admin: Member;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    ({ admin } = await organisationWithAdmin(server));
  });

  const call = callerOf(() => server);
  const serviceNames = async (tenantId: string) =>
    (
      await asTenant<{ name: string }>(
        server.dataSource,
        tenantId,
        'SELECT name FROM services WHERE tenant_id = $1 ORDER BY name',
        [tenantId],
      )
    ).map((r) => r.name);
  const auditActions = async (tenantId: string) =>
    asTenant<{ action: string; entity_id: string; actor_user_id: string }>(
      server.dataSource,
      tenantId,
      'SELECT action, entity_id, actor_user_id FROM audit_events WHERE tenant_id = $1 ORDER BY occurred_at, id',
      [tenantId],
    );

  it('creates a service with a trimmed name and writes an audit event', async () => {
    const result = await call(admin, CREATE, { name: '  Outreach  ' });
    expect(result.body.errors).toBeUndefined();
    const created = result.body.data!.createService;
    expect(created.name).toBe('Outreach');
    expect(await serviceNames(admin.org)).toEqual(['Outreach']);
    expect(await auditActions(admin.org)).toEqual([
      { action: 'service.create', entity_id: created.id, actor_user_id: admin.user.id },
    ]);
  });

  it.each([
    ['empty', '', 'BAD_USER_INPUT'],
    ['blank', '   ', 'BAD_USER_INPUT'],
    ['121 characters', 'x'.repeat(121), 'BAD_USER_INPUT'],
  ])('refuses a %s name with field input.name', async (_label, name, code) => {
    const result = await call(admin, CREATE, { name });
    expect(errorCode(result)).toBe(code);
    expect(result.body.errors![0].extensions!.field).toBe('input.name');
    expect(await serviceNames(admin.org)).toEqual([]);
  });

  it('accepts a 120-character name', async () => {
    const result = await call(admin, CREATE, { name: 'y'.repeat(120) });
    expect(result.body.errors).toBeUndefined();
  });

  it('refuses a duplicate name (ignoring case) with CONFLICT on input.name', async () => {
    await call(admin, CREATE, { name: 'Counselling' });
    const result = await call(admin, CREATE, { name: 'counselling' });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.body.errors![0].extensions!.field).toBe('input.name');
    expect(await serviceNames(admin.org)).toEqual(['Counselling']);
  });

  it('allows the same name in two organisations', async () => {
    const { admin: other } = await organisationWithAdmin(server);
    await call(admin, CREATE, { name: 'Family support' });
    const result = await call(other, CREATE, { name: 'Family support' });
    expect(result.body.errors).toBeUndefined();
  });

  it('renames a service, audits it, and refuses a clash or a blank name with field name', async () => {
    const a = await createService(server.dataSource, admin.org, 'Alpha');
    await createService(server.dataSource, admin.org, 'Beta');
    const ok = await call(admin, RENAME, { id: a.id, name: ' Gamma ' });
    expect(ok.body.data?.renameService).toEqual({ id: a.id, name: 'Gamma' });
    expect((await auditActions(admin.org)).map((e) => [e.action, e.entity_id])).toEqual([
      ['service.rename', a.id],
    ]);

    const clash = await call(admin, RENAME, { id: a.id, name: 'BETA' });
    expect(errorCode(clash)).toBe('CONFLICT');
    expect(clash.body.errors![0].extensions!.field).toBe('name');
    const blank = await call(admin, RENAME, { id: a.id, name: ' ' });
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.body.errors![0].extensions!.field).toBe('name');
    // Renaming to its own name (another case) is not a clash with itself.
    const same = await call(admin, RENAME, { id: a.id, name: 'GAMMA' });
    expect(same.body.errors).toBeUndefined();
    expect(await serviceNames(admin.org)).toEqual(['Beta', 'GAMMA']);
  });

  it("answers NOT_FOUND for another organisation's service, a made-up id and a non-id, changing nothing", async () => {
    const { admin: other } = await organisationWithAdmin(server);
    const theirs = await createService(server.dataSource, other.org, 'Theirs');
    for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const result = await call(admin, RENAME, { id, name: 'Mine now' });
      expect(errorCode(result)).toBe('NOT_FOUND');
    }
    expect(await serviceNames(other.org)).toEqual(['Theirs']);
    expect(await auditActions(other.org)).toEqual([]);
  });

  it("lists only the organisation's own services, by name", async () => {
    const { admin: other } = await organisationWithAdmin(server);
    await createService(server.dataSource, other.org, 'Elsewhere');
    await createService(server.dataSource, admin.org, 'outreach');
    await createService(server.dataSource, admin.org, 'Counselling');
    const result = await call(admin, SERVICES, {});
    expect(result.body.data!.services.map((s: { name: string }) => s.name)).toEqual([
      'Counselling',
      'outreach',
    ]);
  });

  describe('who may do what', () => {
    const ROLES: Array<[Role, { list: boolean; edit: boolean }]> = [
      ['ORG_ADMIN', { list: true, edit: true }],
      ['SERVICE_MANAGER', { list: true, edit: false }],
      ['SUPERVISOR', { list: true, edit: false }],
      ['PRACTITIONER', { list: true, edit: false }],
      ['ANALYST', { list: true, edit: false }],
      ['COMMISSIONER_ANALYST', { list: false, edit: false }],
    ];

    it.each(ROLES)('%s', async (role, allowed) => {
      const service = await createService(server.dataSource, admin.org, 'Existing');
      const member = await memberOf(server, admin.org, role, {
        managedServiceIds: role === 'SERVICE_MANAGER' ? [service.id] : [],
      });
      const list = await call(member, SERVICES, {});
      if (allowed.list) {
        expect(list.body.data!.services).toEqual([{ id: service.id, name: 'Existing' }]);
      } else {
        expect(errorCode(list)).toBe('FORBIDDEN');
      }

      const create = await call(member, CREATE, { name: 'New' });
      const rename = await call(member, RENAME, { id: service.id, name: 'Renamed' });
      if (allowed.edit) {
        expect(create.body.errors).toBeUndefined();
        expect(rename.body.errors).toBeUndefined();
        expect(await serviceNames(admin.org)).toEqual(['New', 'Renamed']);
      } else {
        expect(errorCode(create)).toBe('FORBIDDEN');
        expect(errorCode(rename)).toBe('FORBIDDEN');
        expect(await serviceNames(admin.org)).toEqual(['Existing']);
      }
    });

    it('refuses anyone not signed in', async () => {
      const result = await gql(server.url, SERVICES, {});
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    });
  });
});
