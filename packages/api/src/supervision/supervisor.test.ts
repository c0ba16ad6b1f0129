import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Role } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import type { RequestContext } from '../tenancy/context';
import {
  asTenant,
  callerOf,
  createService,
  errorCode,
  expectError,
  gql,
  type GqlResult,
  insertStaff,
  insertSupervisor,
  type Member,
  memberOf,
  organisationWithAdmin,
  startTestServer,
} from '../../test/helpers';
import { supervisorById } from './supervisor.service';
import { SupervisorType } from './supervisor.types';

/** Exposes supervisorById (used by other domains) so it is tested through a real request. */
@Resolver()
class SupervisorProbeResolver {
  @Query(() => SupervisorType)
  probeSupervisor(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return supervisorById(ctx, id);
  }
}

const FIELDS = 'id kind name organisationName accreditationBody staffMemberId';
const LIST = `{ supervisors { ${FIELDS} } }`;
const CREATE = `mutation($input: ExternalSupervisorInput!) { createExternalSupervisor(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: ExternalSupervisorInput!) {
  updateExternalSupervisor(id: $id, input: $input) { ${FIELDS} } }`;
const DESIGNATE = `mutation($staffId: ID!) { designateInternalSupervisor(staffId: $staffId) { ${FIELDS} } }`;
const PROBE = `query($id: ID!) { probeSupervisor(id: $id) { ${FIELDS} } }`;

