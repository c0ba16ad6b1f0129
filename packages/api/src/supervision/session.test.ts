import { randomUUID } from 'node:crypto';
import { addDays } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import type { RequestContext } from '../tenancy/context';
import {
  asTenant,
  errorCode,
  errorField,
  gql,
  type GqlResult,
  insertAgreement,
  insertSession,
  insertStaff,
  insertSupervisor,
  startTestServer,
  type SupervisionWorld,
  supervisionWorld,
  todayUtc,
  WORLD_USERS,
  type WorldUser,
} from '../../test/helpers';

const SESSION = `id sessionRef date durationMinutes format status functions confirmedAt
  supervisor { id kind name } attendees { id displayName }
  actions { id title ownerStaffMemberId dueDate status }`;

const Q = {
  session: `query($id: ID!) { session(id: $id) { ${SESSION} } }`,
  sessions: `query($filter: SessionFilter, $page: PageInput) {
    sessions(filter: $filter, page: $page) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id date status }
    } }`,
  sessionsDeep: `query($filter: SessionFilter, $page: PageInput) {
    sessions(filter: $filter, page: $page) { totalCount nodes { ${SESSION} } } }`,
  schedule: `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { ${SESSION} } }`,
  record: `mutation($input: RecordHeldSessionInput!) { recordHeldSession(input: $input) { ${SESSION} } }`,
  held: `mutation($id: ID!, $input: MarkSessionHeldInput!) {
    markSessionHeld(id: $id, input: $input) { ${SESSION} } }`,
  cancel: `mutation($id: ID!) { cancelSession(id: $id) { id status } }`,
  dna: `mutation($id: ID!) { markDidNotAttend(id: $id) { id status } }`,
  confirm: `mutation($id: ID!) { confirmSession(id: $id) { id status confirmedAt } }`,
  addAction: `mutation($sessionId: ID!, $input: AddSessionActionInput!) {
    addSessionAction(sessionId: $sessionId, input: $input) { id title ownerStaffMemberId dueDate status } }`,
  updateAction: `mutation($id: ID!, $input: UpdateSessionActionInput!) {
    updateSessionAction(id: $id, input: $input) { id title ownerStaffMemberId dueDate status } }`,
};

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

const outcome = (r: GqlResult): string => (r.body.errors ? String(errorCode(r)) : 'ok');
const PAST = '2025-03-10';

