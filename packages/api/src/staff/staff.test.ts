import type { Role } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import {
  asTenant,
  auditEventsOf,
  callerOf,
  createService,
  errorCode,
  errorField,
  expectError,
  gql,
  type GqlResult,
  insertAgreement,
  insertSession,
  insertStaff,
  insertSupervisor,
  type Member,
  memberOf,
  organisationWithAdmin,
  startTestServer,
} from '../../test/helpers';

const FIELDS = `id staffRef displayName roleTitle practitionerType fte startDate endDate leavingReason
  requiresSupervision inPost erased service { id name }`;
const GET = `query($id: ID!) { staffMember(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: StaffFilter, $sort: StaffSort, $page: PageInput) {
  staffMembers(filter: $filter, sort: $sort, page: $page) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
    nodes { id displayName staffRef startDate }
  } }`;
const CREATE = `mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateStaffMemberInput!) {
  updateStaffMember(id: $id, input: $input) { ${FIELDS} } }`;
const LEAVE = `mutation($id: ID!, $input: RecordLeaverInput!) { recordLeaver(id: $id, input: $input) { ${FIELDS} } }`;
const REINSTATE = `mutation($id: ID!) { reinstateStaffMember(id: $id) { ${FIELDS} } }`;
const ERASE = `mutation($id: ID!) { eraseLeaverPersonalData(id: $id) { ${FIELDS} } }`;