describe('supervisors', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer({}, [SupervisorProbeResolver]);
  });
  afterAll(() => server.stop());

  const ds = () => server.dataSource;
  const call = callerOf(() => server);
  const supervisorRows = (tenantId: string) =>
    asTenant(
      ds(),
      tenantId,
      `SELECT id, kind, staff_id, name, organisation_name, accreditation_body FROM supervisors
        WHERE tenant_id = $1 ORDER BY id`,
      [tenantId],
    );
  const auditEvents = (tenantId: string) =>
    asTenant<{ action: string; entity_id: string; actor_user_id: string }>(
      ds(),
      tenantId,
      `SELECT action, entity_id, actor_user_id FROM audit_events WHERE tenant_id = $1 ORDER BY occurred_at, id`,
      [tenantId],
    );

  /** An organisation with a manager of S1, staff in S1 and S2, and one supervisor of each kind. */
  async function world() {
    const { admin } = await organisationWithAdmin(server);
    const org = admin.org;
    const s1 = (await createService(ds(), org, 'S1')).id;
    const s2 = (await createService(ds(), org, 'S2')).id;
    const inS1 = await insertStaff(ds(), org, s1, { displayName: 'Ivy Inside' });
    const inS2 = await insertStaff(ds(), org, s2, { displayName: 'Otto Outside' });
    const internal = await insertSupervisor(ds(), org, {
      staffId: (await insertStaff(ds(), org, s1, { displayName: 'Sol Senior' })).id,
    });
    const external = await insertSupervisor(ds(), org, { name: 'Dr Ext' });
    const people: Record<Role, Member> = {
      ORG_ADMIN: admin,
      SERVICE_MANAGER: await memberOf(server, org, 'SERVICE_MANAGER', { managedServiceIds: [s1] }),
      SUPERVISOR: await memberOf(server, org, 'SUPERVISOR'),
      PRACTITIONER: await memberOf(server, org, 'PRACTITIONER'),
      ANALYST: await memberOf(server, org, 'ANALYST'),
      COMMISSIONER_ANALYST: await memberOf(server, org, 'COMMISSIONER_ANALYST'),
    };
    return { org, s1, s2, inS1, inS2, internal, external, people };
  }

  it('lists internal supervisors by their staff name and external ones by their own', async () => {
    const w = await world();
    const result = await call(w.people.ORG_ADMIN, LIST);
    expect(result.body.data!.supervisors).toEqual([
      {
        id: w.external.id,
        kind: 'EXTERNAL',
        name: 'Dr Ext',
        organisationName: null,
        accreditationBody: null,
        staffMemberId: null,
      },
      {
        id: w.internal.id,
        kind: 'INTERNAL',
        name: 'Sol Senior',
        organisationName: null,
        accreditationBody: null,
        staffMemberId: expect.any(String),
      },
    ]);
    // Another organisation's supervisors are not listed.
    const { admin: other } = await organisationWithAdmin(server);
    expect((await call(other, LIST)).body.data!.supervisors).toEqual([]);
  });

  it('creates and updates an external supervisor, trimming text, with audit events', async () => {
    const w = await world();
    const admin = w.people.ORG_ADMIN;
    const created = await call(admin, CREATE, {
      input: {
        name: ' Dr Ada Lovelace ',
        organisationName: 'Reflect Ltd',
        accreditationBody: ' BACP ',
      },
    });
    const sup = created.body.data!.createExternalSupervisor;
    expect(sup).toEqual({
      id: expect.any(String),
      kind: 'EXTERNAL',
      name: 'Dr Ada Lovelace',
      organisationName: 'Reflect Ltd',
      accreditationBody: 'BACP',
      staffMemberId: null,
    });
    const updated = await call(admin, UPDATE, {
      id: sup.id,
      input: { name: 'Dr Ada King', organisationName: null, accreditationBody: 'UKCP' },
    });
    expect(updated.body.data!.updateExternalSupervisor).toMatchObject({
      name: 'Dr Ada King',
      organisationName: null,
      accreditationBody: 'UKCP',
    });
    expect(await auditEvents(w.org)).toEqual([
      { action: 'supervisor.create', entity_id: sup.id, actor_user_id: admin.user.id },
      { action: 'supervisor.update', entity_id: sup.id, actor_user_id: admin.user.id },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a blank name', { name: '  ' }, 'input.name'],
    ['a 201-character name', { name: 'n'.repeat(201) }, 'input.name'],
    [
      'a 201-character organisation',
      { name: 'Dr X', organisationName: 'o'.repeat(201) },
      'input.organisationName',
    ],
    [
      'a 201-character accreditation body',
      { name: 'Dr X', accreditationBody: 'a'.repeat(201) },
      'input.accreditationBody',
    ],
  ])('refuses %s (create and update), writing nothing', async (_label, input, field) => {
    const w = await world();
    const before = await supervisorRows(w.org);
    expectError(await call(w.people.ORG_ADMIN, CREATE, { input }), 'BAD_USER_INPUT', field);
    expectError(
      await call(w.people.ORG_ADMIN, UPDATE, { id: w.external.id, input }),
      'BAD_USER_INPUT',
      field,
    );
    expect(await supervisorRows(w.org)).toEqual(before);
    expect(await auditEvents(w.org)).toEqual([]);
  });

  it("refuses to edit an internal supervisor's details here (field id)", async () => {
    const w = await world();
    expectError(
      await call(w.people.ORG_ADMIN, UPDATE, { id: w.internal.id, input: { name: 'Renamed' } }),
      'BAD_USER_INPUT',
      'id',
    );
  });

  it('designates an internal supervisor once (idempotent), following the staff name', async () => {
    const w = await world();
    const admin = w.people.ORG_ADMIN;
    const first = await call(admin, DESIGNATE, { staffId: w.inS2.id });
    const sup = first.body.data!.designateInternalSupervisor;
    expect(sup).toEqual({
      id: expect.any(String),
      kind: 'INTERNAL',
      name: 'Otto Outside',
      organisationName: null,
      accreditationBody: null,
      staffMemberId: w.inS2.id,
    });
    const again = await call(admin, DESIGNATE, { staffId: w.inS2.id });
    expect(again.body.data!.designateInternalSupervisor.id).toBe(sup.id);
    const rows = await supervisorRows(w.org);
    expect(rows.filter((r) => r.staff_id === w.inS2.id)).toHaveLength(1);
    // The designated supervisor of an existing row is returned too.
    const existing = await call(admin, DESIGNATE, {
      staffId: rows.find((r) => r.id === w.internal.id)!.staff_id,
    });
    expect(existing.body.data!.designateInternalSupervisor.id).toBe(w.internal.id);

    await asTenant(
      ds(),
      w.org,
      `UPDATE staff_members SET display_name = 'Otto Renamed' WHERE id = $1`,
      [w.inS2.id],
    );
    const listed = (await call(admin, LIST)).body.data!.supervisors;
    expect(listed.find((s: { id: string }) => s.id === sup.id).name).toBe('Otto Renamed');
    expect((await auditEvents(w.org)).map((e) => e.action)).toEqual([
      'supervisor.designate',
      'supervisor.designate',
      'supervisor.designate',
    ]);
  });

  it('refuses to designate an erased leaver (field staffId)', async () => {
    const w = await world();
    await asTenant(
      ds(),
      w.org,
      `UPDATE staff_members SET end_date = '2024-12-31', leaving_reason = 'OTHER', display_name = NULL,
              staff_ref = NULL, erased_at = now() WHERE id = $1`,
      [w.inS1.id],
    );
    expectError(
      await call(w.people.ORG_ADMIN, DESIGNATE, { staffId: w.inS1.id }),
      'BAD_USER_INPUT',
      'staffId',
    );
  });

  describe('who may do what', () => {
    type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
    const EXPECTED: Record<Role, Record<string, Outcome>> = {
      ORG_ADMIN: {
        list: 'ok',
        create: 'ok',
        update: 'ok',
        designateInService: 'ok',
        designateOutside: 'ok',
      },
      SERVICE_MANAGER: {
        list: 'ok',
        create: 'ok',
        update: 'ok',
        designateInService: 'ok',
        designateOutside: 'NOT_FOUND',
      },
      SUPERVISOR: {
        list: 'ok',
        create: 'FORBIDDEN',
        update: 'FORBIDDEN',
        designateInService: 'FORBIDDEN',
        designateOutside: 'FORBIDDEN',
      },
      PRACTITIONER: {
        list: 'FORBIDDEN',
        create: 'FORBIDDEN',
        update: 'FORBIDDEN',
        designateInService: 'FORBIDDEN',
        designateOutside: 'FORBIDDEN',
      },
      ANALYST: {
        list: 'FORBIDDEN',
        create: 'FORBIDDEN',
        update: 'FORBIDDEN',
        designateInService: 'FORBIDDEN',
        designateOutside: 'FORBIDDEN',
      },
      COMMISSIONER_ANALYST: {
        list: 'FORBIDDEN',
        create: 'FORBIDDEN',
        update: 'FORBIDDEN',
        designateInService: 'FORBIDDEN',
        designateOutside: 'FORBIDDEN',
      },
    };

    it.each(Object.keys(EXPECTED) as Role[])('%s', async (role) => {
      const w = await world();
      const who = w.people[role];
      const operations: Record<string, () => Promise<GqlResult>> = {
        list: () => call(who, LIST),
        create: () => call(who, CREATE, { input: { name: 'Dr New' } }),
        update: () => call(who, UPDATE, { id: w.external.id, input: { name: 'Dr Changed' } }),
        designateInService: () => call(who, DESIGNATE, { staffId: w.inS1.id }),
        designateOutside: () => call(who, DESIGNATE, { staffId: w.inS2.id }),
      };
      const outcomes: Record<string, string> = {};
      for (const [name, run] of Object.entries(operations)) {
        const before = await supervisorRows(w.org);
        const result = await run();
        outcomes[name] = (errorCode(result) as string | undefined) ?? 'ok';
        if (outcomes[name] !== 'ok') expect(await supervisorRows(w.org)).toEqual(before);
      }
      expect(outcomes).toEqual(EXPECTED[role]);
    });

    it('covers every query and mutation that returns supervisors', async () => {
      const TYPE = 'name type { name ofType { name ofType { name ofType { name } } } }';
      const result = await gql(
        server.url,
        `{ q: __type(name: "Query") { fields { ${TYPE} } } m: __type(name: "Mutation") { fields { ${TYPE} } } }`,
      );
      const innermost = (t: any): string => (t.ofType ? innermost(t.ofType) : t.name);
      const names = [...result.body.data!.q.fields, ...result.body.data!.m.fields]
        .filter((f: any) => innermost(f.type) === 'Supervisor' && f.name !== 'probeSupervisor')
        .map((f: { name: string }) => f.name)
        .sort();
      expect(names).toEqual([
        'createExternalSupervisor',
        'designateInternalSupervisor',
        'supervisors',
        'updateExternalSupervisor',
      ]);
    });
  });

  describe('another organisation', () => {
    it("answers NOT_FOUND for another organisation's supervisor and staff ids, changing nothing", async () => {
      const a = await world();
      const { admin: b } = await organisationWithAdmin(server);
      const before = await supervisorRows(a.org);
      expectError(
        await call(b, UPDATE, { id: a.external.id, input: { name: 'Hijacked' } }),
        'NOT_FOUND',
      );
      expectError(await call(b, DESIGNATE, { staffId: a.inS1.id }), 'NOT_FOUND');
      expectError(await call(b, PROBE, { id: a.internal.id }), 'NOT_FOUND');
      for (const id of ['nonsense', '00000000-0000-4000-8000-000000000000']) {
        expectError(await call(b, UPDATE, { id, input: { name: 'X' } }), 'NOT_FOUND');
        expectError(await call(b, DESIGNATE, { staffId: id }), 'NOT_FOUND');
        expectError(await call(b, PROBE, { id }), 'NOT_FOUND');
      }
      expect(await supervisorRows(a.org)).toEqual(before);
      expect(await auditEvents(a.org)).toEqual([]);
      expect(await supervisorRows(b.org)).toEqual([]);
    });

    it('supervisorById finds a supervisor of the organisation the request acts in', async () => {
      const a = await world();
      const found = await call(a.people.ORG_ADMIN, PROBE, { id: a.internal.id });
      expect(found.body.data!.probeSupervisor).toMatchObject({
        kind: 'INTERNAL',
        name: 'Sol Senior',
      });
    });
  });
});
