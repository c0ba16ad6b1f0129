import type { Role } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import {
  asTenant,
  createService,
  errorCode,
  gql,
  memberOf,
  signedInMember,
  startTestServer,
} from '../../test/helpers';

const SERVICES = '{ services { id name } }';
const CREATE = 'mutation($name: String!) { createService(input: { name: $name }) { id name } }';
const RENAME =
  'mutation($id: ID!, $name: String!) { renameService(id: $id, name: $name) { id name } }';

describe('services', () => {
  let server: RunningHoldspace;
  let admin: { token: string; org: { id: string }; user: { id: string } };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    admin = await signedInMember(server, 'ORG_ADMIN');
  });

  const as = (who: { token: string; org: string | { id: string } }) => ({
    token: who.token,
    org: typeof who.org === 'string' ? who.org : who.org.id,
  });
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
    const result = await gql(server.url, CREATE, { name: '  Outreach  ' }, as(admin));
    expect(result.body.errors).toBeUndefined();
    const created = result.body.data!.createService;
    expect(created.name).toBe('Outreach');
    expect(await serviceNames(admin.org.id)).toEqual(['Outreach']);
    expect(await auditActions(admin.org.id)).toEqual([
      { action: 'service.create', entity_id: created.id, actor_user_id: admin.user.id },
    ]);
  });

  it.each([
    ['empty', '', 'BAD_USER_INPUT'],
    ['blank', '   ', 'BAD_USER_INPUT'],
    ['121 characters', 'x'.repeat(121), 'BAD_USER_INPUT'],
  ])('refuses a %s name with field input.name', async (_label, name, code) => {
    const result = await gql(server.url, CREATE, { name }, as(admin));
    expect(errorCode(result)).toBe(code);
    expect(result.body.errors![0].extensions!.field).toBe('input.name');
    expect(await serviceNames(admin.org.id)).toEqual([]);
  });

  it('accepts a 120-character name', async () => {
    const result = await gql(server.url, CREATE, { name: 'y'.repeat(120) }, as(admin));
    expect(result.body.errors).toBeUndefined();
  });

  it('refuses a duplicate name (ignoring case) with CONFLICT on input.name', async () => {
    await gql(server.url, CREATE, { name: 'Counselling' }, as(admin));
    const result = await gql(server.url, CREATE, { name: 'counselling' }, as(admin));
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.body.errors![0].extensions!.field).toBe('input.name');
    expect(await serviceNames(admin.org.id)).toEqual(['Counselling']);
  });

  it('allows the same name in two organisations', async () => {
    const other = await signedInMember(server, 'ORG_ADMIN');
    await gql(server.url, CREATE, { name: 'Family support' }, as(admin));
    const result = await gql(server.url, CREATE, { name: 'Family support' }, as(other));
    expect(result.body.errors).toBeUndefined();
  });

  it('renames a service, audits it, and refuses a clash or a blank name with field name', async () => {
    const a = await createService(server.dataSource, admin.org.id, 'Alpha');
    await createService(server.dataSource, admin.org.id, 'Beta');
    const ok = await gql(server.url, RENAME, { id: a.id, name: ' Gamma ' }, as(admin));
    expect(ok.body.data?.renameService).toEqual({ id: a.id, name: 'Gamma' });
    expect((await auditActions(admin.org.id)).map((e) => [e.action, e.entity_id])).toEqual([
      ['service.rename', a.id],
    ]);

    const clash = await gql(server.url, RENAME, { id: a.id, name: 'BETA' }, as(admin));
    expect(errorCode(clash)).toBe('CONFLICT');
    expect(clash.body.errors![0].extensions!.field).toBe('name');
    const blank = await gql(server.url, RENAME, { id: a.id, name: ' ' }, as(admin));
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.body.errors![0].extensions!.field).toBe('name');
    // Renaming to its own name (another case) is not a clash with itself.
    const same = await gql(server.url, RENAME, { id: a.id, name: 'GAMMA' }, as(admin));
    expect(same.body.errors).toBeUndefined();
    expect(await serviceNames(admin.org.id)).toEqual(['Beta', 'GAMMA']);
  });

  it("answers NOT_FOUND for another organisation's service, a made-up id and a non-id, changing nothing", async () => {
    const other = await signedInMember(server, 'ORG_ADMIN');
    const theirs = await createService(server.dataSource, other.org.id, 'Theirs');
    for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const result = await gql(server.url, RENAME, { id, name: 'Mine now' }, as(admin));
      expect(errorCode(result)).toBe('NOT_FOUND');
    }
    expect(await serviceNames(other.org.id)).toEqual(['Theirs']);
    expect(await auditActions(other.org.id)).toEqual([]);
  });

  it("lists only the organisation's own services, by name", async () => {
    const other = await signedInMember(server, 'ORG_ADMIN');
    await createService(server.dataSource, other.org.id, 'Elsewhere');
    await createService(server.dataSource, admin.org.id, 'outreach');
    await createService(server.dataSource, admin.org.id, 'Counselling');
    const result = await gql(server.url, SERVICES, {}, as(admin));
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
      const service = await createService(server.dataSource, admin.org.id, 'Existing');
      const member = await memberOf(server, admin.org.id, role, {
        managedServiceIds: role === 'SERVICE_MANAGER' ? [service.id] : [],
      });
      const list = await gql(server.url, SERVICES, {}, as(member));
      if (allowed.list) {
        expect(list.body.data!.services).toEqual([{ id: service.id, name: 'Existing' }]);
      } else {
        expect(errorCode(list)).toBe('FORBIDDEN');
      }

      const create = await gql(server.url, CREATE, { name: 'New' }, as(member));
      const rename = await gql(server.url, RENAME, { id: service.id, name: 'Renamed' }, as(member));
      if (allowed.edit) {
        expect(create.body.errors).toBeUndefined();
        expect(rename.body.errors).toBeUndefined();
        expect(await serviceNames(admin.org.id)).toEqual(['New', 'Renamed']);
      } else {
        expect(errorCode(create)).toBe('FORBIDDEN');
        expect(errorCode(rename)).toBe('FORBIDDEN');
        expect(await serviceNames(admin.org.id)).toEqual(['Existing']);
      }
    });

    it('refuses anyone not signed in', async () => {
      const result = await gql(server.url, SERVICES, {});
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    });
  });
});