describe('staff members', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const ds = () => server.dataSource;
  const call = callerOf(() => server);

  /** Every staff row of an organisation, as stored (to prove that nothing changed). */
  const staffRows = (tenantId: string) =>
    asTenant(
      ds(),
      tenantId,
      `SELECT id, service_id, staff_ref, display_name, role_title, practitioner_type, fte::text,
              start_date, end_date, leaving_reason, requires_supervision, user_id, erased_at, updated_at
         FROM staff_members WHERE tenant_id = $1 ORDER BY id`,
      [tenantId],
    );
  const auditEvents = (tenantId: string) => auditEventsOf(ds(), tenantId);
  /** Today in the organisation's time zone, shifted by a SQL interval. */
  const orgDate = async (tenantId: string, shift = '0 days') => {
    const [row] = await asTenant<{ d: string }>(
      ds(),
      tenantId,
      `SELECT ((now() AT TIME ZONE time_zone)::date + $2::interval)::date AS d FROM organisations WHERE id = $1`,
      [tenantId, shift],
    );
    return row.d;
  };

  const validInput = (serviceId: string, extra: Record<string, unknown> = {}) => ({
    serviceId,
    staffRef: `R-${Math.random().toString(36).slice(2, 10)}`,
    displayName: 'Jo Example',
    fte: 0.8,
    startDate: '2024-03-01',
    ...extra,
  });

  /**
   * An organisation with two services and people in every role:
   * the manager manages S1; the supervisor (a staff member of S1) supervises
   * Pat (S2); the practitioner is Alex (S1).
   */
  async function world() {
    const { admin } = await organisationWithAdmin(server);
    const org = admin.org;
    const s1 = (await createService(ds(), org, 'S1')).id;
    const s2 = (await createService(ds(), org, 'S2')).id;
    const people = {
      ORG_ADMIN: admin,
      SERVICE_MANAGER: await memberOf(server, org, 'SERVICE_MANAGER', { managedServiceIds: [s1] }),
      SUPERVISOR: await memberOf(server, org, 'SUPERVISOR'),
      PRACTITIONER: await memberOf(server, org, 'PRACTITIONER'),
      ANALYST: await memberOf(server, org, 'ANALYST'),
      COMMISSIONER_ANALYST: await memberOf(server, org, 'COMMISSIONER_ANALYST'),
    } satisfies Record<Role, Member>;
    const sam = await insertStaff(ds(), org, s1, {
      displayName: 'Sam Supervisor',
      userId: people.SUPERVISOR.user.id,
    });
    const pat = await insertStaff(ds(), org, s2, { displayName: 'Pat Supervisee' });
    const alex = await insertStaff(ds(), org, s1, {
      displayName: 'Alex Practitioner',
      userId: people.PRACTITIONER.user.id,
    });
    const olu = await insertStaff(ds(), org, s2, { displayName: 'Olu Other' });
    const oldLeaver = await insertStaff(ds(), org, s1, {
      displayName: 'Old Leaver',
      startDate: '2010-01-01',
      endDate: '2012-06-30',
    });
    const recentLeaver = await insertStaff(ds(), org, s1, {
      displayName: 'Recent Leaver',
      startDate: '2020-01-01',
      endDate: '2024-06-30',
    });
    const supervisor = await insertSupervisor(ds(), org, { staffId: sam.id });
    await insertAgreement(ds(), org, { staffId: pat.id, supervisorId: supervisor.id });
    return {
      org,
      s1,
      s2,
      people,
      staff: { sam, pat, alex, olu, oldLeaver, recentLeaver },
      supervisorId: supervisor.id,
    };
  }
  type World = Awaited<ReturnType<typeof world>>;

  describe('who may do what (product.md)', () => {
    type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
    interface Operation {
      name: string;
      run: (w: World, who: Member) => Promise<GqlResult>;
      expected: Record<Role, Outcome>;
    }
    const ADMIN_ONLY: Record<Role, Outcome> = {
      ORG_ADMIN: 'ok',
      SERVICE_MANAGER: 'FORBIDDEN',
      SUPERVISOR: 'FORBIDDEN',
      PRACTITIONER: 'FORBIDDEN',
      ANALYST: 'FORBIDDEN',
      COMMISSIONER_ANALYST: 'FORBIDDEN',
    };
    const EDITORS: Record<Role, Outcome> = { ...ADMIN_ONLY, SERVICE_MANAGER: 'ok' };
    const OPERATIONS: Operation[] = [
      {
        name: 'staffMember: a member of S1 (Alex)',
        run: (w, who) => call(who, GET, { id: w.staff.alex.id }),
        expected: {
          ...EDITORS,
          SUPERVISOR: 'NOT_FOUND',
          PRACTITIONER: 'ok', // their own record
        },
      },
      {
        name: 'staffMember: the supervisee (Pat, S2)',
        run: (w, who) => call(who, GET, { id: w.staff.pat.id }),
        expected: {
          ...ADMIN_ONLY,
          SERVICE_MANAGER: 'NOT_FOUND',
          SUPERVISOR: 'ok',
          PRACTITIONER: 'NOT_FOUND',
        },
      },
      {
        name: 'staffMember: someone of S2 nobody supervises (Olu)',
        run: (w, who) => call(who, GET, { id: w.staff.olu.id }),
        expected: {
          ...ADMIN_ONLY,
          SERVICE_MANAGER: 'NOT_FOUND',
          SUPERVISOR: 'NOT_FOUND',
          PRACTITIONER: 'NOT_FOUND',
        },
      },
      {
        name: 'staffMember: the supervisor themself (Sam, S1)',
        run: (w, who) => call(who, GET, { id: w.staff.sam.id }),
        expected: { ...EDITORS, SUPERVISOR: 'ok', PRACTITIONER: 'NOT_FOUND' },
      },
      {
        name: 'staffMembers',
        run: (_w, who) => call(who, LIST, { page: { first: 100 } }),
        expected: { ...EDITORS, SUPERVISOR: 'ok', PRACTITIONER: 'ok' },
      },
      {
        name: 'createStaffMember in S1',
        run: (w, who) => call(who, CREATE, { input: validInput(w.s1) }),
        expected: EDITORS,
      },
      {
        name: 'createStaffMember in S2',
        run: (w, who) => call(who, CREATE, { input: validInput(w.s2) }),
        expected: ADMIN_ONLY,
      },
      {
        name: 'updateStaffMember: Alex (S1)',
        run: (w, who) => call(who, UPDATE, { id: w.staff.alex.id, input: { roleTitle: 'Lead' } }),
        expected: EDITORS,
      },
      {
        name: 'updateStaffMember: Olu (S2)',
        run: (w, who) => call(who, UPDATE, { id: w.staff.olu.id, input: { roleTitle: 'Lead' } }),
        expected: { ...ADMIN_ONLY, SERVICE_MANAGER: 'NOT_FOUND' },
      },
      {
        name: 'updateStaffMember: move Sam from S1 to S2',
        run: (w, who) => call(who, UPDATE, { id: w.staff.sam.id, input: { serviceId: w.s2 } }),
        expected: ADMIN_ONLY,
      },
      {
        name: 'recordLeaver: Alex (S1)',
        run: (w, who) =>
          call(who, LEAVE, {
            id: w.staff.alex.id,
            input: { endDate: '2025-01-31', leavingReason: 'RESIGNATION' },
          }),
        expected: EDITORS,
      },
      {
        name: 'recordLeaver: Olu (S2)',
        run: (w, who) =>
          call(who, LEAVE, {
            id: w.staff.olu.id,
            input: { endDate: '2025-01-31', leavingReason: 'RESIGNATION' },
          }),
        expected: { ...ADMIN_ONLY, SERVICE_MANAGER: 'NOT_FOUND' },
      },
      {
        name: 'reinstateStaffMember: a recent leaver of S1',
        run: (w, who) => call(who, REINSTATE, { id: w.staff.recentLeaver.id }),
        expected: EDITORS,
      },
      {
        name: 'eraseLeaverPersonalData: a leaver of S1 past retention',
        run: (w, who) => call(who, ERASE, { id: w.staff.oldLeaver.id }),
        expected: ADMIN_ONLY,
      },
    ];

    it('covers every query and mutation that returns staff members', async () => {
      const TYPE = 'name type { name ofType { name ofType { name ofType { name } } } }';
      const result = await gql(
        server.url,
        `{ q: __type(name: "Query") { fields { ${TYPE} } } m: __type(name: "Mutation") { fields { ${TYPE} } } }`,
      );
      const innermost = (t: any): string => (t.ofType ? innermost(t.ofType) : t.name);
      const names = [...result.body.data!.q.fields, ...result.body.data!.m.fields]
        .filter((f: any) => ['StaffMember', 'StaffConnection'].includes(innermost(f.type)))
        .map((f: { name: string }) => f.name);
      expect(names.length).toBeGreaterThanOrEqual(7);
      const covered = new Set(OPERATIONS.map((op) => op.name.split(':')[0].split(' ')[0]));
      expect(names.filter((n: string) => !covered.has(n))).toEqual([]);
    });

    const ROLES = Object.keys(ADMIN_ONLY) as Role[];
    it.each(ROLES)('%s', async (role) => {
      const w = await world();
      const who = w.people[role];
      const outcomes: Record<string, Outcome | string> = {};
      for (const op of OPERATIONS) {
        const before = await staffRows(w.org);
        const result = await op.run(w, who);
        const code = errorCode(result) as string | undefined;
        outcomes[op.name] = code ?? 'ok';
        if (code)
          expect({ op: op.name, same: await staffRows(w.org) }).toEqual({
            op: op.name,
            same: before,
          });
      }
      expect(outcomes).toEqual(
        Object.fromEntries(OPERATIONS.map((op) => [op.name, op.expected[role]])),
      );
    });

    it('lists exactly the staff each role may see', async () => {
      const w = await world();
      const names = async (who: Member) => {
        const result = await call(who, LIST, { page: { first: 100 } });
        return result.body.data!.staffMembers.nodes.map(
          (n: { displayName: string }) => n.displayName,
        );
      };
      expect(await names(w.people.ORG_ADMIN)).toEqual([
        'Alex Practitioner',
        'Old Leaver',
        'Olu Other',
        'Pat Supervisee',
        'Recent Leaver',
        'Sam Supervisor',
      ]);
      expect(await names(w.people.SERVICE_MANAGER)).toEqual([
        'Alex Practitioner',
        'Old Leaver',
        'Recent Leaver',
        'Sam Supervisor',
      ]);
      expect(await names(w.people.SUPERVISOR)).toEqual(['Pat Supervisee', 'Sam Supervisor']);
      expect(await names(w.people.PRACTITIONER)).toEqual(['Alex Practitioner']);
    });

    it('lets a manager move staff only between services they manage', async () => {
      const w = await world();
      const s3 = (await createService(ds(), w.org, 'S3')).id;
      const manager = await memberOf(server, w.org, 'SERVICE_MANAGER', {
        managedServiceIds: [w.s1, s3],
      });
      const moved = await call(manager, UPDATE, { id: w.staff.alex.id, input: { serviceId: s3 } });
      expect(moved.body.data?.updateStaffMember.service).toEqual({ id: s3, name: 'S3' });
      // Now Alex is in S3; the manager of S1 only no longer sees them.
      const s1Only = w.people.SERVICE_MANAGER;
      expectError(await call(s1Only, GET, { id: w.staff.alex.id }), 'NOT_FOUND');
    });
  });

  describe('validation', () => {
    let admin: Member;
    let service: string;
    beforeAll(async () => {
      ({ admin } = await organisationWithAdmin(server));
      service = (await createService(ds(), admin.org, 'Main')).id;
    });

    const create = (extra: Record<string, unknown>) =>
      call(admin, CREATE, { input: validInput(service, extra) });

    it('creates a valid staff member, trimming text, and audits it', async () => {
      const before = (await auditEvents(admin.org)).length;
      const result = await create({
        staffRef: 'HR/2024-001.a_b',
        displayName: '  Jo  Example ',
        roleTitle: ' Counsellor ',
        practitionerType: 'Counsellor',
        fte: 1.5,
      });
      expect(result.body.errors).toBeUndefined();
      const staff = result.body.data!.createStaffMember;
      expect(staff).toMatchObject({
        staffRef: 'HR/2024-001.a_b',
        displayName: 'Jo  Example',
        roleTitle: 'Counsellor',
        fte: 1.5,
        startDate: '2024-03-01',
        endDate: null,
        leavingReason: null,
        requiresSupervision: true,
        inPost: true,
        erased: false,
        service: { id: service, name: 'Main' },
      });
      const events = await auditEvents(admin.org);
      expect(events.slice(before)).toEqual([
        {
          action: 'staff.create',
          entity_type: 'StaffMember',
          entity_id: staff.id,
          actor_user_id: admin.user.id,
        },
      ]);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['FTE of 0', { fte: 0 }, 'BAD_USER_INPUT', 'input.fte'],
      ['negative FTE', { fte: -0.5 }, 'BAD_USER_INPUT', 'input.fte'],
      ['FTE above 1.5', { fte: 1.501 }, 'BAD_USER_INPUT', 'input.fte'],
      ['FTE that rounds to 0', { fte: 0.0001 }, 'BAD_USER_INPUT', 'input.fte'],
      [
        'end date before start',
        { endDate: '2024-02-29', leavingReason: 'RESIGNATION' },
        'BAD_USER_INPUT',
        'input.endDate',
      ],
      [
        'end date without a reason',
        { endDate: '2024-12-31' },
        'BAD_USER_INPUT',
        'input.leavingReason',
      ],
      [
        'reason without an end date',
        { leavingReason: 'RETIREMENT' },
        'BAD_USER_INPUT',
        'input.endDate',
      ],
      ['staff ref with a space', { staffRef: 'A 1' }, 'BAD_USER_INPUT', 'input.staffRef'],
      ['empty staff ref', { staffRef: '' }, 'BAD_USER_INPUT', 'input.staffRef'],
      ['65-character staff ref', { staffRef: 'A'.repeat(65) }, 'BAD_USER_INPUT', 'input.staffRef'],
      [
        '201-character name',
        { displayName: 'n'.repeat(201) },
        'BAD_USER_INPUT',
        'input.displayName',
      ],
      [
        '121-character role title',
        { roleTitle: 'r'.repeat(121) },
        'BAD_USER_INPUT',
        'input.roleTitle',
      ],
      [
        '81-character practitioner type',
        { practitionerType: 'p'.repeat(81) },
        'BAD_USER_INPUT',
        'input.practitionerType',
      ],
      [
        'neither a name nor a reference',
        { displayName: ' ', staffRef: null },
        'BAD_USER_INPUT',
        'input.displayName',
      ],
      [
        'a service that does not exist',
        { serviceId: '00000000-0000-4000-8000-000000000000' },
        'BAD_USER_INPUT',
        'input.serviceId',
      ],
      ['a service id that is not an id', { serviceId: 'S1' }, 'BAD_USER_INPUT', 'input.serviceId'],
    ])('refuses %s', async (_label, extra, code, fieldPath) => {
      const before = await staffRows(admin.org);
      const events = (await auditEvents(admin.org)).length;
      expectError(await create(extra), code, fieldPath);
      expect(await staffRows(admin.org)).toEqual(before);
      expect((await auditEvents(admin.org)).length).toBe(events);
    });

    it('accepts the limits: FTE 0.001 and 1.5, a 64-character ref, 200/120/80-character texts', async () => {
      const a = await create({
        fte: 0.001,
        staffRef: 'B'.repeat(64),
        displayName: 'n'.repeat(200),
      });
      expect(a.body.errors).toBeUndefined();
      const b = await create({
        fte: 1.5,
        roleTitle: 'r'.repeat(120),
        practitionerType: 'p'.repeat(80),
      });
      expect(b.body.errors).toBeUndefined();
      expect(a.body.data!.createStaffMember.fte).toBe(0.001);
    });

    it('refuses an impossible or missing date before execution', async () => {
      expect(errorCode(await create({ startDate: '2023-02-29' }))).toBe('BAD_USER_INPUT');
      const input: Record<string, unknown> = validInput(service);
      delete input.startDate;
      expect(errorCode(await call(admin, CREATE, { input }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await create({ leavingReason: 'SACKED', endDate: '2024-12-31' }))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('records a past leaver at creation, with end date equal to the start date allowed', async () => {
      const result = await create({ endDate: '2024-03-01', leavingReason: 'END_OF_FIXED_TERM' });
      expect(result.body.data?.createStaffMember).toMatchObject({
        endDate: '2024-03-01',
        leavingReason: 'END_OF_FIXED_TERM',
        inPost: false,
      });
    });

    it('refuses a duplicate staff reference with CONFLICT on input.staffRef (create and update)', async () => {
      const first = await create({ staffRef: 'DUP-1' });
      expect(first.body.errors).toBeUndefined();
      const before = await staffRows(admin.org);
      expectError(await create({ staffRef: 'DUP-1' }), 'CONFLICT', 'input.staffRef');
      const second = await create({ staffRef: 'DUP-2' });
      const id = second.body.data!.createStaffMember.id;
      expectError(
        await call(admin, UPDATE, { id, input: { staffRef: 'DUP-1' } }),
        'CONFLICT',
        'input.staffRef',
      );
      const after = await staffRows(admin.org);
      expect(after.filter((r) => r.id !== id)).toEqual(before);
      expect(after.find((r) => r.id === id)!.staff_ref).toBe('DUP-2');
    });

    it('allows the same staff reference in another organisation', async () => {
      await create({ staffRef: 'SHARED-7' });
      const { admin: other } = await organisationWithAdmin(server);
      const theirService = (await createService(ds(), other.org)).id;
      const result = await call(other, CREATE, {
        input: validInput(theirService, { staffRef: 'SHARED-7' }),
      });
      expect(result.body.errors).toBeUndefined();
    });

    it('validates updates: each rule with its field, and partial changes keep the rest', async () => {
      const created = (await create({ roleTitle: 'Worker', practitionerType: 'Youth worker' })).body
        .data!.createStaffMember;
      const id = created.id;
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ fte: 0 }, 'BAD_USER_INPUT', 'input.fte'],
        [{ fte: 2 }, 'BAD_USER_INPUT', 'input.fte'],
        [{ fte: null }, 'BAD_USER_INPUT', 'input.fte'],
        [{ startDate: null }, 'BAD_USER_INPUT', 'input.startDate'],
        [{ serviceId: null }, 'BAD_USER_INPUT', 'input.serviceId'],
        [
          { serviceId: '00000000-0000-4000-8000-000000000000' },
          'BAD_USER_INPUT',
          'input.serviceId',
        ],
        [{ staffRef: 'bad ref!' }, 'BAD_USER_INPUT', 'input.staffRef'],
        [{ displayName: null, staffRef: null }, 'BAD_USER_INPUT', 'input.displayName'],
        [{ roleTitle: 'r'.repeat(121) }, 'BAD_USER_INPUT', 'input.roleTitle'],
      ];
      const before = await staffRows(admin.org);
      for (const [input, code, fieldPath] of cases) {
        const result = await call(admin, UPDATE, { id, input });
        expect({ input, code: errorCode(result), field: errorField(result) }).toEqual({
          input,
          code,
          field: fieldPath,
        });
      }
      expect(await staffRows(admin.org)).toEqual(before);

      const ok = await call(admin, UPDATE, { id, input: { fte: 0.5, roleTitle: null } });
      expect(ok.body.data!.updateStaffMember).toMatchObject({
        fte: 0.5,
        roleTitle: null,
        practitionerType: 'Youth worker',
        displayName: created.displayName,
        staffRef: created.staffRef,
        startDate: created.startDate,
      });
    });

    it("refuses an update that puts the start after a leaver's end date (field input.startDate)", async () => {
      const id = (await create({ endDate: '2024-06-30', leavingReason: 'REDUNDANCY' })).body.data!
        .createStaffMember.id;
      expectError(
        await call(admin, UPDATE, { id, input: { startDate: '2024-07-01' } }),
        'BAD_USER_INPUT',
        'input.startDate',
      );
      const ok = await call(admin, UPDATE, { id, input: { startDate: '2024-06-30' } });
      expect(ok.body.errors).toBeUndefined();
    });

    it('records a leaver (end date not before start) and reinstates them', async () => {
      const id = (await create({})).body.data!.createStaffMember.id;
      expectError(
        await call(admin, LEAVE, {
          id,
          input: { endDate: '2024-02-28', leavingReason: 'RESIGNATION' },
        }),
        'BAD_USER_INPUT',
        'input.endDate',
      );
      // A leaver needs both: the schema requires the reason.
      expect(errorCode(await call(admin, LEAVE, { id, input: { endDate: '2024-12-31' } }))).toBe(
        'BAD_USER_INPUT',
      );
      const left = await call(admin, LEAVE, {
        id,
        input: { endDate: '2024-12-31', leavingReason: 'RETIREMENT' },
      });
      expect(left.body.data!.recordLeaver).toMatchObject({
        endDate: '2024-12-31',
        leavingReason: 'RETIREMENT',
        inPost: false,
      });
      const back = await call(admin, REINSTATE, { id });
      expect(back.body.data!.reinstateStaffMember).toMatchObject({
        endDate: null,
        leavingReason: null,
        inPost: true,
      });
    });

    it('leaves nothing half-written when a later mutation of the same request fails', async () => {
      const before = await staffRows(admin.org);
      const events = (await auditEvents(admin.org)).length;
      const result = await call(
        admin,
        `mutation($a: CreateStaffMemberInput!, $b: CreateStaffMemberInput!) {
           a: createStaffMember(input: $a) { id } b: createStaffMember(input: $b) { id } }`,
        { a: validInput(service, { staffRef: 'HALF-1' }), b: validInput(service, { fte: 9 }) },
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(await staffRows(admin.org)).toEqual(before);
      expect((await auditEvents(admin.org)).length).toBe(events);
    });
  });

  describe('another organisation', () => {
    it('answers NOT_FOUND for every id of another organisation, and changes nothing there', async () => {
      const a = await world();
      const { admin: b } = await organisationWithAdmin(server);
      const aId = a.staff.alex.id;
      const beforeStaff = await staffRows(a.org);
      const beforeEvents = await auditEvents(a.org);
      const attempts: Array<[string, string, Record<string, unknown>]> = [
        ['staffMember', GET, { id: aId }],
        ['updateStaffMember', UPDATE, { id: aId, input: { displayName: 'Taken over' } }],
        [
          'recordLeaver',
          LEAVE,
          { id: aId, input: { endDate: '2025-01-01', leavingReason: 'DISMISSAL' } },
        ],
        ['reinstateStaffMember', REINSTATE, { id: a.staff.recentLeaver.id }],
        ['eraseLeaverPersonalData', ERASE, { id: a.staff.oldLeaver.id }],
      ];
      for (const [name, query, variables] of attempts) {
        const result = await call(b, query, variables);
        expect({ name, code: errorCode(result) }).toEqual({ name, code: 'NOT_FOUND' });
      }
      // Ids that are not ids, or exist nowhere, answer the same.
      for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000']) {
        expectError(await call(b, GET, { id }), 'NOT_FOUND');
        expectError(await call(b, REINSTATE, { id }), 'NOT_FOUND');
      }
      // A's services are not B's: creating in one is bad input; filtering by one finds nobody.
      expectError(
        await call(b, CREATE, { input: validInput(a.s1) }),
        'BAD_USER_INPUT',
        'input.serviceId',
      );
      const list = await call(b, LIST, { filter: { serviceIds: [a.s1, a.s2] } });
      expect(list.body.data!.staffMembers.totalCount).toBe(0);

      expect(await staffRows(a.org)).toEqual(beforeStaff);
      expect(await auditEvents(a.org)).toEqual(beforeEvents);
      // And A still sees its own record unchanged.
      const own = await call(a.people.ORG_ADMIN, GET, { id: aId });
      expect(own.body.data!.staffMember.displayName).toBe('Alex Practitioner');
    });
  });

  describe('lists', () => {
    let admin: Member;
    let s1: string;
    let s2: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      ({ admin } = await organisationWithAdmin(server));
      s1 = (await createService(ds(), admin.org, 'One')).id;
      s2 = (await createService(ds(), admin.org, 'Two')).id;
      const today = await orgDate(admin.org);
      const tomorrow = await orgDate(admin.org, '1 day');
      const yesterday = await orgDate(admin.org, '-1 day');
      const rows: Array<[string, string, string, Record<string, unknown>]> = [
        ['gina', 'Gina Green', 'G-7', { service: s1, start: '2021-05-01', type: 'Counsellor' }],
        ['abe', 'abe Adams', 'A-1', { service: s1, start: '2023-01-01', type: 'Social worker' }],
        ['dora', 'Dora Dean', 'd-4', { service: s2, start: '2023-01-01', type: 'counsellor' }],
        ['carl', 'Carl Cole', 'C-3', { service: s2, start: '2023-01-01', end: yesterday }],
        ['bea', 'Bea Brown', 'B-2', { service: s1, start: '2020-02-02', end: today }],
        ['fay', 'Fay 100% Fox', 'F-6', { service: s2, start: tomorrow }],
        ['eli', 'Eli Evans', 'E_5', { service: s1, start: '2019-09-09', type: 'Counsellor' }],
      ];
      for (const [key, name, ref, o] of rows) {
        ids[key] = (
          await insertStaff(ds(), admin.org, o.service as string, {
            displayName: name,
            staffRef: ref,
            startDate: o.start as string,
            endDate: (o.end as string) ?? null,
            practitionerType: (o.type as string) ?? null,
          })
        ).id;
      }
    });

    const list = async (variables: Record<string, unknown>) => {
      const result = await call(admin, LIST, variables);
      expect(result.body.errors).toBeUndefined();
      return result.body.data!.staffMembers;
    };
    const keysOf = (nodes: Array<{ id: string }>) =>
      nodes.map((n) => Object.keys(ids).find((k) => ids[k] === n.id));

    /** Walks every page; checks pages do not overlap and totalCount holds on each. */
    async function allPages(variables: Record<string, unknown>, first: number) {
      const seen: Array<{ id: string }> = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: any = await list({ ...variables, page: { first, after } });
        expect(page.nodes.length).toBeLessThanOrEqual(first);
        expect(page.edges.map((e: any) => e.node.id)).toEqual(page.nodes.map((n: any) => n.id));
        seen.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) {
          expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
          expect(seen.length).toBe(page.totalCount);
          return keysOf(seen);
        }
        expect(page.nodes.length).toBe(first);
        after = page.pageInfo.endCursor;
      }
      throw new Error('too many pages');
    }

    it('sorts by name (ignoring case) by default and pages without overlap', async () => {
      const page = await list({ page: { first: 3 } });
      expect(page.totalCount).toBe(7);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(keysOf(page.nodes)).toEqual(['abe', 'bea', 'carl']);
      expect(await allPages({}, 3)).toEqual(['abe', 'bea', 'carl', 'dora', 'eli', 'fay', 'gina']);
      expect(await allPages({ sort: { field: 'NAME', direction: 'DESC' } }, 2)).toEqual([
        'gina',
        'fay',
        'eli',
        'dora',
        'carl',
        'bea',
        'abe',
      ]);
    });

    it('sorts by start date with ties broken by id, both directions', async () => {
      const expected = (dir: 1 | -1) =>
        ['eli', 'bea', 'gina', 'abe', 'dora', 'carl', 'fay']
          .map((k) => k)
          .sort((x, y) => {
            const start: Record<string, string> = {
              eli: '2019-09-09',
              bea: '2020-02-02',
              gina: '2021-05-01',
              abe: '2023-01-01',
              dora: '2023-01-01',
              carl: '2023-01-01',
              fay: '9999',
            };
            return dir * (start[x].localeCompare(start[y]) || ids[x].localeCompare(ids[y]));
          });
      expect(await allPages({ sort: { field: 'START_DATE' } }, 2)).toEqual(expected(1));
      expect(await allPages({ sort: { field: 'START_DATE', direction: 'DESC' } }, 2)).toEqual(
        expected(-1),
      );
    });

    it('sorts by staff reference, ignoring case', async () => {
      expect(await allPages({ sort: { field: 'STAFF_REF' } }, 4)).toEqual([
        'abe',
        'bea',
        'carl',
        'dora',
        'eli',
        'fay',
        'gina',
      ]);
    });

    it('filters by service, practitioner type (ignoring case), status and search', async () => {
      const keys = async (filter: Record<string, unknown>) =>
        keysOf((await list({ filter, page: { first: 100 } })).nodes);
      expect(await keys({ serviceIds: [s2] })).toEqual(['carl', 'dora', 'fay']);
      expect(await keys({ serviceIds: [s1, s2] })).toHaveLength(7);
      expect(await keys({ practitionerType: 'COUNSELLOR' })).toEqual(['dora', 'eli', 'gina']);
      // In post today: started, and not past the end date (leaving today still counts).
      expect(await keys({ status: 'IN_POST' })).toEqual(['abe', 'bea', 'dora', 'eli', 'gina']);
      expect(await keys({ status: 'LEFT' })).toEqual(['carl']);
      expect(await keys({ status: 'ALL' })).toHaveLength(7);
      expect(await keys({ search: 'GREEN' })).toEqual(['gina']);
      expect(await keys({ search: 'e-5' })).toEqual([]);
      expect(await keys({ search: 'E_5' })).toEqual(['eli']);
      expect(await keys({ search: 'd-4' })).toEqual(['dora']);
      // LIKE wildcards in the search are plain characters.
      expect(await keys({ search: '%' })).toEqual(['fay']);
      expect(await keys({ search: '_' })).toEqual(['eli']);
      expect(await keys({ serviceIds: [s1], status: 'IN_POST', search: 'e' })).toEqual([
        'abe',
        'bea',
        'eli',
        'gina',
      ]);
      const filtered = await list({ filter: { serviceIds: [s1] }, page: { first: 2 } });
      expect(filtered.totalCount).toBe(4);
    });

    it('reports inPost for each staff member', async () => {
      const page = await call(
        admin,
        `{ staffMembers(page: { first: 100 }) { nodes { id inPost } } }`,
      );
      const inPost = Object.fromEntries(
        page.body.data!.staffMembers.nodes.map((n: any) => [keysOf([n])[0], n.inPost]),
      );
      expect(inPost).toEqual({
        abe: true,
        bea: true,
        carl: false,
        dora: true,
        eli: true,
        fay: false,
        gina: true,
      });
    });

    it('bounds the page size and refuses bad cursors', async () => {
      expectError(
        await call(admin, LIST, { page: { first: 101 } }),
        'BAD_USER_INPUT',
        'page.first',
      );
      expectError(await call(admin, LIST, { page: { first: 0 } }), 'BAD_USER_INPUT', 'page.first');
      expectError(
        await call(admin, LIST, { page: { after: 'garbage' } }),
        'BAD_USER_INPUT',
        'page.after',
      );
      const byName = await list({ page: { first: 1 } });
      // A cursor of one sort is refused by another.
      expectError(
        await call(admin, LIST, {
          sort: { field: 'START_DATE' },
          page: { after: byName.pageInfo.endCursor },
        }),
        'BAD_USER_INPUT',
        'page.after',
      );
      const forged = Buffer.from(JSON.stringify(['START_DATE', 'not a date', ids.abe])).toString(
        'base64url',
      );
      expectError(
        await call(admin, LIST, { sort: { field: 'START_DATE' }, page: { after: forged } }),
        'BAD_USER_INPUT',
        'page.after',
      );
      expectError(
        await call(admin, LIST, { filter: { serviceIds: ['nope'] } }),
        'BAD_USER_INPUT',
        'filter.serviceIds',
      );
      expectError(
        await call(admin, LIST, { filter: { search: 's'.repeat(201) } }),
        'BAD_USER_INPUT',
        'filter.search',
      );
      // The default page is 25.
      expect((await list({})).nodes).toHaveLength(7);
    });
  });

  describe('relations', () => {
    it('shows the service, the agreement active today and the latest HELD session attended', async () => {
      const { admin } = await organisationWithAdmin(server);
      const service = (await createService(ds(), admin.org, 'Outreach')).id;
      const sam = await insertStaff(ds(), admin.org, service, { displayName: 'Sam Supervisor' });
      const kim = await insertStaff(ds(), admin.org, service, { displayName: 'Kim' });
      const lee = await insertStaff(ds(), admin.org, service, { displayName: 'Lee' });
      const internal = await insertSupervisor(ds(), admin.org, { staffId: sam.id });
      const external = await insertSupervisor(ds(), admin.org, { name: 'Dr External' });
      await insertAgreement(ds(), admin.org, {
        staffId: kim.id,
        supervisorId: external.id,
        startDate: '2023-01-01',
        endDate: '2024-06-30',
      });
      const current = await insertAgreement(ds(), admin.org, {
        staffId: kim.id,
        supervisorId: internal.id,
        startDate: '2024-07-01',
        interval: 'FORTNIGHTLY',
        reviewDueDate: '2025-07-01',
      });
      await insertAgreement(ds(), admin.org, {
        staffId: kim.id,
        supervisorId: external.id,
        startDate: '2999-01-01',
      });
      await insertAgreement(ds(), admin.org, {
        staffId: lee.id,
        supervisorId: external.id,
        startDate: '2024-01-01',
      });
      const session = (date: string, status: string, attendeeIds = [kim.id]) =>
        insertSession(ds(), admin.org, { supervisorId: internal.id, attendeeIds, date, status });
      await session('2024-03-01', 'HELD');
      await session('2024-08-01', 'HELD', [kim.id, lee.id]);
      await session('2024-09-01', 'CANCELLED');
      await session('2024-10-01', 'DID_NOT_ATTEND');
      await session('2024-11-01', 'SCHEDULED');
      await session('2024-05-01', 'HELD', [lee.id]);

      const result = await call(
        admin,
        `{ staffMembers(page: { first: 10 }) { nodes { displayName service { name }
           currentAgreement { id interval startDate reviewDueDate supervisorName } lastHeldSession } } }`,
      );
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data!.staffMembers.nodes).toEqual([
        {
          displayName: 'Kim',
          service: { name: 'Outreach' },
          currentAgreement: {
            id: current.id,
            interval: 'FORTNIGHTLY',
            startDate: '2024-07-01',
            reviewDueDate: '2025-07-01',
            supervisorName: 'Sam Supervisor',
          },
          lastHeldSession: '2024-08-01',
        },
        {
          displayName: 'Lee',
          service: { name: 'Outreach' },
          currentAgreement: expect.objectContaining({
            supervisorName: 'Dr External',
            reviewDueDate: null,
          }),
          lastHeldSession: '2024-08-01',
        },
        {
          displayName: 'Sam Supervisor',
          service: { name: 'Outreach' },
          currentAgreement: null,
          lastHeldSession: null,
        },
      ]);
    });
  });

  describe('erasure', () => {
    it("erases a leaver's personal data after the retention period, keeping what the metrics need", async () => {
      const { admin } = await organisationWithAdmin(server);
      const service = (await createService(ds(), admin.org, 'Care')).id;
      const user = await memberOf(server, admin.org, 'PRACTITIONER');
      const leaver = await insertStaff(ds(), admin.org, service, {
        displayName: 'Lou Leaver',
        staffRef: 'LL-1',
        startDate: '2010-04-01',
        endDate: '2015-03-31',
        leavingReason: 'RETIREMENT',
        practitionerType: 'Nurse',
        fte: 0.6,
        userId: user.user.id,
      });
      await asTenant(
        ds(),
        admin.org,
        `UPDATE staff_members SET role_title = 'Ward lead' WHERE id = $1`,
        [leaver.id],
      );
      // The practitioner sees their record before erasure…
      expect((await call(user, GET, { id: leaver.id })).body.data?.staffMember.displayName).toBe(
        'Lou Leaver',
      );

      const result = await call(admin, ERASE, { id: leaver.id });
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data!.eraseLeaverPersonalData).toEqual({
        id: leaver.id,
        staffRef: null,
        displayName: null,
        roleTitle: null,
        practitionerType: 'Nurse',
        fte: 0.6,
        startDate: '2010-04-01',
        endDate: '2015-03-31',
        leavingReason: 'RETIREMENT',
        requiresSupervision: true,
        inPost: false,
        erased: true,
        service: { id: service, name: 'Care' },
      });
      const [row] = await asTenant(
        ds(),
        admin.org,
        'SELECT erased_at, user_id, display_name, staff_ref FROM staff_members WHERE id = $1',
        [leaver.id],
      );
      expect(row).toMatchObject({ user_id: null, display_name: null, staff_ref: null });
      expect(row.erased_at).toBeInstanceOf(Date);
      // …and no longer once the link to them is gone.
      expectError(await call(user, GET, { id: leaver.id }), 'NOT_FOUND');
      expect((await auditEvents(admin.org)).map((e) => [e.action, e.entity_id])).toEqual([
        ['staff.erase', leaver.id],
      ]);

      // An erased record no longer changes.
      for (const [query, variables] of [
        [UPDATE, { id: leaver.id, input: { displayName: 'Back again' } }],
        [LEAVE, { id: leaver.id, input: { endDate: '2016-01-01', leavingReason: 'OTHER' } }],
        [REINSTATE, { id: leaver.id }],
      ] as const) {
        expectError(await call(admin, query, variables), 'BAD_USER_INPUT', 'id');
      }
      // Erasing again changes nothing more.
      const again = await call(admin, ERASE, { id: leaver.id });
      expect(again.body.data!.eraseLeaverPersonalData.erased).toBe(true);
    });

    it('refuses before the retention period has passed, and for staff who have not left', async () => {
      const { admin } = await organisationWithAdmin(server);
      const service = (await createService(ds(), admin.org, 'Care')).id;
      await asTenant(
        ds(),
        admin.org,
        'UPDATE organisations SET retention_months = 12 WHERE id = $1',
        [admin.org],
      );
      const endedExactly = await orgDate(admin.org, '-12 months');
      const endedEarlier = await orgDate(admin.org, '-12 months -1 day');
      const boundary = await insertStaff(ds(), admin.org, service, { endDate: endedExactly });
      const past = await insertStaff(ds(), admin.org, service, { endDate: endedEarlier });
      const inPost = await insertStaff(ds(), admin.org, service, {});
      const before = await staffRows(admin.org);

      const early = await call(admin, ERASE, { id: boundary.id });
      expectError(early, 'BAD_USER_INPUT', 'id');
      expect(early.body.errors![0].message).toContain('12 months');
      expectError(await call(admin, ERASE, { id: inPost.id }), 'BAD_USER_INPUT', 'id');
      expect(await staffRows(admin.org)).toEqual(before);
      expect(await auditEvents(admin.org)).toEqual([]);

      const ok = await call(admin, ERASE, { id: past.id });
      expect(ok.body.data?.eraseLeaverPersonalData).toMatchObject({
        erased: true,
        endDate: endedEarlier,
        displayName: null,
      });
    });
  });

  describe('audit', () => {
    it('writes one event per mutation, with the actor and the record, never its content', async () => {
      const w = await world();
      const admin = w.people.ORG_ADMIN;
      const created = await call(admin, CREATE, {
        input: validInput(w.s1, { displayName: 'Audited' }),
      });
      const id = created.body.data!.createStaffMember.id;
      await call(admin, UPDATE, { id, input: { fte: 0.4 } });
      await call(admin, LEAVE, {
        id,
        input: { endDate: '2024-12-31', leavingReason: 'RESIGNATION' },
      });
      await call(admin, REINSTATE, { id });
      await call(admin, ERASE, { id: w.staff.oldLeaver.id });
      const events = await auditEvents(w.org);
      expect(events).toEqual(
        [
          ['staff.create', id],
          ['staff.update', id],
          ['staff.leave', id],
          ['staff.reinstate', id],
          ['staff.erase', w.staff.oldLeaver.id],
        ].map(([action, entity]) => ({
          action,
          entity_type: 'StaffMember',
          entity_id: entity,
          actor_user_id: admin.user.id,
        })),
      );
      const [columns] = await asTenant(
        ds(),
        w.org,
        'SELECT * FROM audit_events WHERE tenant_id = $1 LIMIT 1',
        [w.org],
      );
      expect(JSON.stringify(columns)).not.toContain('Audited');
    });

    it('writes no event for reads or refused mutations', async () => {
      const w = await world();
      await call(w.people.ORG_ADMIN, GET, { id: w.staff.alex.id });
      await call(w.people.ORG_ADMIN, LIST, {});
      await call(w.people.SUPERVISOR, UPDATE, { id: w.staff.alex.id, input: { fte: 1 } });
      await call(w.people.ORG_ADMIN, UPDATE, { id: w.staff.alex.id, input: { fte: 7 } });
      expect(await auditEvents(w.org)).toEqual([]);
    });
  });
});