describe('supervision sessions and agreed actions over GraphQL', () => {
  let server: RunningHoldspace;
  let w: SupervisionWorld;
  let statements: number[] = [];

  const as = (who: WorldUser, query: string, variables: Record<string, unknown> = {}) =>
    gql(server.url, query, variables, { token: w.users[who].token, org: w.org.id });
  const db = <T = any>(sql: string, params: unknown[] = []) =>
    asTenant<T>(server.dataSource, w.org.id, sql, params);

  /** Sam supervising Pat (service A), or the external supervisor with Olu (service B). */
  const sessionOf = (kind: 'pat' | 'olu', fields: { status?: string; date?: string } = {}) =>
    insertSession(server.dataSource, w.org.id, {
      supervisorId: kind === 'pat' ? w.supervisors.internal.id : w.supervisors.external.id,
      attendeeIds: [kind === 'pat' ? w.staff.pat.id : w.staff.olu.id],
      date: fields.date ?? PAST,
      status: fields.status ?? 'HELD',
    });

  const sessionRow = async (id: string) =>
    (
      await db(
        `SELECT status, date, duration_minutes, functions, confirmed_at, logged_by_user_id,
                (SELECT array_agg(staff_id::text ORDER BY staff_id) FROM session_attendees a
                  WHERE a.tenant_id = s.tenant_id AND a.session_id = s.id) AS attendees,
                (SELECT count(*)::int FROM session_actions x
                  WHERE x.tenant_id = s.tenant_id AND x.session_id = s.id) AS actions
           FROM supervision_sessions s WHERE tenant_id = $1 AND id = $2`,
        [w.org.id, id],
      )
    )[0];

  const auditOf = (entityId: string) =>
    db<{ action: string; entity_type: string; actor_user_id: string }>(
      `SELECT action, entity_type, actor_user_id FROM audit_events
        WHERE tenant_id = $1 AND entity_id = $2 ORDER BY occurred_at, id`,
      [w.org.id, entityId],
    );

  const heldInput = (changes: Record<string, unknown> = {}) => ({
    date: PAST,
    durationMinutes: 60,
    format: 'ONE_TO_ONE',
    supervisorId: w.supervisors.internal.id,
    attendeeIds: [w.staff.pat.id],
    functions: ['RESTORATIVE', 'FORMATIVE'],
    ...changes,
  });

  beforeAll(async () => {
    server = await startTestServer({}, [], (ctx: RequestContext) => {
      statements.push(ctx.db.statements);
    });
    w = await supervisionWorld(server);
  });
  afterAll(() => server?.stop());

  describe('the life of a session', () => {
    it('records a held session with its supervisor, attendees and functions', async () => {
      const result = await as('supervisor', Q.record, {
        input: heldInput({ sessionRef: 'S-001', durationMinutes: 75 }),
      });
      expect(result.body.errors).toBeUndefined();
      const s = result.body.data!.recordHeldSession;
      expect(s).toMatchObject({
        sessionRef: 'S-001',
        date: PAST,
        durationMinutes: 75,
        format: 'ONE_TO_ONE',
        status: 'HELD',
        functions: ['RESTORATIVE', 'FORMATIVE'],
        confirmedAt: null,
        supervisor: { id: w.supervisors.internal.id, kind: 'INTERNAL', name: 'Sam Supervisor' },
        attendees: [{ id: w.staff.pat.id, displayName: 'Pat Practitioner' }],
        actions: [],
      });
      expect(await sessionRow(s.id)).toMatchObject({
        status: 'HELD',
        attendees: [w.staff.pat.id],
        logged_by_user_id: w.users.supervisor.user.id,
      });
      expect((await as('practitioner', Q.session, { id: s.id })).body.data!.session).toEqual(s);
      expect(await auditOf(s.id)).toEqual([
        {
          action: 'session.record',
          entity_type: 'SupervisionSession',
          actor_user_id: w.users.supervisor.user.id,
        },
      ]);
    });

    it('schedules a group session, then marks it held; the supervisee confirms it', async () => {
      const colleague = await insertStaff(server.dataSource, w.org.id, w.serviceA.id, {
        displayName: 'Ari Colleague',
        startDate: '2020-01-01',
      });
      const scheduled = await as('manager', Q.schedule, {
        input: {
          date: PAST,
          durationMinutes: 90,
          format: 'GROUP',
          supervisorId: w.supervisors.external.id,
          attendeeIds: [w.staff.pat.id, colleague.id],
        },
      });
      expect(scheduled.body.errors).toBeUndefined();
      const s = scheduled.body.data!.scheduleSession;
      expect(s).toMatchObject({ status: 'SCHEDULED', functions: [], durationMinutes: 90 });
      expect(s.attendees.map((a: { displayName: string }) => a.displayName)).toEqual([
        'Ari Colleague',
        'Pat Practitioner',
      ]);

      const early = await as('practitioner', Q.confirm, { id: s.id });
      expect(outcome(early)).toBe('CONFLICT');

      const held = await as('manager', Q.held, {
        id: s.id,
        input: { durationMinutes: 80, functions: ['NORMATIVE'] },
      });
      expect(held.body.data!.markSessionHeld).toMatchObject({
        status: 'HELD',
        durationMinutes: 80,
        functions: ['NORMATIVE'],
        date: PAST,
      });

      const confirmed = await as('practitioner', Q.confirm, { id: s.id });
      expect(confirmed.body.data!.confirmSession.confirmedAt).toEqual(expect.any(String));
      expect((await sessionRow(s.id)).confirmed_at).toBeInstanceOf(Date);
      expect(outcome(await as('practitioner', Q.confirm, { id: s.id }))).toBe('CONFLICT');

      expect((await auditOf(s.id)).map((e) => e.action)).toEqual([
        'session.schedule',
        'session.markHeld',
        'session.confirm',
      ]);
    });

    it('marks a scheduled session held on another day', async () => {
      const { id } = await sessionOf('pat', { status: 'SCHEDULED', date: '2025-03-01' });
      const held = await as('supervisor', Q.held, { id, input: { date: '2025-03-03' } });
      expect(held.body.data!.markSessionHeld).toMatchObject({
        date: '2025-03-03',
        durationMinutes: 60,
        status: 'HELD',
      });
    });

    it('cancels a scheduled session; only a scheduled one', async () => {
      const { id } = await sessionOf('pat', {
        status: 'SCHEDULED',
        date: addDays(todayUtc(), 10),
      });
      expect((await as('supervisor', Q.cancel, { id })).body.data!.cancelSession.status).toBe(
        'CANCELLED',
      );
      expect(outcome(await as('supervisor', Q.cancel, { id }))).toBe('CONFLICT');
      expect(outcome(await as('supervisor', Q.held, { id, input: {} }))).toBe('CONFLICT');
      const held = await sessionOf('pat');
      expect(outcome(await as('supervisor', Q.cancel, { id: held.id }))).toBe('CONFLICT');
      expect((await sessionRow(held.id)).status).toBe('HELD');
      expect((await auditOf(id)).map((e) => e.action)).toEqual(['session.cancel']);
    });

    it('marks a past scheduled session did-not-attend, never a future one', async () => {
      const past = await sessionOf('pat', { status: 'SCHEDULED' });
      expect((await as('admin', Q.dna, { id: past.id })).body.data!.markDidNotAttend.status).toBe(
        'DID_NOT_ATTEND',
      );
      expect((await auditOf(past.id)).map((e) => e.action)).toEqual(['session.markDidNotAttend']);
      const future = await sessionOf('pat', {
        status: 'SCHEDULED',
        date: addDays(todayUtc(), 5),
      });
      expect(outcome(await as('admin', Q.dna, { id: future.id }))).toBe('CONFLICT');
      expect((await sessionRow(future.id)).status).toBe('SCHEDULED');
    });

    it('keeps agreed actions: title, owner, due date and status only', async () => {
      const { id } = await sessionOf('pat');
      const added = await as('supervisor', Q.addAction, {
        sessionId: id,
        input: {
          title: ' Book a reflective practice slot ',
          ownerStaffMemberId: w.staff.pat.id,
          dueDate: '2025-04-01',
        },
      });
      expect(added.body.errors).toBeUndefined();
      const action = added.body.data!.addSessionAction;
      expect(action).toMatchObject({
        title: 'Book a reflective practice slot',
        ownerStaffMemberId: w.staff.pat.id,
        dueDate: '2025-04-01',
        status: 'OPEN',
      });
      const bySupervisor = await as('supervisor', Q.addAction, {
        sessionId: id,
        input: { title: 'Send the reading list', ownerStaffMemberId: w.staff.sam.id },
      });
      expect(bySupervisor.body.errors).toBeUndefined();

      const updated = await as('manager', Q.updateAction, {
        id: action.id,
        input: { status: 'DONE', dueDate: null },
      });
      expect(updated.body.data!.updateSessionAction).toMatchObject({
        title: 'Book a reflective practice slot',
        status: 'DONE',
        dueDate: null,
        ownerStaffMemberId: w.staff.pat.id,
      });
      const read = await as('practitioner', Q.session, { id });
      expect(read.body.data!.session.actions).toHaveLength(2);
      expect((await auditOf(action.id)).map((e) => [e.action, e.entity_type])).toEqual([
        ['action.add', 'AgreedAction'],
        ['action.update', 'AgreedAction'],
      ]);
    });
  });

  describe('validation (code and field), nothing written on failure', () => {
    const sessionCount = async () =>
      (
        await db('SELECT count(*)::int AS n FROM supervision_sessions WHERE tenant_id = $1', [
          w.org.id,
        ])
      )[0].n;
    let otherOrgStaff: string;
    let notStarted: string;
    let leaver: string;
    let leftSupervisor: string;
    beforeAll(async () => {
      const b = await supervisionWorld(server);
      otherOrgStaff = b.staff.pat.id;
      notStarted = (
        await insertStaff(server.dataSource, w.org.id, w.serviceA.id, { startDate: '2025-06-01' })
      ).id;
      leaver = (
        await insertStaff(server.dataSource, w.org.id, w.serviceA.id, {
          startDate: '2020-01-01',
          endDate: '2025-01-31',
        })
      ).id;
      const leftStaff = await insertStaff(server.dataSource, w.org.id, w.serviceA.id, {
        startDate: '2020-01-01',
        endDate: '2024-12-31',
      });
      leftSupervisor = (
        await insertSupervisor(server.dataSource, w.org.id, { staffId: leftStaff.id })
      ).id;
    });

    const many = (n: number) => Array.from({ length: n }, () => randomUUID());

    it.each([
      ['duration 0', () => ({ durationMinutes: 0 }), 'input.durationMinutes'],
      ['duration 481', () => ({ durationMinutes: 481 }), 'input.durationMinutes'],
      ['held in the future', () => ({ date: addDays(todayUtc(), 3) }), 'input.date'],
      ['no attendee', () => ({ attendeeIds: [] }), 'input.attendeeIds'],
      ['51 attendees', () => ({ format: 'GROUP', attendeeIds: many(51) }), 'input.attendeeIds'],
      [
        'the same attendee twice',
        () => ({ format: 'GROUP', attendeeIds: [w.staff.pat.id, w.staff.pat.id] }),
        'input.attendeeIds',
      ],
      [
        'one-to-one with two attendees',
        () => ({ attendeeIds: [w.staff.pat.id, w.staff.olu.id] }),
        'input.attendeeIds',
      ],
      ['an attendee id that is not an id', () => ({ attendeeIds: ['x'] }), 'input.attendeeIds'],
      ['an unknown attendee', () => ({ attendeeIds: [randomUUID()] }), 'input.attendeeIds'],
      [
        'another organisation’s attendee',
        () => ({ attendeeIds: [otherOrgStaff] }),
        'input.attendeeIds',
      ],
      ['an attendee not yet started', () => ({ attendeeIds: [notStarted] }), 'input.attendeeIds'],
      ['an attendee who had left', () => ({ attendeeIds: [leaver] }), 'input.attendeeIds'],
      [
        'the supervisor as an attendee',
        () => ({ format: 'GROUP', attendeeIds: [w.staff.pat.id, w.staff.sam.id] }),
        'input.attendeeIds',
      ],
      ['an unknown supervisor', () => ({ supervisorId: randomUUID() }), 'input.supervisorId'],
      ['a supervisor not in post', () => ({ supervisorId: leftSupervisor }), 'input.supervisorId'],
      ['repeated functions', () => ({ functions: ['NORMATIVE', 'NORMATIVE'] }), 'input.functions'],
      ['a reference of 65 characters', () => ({ sessionRef: 'r'.repeat(65) }), 'input.sessionRef'],
      ['a blank reference', () => ({ sessionRef: ' ' }), 'input.sessionRef'],
    ])('recordHeldSession: %s → BAD_USER_INPUT on %s', async (_name, change, expected) => {
      const before = await sessionCount();
      const result = await as('admin', Q.record, { input: heldInput(change()) });
      expect([errorCode(result), errorField(result)]).toEqual(['BAD_USER_INPUT', expected]);
      expect(await sessionCount()).toBe(before);
    });

    it('scheduleSession: not more than a year ahead', async () => {
      const before = await sessionCount();
      const tooFar = await as('admin', Q.schedule, {
        input: { ...heldInput({ date: addDays(todayUtc(), 400) }), functions: undefined },
      });
      expect([errorCode(tooFar), errorField(tooFar)]).toEqual(['BAD_USER_INPUT', 'input.date']);
      expect(await sessionCount()).toBe(before);
      const ok = await as('admin', Q.schedule, {
        input: { ...heldInput({ date: addDays(todayUtc(), 300) }), functions: undefined },
      });
      expect(ok.body.errors).toBeUndefined();
    });

    it('refuses formats, statuses and functions that metrics.md does not define', async () => {
      for (const change of [{ format: 'COFFEE' }, { functions: ['SOCIAL'] }]) {
        const result = await as('admin', Q.record, { input: heldInput(change) });
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
      }
      const list = await as('admin', Q.sessions, { filter: { statuses: ['POSTPONED'] } });
      expect(errorCode(list)).toBe('BAD_USER_INPUT');
    });

    it('a reference already used in the organisation is a CONFLICT', async () => {
      const ref = `REF-${randomUUID().slice(0, 8)}`;
      expect(
        (await as('admin', Q.record, { input: heldInput({ sessionRef: ref }) })).body.errors,
      ).toBeUndefined();
      const before = await sessionCount();
      const again = await as('admin', Q.schedule, {
        input: { ...heldInput({ sessionRef: ref }), functions: undefined },
      });
      expect([errorCode(again), errorField(again)]).toEqual(['CONFLICT', 'input.sessionRef']);
      expect(await sessionCount()).toBe(before);
    });

    it('markSessionHeld: not before its date, attendees still in post, duration bounded', async () => {
      const future = await sessionOf('pat', {
        status: 'SCHEDULED',
        date: addDays(todayUtc(), 7),
      });
      const early = await as('admin', Q.held, { id: future.id, input: {} });
      expect([errorCode(early), errorField(early)]).toEqual(['BAD_USER_INPUT', 'input.date']);

      const withLeaver = await insertSession(server.dataSource, w.org.id, {
        supervisorId: w.supervisors.internal.id,
        attendeeIds: [leaver],
        date: '2025-01-15',
        status: 'SCHEDULED',
      });
      const afterLeaving = await as('admin', Q.held, {
        id: withLeaver.id,
        input: { date: '2025-02-15' },
      });
      expect([errorCode(afterLeaving), errorField(afterLeaving)]).toEqual([
        'BAD_USER_INPUT',
        'input.date',
      ]);
      const tooLong = await as('admin', Q.held, {
        id: withLeaver.id,
        input: { durationMinutes: 481 },
      });
      expect([errorCode(tooLong), errorField(tooLong)]).toEqual([
        'BAD_USER_INPUT',
        'input.durationMinutes',
      ]);
      expect((await sessionRow(withLeaver.id)).status).toBe('SCHEDULED');
      expect((await sessionRow(future.id)).status).toBe('SCHEDULED');
    });

    it('agreed actions: title 1..120, owner an attendee or the supervisor, held sessions only', async () => {
      const { id } = await sessionOf('pat');
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ title: 't'.repeat(121) }, 'BAD_USER_INPUT', 'input.title'],
        [{ title: '' }, 'BAD_USER_INPUT', 'input.title'],
        [{ title: '   ' }, 'BAD_USER_INPUT', 'input.title'],
        [
          { title: 'ok', ownerStaffMemberId: w.staff.olu.id },
          'BAD_USER_INPUT',
          'input.ownerStaffMemberId',
        ],
        [
          { title: 'ok', ownerStaffMemberId: randomUUID() },
          'BAD_USER_INPUT',
          'input.ownerStaffMemberId',
        ],
        [{ title: 'ok', ownerStaffMemberId: 'nope' }, 'BAD_USER_INPUT', 'input.ownerStaffMemberId'],
      ];
      for (const [input, code, expected] of cases) {
        const result = await as('admin', Q.addAction, { sessionId: id, input });
        expect({ input, code: errorCode(result), field: errorField(result) }).toEqual({
          input,
          code,
          field: expected,
        });
      }
      const badStatus = await as('admin', Q.addAction, {
        sessionId: id,
        input: { title: 'x', status: 'LATER' },
      });
      expect(errorCode(badStatus)).toBe('BAD_USER_INPUT');
      expect(await sessionRow(id)).toMatchObject({ actions: 0 });

      const ok = await as('admin', Q.addAction, {
        sessionId: id,
        input: { title: 't'.repeat(120) },
      });
      expect(ok.body.errors).toBeUndefined();
      const actionId = ok.body.data!.addSessionAction.id;
      for (const [input, expected] of [
        [{ title: null }, 'input.title'],
        [{ status: null }, 'input.status'],
        [{ title: 'u'.repeat(121) }, 'input.title'],
        [{ ownerStaffMemberId: w.staff.olu.id }, 'input.ownerStaffMemberId'],
      ] as const) {
        const result = await as('admin', Q.updateAction, { id: actionId, input });
        expect({ input, code: errorCode(result), field: errorField(result) }).toEqual({
          input,
          code: 'BAD_USER_INPUT',
          field: expected,
        });
      }

      const scheduled = await sessionOf('pat', { status: 'SCHEDULED' });
      const early = await as('admin', Q.addAction, {
        sessionId: scheduled.id,
        input: { title: 'x' },
      });
      expect(errorCode(early)).toBe('CONFLICT');
    });

    it('list filters: the range in order, bounded page, a real cursor', async () => {
      const backwards = await as('admin', Q.sessions, {
        filter: { from: '2025-02-01', to: '2025-01-01' },
      });
      expect([errorCode(backwards), errorField(backwards)]).toEqual([
        'BAD_USER_INPUT',
        'filter.to',
      ]);
      const big = await as('admin', Q.sessions, { page: { first: 101 } });
      expect([errorCode(big), errorField(big)]).toEqual(['BAD_USER_INPUT', 'page.first']);
      const forged = await as('admin', Q.sessions, {
        page: { after: Buffer.from('[1,2]').toString('base64url') },
      });
      expect([errorCode(forged), errorField(forged)]).toEqual(['BAD_USER_INPUT', 'page.after']);
      const tooMany = await as('admin', Q.sessions, {
        filter: { staffMemberIds: Array(101).fill(w.staff.pat.id) },
      });
      expect([errorCode(tooMany), errorField(tooMany)]).toEqual([
        'BAD_USER_INPUT',
        'filter.staffMemberIds',
      ]);
    });
  });

  describe('nothing half-written', () => {
    /** Rows in the organisation that a recordHeldSession writes. */
    const counts = async () =>
      (
        await db(
          `SELECT (SELECT count(*)::int FROM supervision_sessions WHERE tenant_id = $1) AS sessions,
                  (SELECT count(*)::int FROM session_attendees WHERE tenant_id = $1) AS attendees,
                  (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS audit`,
          [w.org.id],
        )
      )[0];

    it('a failing recordHeldSession rolls back everything the request wrote: no session, no attendee, no audit event', async () => {
      const ref = `RB-${randomUUID().slice(0, 8)}`;
      const before = await counts();
      // Two mutations in one request, run in order: the first writes a session, its attendees
      // and an audit event; the second fails BECAUSE the first's row exists (same reference).
      // The request's one transaction rolls both back.
      const result = await as(
        'admin',
        `mutation($a: RecordHeldSessionInput!, $b: RecordHeldSessionInput!) {
           a: recordHeldSession(input: $a) { id }
           b: recordHeldSession(input: $b) { id }
         }`,
        {
          a: heldInput({
            sessionRef: ref,
            format: 'GROUP',
            attendeeIds: [w.staff.pat.id, w.staff.olu.id],
          }),
          b: heldInput({ sessionRef: ref }),
        },
      );
      expect([errorCode(result), errorField(result)]).toEqual(['CONFLICT', 'input.sessionRef']);
      expect(result.body.errors).toHaveLength(1);
      expect(
        await db('SELECT 1 FROM supervision_sessions WHERE tenant_id = $1 AND session_ref = $2', [
          w.org.id,
          ref,
        ]),
      ).toEqual([]);
      expect(await counts()).toEqual(before);
    });

    it('a recordHeldSession refused late (an attendee not in post) writes nothing', async () => {
      const before = await counts();
      const leaver = await insertStaff(server.dataSource, w.org.id, w.serviceA.id, {
        startDate: '2020-01-01',
        endDate: '2024-01-31',
      });
      const result = await as('admin', Q.record, {
        input: heldInput({ format: 'GROUP', attendeeIds: [w.staff.pat.id, leaver.id] }),
      });
      expect([errorCode(result), errorField(result)]).toEqual([
        'BAD_USER_INPUT',
        'input.attendeeIds',
      ]);
      expect(await counts()).toEqual(before);
    });
  });

  describe('who may do what (product.md)', () => {
    interface Case {
      name: string;
      run: (who: WorldUser) => Promise<GqlResult>;
      expect: Record<WorldUser, Outcome>;
    }
    const deny = { analyst: 'FORBIDDEN', commissioner: 'FORBIDDEN' } as const;
    const onlyEditors = (manager: Outcome, supervisor: Outcome): Record<WorldUser, Outcome> => ({
      admin: 'ok',
      manager,
      supervisor,
      practitioner: 'FORBIDDEN',
      otherPractitioner: 'FORBIDDEN',
      ...deny,
    });

    /** Sam supervises; attended by Sam, supervised externally. */
    const samAttends = (status = 'HELD') =>
      insertSession(server.dataSource, w.org.id, {
        supervisorId: w.supervisors.external.id,
        attendeeIds: [w.staff.sam.id],
        date: PAST,
        status,
      });

    const cases: Case[] = [
      {
        name: 'session(id): Sam with Pat',
        run: async (who) => as(who, Q.session, { id: (await sessionOf('pat')).id }),
        expect: {
          admin: 'ok',
          manager: 'ok',
          supervisor: 'ok',
          practitioner: 'ok',
          otherPractitioner: 'NOT_FOUND',
          ...deny,
        },
      },
      {
        name: 'session(id): external with Olu (service B)',
        run: async (who) => as(who, Q.session, { id: (await sessionOf('olu')).id }),
        expect: {
          admin: 'ok',
          manager: 'NOT_FOUND',
          supervisor: 'NOT_FOUND',
          practitioner: 'NOT_FOUND',
          otherPractitioner: 'ok',
          ...deny,
        },
      },
      {
        name: 'session(id): Sam attending as a supervisee',
        run: async (who) => as(who, Q.session, { id: (await samAttends()).id }),
        expect: {
          admin: 'ok',
          manager: 'ok',
          supervisor: 'ok',
          practitioner: 'NOT_FOUND',
          otherPractitioner: 'NOT_FOUND',
          ...deny,
        },
      },
      {
        name: 'sessions list',
        run: (who) => as(who, Q.sessions, {}),
        expect: {
          admin: 'ok',
          manager: 'ok',
          supervisor: 'ok',
          practitioner: 'ok',
          otherPractitioner: 'ok',
          ...deny,
        },
      },
      {
        name: 'scheduleSession: Sam with Pat',
        run: (who) =>
          as(who, Q.schedule, {
            input: { ...heldInput({ date: addDays(todayUtc(), 14) }), functions: undefined },
          }),
        expect: onlyEditors('ok', 'ok'),
      },
      {
        name: 'recordHeldSession: Sam with Pat',
        run: (who) => as(who, Q.record, { input: heldInput() }),
        expect: onlyEditors('ok', 'ok'),
      },
      {
        name: 'recordHeldSession: external with Olu (not the manager’s, not Sam’s)',
        run: (who) =>
          as(who, Q.record, {
            input: heldInput({
              supervisorId: w.supervisors.external.id,
              attendeeIds: [w.staff.olu.id],
            }),
          }),
        // A supervisor logs only as themselves; a manager cannot name staff outside their services.
        expect: onlyEditors('BAD_USER_INPUT', 'FORBIDDEN'),
      },
      {
        name: 'recordHeldSession: Sam with Olu (not Sam’s supervisee)',
        run: (who) => as(who, Q.record, { input: heldInput({ attendeeIds: [w.staff.olu.id] }) }),
        expect: onlyEditors('BAD_USER_INPUT', 'BAD_USER_INPUT'),
      },
      ...(
        [
          ['markSessionHeld', (id) => [Q.held, { id, input: { functions: ['NORMATIVE'] } }]],
          ['cancelSession', (id) => [Q.cancel, { id }]],
          ['markDidNotAttend', (id) => [Q.dna, { id }]],
        ] as Array<[string, (id: string) => [string, Record<string, unknown>]]>
      ).flatMap(([name, op]): Case[] => [
        {
          name: `${name}: Sam with Pat`,
          run: async (who) => {
            const [query, vars] = op((await sessionOf('pat', { status: 'SCHEDULED' })).id);
            return as(who, query, vars);
          },
          expect: onlyEditors('ok', 'ok'),
        },
        {
          name: `${name}: external with Olu`,
          run: async (who) => {
            const [query, vars] = op((await sessionOf('olu', { status: 'SCHEDULED' })).id);
            return as(who, query, vars);
          },
          expect: onlyEditors('NOT_FOUND', 'NOT_FOUND'),
        },
        {
          name: `${name}: Sam attending (not supervising)`,
          run: async (who) => {
            const [query, vars] = op((await samAttends('SCHEDULED')).id);
            return as(who, query, vars);
          },
          expect: onlyEditors('ok', 'FORBIDDEN'),
        },
      ]),
      {
        name: 'confirmSession: Sam with Pat',
        run: async (who) => as(who, Q.confirm, { id: (await sessionOf('pat')).id }),
        expect: {
          admin: 'FORBIDDEN',
          manager: 'FORBIDDEN',
          supervisor: 'FORBIDDEN',
          practitioner: 'ok',
          otherPractitioner: 'NOT_FOUND',
          ...deny,
        },
      },
      {
        name: 'confirmSession: Sam attending as a supervisee',
        run: async (who) => as(who, Q.confirm, { id: (await samAttends()).id }),
        expect: {
          admin: 'FORBIDDEN',
          manager: 'FORBIDDEN',
          supervisor: 'ok',
          practitioner: 'NOT_FOUND',
          otherPractitioner: 'NOT_FOUND',
          ...deny,
        },
      },
      {
        name: 'addSessionAction: Sam with Pat',
        run: async (who) =>
          as(who, Q.addAction, {
            sessionId: (await sessionOf('pat')).id,
            input: { title: 'Read' },
          }),
        expect: onlyEditors('ok', 'ok'),
      },
      {
        name: 'addSessionAction: external with Olu',
        run: async (who) =>
          as(who, Q.addAction, {
            sessionId: (await sessionOf('olu')).id,
            input: { title: 'Read' },
          }),
        expect: onlyEditors('NOT_FOUND', 'NOT_FOUND'),
      },
      {
        name: 'updateSessionAction: Sam with Pat',
        run: async (who) => {
          const { id } = await sessionOf('pat');
          const added = await as('admin', Q.addAction, { sessionId: id, input: { title: 'Read' } });
          return as(who, Q.updateAction, {
            id: added.body.data!.addSessionAction.id,
            input: { status: 'DONE' },
          });
        },
        expect: onlyEditors('ok', 'ok'),
      },
      {
        name: 'updateSessionAction: Sam attending (not supervising)',
        run: async (who) => {
          const { id } = await samAttends();
          const added = await as('admin', Q.addAction, { sessionId: id, input: { title: 'Read' } });
          return as(who, Q.updateAction, {
            id: added.body.data!.addSessionAction.id,
            input: { status: 'DONE' },
          });
        },
        expect: onlyEditors('ok', 'FORBIDDEN'),
      },
      {
        name: 'updateSessionAction: external with Olu',
        run: async (who) => {
          const { id } = await sessionOf('olu');
          const added = await as('admin', Q.addAction, { sessionId: id, input: { title: 'Read' } });
          return as(who, Q.updateAction, {
            id: added.body.data!.addSessionAction.id,
            input: { status: 'DONE' },
          });
        },
        expect: onlyEditors('NOT_FOUND', 'NOT_FOUND'),
      },
    ];

    it.each(cases.flatMap((c) => WORLD_USERS.map((who) => [c.name, who, c] as const)))(
      '%s as %s',
      async (_name, who, c) => {
        expect(outcome(await c.run(who))).toBe(c.expect[who]);
      },
    );

    it('lists exactly the sessions each role may see', async () => {
      const date = '2019-06-01'; // before everyone started: only these test rows
      const mk = (supervisorId: string, attendeeIds: string[]) =>
        insertSession(server.dataSource, w.org.id, {
          supervisorId,
          attendeeIds,
          date,
          status: 'SCHEDULED',
        });
      const patS = await mk(w.supervisors.internal.id, [w.staff.pat.id]);
      const oluS = await mk(w.supervisors.external.id, [w.staff.olu.id]);
      const samS = await mk(w.supervisors.external.id, [w.staff.sam.id]);
      const group = await mk(w.supervisors.external.id, [w.staff.pat.id, w.staff.olu.id]);
      const ids = async (who: WorldUser) => {
        const result = await as(who, Q.sessions, { filter: { from: date, to: date } });
        return (result.body.data!.sessions.nodes as Array<{ id: string }>).map((n) => n.id).sort();
      };
      const sorted = (...xs: Array<{ id: string }>) => xs.map((x) => x.id).sort();
      expect(await ids('admin')).toEqual(sorted(patS, oluS, samS, group));
      expect(await ids('manager')).toEqual(sorted(patS, samS, group));
      expect(await ids('supervisor')).toEqual(sorted(patS, samS));
      expect(await ids('practitioner')).toEqual(sorted(patS, group));
      expect(await ids('otherPractitioner')).toEqual(sorted(oluS, group));
    });

    it('a supervisor may not log a session for someone else’s supervisee, and nothing is written', async () => {
      const before = await db(
        'SELECT count(*)::int AS n FROM session_attendees WHERE tenant_id = $1 AND staff_id = $2',
        [w.org.id, w.staff.olu.id],
      );
      const result = await as('supervisor', Q.record, {
        input: heldInput({ attendeeIds: [w.staff.olu.id] }),
      });
      expect([errorCode(result), errorField(result)]).toEqual([
        'BAD_USER_INPUT',
        'input.attendeeIds',
      ]);
      expect(
        await db(
          'SELECT count(*)::int AS n FROM session_attendees WHERE tenant_id = $1 AND staff_id = $2',
          [w.org.id, w.staff.olu.id],
        ),
      ).toEqual(before);
    });

    it('a practitioner confirming someone else’s session gets NOT_FOUND, and it stays unconfirmed', async () => {
      const { id } = await sessionOf('olu');
      expect(outcome(await as('practitioner', Q.confirm, { id }))).toBe('NOT_FOUND');
      expect((await sessionRow(id)).confirmed_at).toBeNull();
    });

    it('a new supervisee of Sam can be logged by Sam once they have an agreement', async () => {
      const newcomer = await insertStaff(server.dataSource, w.org.id, w.serviceB.id, {
        startDate: '2020-01-01',
      });
      const before = await as('supervisor', Q.record, {
        input: heldInput({ attendeeIds: [newcomer.id] }),
      });
      expect(errorCode(before)).toBe('BAD_USER_INPUT');
      await insertAgreement(server.dataSource, w.org.id, {
        staffId: newcomer.id,
        supervisorId: w.supervisors.internal.id,
      });
      const after = await as('supervisor', Q.record, {
        input: heldInput({ attendeeIds: [newcomer.id] }),
      });
      expect(after.body.errors).toBeUndefined();
    });
  });

  describe('another organisation', () => {
    it('answers NOT_FOUND for every id of organisation A, and changes nothing there', async () => {
      const b = await supervisionWorld(server);
      const scheduled = await sessionOf('pat', { status: 'SCHEDULED' });
      const held = await sessionOf('pat');
      const added = await as('admin', Q.addAction, {
        sessionId: held.id,
        input: { title: 'Keep' },
      });
      const actionId = added.body.data!.addSessionAction.id;
      const snapshot = async () => [
        await sessionRow(scheduled.id),
        await sessionRow(held.id),
        await db('SELECT title, status FROM session_actions WHERE tenant_id = $1 AND id = $2', [
          w.org.id,
          actionId,
        ]),
      ];
      const before = await snapshot();
      // B's admin, and B's practitioner for confirm (an attendee in B, never in A).
      const asB = (
        who: 'admin' | 'practitioner',
        query: string,
        variables: Record<string, unknown>,
      ) => gql(server.url, query, variables, { token: b.users[who].token, org: b.org.id });
      const attempts: Array<['admin' | 'practitioner', string, Record<string, unknown>]> = [
        ['admin', Q.session, { id: held.id }],
        ['admin', Q.held, { id: scheduled.id, input: {} }],
        ['admin', Q.cancel, { id: scheduled.id }],
        ['admin', Q.dna, { id: scheduled.id }],
        ['admin', Q.confirm, { id: held.id }],
        ['practitioner', Q.confirm, { id: held.id }],
        ['admin', Q.addAction, { sessionId: held.id, input: { title: 'Steal' } }],
        ['admin', Q.updateAction, { id: actionId, input: { title: 'Changed' } }],
      ];
      for (const [who, query, variables] of attempts) {
        expect({ query, code: errorCode(await asB(who, query, variables)) }).toEqual({
          query,
          code: 'NOT_FOUND',
        });
      }
      const list = await asB('admin', Q.sessions, { filter: { staffMemberIds: [w.staff.pat.id] } });
      expect(list.body.data!.sessions.totalCount).toBe(0);
      const create = await asB('admin', Q.record, {
        input: heldInput({ supervisorId: b.supervisors.internal.id }),
      });
      expect([errorCode(create), errorField(create)]).toEqual([
        'BAD_USER_INPUT',
        'input.attendeeIds',
      ]);
      const create2 = await asB('admin', Q.record, {
        input: heldInput({ attendeeIds: [b.staff.pat.id] }),
      });
      expect([errorCode(create2), errorField(create2)]).toEqual([
        'BAD_USER_INPUT',
        'input.supervisorId',
      ]);
      expect(await snapshot()).toEqual(before);
      expect(await auditOf(scheduled.id)).toEqual([]);
    });
  });

  describe('lists', () => {
    it('pages through sessions newest first, with filters', async () => {
      const ext = await insertSupervisor(server.dataSource, w.org.id, { name: 'Pager' });
      const dates = [
        '2024-05-03',
        '2024-05-01',
        '2024-05-05',
        '2024-05-02',
        '2024-05-04',
        '2024-05-04',
        '2024-05-06',
      ];
      const statuses = ['HELD', 'CANCELLED', 'HELD', 'DID_NOT_ATTEND', 'HELD', 'SCHEDULED', 'HELD'];
      for (const [i, date] of dates.entries()) {
        await insertSession(server.dataSource, w.org.id, {
          supervisorId: ext.id,
          attendeeIds: i % 2 ? [w.staff.olu.id] : [w.staff.pat.id],
          date,
          status: statuses[i],
          format: i === 6 ? 'PEER' : 'ONE_TO_ONE',
        });
      }
      const filter = { supervisorIds: [ext.id] };
      const seen: Array<{ id: string; date: string }> = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const result: GqlResult<any> = await as('admin', Q.sessions, {
          filter,
          page: { first: 3, after },
        });
        const conn = result.body.data!.sessions;
        expect(conn.totalCount).toBe(7);
        seen.push(...conn.nodes);
        after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(new Set(seen.map((s) => s.id)).size).toBe(7);
      expect(seen.map((s) => s.date)).toEqual([...dates].sort().reverse());

      const count = async (f: Record<string, unknown>) =>
        (await as('admin', Q.sessions, { filter: { ...filter, ...f } })).body.data!.sessions
          .totalCount;
      expect(await count({ from: '2024-05-02', to: '2024-05-04' })).toBe(4);
      expect(await count({ statuses: ['CANCELLED', 'DID_NOT_ATTEND'] })).toBe(2);
      expect(await count({ formats: ['PEER'] })).toBe(1);
      expect(await count({ staffMemberIds: [w.staff.olu.id] })).toBe(3);
    });

    it('fetches relations in batches: 3 or 30 sessions take the same number of statements', async () => {
      const ext = await insertSupervisor(server.dataSource, w.org.id, { name: 'Batch' });
      const ext2 = await insertSupervisor(server.dataSource, w.org.id, { name: 'Batch 2' });
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const { id } = await insertSession(server.dataSource, w.org.id, {
          supervisorId: i % 2 ? ext.id : ext2.id,
          attendeeIds: [w.staff.pat.id, w.staff.olu.id],
          date: '2023-03-01',
        });
        ids.push(id);
      }
      await db(
        `INSERT INTO session_actions (tenant_id, id, session_id, title) SELECT $1, gen_random_uuid(), unnest($2::uuid[]), 'A'`,
        [w.org.id, ids],
      );
      const measure = async (first: number) => {
        statements = [];
        const result = await as('admin', Q.sessionsDeep, {
          filter: { supervisorIds: [ext.id, ext2.id] },
          page: { first },
        });
        expect(result.body.errors).toBeUndefined();
        expect(result.body.data!.sessions.nodes).toHaveLength(first);
        expect(result.body.data!.sessions.nodes[0].actions).toHaveLength(1);
        expect(result.body.data!.sessions.nodes[0].attendees).toHaveLength(2);
        return statements.at(-1);
      };
      const few = await measure(3);
      const lots = await measure(30);
      expect(few).toBeGreaterThan(0);
      expect(lots).toBe(few);
    });
  });
});
