import { randomUUID } from 'node:crypto';
import { addDays } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import {
  asTenant,
  errorCode,
  errorField,
  gql,
  type GqlResult,
  insertAgreement,
  insertStaff,
  insertSupervisor,
  startTestServer,
  type SupervisionWorld,
  supervisionWorld,
  todayUtc,
  WORLD_USERS,
  type WorldUser,
} from '../../test/helpers';

const AGREEMENT = `id agreementRef staffMemberId supervisor { id kind name } supervisee { id displayName }
  interval sessionMinutes startDate endDate reviewDueDate lastReviewedOn countedFormats active`;

const Q = {
  agreement: `query($id: ID!) { agreement(id: $id) { ${AGREEMENT} } }`,
  agreements: `query($filter: AgreementFilter, $page: PageInput) {
    agreements(filter: $filter, page: $page) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id startDate active }
    } }`,
  create: `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${AGREEMENT} } }`,
  update: `mutation($id: ID!, $input: UpdateAgreementInput!) {
    updateAgreement(id: $id, input: $input) { ${AGREEMENT} } }`,
  review: `mutation($id: ID!, $input: ReviewAgreementInput!) {
    reviewAgreement(id: $id, input: $input) { ${AGREEMENT} } }`,
  end: `mutation($id: ID!, $input: EndAgreementInput!) { endAgreement(id: $id, input: $input) { ${AGREEMENT} } }`,
};

