import { addDays, type Role } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import {
  asTenant,
  auditEventsOf,
  callerOf,
  createOrganisation,
  createService,
  errorCode,
  expectError,
  gql,
  insertAbsence,
  insertStaff,
  type Member,
  memberOf,
  operationsOf,
  startTestServer,
} from '../../test/helpers';
import { AbsenceResolver } from './absence.resolver';

const F = 'id absenceRef staffMemberId startDate endDate reason ongoing';
const ONE = `query($id: ID!) { absenceEpisode(id: $id) { ${F} } }`;
const LIST = `query($filter: AbsenceFilter, $page: PageInput) {
  absenceEpisodes(filter: $filter, page: $page) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { ${F} }
  } }`;
const OPEN = `mutation($input: OpenAbsenceInput!) { openAbsence(input: $input) { ${F} } }`;
const CLOSE = `mutation($id: ID!, $input: CloseAbsenceInput!) { closeAbsence(id: $id, input: $input) { ${F} } }`;
const CORRECT = `mutation($id: ID!, $input: CorrectAbsenceInput!) { correctAbsence(id: $id, input: $input) { ${F} } }`;
const DELETE = `mutation($id: ID!) { deleteAbsence(id: $id) }`;

describe('absence episodes', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const ds = () => server.dataSource;
  const call = callerOf(() => server);
  const episodes = (tenantId: string) =>
    asTenant(
      ds(),
      tenantId,
      `SELECT id, absence_ref, staff_id, start_date, end_date, reason, updated_at
         FROM absence_episodes WHERE tenant_id = $1 ORDER BY id`,
      [tenantId],
    );

  /** An organisation with every role; the manager manages service A only. */
  async function world() {
    const org = await createOrganisation(ds());
    const serviceA = await createService(ds(), org.id);
    const serviceB = await createService(ds(), org.id);
    const [admin, manager, supervisor, practitioner, analyst, commissioner] = await Promise.all([
      memberOf(server, org.id, 'ORG_ADMIN'),
      memberOf(server, org.id, 'SERVICE_MANAGER', { managedServiceIds: [serviceA.id] }),
      memberOf(server, org.id, 'SUPERVISOR'),
      memberOf(server, org.id, 'PRACTITIONER'),
      memberOf(server, org.id, 'ANALYST'),
      memberOf(server, org.id, 'COMMISSIONER_ANALYST'),
    ]);
    // The supervisor and practitioner have staff records (and the practitioner's own absence).
    const inA = await insertStaff(ds(), org.id, serviceA.id, {
      startDate: '2020-01-01',
      userId: practitioner.user.id,
    });
    await insertStaff(ds(), org.id, serviceA.id, {
      startDate: '2020-01-01',
      userId: supervisor.user.id,
    });
    const inB = await insertStaff(ds(), org.id, serviceB.id, { startDate: '2020-01-01' });
    const leaver = await insertStaff(ds(), org.id, serviceA.id, {
      startDate: '2021-01-01',
      endDate: '2023-06-30',
    });
    const roles: Record<Role, Member> = {
      ORG_ADMIN: admin,
      SERVICE_MANAGER: manager,
      SUPERVISOR: supervisor,
      PRACTITIONER: practitioner,
      ANALYST: analyst,
      COMMISSIONER_ANALYST: commissioner,
    };
    return { org, serviceA, serviceB, roles, admin, manager, staff: { inA, inB, leaver } };
  }
  type World = Awaited<ReturnType<typeof world>>;

  describe('who may do what (product.md)', () => {
    let w: World;
    beforeAll(async () => {
      w = await world();
    });

    /** Each operation, set up afresh for every attempt, on a staff member of service A. */
    const OPERATIONS: Record<string, () => Promise<[string, Record<string, unknown>]>> = {
      absenceEpisode: async () => {
        const e = await insertAbsence(ds(), w.org.id, w.staff.inA.id);
        return [ONE, { id: e.id }];
      },
      absenceEpisodes: async () => [LIST, {}],
      openAbsence: async () => [
        OPEN,
        {
          input: {
            staffMemberId: w.staff.inA.id,
            startDate: addDays('2022-01-01', Math.floor(Math.random() * 1000)),
            reason: 'INJURY',
          },
        },
      ],
      closeAbsence: async () => {
        const e = await insertAbsence(ds(), w.org.id, w.staff.inA.id, {
          startDate: addDays('2022-01-01', Math.floor(Math.random() * 1000)),
        });
        return [CLOSE, { id: e.id, input: { endDate: '2025-01-01' } }];
      },
      correctAbsence: async () => {
        const e = await insertAbsence(ds(), w.org.id, w.staff.inA.id, {
          startDate: addDays('2022-01-01', Math.floor(Math.random() * 1000)),
        });
        return [CORRECT, { id: e.id, input: { reason: 'MENTAL_HEALTH' } }];
      },
      deleteAbsence: async () => {
        const e = await insertAbsence(ds(), w.org.id, w.staff.inA.id, {
          startDate: addDays('2022-01-01', Math.floor(Math.random() * 1000)),
        });
        return [DELETE, { id: e.id }];
      },
    };
    const ALLOWED: Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER'];
    const ROLES: Role[] = [
      'ORG_ADMIN',
      'SERVICE_MANAGER',
      'SUPERVISOR',
      'PRACTITIONER',
      'ANALYST',
      'COMMISSIONER_ANALYST',
    ];

    it('has a rule for every absence operation', async () => {
      expect(Object.keys(OPERATIONS).sort()).toEqual(await operationsOf(AbsenceResolver));
    });

    it.each(Object.keys(OPERATIONS))(
      '%s: admins and managers only; nobody signed out',
      async (op) => {
        const outcomes: Record<string, unknown> = {};
        for (const role of ROLES) {
          const [query, variables] = await OPERATIONS[op]();
          const result = await call(w.roles[role], query, variables);
          outcomes[role] = errorCode(result) ?? 'ALLOWED';
        }
        const [query, variables] = await OPERATIONS[op]();
        outcomes.signedOut = errorCode(await gql(server.url, query, variables));
        expect(outcomes).toEqual({
          ...Object.fromEntries(
            ROLES.map((r) => [r, ALLOWED.includes(r) ? 'ALLOWED' : 'FORBIDDEN']),
          ),
          signedOut: 'UNAUTHENTICATED',
        });
      },
    );

    it('a supervisor and a practitioner see no absence, not even their own', async () => {
      const own = await insertAbsence(ds(), w.org.id, w.staff.inA.id, { startDate: '2021-05-05' });
      for (const role of ['SUPERVISOR', 'PRACTITIONER'] as const) {
        expectError(await call(w.roles[role], ONE, { id: own.id }), 'FORBIDDEN');
        expectError(await call(w.roles[role], LIST), 'FORBIDDEN');
      }
    });
  });

  it('a service manager reaches only the staff of the services they manage', async () => {
    const w = await world();
    const inB = await insertAbsence(ds(), w.org.id, w.staff.inB.id);
    const inA = await insertAbsence(ds(), w.org.id, w.staff.inA.id);
    const before = await episodes(w.org.id);

    expectError(await call(w.manager, ONE, { id: inB.id }), 'NOT_FOUND');
    expectError(
      await call(w.manager, CLOSE, { id: inB.id, input: { endDate: '2024-03-05' } }),
      'NOT_FOUND',
    );
    expectError(
      await call(w.manager, CORRECT, { id: inB.id, input: { reason: 'OTHER' } }),
      'NOT_FOUND',
    );
    expectError(await call(w.manager, DELETE, { id: inB.id }), 'NOT_FOUND');
    expectError(
      await call(w.manager, OPEN, {
        input: { staffMemberId: w.staff.inB.id, startDate: '2024-01-01', reason: 'OTHER' },
      }),
      'NOT_FOUND',
      'input.staffMemberId',
    );
    expect(await episodes(w.org.id)).toEqual(before);

    const list = await call(w.manager, LIST);
    expect(list.body.data?.absenceEpisodes.nodes.map((n: { id: string }) => n.id)).toEqual([
      inA.id,
    ]);
    const asked = await call(w.manager, LIST, { filter: { staffMemberIds: [w.staff.inB.id] } });
    expect(asked.body.data?.absenceEpisodes.totalCount).toBe(0);

    const admin = await call(w.admin, LIST);
    expect(admin.body.data?.absenceEpisodes.totalCount).toBe(2);
  });

  it('records, reads, closes, corrects and deletes an episode, auditing each step', async () => {
    const w = await world();
    const opened = await call(w.admin, OPEN, {
      input: {
        staffMemberId: w.staff.inA.id,
        startDate: '2024-02-01',
        reason: 'MUSCULOSKELETAL',
        absenceRef: '  HR-1  ',
      },
    });
    expect(opened.body.errors).toBeUndefined();
    const episode = opened.body.data?.openAbsence;
    expect(episode).toEqual({
      id: expect.any(String),
      absenceRef: 'HR-1',
      staffMemberId: w.staff.inA.id,
      startDate: '2024-02-01',
      endDate: null,
      reason: 'MUSCULOSKELETAL',
      ongoing: true,
    });

    const read = await call(w.admin, ONE, { id: episode.id });
    expect(read.body.data?.absenceEpisode).toEqual(episode);

    const closed = await call(w.admin, CLOSE, { id: episode.id, input: { endDate: '2024-02-10' } });
    expect(closed.body.data?.closeAbsence).toMatchObject({ endDate: '2024-02-10', ongoing: false });

    const corrected = await call(w.admin, CORRECT, {
      id: episode.id,
      input: { startDate: '2024-01-30', reason: 'MENTAL_HEALTH', absenceRef: null },
    });
    expect(corrected.body.data?.correctAbsence).toMatchObject({
      startDate: '2024-01-30',
      endDate: '2024-02-10',
      reason: 'MENTAL_HEALTH',
      absenceRef: null,
    });
    // endDate null reopens an episode closed by mistake.
    const reopened = await call(w.admin, CORRECT, { id: episode.id, input: { endDate: null } });
    expect(reopened.body.data?.correctAbsence).toMatchObject({ endDate: null, ongoing: true });

    const listed = await call(w.admin, LIST);
    expect(listed.body.data?.absenceEpisodes.nodes).toHaveLength(1);

    const deleted = await call(w.admin, DELETE, { id: episode.id });
    expect(deleted.body.data?.deleteAbsence).toBe(episode.id);
    expect(await episodes(w.org.id)).toEqual([]);
    expectError(await call(w.admin, ONE, { id: episode.id }), 'NOT_FOUND');

    const events = await auditEventsOf(ds(), w.org.id);
    const mine = (action: string, entityId: string | null) => ({
      action,
      entity_type: 'AbsenceEpisode',
      entity_id: entityId,
      actor_user_id: w.admin.user.id,
    });
    expect(events).toHaveLength(7);
    expect(events).toEqual(
      expect.arrayContaining([
        mine('absence.open', episode.id),
        mine('absence.read', episode.id),
        mine('absence.close', episode.id),
        mine('absence.correct', episode.id),
        mine('absence.read', null),
        mine('absence.delete', episode.id),
      ]),
    );
    expect(events.filter((e) => e.action === 'absence.correct')).toHaveLength(2);
    // The audit log never holds the record's content.
    const [raw] = await asTenant(
      ds(),
      w.org.id,
      `SELECT string_agg(row_to_json(e)::text, ' ') AS all FROM audit_events e WHERE tenant_id = $1`,
      [w.org.id],
    );
    expect(raw.all).not.toMatch(/MENTAL_HEALTH|MUSCULOSKELETAL|HR-1|2024-02/);
  });

  it('audits every read of absence, single and list, by the reader (and only successful ones)', async () => {
    const w = await world();
    const e = await insertAbsence(ds(), w.org.id, w.staff.inA.id);
    expect(await auditEventsOf(ds(), w.org.id)).toEqual([]);

    await call(w.manager, ONE, { id: e.id });
    expect(await auditEventsOf(ds(), w.org.id)).toEqual([
      {
        action: 'absence.read',
        entity_type: 'AbsenceEpisode',
        entity_id: e.id,
        actor_user_id: w.manager.user.id,
      },
    ]);
    await call(w.admin, LIST, { filter: { reasons: ['INJURY'] } }); // even an empty list is a read
    const events = await auditEventsOf(ds(), w.org.id);
    expect(events).toHaveLength(2);
    expect(events).toContainEqual({
      action: 'absence.read',
      entity_type: 'AbsenceEpisode',
      entity_id: null,
      actor_user_id: w.admin.user.id,
    });
    // A refused or failed read shows nothing and records nothing.
    await call(w.roles.SUPERVISOR, LIST);
    await call(w.admin, ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(await auditEventsOf(ds(), w.org.id)).toHaveLength(2);
  });

  describe('validation', () => {
    let w: World;
    beforeAll(async () => {
      w = await world();
    });
    const open = (input: Record<string, unknown>) =>
      call(w.admin, OPEN, {
        input: {
          staffMemberId: w.staff.inA.id,
          startDate: '2024-05-01',
          reason: 'OTHER',
          ...input,
        },
      });

    it('refuses an end before the start (open, close, correct) with the field', async () => {
      expectError(
        await open({ startDate: '2024-05-10', endDate: '2024-05-09' }),
        'BAD_USER_INPUT',
        'input.endDate',
      );
      const e = await insertAbsence(ds(), w.org.id, w.staff.inA.id, { startDate: '2024-06-10' });
      expectError(
        await call(w.admin, CLOSE, { id: e.id, input: { endDate: '2024-06-09' } }),
        'BAD_USER_INPUT',
        'input.endDate',
      );
      expectError(
        await call(w.admin, CORRECT, { id: e.id, input: { endDate: '2024-06-01' } }),
        'BAD_USER_INPUT',
        'input.endDate',
      );
      const closed = await insertAbsence(ds(), w.org.id, w.staff.inA.id, {
        startDate: '2024-07-01',
        endDate: '2024-07-03',
      });
      // Moving only the start past the end names the start.
      expectError(
        await call(w.admin, CORRECT, { id: closed.id, input: { startDate: '2024-07-04' } }),
        'BAD_USER_INPUT',
        'input.startDate',
      );
      // A one-day absence (end = start) is fine.
      const oneDay = await open({ startDate: '2024-05-20', endDate: '2024-05-20' });
      expect(oneDay.body.data?.openAbsence.endDate).toBe('2024-05-20');
    });

    it('keeps the start within employment', async () => {
      expectError(await open({ startDate: '2019-12-31' }), 'BAD_USER_INPUT', 'input.startDate');
      const leaver = (startDate: string) => open({ staffMemberId: w.staff.leaver.id, startDate });
      expectError(await leaver('2020-12-31'), 'BAD_USER_INPUT', 'input.startDate');
      expectError(await leaver('2023-07-01'), 'BAD_USER_INPUT', 'input.startDate');
      expect((await leaver('2023-06-30')).body.errors).toBeUndefined();
      expect((await leaver('2021-01-01')).body.errors).toBeUndefined();
      const e = await insertAbsence(ds(), w.org.id, w.staff.leaver.id, { startDate: '2022-02-02' });
      expectError(
        await call(w.admin, CORRECT, { id: e.id, input: { startDate: '2023-08-01' } }),
        'BAD_USER_INPUT',
        'input.startDate',
      );
    });

    it('refuses dates more than a year ahead', async () => {
      const far = addDays(new Date().toISOString().slice(0, 10), 400);
      expectError(await open({ startDate: far }), 'BAD_USER_INPUT', 'input.startDate');
      expectError(
        await open({ startDate: '2024-08-01', endDate: far }),
        'BAD_USER_INPUT',
        'input.endDate',
      );
    });

    it('allows overlapping episodes but refuses the same person and start twice', async () => {
      const first = await open({ startDate: '2024-09-01', endDate: '2024-09-10' });
      expect(first.body.errors).toBeUndefined();
      const overlapping = await open({ startDate: '2024-09-05', reason: 'INJURY' });
      expect(overlapping.body.errors).toBeUndefined();
      const before = await episodes(w.org.id);
      expectError(await open({ startDate: '2024-09-01' }), 'CONFLICT', 'input.startDate');
      expectError(
        await call(w.admin, CORRECT, {
          id: overlapping.body.data?.openAbsence.id,
          input: { startDate: '2024-09-01' },
        }),
        'CONFLICT',
        'input.startDate',
      );
      expect(await episodes(w.org.id)).toEqual(before);
      // Another person may start on the same day.
      const other = await insertStaff(ds(), w.org.id, w.serviceA.id, { startDate: '2020-01-01' });
      expect(
        (await open({ staffMemberId: other.id, startDate: '2024-09-01' })).body.errors,
      ).toBeUndefined();
    });

    it('keeps references unique in the organisation, and bounded', async () => {
      expect(
        (await open({ startDate: '2024-10-01', absenceRef: 'ABS-7' })).body.errors,
      ).toBeUndefined();
      const before = await episodes(w.org.id);
      expectError(
        await open({ startDate: '2024-10-02', absenceRef: 'ABS-7' }),
        'CONFLICT',
        'input.absenceRef',
      );
      const e = await insertAbsence(ds(), w.org.id, w.staff.inA.id, { startDate: '2024-10-05' });
      expectError(
        await call(w.admin, CORRECT, { id: e.id, input: { absenceRef: 'ABS-7' } }),
        'CONFLICT',
        'input.absenceRef',
      );
      const refs = (await episodes(w.org.id)).filter((row) => row.absence_ref === 'ABS-7');
      expect(refs).toEqual(before.filter((row) => row.absence_ref === 'ABS-7'));
      expect(refs).toHaveLength(1);
      expectError(
        await open({ startDate: '2024-10-03', absenceRef: 'x'.repeat(65) }),
        'BAD_USER_INPUT',
        'input.absenceRef',
      );
      // The same reference in another organisation is fine.
      const other = await world();
      const there = await call(other.admin, OPEN, {
        input: {
          staffMemberId: other.staff.inA.id,
          startDate: '2024-10-01',
          reason: 'OTHER',
          absenceRef: 'ABS-7',
        },
      });
      expect(there.body.errors).toBeUndefined();
    });

    it('refuses unknown reasons, impossible dates and malformed ids', async () => {
      expect(errorCode(await open({ reason: 'FLU' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await open({ startDate: '2023-02-29' }))).toBe('BAD_USER_INPUT');
      expectError(await open({ staffMemberId: 'nope' }), 'BAD_USER_INPUT', 'input.staffMemberId');
      expectError(
        await open({ staffMemberId: '00000000-0000-4000-8000-000000000000' }),
        'NOT_FOUND',
        'input.staffMemberId',
      );
      expectError(await call(w.admin, ONE, { id: 'nope' }), 'NOT_FOUND');
      expectError(await call(w.admin, DELETE, { id: 'nope' }), 'NOT_FOUND');
    });

    it('closes only an ongoing episode', async () => {
      const e = await insertAbsence(ds(), w.org.id, w.staff.inA.id, {
        startDate: '2024-11-01',
        endDate: '2024-11-02',
      });
      expectError(
        await call(w.admin, CLOSE, { id: e.id, input: { endDate: '2024-11-05' } }),
        'CONFLICT',
        'input.endDate',
      );
    });

    it('validates the list filter and page', async () => {
      expectError(
        await call(w.admin, LIST, { filter: { from: '2024-02-01', to: '2024-01-31' } }),
        'BAD_USER_INPUT',
        'filter.to',
      );
      expectError(
        await call(w.admin, LIST, { filter: { staffMemberIds: ['x'] } }),
        'BAD_USER_INPUT',
        'filter.staffMemberIds',
      );
      expectError(
        await call(w.admin, LIST, { page: { first: 101 } }),
        'BAD_USER_INPUT',
        'page.first',
      );
      expectError(
        await call(w.admin, LIST, { page: { first: 0 } }),
        'BAD_USER_INPUT',
        'page.first',
      );
      expectError(
        await call(w.admin, LIST, { page: { after: 'garbage' } }),
        'BAD_USER_INPUT',
        'page.after',
      );
    });

    it('writes nothing, not even an audit event, when a mutation fails', async () => {
      const before = await episodes(w.org.id);
      const audit = await auditEventsOf(ds(), w.org.id);
      expectError(await open({ startDate: '2019-01-01' }), 'BAD_USER_INPUT', 'input.startDate');
      expect(await episodes(w.org.id)).toEqual(before);
      expect(await auditEventsOf(ds(), w.org.id)).toEqual(audit);
    });
  });

  it("answers NOT_FOUND for another organisation's ids and changes nothing there", async () => {
    const a = await world();
    const b = await world();
    const episode = await insertAbsence(ds(), a.org.id, a.staff.inA.id, { absenceRef: 'A-1' });
    const before = await episodes(a.org.id);
    const auditBefore = await auditEventsOf(ds(), a.org.id);

    expectError(await call(b.admin, ONE, { id: episode.id }), 'NOT_FOUND');
    expectError(
      await call(b.admin, CLOSE, { id: episode.id, input: { endDate: '2024-03-02' } }),
      'NOT_FOUND',
    );
    expectError(
      await call(b.admin, CORRECT, { id: episode.id, input: { reason: 'OTHER' } }),
      'NOT_FOUND',
    );
    expectError(await call(b.admin, DELETE, { id: episode.id }), 'NOT_FOUND');
    expectError(
      await call(b.admin, OPEN, {
        input: { staffMemberId: a.staff.inA.id, startDate: '2024-01-01', reason: 'OTHER' },
      }),
      'NOT_FOUND',
      'input.staffMemberId',
    );
    const list = await call(b.admin, LIST, { filter: { staffMemberIds: [a.staff.inA.id] } });
    expect(list.body.data?.absenceEpisodes.totalCount).toBe(0);

    expect(await episodes(a.org.id)).toEqual(before);
    expect(await auditEventsOf(ds(), a.org.id)).toEqual(auditBefore);
    expect(await episodes(b.org.id)).toEqual([]);
  });

  it('pages newest first and filters by staff, period, reason and ongoing', async () => {
    const w = await world();
    const x = w.staff.inA.id;
    const y = (await insertStaff(ds(), w.org.id, w.serviceA.id, { startDate: '2020-01-01' })).id;
    const made = [
      await insertAbsence(ds(), w.org.id, x, {
        startDate: '2024-01-01',
        endDate: '2024-01-05',
        reason: 'INJURY',
      }),
      await insertAbsence(ds(), w.org.id, x, {
        startDate: '2024-02-01',
        endDate: '2024-02-29',
        reason: 'MENTAL_HEALTH',
      }),
      await insertAbsence(ds(), w.org.id, y, { startDate: '2024-02-01', reason: 'MENTAL_HEALTH' }),
      await insertAbsence(ds(), w.org.id, y, {
        startDate: '2024-03-10',
        endDate: '2024-03-12',
        reason: 'OTHER',
      }),
      await insertAbsence(ds(), w.org.id, x, { startDate: '2024-04-01', reason: 'MINOR_ILLNESS' }),
    ];

    const seen: Array<{ id: string; startDate: string }> = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r = await call(w.admin, LIST, { page: { first: 2, after } });
      const conn = r.body.data?.absenceEpisodes;
      expect(conn.totalCount).toBe(5);
      expect(conn.edges.at(-1).cursor).toBe(conn.pageInfo.endCursor);
      seen.push(...conn.nodes);
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen.map((s) => s.id)).size).toBe(5);
    expect(seen.map((s) => s.startDate)).toEqual([
      '2024-04-01',
      '2024-03-10',
      '2024-02-01',
      '2024-02-01',
      '2024-01-01',
    ]);

    const ids = async (filter: Record<string, unknown>) =>
      (
        (await call(w.admin, LIST, { filter })).body.data?.absenceEpisodes.nodes as Array<{
          id: string;
        }>
      )
        .map((n) => n.id)
        .sort();
    const sorted = (...i: number[]) => i.map((n) => made[n].id).sort();
    expect(await ids({ staffMemberIds: [y] })).toEqual(sorted(2, 3));
    expect(await ids({ reasons: ['MENTAL_HEALTH'] })).toEqual(sorted(1, 2));
    expect(await ids({ ongoing: true })).toEqual(sorted(2, 4));
    expect(await ids({ ongoing: false })).toEqual(sorted(0, 1, 3));
    // A period catches every episode with a day in it (ongoing ones run on).
    expect(await ids({ from: '2024-03-01', to: '2024-03-09' })).toEqual(sorted(2));
    expect(await ids({ from: '2024-01-05', to: '2024-01-05' })).toEqual(sorted(0));
    expect(await ids({ from: '2024-05-01' })).toEqual(sorted(2, 4));
    expect(await ids({ to: '2024-01-31' })).toEqual(sorted(0));
    expect(
      await ids({ staffMemberIds: [x], ongoing: false, reasons: ['INJURY', 'OTHER'] }),
    ).toEqual(sorted(0));
  });
});