describe('supervision agreements over GraphQL', () => {
  let server: RunningHoldspace;
  let w: SupervisionWorld;

  const as = (who: WorldUser, query: string, variables: Record<string, unknown> = {}) =>
    gql(server.url, query, variables, { token: w.users[who].token, org: w.org.id });

  /** A new staff member in service A (or B) with no agreement yet. */
  const newStaff = (service: 'A' | 'B' = 'A', fields: { startDate?: string } = {}) =>
    insertStaff(server.dataSource, w.org.id, service === 'A' ? w.serviceA.id : w.serviceB.id, {
      startDate: fields.startDate ?? '2020-01-01',
    });

  const agreementRow = async (id: string) =>
    (
      await asTenant(
        server.dataSource,
        w.org.id,
        `SELECT agreement_ref, supervisor_id, "interval", start_date, end_date, review_due_date,
                last_reviewed_on, session_minutes, counted_formats
           FROM supervision_agreements WHERE tenant_id = $1 AND id = $2`,
        [w.org.id, id],
      )
    )[0];

  const auditOf = (entityId: string) =>
    asTenant(
      server.dataSource,
      w.org.id,
      `SELECT action, entity_type, actor_user_id FROM audit_events
        WHERE tenant_id = $1 AND entity_id = $2 ORDER BY occurred_at, id`,
      [w.org.id, entityId],
    );

  beforeAll(async () => {
    server = await startTestServer();
    w = await supervisionWorld(server);
  });
  afterAll(() => server?.stop());

  describe('create, read, update, review, end', () => {
    it('creates an agreement and reads it back with its supervisor and supervisee', async () => {
      const staff = await newStaff();
      const created = await as('admin', Q.create, {
        input: {
          agreementRef: ' AG-1 ',
          staffMemberId: staff.id,
          supervisorId: w.supervisors.external.id,
          interval: 'FOUR_WEEKLY',
          sessionMinutes: 90,
          startDate: '2024-02-01',
          reviewDueDate: '2025-02-01',
          countedFormats: ['ONE_TO_ONE', 'PEER'],
        },
      });
      expect(created.body.errors).toBeUndefined();
      const a = created.body.data!.createAgreement;
      expect(a).toMatchObject({
        agreementRef: 'AG-1',
        staffMemberId: staff.id,
        supervisor: { id: w.supervisors.external.id, kind: 'EXTERNAL', name: 'Dr External' },
        supervisee: { id: staff.id, displayName: 'Staff Member' },
        interval: 'FOUR_WEEKLY',
        sessionMinutes: 90,
        startDate: '2024-02-01',
        endDate: null,
        reviewDueDate: '2025-02-01',
        lastReviewedOn: null,
        countedFormats: ['ONE_TO_ONE', 'PEER'],
        active: true,
      });
      const read = await as('admin', Q.agreement, { id: a.id });
      expect(read.body.data!.agreement).toEqual(a);
      expect(await agreementRow(a.id)).toMatchObject({
        agreement_ref: 'AG-1',
        session_minutes: 90,
      });
      expect(await auditOf(a.id)).toEqual([
        {
          action: 'agreement.create',
          entity_type: 'SupervisionAgreement',
          actor_user_id: w.users.admin.user.id,
        },
      ]);
    });

    it('shows an internal supervisor by their staff name; null counted formats mean the default', async () => {
      const staff = await newStaff();
      const created = await as('manager', Q.create, {
        input: {
          staffMemberId: staff.id,
          supervisorId: w.supervisors.internal.id,
          interval: 'MONTHLY',
          startDate: '2024-01-01',
        },
      });
      expect(created.body.data!.createAgreement).toMatchObject({
        supervisor: { id: w.supervisors.internal.id, kind: 'INTERNAL', name: 'Sam Supervisor' },
        agreementRef: null,
        countedFormats: null,
        sessionMinutes: null,
      });
    });

    it('updates only the fields given, and null clears an optional one', async () => {
      const staff = await newStaff();
      const { id } = await insertAgreement(server.dataSource, w.org.id, {
        staffId: staff.id,
        supervisorId: w.supervisors.external.id,
        startDate: '2023-01-01',
        reviewDueDate: '2024-01-01',
      });
      const updated = await as('manager', Q.update, {
        id,
        input: {
          interval: 'QUARTERLY',
          supervisorId: w.supervisors.internal.id,
          reviewDueDate: null,
          agreementRef: 'UPD-1',
        },
      });
      expect(updated.body.errors).toBeUndefined();
      expect(updated.body.data!.updateAgreement).toMatchObject({
        interval: 'QUARTERLY',
        supervisor: { id: w.supervisors.internal.id },
        reviewDueDate: null,
        startDate: '2023-01-01',
        agreementRef: 'UPD-1',
      });
      expect(await auditOf(id)).toEqual([expect.objectContaining({ action: 'agreement.update' })]);
    });

    it('records a review with the next due date', async () => {
      const staff = await newStaff();
      const { id } = await insertAgreement(server.dataSource, w.org.id, {
        staffId: staff.id,
        supervisorId: w.supervisors.external.id,
        startDate: '2023-01-01',
        reviewDueDate: '2024-01-01',
      });
      const reviewed = await as('admin', Q.review, {
        id,
        input: { reviewedOn: '2024-01-10', nextReviewDueDate: '2025-01-10' },
      });
      expect(reviewed.body.data!.reviewAgreement).toMatchObject({
        lastReviewedOn: '2024-01-10',
        reviewDueDate: '2025-01-10',
      });
      expect(await auditOf(id)).toEqual([expect.objectContaining({ action: 'agreement.review' })]);
    });

    it('ends an agreement, which is then no longer active', async () => {
      const staff = await newStaff();
      const { id } = await insertAgreement(server.dataSource, w.org.id, {
        staffId: staff.id,
        supervisorId: w.supervisors.external.id,
        startDate: '2023-01-01',
      });
      expect((await as('admin', Q.agreement, { id })).body.data!.agreement.active).toBe(true);
      const ended = await as('admin', Q.end, { id, input: { endDate: '2024-06-30' } });
      expect(ended.body.data!.endAgreement).toMatchObject({ endDate: '2024-06-30', active: false });
      expect(await agreementRow(id)).toMatchObject({ end_date: '2024-06-30' });
      expect(await auditOf(id)).toEqual([expect.objectContaining({ action: 'agreement.end' })]);
    });

    it('is not active before it starts', async () => {
      const staff = await newStaff();
      const { id } = await insertAgreement(server.dataSource, w.org.id, {
        staffId: staff.id,
        supervisorId: w.supervisors.external.id,
        startDate: addDays(todayUtc(), 30),
      });
      expect((await as('admin', Q.agreement, { id })).body.data!.agreement.active).toBe(false);
    });
  });

  describe('validation (code and field), nothing written on failure', () => {
    let staffId: string;
    const base = () => ({
      staffMemberId: staffId,
      supervisorId: w.supervisors.external.id,
      interval: 'MONTHLY',
      startDate: '2024-01-01',
    });
    beforeAll(async () => {
      staffId = (await newStaff()).id;
    });

    const countFor = async (id: string) =>
      (
        await asTenant(
          server.dataSource,
          w.org.id,
          'SELECT count(*)::int AS n FROM supervision_agreements WHERE tenant_id = $1 AND staff_id = $2',
          [w.org.id, id],
        )
      )[0].n;

    it.each([
      ['sessionMinutes 0', { sessionMinutes: 0 }, 'input.sessionMinutes'],
      ['sessionMinutes 481', { sessionMinutes: 481 }, 'input.sessionMinutes'],
      ['end before start', { endDate: '2023-12-31' }, 'input.endDate'],
      ['review due before start', { reviewDueDate: '2023-12-31' }, 'input.reviewDueDate'],
      ['repeated counted formats', { countedFormats: ['GROUP', 'GROUP'] }, 'input.countedFormats'],
      ['empty counted formats', { countedFormats: [] }, 'input.countedFormats'],
      ['reference of 65 characters', { agreementRef: 'x'.repeat(65) }, 'input.agreementRef'],
      ['empty reference', { agreementRef: '' }, 'input.agreementRef'],
      ['blank reference', { agreementRef: '   ' }, 'input.agreementRef'],
      ['unknown supervisor', { supervisorId: randomUUID() }, 'input.supervisorId'],
      ['supervisor id that is not an id', { supervisorId: 'nope' }, 'input.supervisorId'],
      ['unknown staff member', { staffMemberId: randomUUID() }, 'input.staffMemberId'],
    ])('%s → BAD_USER_INPUT on %s', async (_name, change, expectedField) => {
      const result = await as('admin', Q.create, { input: { ...base(), ...change } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorField(result)).toBe(expectedField);
      expect(await countFor(staffId)).toBe(0);
    });

    it('refuses an interval that metrics.md does not define', async () => {
      const result = await as('admin', Q.create, { input: { ...base(), interval: 'DAILY' } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(await countFor(staffId)).toBe(0);
    });

    it('refuses a staff member supervising themselves', async () => {
      const result = await as('admin', Q.create, {
        input: {
          ...base(),
          staffMemberId: w.staff.sam.id,
          supervisorId: w.supervisors.internal.id,
        },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorField(result)).toBe('input.supervisorId');
    });

    it('refuses a reference already used in the organisation (CONFLICT)', async () => {
      const ref = `DUP-${randomUUID().slice(0, 8)}`;
      const other = await newStaff();
      const first = await as('admin', Q.create, {
        input: { ...base(), staffMemberId: other.id, agreementRef: ref },
      });
      expect(first.body.errors).toBeUndefined();
      const second = await as('admin', Q.create, { input: { ...base(), agreementRef: ref } });
      expect(errorCode(second)).toBe('CONFLICT');
      expect(errorField(second)).toBe('input.agreementRef');
      expect(await countFor(staffId)).toBe(0);
    });

    it('refuses a second agreement overlapping the first for the same supervisee (CONFLICT)', async () => {
      const s = await newStaff();
      await insertAgreement(server.dataSource, w.org.id, {
        staffId: s.id,
        supervisorId: w.supervisors.external.id,
        startDate: '2023-01-01',
        endDate: '2023-12-31',
      });
      const overlapping = await as('admin', Q.create, {
        input: { ...base(), staffMemberId: s.id, startDate: '2023-12-31' },
      });
      expect(errorCode(overlapping)).toBe('CONFLICT');
      expect(errorField(overlapping)).toBe('input.startDate');
      const after = await as('admin', Q.create, {
        input: { ...base(), staffMemberId: s.id, startDate: '2024-01-01' },
      });
      expect(after.body.errors).toBeUndefined();
      expect(await countFor(s.id)).toBe(2);
    });

    it('update: a required field cannot be cleared; dates stay in order', async () => {
      const s = await newStaff();
      const { id } = await insertAgreement(server.dataSource, w.org.id, {
        staffId: s.id,
        supervisorId: w.supervisors.external.id,
        startDate: '2023-01-01',
      });
      const before = await agreementRow(id);
      for (const [input, expected] of [
        [{ interval: null }, 'input.interval'],
        [{ startDate: null }, 'input.startDate'],
        [{ supervisorId: null }, 'input.supervisorId'],
        [{ endDate: '2022-12-31' }, 'input.endDate'],
        [{ startDate: '2024-01-01', endDate: '2023-06-01' }, 'input.endDate'],
        [{ sessionMinutes: 500 }, 'input.sessionMinutes'],
        [{ supervisorId: randomUUID() }, 'input.supervisorId'],
      ] as const) {
        const result = await as('admin', Q.update, { id, input });
        expect({ input, code: errorCode(result), field: errorField(result) }).toEqual({
          input,
          code: 'BAD_USER_INPUT',
          field: expected,
        });
      }
      expect(await agreementRow(id)).toEqual(before);
      expect(await auditOf(id)).toEqual([]);
    });

    it('review: not in the future, not before the start, next due after it', async () => {
      const s = await newStaff();
      const { id } = await insertAgreement(server.dataSource, w.org.id, {
        staffId: s.id,
        supervisorId: w.supervisors.external.id,
        startDate: '2023-01-01',
        endDate: '2023-12-31',
      });
      for (const [input, expected] of [
        [
          { reviewedOn: addDays(todayUtc(), 3), nextReviewDueDate: '2099-01-01' },
          'input.reviewedOn',
        ],
        [{ reviewedOn: '2022-12-31', nextReviewDueDate: '2024-01-01' }, 'input.reviewedOn'],
        [{ reviewedOn: '2024-01-02', nextReviewDueDate: '2025-01-01' }, 'input.reviewedOn'],
        [{ reviewedOn: '2023-06-01', nextReviewDueDate: '2023-06-01' }, 'input.nextReviewDueDate'],
      ] as const) {
        const result = await as('admin', Q.review, { id, input });
        expect({ input, code: errorCode(result), field: errorField(result) }).toEqual({
          input,
          code: 'BAD_USER_INPUT',
          field: expected,
        });
      }
      expect(await agreementRow(id)).toMatchObject({ last_reviewed_on: null });
    });

    it('end: not before the start', async () => {
      const s = await newStaff();
      const { id } = await insertAgreement(server.dataSource, w.org.id, {
        staffId: s.id,
        supervisorId: w.supervisors.external.id,
        startDate: '2023-01-01',
      });
      const result = await as('admin', Q.end, { id, input: { endDate: '2022-12-31' } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorField(result)).toBe('input.endDate');
      expect(await agreementRow(id)).toMatchObject({ end_date: null });
    });

    it('an id that is not an id is NOT_FOUND', async () => {
      expect(errorCode(await as('admin', Q.agreement, { id: 'not-an-id' }))).toBe('NOT_FOUND');
      expect(
        errorCode(await as('admin', Q.end, { id: 'not-an-id', input: { endDate: '2024-01-01' } })),
      ).toBe('NOT_FOUND');
    });
  });

  describe('who may do what (product.md)', () => {
    type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
    interface Case {
      name: string;
      /** Runs the operation as `who` on a fresh target; returns the result. */
      run: (who: WorldUser) => Promise<GqlResult>;
      expect: Record<WorldUser, Outcome>;
    }
    const deny = { analyst: 'FORBIDDEN', commissioner: 'FORBIDDEN' } as const;

    /** A fresh agreement for a new supervisee of Sam in service A (Pat-like), or of B (Olu-like). */
    const freshAgreement = async (kind: 'mine' | 'theirs') => {
      const s = await newStaff(kind === 'mine' ? 'A' : 'B');
      return insertAgreement(server.dataSource, w.org.id, {
        staffId: s.id,
        supervisorId: kind === 'mine' ? w.supervisors.internal.id : w.supervisors.external.id,
        startDate: '2023-01-01',
      });
    };

    const cases: Case[] = [
      {
        name: 'agreement(id) of Pat (A, supervised by Sam)',
        run: (who) => as(who, Q.agreement, { id: w.agreements.pat.id }),
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
        name: 'agreement(id) of Olu (B, external supervisor)',
        run: (who) => as(who, Q.agreement, { id: w.agreements.olu.id }),
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
        name: 'agreements list',
        run: (who) => as(who, Q.agreements, { filter: { staffMemberIds: [w.staff.pat.id] } }),
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
        name: 'createAgreement for staff of service A',
        run: async (who) =>
          as(who, Q.create, {
            input: {
              staffMemberId: (await newStaff('A')).id,
              supervisorId: w.supervisors.internal.id,
              interval: 'MONTHLY',
              startDate: '2024-01-01',
            },
          }),
        expect: {
          admin: 'ok',
          manager: 'ok',
          supervisor: 'FORBIDDEN',
          practitioner: 'FORBIDDEN',
          otherPractitioner: 'FORBIDDEN',
          ...deny,
        },
      },
      {
        name: 'createAgreement for staff of service B (not the manager’s)',
        run: async (who) =>
          as(who, Q.create, {
            input: {
              staffMemberId: (await newStaff('B')).id,
              supervisorId: w.supervisors.external.id,
              interval: 'MONTHLY',
              startDate: '2024-01-01',
            },
          }),
        expect: {
          admin: 'ok',
          manager: 'BAD_USER_INPUT',
          supervisor: 'FORBIDDEN',
          practitioner: 'FORBIDDEN',
          otherPractitioner: 'FORBIDDEN',
          ...deny,
        },
      },
      ...(['mine', 'theirs'] as const).flatMap((kind): Case[] => {
        const visibleToManager = kind === 'mine' ? 'ok' : 'NOT_FOUND';
        const expect: Record<WorldUser, Outcome> = {
          admin: 'ok',
          manager: visibleToManager,
          supervisor: 'FORBIDDEN',
          practitioner: 'FORBIDDEN',
          otherPractitioner: 'FORBIDDEN',
          ...deny,
        };
        return [
          {
            name: `updateAgreement (${kind})`,
            run: async (who) =>
              as(who, Q.update, {
                id: (await freshAgreement(kind)).id,
                input: { sessionMinutes: 50 },
              }),
            expect,
          },
          {
            name: `reviewAgreement (${kind})`,
            run: async (who) =>
              as(who, Q.review, {
                id: (await freshAgreement(kind)).id,
                input: { reviewedOn: '2024-01-01', nextReviewDueDate: '2025-01-01' },
              }),
            expect,
          },
          {
            name: `endAgreement (${kind})`,
            run: async (who) =>
              as(who, Q.end, {
                id: (await freshAgreement(kind)).id,
                input: { endDate: '2024-01-01' },
              }),
            expect,
          },
        ];
      }),
    ];

    it.each(cases.flatMap((c) => WORLD_USERS.map((who) => [c.name, who, c] as const)))(
      '%s as %s',
      async (_name, who, c) => {
        const result = await c.run(who);
        const outcome = result.body.errors ? errorCode(result) : 'ok';
        expect(outcome).toBe(c.expect[who]);
      },
    );

    it('lists exactly the agreements each role may see', async () => {
      const ids = async (who: WorldUser) => {
        const result = await as(who, Q.agreements, {
          filter: { staffMemberIds: [w.staff.pat.id, w.staff.olu.id] },
        });
        return (result.body.data!.agreements.nodes as Array<{ id: string }>)
          .map((n) => n.id)
          .sort();
      };
      const pat = w.agreements.pat.id;
      const olu = w.agreements.olu.id;
      expect(await ids('admin')).toEqual([pat, olu].sort());
      expect(await ids('manager')).toEqual([pat]);
      expect(await ids('supervisor')).toEqual([pat]);
      expect(await ids('practitioner')).toEqual([pat]);
      expect(await ids('otherPractitioner')).toEqual([olu]);
    });

    it('a supervisor sees their own agreement as a supervisee, read-only', async () => {
      const { id } = await insertAgreement(server.dataSource, w.org.id, {
        staffId: w.staff.sam.id,
        supervisorId: w.supervisors.external.id,
        startDate: '2020-01-01',
      });
      expect((await as('supervisor', Q.agreement, { id })).body.data!.agreement.id).toBe(id);
      const refused = await as('supervisor', Q.end, { id, input: { endDate: '2024-01-01' } });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(await agreementRow(id)).toMatchObject({ end_date: null });
    });

    it('a manager cannot point an agreement at someone outside their services', async () => {
      const result = await as('manager', Q.create, {
        input: {
          staffMemberId: w.staff.olu.id,
          supervisorId: w.supervisors.internal.id,
          interval: 'MONTHLY',
          startDate: '2030-01-01',
        },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorField(result)).toBe('input.staffMemberId');
    });
  });

  describe('another organisation', () => {
    it('answers NOT_FOUND for every id of organisation A, and changes nothing there', async () => {
      const b = await supervisionWorld(server);
      const id = w.agreements.pat.id;
      const before = await agreementRow(id);
      const asB = (query: string, variables: Record<string, unknown>) =>
        gql(server.url, query, variables, { token: b.users.admin.token, org: b.org.id });
      for (const [query, variables] of [
        [Q.agreement, { id }],
        [Q.update, { id, input: { interval: 'WEEKLY' } }],
        [Q.review, { id, input: { reviewedOn: '2024-01-01', nextReviewDueDate: '2025-01-01' } }],
        [Q.end, { id, input: { endDate: '2024-01-01' } }],
      ] as const) {
        expect(errorCode(await asB(query, variables))).toBe('NOT_FOUND');
      }
      const list = await asB(Q.agreements, { filter: { staffMemberIds: [w.staff.pat.id] } });
      expect(list.body.data!.agreements.totalCount).toBe(0);
      // A's staff and supervisors cannot be named in B either.
      const create = await asB(Q.create, {
        input: {
          staffMemberId: w.staff.pat.id,
          supervisorId: b.supervisors.external.id,
          interval: 'MONTHLY',
          startDate: '2024-01-01',
        },
      });
      expect([errorCode(create), errorField(create)]).toEqual([
        'BAD_USER_INPUT',
        'input.staffMemberId',
      ]);
      const create2 = await asB(Q.create, {
        input: {
          staffMemberId: b.staff.pat.id,
          supervisorId: w.supervisors.external.id,
          interval: 'MONTHLY',
          startDate: '2030-01-01',
        },
      });
      expect([errorCode(create2), errorField(create2)]).toEqual([
        'BAD_USER_INPUT',
        'input.supervisorId',
      ]);
      expect(await agreementRow(id)).toEqual(before);
      expect(await auditOf(id)).toEqual([]);
    });
  });

  describe('lists', () => {
    it('pages through agreements, latest start first, with filters', async () => {
      const supervisor = await insertSupervisor(server.dataSource, w.org.id, { name: 'Pager' });
      const starts = ['2021-01-01', '2021-03-01', '2021-02-01', '2021-05-01', '2021-04-01'];
      const created: Array<{ id: string; start: string }> = [];
      for (const start of starts) {
        const s = await newStaff();
        const { id } = await insertAgreement(server.dataSource, w.org.id, {
          staffId: s.id,
          supervisorId: supervisor.id,
          startDate: start,
          endDate: start === '2021-05-01' ? '2021-06-30' : null,
          reviewDueDate: start === '2021-03-01' ? '2021-09-01' : '2030-01-01',
        });
        created.push({ id, start });
      }
      const filter = { supervisorIds: [supervisor.id] };
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const result: GqlResult<any> = await as('admin', Q.agreements, {
          filter,
          page: { first: 2, after },
        });
        const conn = result.body.data!.agreements;
        expect(conn.totalCount).toBe(5);
        seen.push(...conn.nodes.map((n: { startDate: string }) => n.startDate));
        after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual([...starts].sort().reverse());

      const activeOn = await as('admin', Q.agreements, {
        filter: { ...filter, activeOn: '2021-07-01' },
      });
      expect(activeOn.body.data!.agreements.totalCount).toBe(4); // the 2021-05-01 one ended
      const overdue = await as('admin', Q.agreements, {
        filter: { ...filter, reviewOverdueOn: '2021-10-01' },
      });
      expect(overdue.body.data!.agreements.nodes.map((n: { id: string }) => n.id)).toEqual([
        created[1].id,
      ]);
    });

    it('refuses a page size over 100 and a forged cursor', async () => {
      const big = await as('admin', Q.agreements, { page: { first: 101 } });
      expect([errorCode(big), errorField(big)]).toEqual(['BAD_USER_INPUT', 'page.first']);
      const forged = await as('admin', Q.agreements, { page: { after: 'garbage' } });
      expect([errorCode(forged), errorField(forged)]).toEqual(['BAD_USER_INPUT', 'page.after']);
    });
  });
});
