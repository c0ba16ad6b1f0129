/**
 * Sharing agreements over GraphQL (docs/commissioning.md): the whole flow with its audit in
 * both organisations' logs, validation, wrong statuses, other organisations' ids, and what a
 * commissioner can read under row-level security (the rollup rows of its ACTIVE agreements,
 * nothing individual; nothing at all of a provider from the request after a revocation).
 */
import { randomUUID } from 'node:crypto';
import type { RunningHoldspace } from '../server';
import {
  asTenant,
  auditEventsOf,
  createOrganisation,
  createService,
  errorCode,
  gql,
  insertAbsence,
  insertAgreement,
  insertSession,
  insertStaff,
  insertSupervisor,
  memberOf,
  startTestServer,
  type GqlResult,
} from '../../test/helpers';

const AGREEMENT = `id status requestedAt respondedAt sharedFrom revokedAt
  provider { id name kind } commissioner { id name kind } services { id name }`;
const LIST = `{ sharingAgreements { ${AGREEMENT} } }`;
const REQUEST = `mutation($input: RequestSharingInput!) { requestSharing(input: $input) { ${AGREEMENT} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawSharingRequest(id: $id) { ${AGREEMENT} } }`;
const ACCEPT = `mutation($id: ID!, $input: SharingTermsInput!) { acceptSharing(id: $id, input: $input) { ${AGREEMENT} } }`;
const UPDATE = `mutation($id: ID!, $input: SharingTermsInput!) { updateSharing(id: $id, input: $input) { ${AGREEMENT} } }`;
const DECLINE = `mutation($id: ID!) { declineSharing(id: $id) { ${AGREEMENT} } }`;
const REVOKE = `mutation($id: ID!) { revokeSharing(id: $id) { ${AGREEMENT} } }`;

type Who = { token: string; org: string; user: { id: string } };

describe('sharing agreements', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const ds = () => server.dataSource;
  const call = (who: Who, query: string, variables: Record<string, unknown> = {}) =>
    gql(server.url, query, variables, { token: who.token, org: who.org });
  const expectError = (r: GqlResult<unknown>, code: string, field?: string) => {
    expect({ code: errorCode(r), field: r.body.errors?.[0]?.extensions?.field }).toEqual({
      code,
      field,
    });
    expect(r.body.data ?? null).toBeNull();
  };
  const data = (r: GqlResult<any>) => {
    expect(r.body.errors).toBeUndefined();
    return r.body.data!;
  };
  const slugOf = async (orgId: string) =>
    (await asTenant(ds(), orgId, 'SELECT slug FROM organisations WHERE id = $1', [orgId]))[0]
      .slug as string;

  /** A provider with two services and records, and a commissioner, with their people. */
  async function parties() {
    const provider = await createOrganisation(ds(), {
      name: `Provider ${randomUUID().slice(0, 6)}`,
    });
    const commissioner = await createOrganisation(ds(), {
      name: `County ${randomUUID().slice(0, 6)}`,
      kind: 'COMMISSIONER',
    });
    const outreach = await createService(ds(), provider.id, 'Outreach');
    const counselling = await createService(ds(), provider.id, 'Counselling');
    const [providerAdmin, manager, commissionerAdmin, analyst] = await Promise.all([
      memberOf(server, provider.id, 'ORG_ADMIN'),
      memberOf(server, provider.id, 'SERVICE_MANAGER', { managedServiceIds: [outreach.id] }),
      memberOf(server, commissioner.id, 'ORG_ADMIN'),
      memberOf(server, commissioner.id, 'COMMISSIONER_ANALYST'),
    ]);
    // Records: staff, a supervisor, an agreement, sessions and an absence.
    const pat = await insertStaff(ds(), provider.id, outreach.id, {
      startDate: '2024-01-01',
      displayName: 'Pat Person',
      practitionerType: 'COUNSELLOR',
    });
    const olu = await insertStaff(ds(), provider.id, counselling.id, { startDate: '2024-01-01' });
    const supervisor = await insertSupervisor(ds(), provider.id, { name: 'Dr Ext' });
    await insertAgreement(ds(), provider.id, {
      staffId: pat.id,
      supervisorId: supervisor.id,
      startDate: '2024-01-01',
    });
    await insertSession(ds(), provider.id, {
      supervisorId: supervisor.id,
      attendeeIds: [pat.id, olu.id],
      date: '2024-03-05',
    });
    await insertAbsence(ds(), provider.id, pat.id, {
      startDate: '2024-04-01',
      endDate: '2024-04-03',
    });
    return {
      provider,
      commissioner,
      outreach,
      counselling,
      providerAdmin,
      manager,
      commissionerAdmin,
      analyst,
      staff: { pat, olu },
      providerSlug: await slugOf(provider.id),
      commissionerSlug: await slugOf(commissioner.id),
    };
  }

  it('runs request, accept, update, revoke, with an event in both logs at every step', async () => {
    const p = await parties();
    const requested = data(
      await call(p.commissionerAdmin, REQUEST, { input: { providerSlug: p.providerSlug } }),
    ).requestSharing;
    expect(requested).toMatchObject({
      status: 'REQUESTED',
      provider: { id: p.provider.id, kind: 'NGO' },
      commissioner: { id: p.commissioner.id, kind: 'COMMISSIONER' },
      respondedAt: null,
      sharedFrom: null,
      services: [],
    });
    const id = requested.id;

    // Both sides see it; the analyst too.
    for (const who of [p.providerAdmin, p.commissionerAdmin, p.analyst]) {
      const list = data(await call(who, LIST)).sharingAgreements;
      expect(list.map((a: any) => [a.id, a.status])).toEqual([[id, 'REQUESTED']]);
      expect(list[0].provider.name).toMatch(/^Provider /);
      expect(list[0].commissioner.name).toMatch(/^County /);
    }

    // Nothing shared yet: the commissioner sees no rollup row and no service.
    expect(await asTenant(ds(), p.commissioner.id, 'SELECT * FROM shared_service_months')).toEqual(
      [],
    );

    const accepted = data(
      await call(p.providerAdmin, ACCEPT, {
        id,
        input: { serviceIds: [p.outreach.id], sharedFrom: '2024-01-01' },
      }),
    ).acceptSharing;
    expect(accepted).toMatchObject({
      status: 'ACTIVE',
      sharedFrom: '2024-01-01',
      services: [{ id: p.outreach.id, name: 'Outreach' }],
    });
    expect(accepted.respondedAt).not.toBeNull();
    // The commissioner sees the shared service and its months, computed on accepting.
    const seen = data(await call(p.analyst, LIST)).sharingAgreements[0];
    expect(seen.services).toEqual([{ id: p.outreach.id, name: 'Outreach' }]);
    const months = await asTenant(
      ds(),
      p.commissioner.id,
      `SELECT DISTINCT service_id, min(month)::text AS first FROM shared_service_months
        GROUP BY service_id`,
    );
    expect(months).toEqual([{ service_id: p.outreach.id, first: '2024-01-01' }]);

    const updated = data(
      await call(p.providerAdmin, UPDATE, {
        id,
        input: { serviceIds: [p.counselling.id, p.outreach.id], sharedFrom: '2024-06-01' },
      }),
    ).updateSharing;
    expect(updated.services.map((s: any) => s.name)).toEqual(['Counselling', 'Outreach']);
    expect(updated.sharedFrom).toBe('2024-06-01');
    const afterUpdate = await asTenant(
      ds(),
      p.commissioner.id,
      `SELECT service_id, min(month)::text AS first FROM shared_service_months
        GROUP BY service_id ORDER BY service_id`,
    );
    expect(afterUpdate.map((r) => r.first)).toEqual(['2024-06-01', '2024-06-01']);
    expect(new Set(afterUpdate.map((r) => r.service_id))).toEqual(
      new Set([p.outreach.id, p.counselling.id]),
    );
    // Rows no agreement needs are gone from the table itself (the provider sees all of its own).
    expect(
      await asTenant(
        ds(),
        p.provider.id,
        `SELECT count(*)::int AS n FROM shared_service_months WHERE month < '2024-06-01'`,
      ),
    ).toEqual([{ n: 0 }]);

    const revoked = data(await call(p.providerAdmin, REVOKE, { id })).revokeSharing;
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.revokedAt).not.toBeNull();

    // The very next request of the commissioner: no row, no service, nothing.
    expect(await asTenant(ds(), p.commissioner.id, 'SELECT * FROM shared_service_months')).toEqual(
      [],
    );
    expect(await asTenant(ds(), p.commissioner.id, 'SELECT * FROM services')).toEqual([]);
    const after = data(await call(p.analyst, LIST)).sharingAgreements;
    expect(after).toMatchObject([{ id, status: 'REVOKED', services: [] }]);
    // And the provider keeps no rollup row without an active agreement.
    expect(
      await asTenant(ds(), p.provider.id, 'SELECT count(*)::int AS n FROM shared_service_months'),
    ).toEqual([{ n: 0 }]);

    // The audit: every step in both logs, with the actor, never any figure.
    const steps = ['sharing.request', 'sharing.accept', 'sharing.update', 'sharing.revoke'];
    const actors = [
      p.commissionerAdmin.user.id,
      p.providerAdmin.user.id,
      p.providerAdmin.user.id,
      p.providerAdmin.user.id,
    ];
    for (const org of [p.provider.id, p.commissioner.id]) {
      const events = (await auditEventsOf(ds(), org)).filter(
        (e) => e.entity_type === 'SharingAgreement',
      );
      expect(events).toEqual(
        steps.map((action, i) => ({
          action,
          entity_type: 'SharingAgreement',
          entity_id: id,
          actor_user_id: actors[i],
        })),
      );
    }
  });

  it('lets a commissioner withdraw a waiting request, and a provider decline one', async () => {
    const p = await parties();
    const first = data(
      await call(p.commissionerAdmin, REQUEST, { input: { providerSlug: p.providerSlug } }),
    ).requestSharing;
    // One open request per pair.
    expectError(
      await call(p.commissionerAdmin, REQUEST, { input: { providerSlug: p.providerSlug } }),
      'CONFLICT',
      'input.providerSlug',
    );
    const withdrawn = data(
      await call(p.commissionerAdmin, WITHDRAW, { id: first.id }),
    ).withdrawSharingRequest;
    expect(withdrawn).toMatchObject({ id: first.id, status: 'WITHDRAWN' });
    expect(withdrawn.respondedAt).not.toBeNull();
    // Withdrawn: nothing more can happen to it.
    expectError(await call(p.commissionerAdmin, WITHDRAW, { id: first.id }), 'CONFLICT');
    expectError(
      await call(p.providerAdmin, ACCEPT, {
        id: first.id,
        input: { serviceIds: [p.outreach.id], sharedFrom: '2024-01-01' },
      }),
      'CONFLICT',
    );

    const second = data(
      await call(p.commissionerAdmin, REQUEST, { input: { providerSlug: p.providerSlug } }),
    ).requestSharing;
    expect(
      data(await call(p.providerAdmin, DECLINE, { id: second.id })).declineSharing,
    ).toMatchObject({
      status: 'DECLINED',
    });
    expectError(await call(p.providerAdmin, DECLINE, { id: second.id }), 'CONFLICT');
    expectError(await call(p.providerAdmin, REVOKE, { id: second.id }), 'CONFLICT');
    expectError(
      await call(p.providerAdmin, UPDATE, {
        id: second.id,
        input: { serviceIds: [p.outreach.id], sharedFrom: '2024-01-01' },
      }),
      'CONFLICT',
    );
    expectError(await call(p.commissionerAdmin, WITHDRAW, { id: second.id }), 'CONFLICT');

    for (const org of [p.provider.id, p.commissioner.id]) {
      const events = (await auditEventsOf(ds(), org)).filter(
        (e) => e.entity_type === 'SharingAgreement',
      );
      expect(events.map((e) => [e.action, e.entity_id])).toEqual([
        ['sharing.request', first.id],
        ['sharing.withdraw', first.id],
        ['sharing.request', second.id],
        ['sharing.decline', second.id],
      ]);
    }
  });

  it('answers an unknown, a commissioner and its own address alike', async () => {
    const p = await parties();
    const other = await createOrganisation(ds(), { kind: 'COMMISSIONER' });
    const answers = [];
    for (const providerSlug of [
      'no-such-organisation',
      await slugOf(other.id),
      p.commissionerSlug,
      p.providerSlug.toUpperCase(),
      '',
      'x'.repeat(201),
    ]) {
      const r = await call(p.commissionerAdmin, REQUEST, { input: { providerSlug } });
      expectError(r, 'BAD_USER_INPUT', 'input.providerSlug');
      answers.push(r.body.errors![0].message);
    }
    expect(new Set(answers).size).toBe(1);
    expect(data(await call(p.commissionerAdmin, LIST)).sharingAgreements).toEqual([]);
  });

  it('checks the terms field by field', async () => {
    const p = await parties();
    const elsewhere = await createService(ds(), (await createOrganisation(ds())).id, 'Theirs');
    const { id } = data(
      await call(p.commissionerAdmin, REQUEST, { input: { providerSlug: p.providerSlug } }),
    ).requestSharing;
    const accept = (serviceIds: string[], sharedFrom = '2024-01-01') =>
      call(p.providerAdmin, ACCEPT, { id, input: { serviceIds, sharedFrom } });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expectError(await accept([]), 'BAD_USER_INPUT', 'input.serviceIds');
    expectError(await accept([p.outreach.id, p.outreach.id]), 'BAD_USER_INPUT', 'input.serviceIds');
    expectError(
      await accept(Array.from({ length: 501 }, () => randomUUID())),
      'BAD_USER_INPUT',
      'input.serviceIds',
    );
    expectError(await accept([p.outreach.id, elsewhere.id]), 'BAD_USER_INPUT', 'input.serviceIds');
    expectError(await accept([randomUUID()]), 'BAD_USER_INPUT', 'input.serviceIds');
    expectError(await accept(['not-an-id']), 'BAD_USER_INPUT', 'input.serviceIds');
    expectError(await accept([p.outreach.id], tomorrow), 'BAD_USER_INPUT', 'input.sharedFrom');
    expectError(await accept([p.outreach.id], '1999-12-31'), 'BAD_USER_INPUT', 'input.sharedFrom');
    // None of these changed anything; valid terms still work.
    expect(data(await accept([p.outreach.id], '2000-01-01')).acceptSharing.status).toBe('ACTIVE');
    // The same checks when changing an active agreement.
    expectError(
      await call(p.providerAdmin, UPDATE, {
        id,
        input: { serviceIds: [], sharedFrom: '2024-01-01' },
      }),
      'BAD_USER_INPUT',
      'input.serviceIds',
    );
    expectError(
      await call(p.providerAdmin, UPDATE, {
        id,
        input: { serviceIds: [p.outreach.id], sharedFrom: tomorrow },
      }),
      'BAD_USER_INPUT',
      'input.sharedFrom',
    );
  });

  it("answers another organisation's agreement as one that does not exist", async () => {
    const p = await parties();
    const q = await parties();
    const { id } = data(
      await call(p.commissionerAdmin, REQUEST, { input: { providerSlug: p.providerSlug } }),
    ).requestSharing;
    const terms = { serviceIds: [q.outreach.id], sharedFrom: '2024-01-01' };
    for (const missing of [id, randomUUID(), 'not-an-id']) {
      const own = missing !== id;
      // Another provider's admin, another commissioner's admin.
      expectError(await call(q.providerAdmin, ACCEPT, { id: missing, input: terms }), 'NOT_FOUND');
      expectError(await call(q.providerAdmin, DECLINE, { id: missing }), 'NOT_FOUND');
      expectError(await call(q.providerAdmin, REVOKE, { id: missing }), 'NOT_FOUND');
      expectError(await call(q.providerAdmin, UPDATE, { id: missing, input: terms }), 'NOT_FOUND');
      expectError(await call(q.commissionerAdmin, WITHDRAW, { id: missing }), 'NOT_FOUND');
      if (own) expectError(await call(p.providerAdmin, DECLINE, { id: missing }), 'NOT_FOUND');
    }
    expect(data(await call(q.providerAdmin, LIST)).sharingAgreements).toEqual([]);
    expect(data(await call(q.analyst, LIST)).sharingAgreements).toEqual([]);
    // Still waiting, untouched.
    expect(data(await call(p.providerAdmin, LIST)).sharingAgreements[0].status).toBe('REQUESTED');
  });

  it('refuses everyone else', async () => {
    const p = await parties();
    const { id } = data(
      await call(p.commissionerAdmin, REQUEST, { input: { providerSlug: p.providerSlug } }),
    ).requestSharing;
    const terms = { serviceIds: [p.outreach.id], sharedFrom: '2024-01-01' };
    const providerAnalyst = await memberOf(server, p.provider.id, 'ANALYST');
    // Provider roles other than ORG_ADMIN see and do nothing.
    for (const who of [p.manager, providerAnalyst]) {
      expectError(await call(who, LIST), 'FORBIDDEN');
      expectError(await call(who, ACCEPT, { id, input: terms }), 'FORBIDDEN');
    }
    // A commissioner's analyst reads only; its admin never answers for the provider.
    expectError(
      await call(p.analyst, REQUEST, { input: { providerSlug: p.providerSlug } }),
      'FORBIDDEN',
    );
    expectError(await call(p.analyst, WITHDRAW, { id }), 'FORBIDDEN');
    expectError(await call(p.commissionerAdmin, ACCEPT, { id, input: terms }), 'FORBIDDEN');
    expectError(await call(p.commissionerAdmin, REVOKE, { id }), 'FORBIDDEN');
    // A provider's admin asks nobody to share, nor withdraws.
    expectError(
      await call(p.providerAdmin, REQUEST, { input: { providerSlug: p.commissionerSlug } }),
      'FORBIDDEN',
    );
    expectError(await call(p.providerAdmin, WITHDRAW, { id }), 'FORBIDDEN');
    // Signed out.
    expectError(await gql(server.url, LIST), 'UNAUTHENTICATED');
  });

  it('shows a commissioner rollup rows and names only, never an individual record', async () => {
    const p = await parties();
    const { id } = data(
      await call(p.commissionerAdmin, REQUEST, { input: { providerSlug: p.providerSlug } }),
    ).requestSharing;
    data(
      await call(p.providerAdmin, ACCEPT, {
        id,
        input: { serviceIds: [p.outreach.id, p.counselling.id], sharedFrom: '2024-02-01' },
      }),
    );
    const as = (sql: string) => asTenant(ds(), p.commissioner.id, sql);
    for (const table of [
      'staff_members',
      'supervisors',
      'supervision_agreements',
      'supervision_sessions',
      'session_attendees',
      'session_attendance',
      'session_actions',
      'absence_episodes',
      'memberships',
      'membership_services',
      'shared_rollup_dirty',
    ]) {
      // (its own rows aside: its memberships)
      const theirs = await as(`SELECT * FROM ${table} WHERE tenant_id <> '${p.commissioner.id}'`);
      expect([table, theirs]).toEqual([table, []]);
    }
    // Its own audit log only (with the events about its agreement).
    expect(
      await as(
        `SELECT DISTINCT tenant_id FROM audit_events WHERE tenant_id <> '${p.commissioner.id}'`,
      ),
    ).toEqual([]);
    // The shared services' names, the rollup from the first shared month, the provider's row.
    expect((await as('SELECT id, name FROM services ORDER BY name')).map((s) => s.name)).toEqual([
      'Counselling',
      'Outreach',
    ]);
    const rows = await as(
      'SELECT DISTINCT tenant_id, min(month)::text AS first FROM shared_service_months GROUP BY tenant_id',
    );
    expect(rows).toEqual([{ tenant_id: p.provider.id, first: '2024-02-01' }]);
    expect((await as('SELECT id FROM organisations ORDER BY id')).map((o) => o.id).sort()).toEqual(
      [p.provider.id, p.commissioner.id].sort(),
    );
    // The rollup's columns: counts and settings, no id of a person.
    const columns = Object.keys((await as('SELECT * FROM shared_service_months LIMIT 1'))[0]);
    expect(columns.sort()).toEqual(
      [
        'tenant_id',
        'service_id',
        'month',
        'practitioner_type',
        'staff_count',
        'headcount_start',
        'headcount_end',
        'eligible_start',
        'eligible_end',
        'in_date_end',
        'leavers',
        'fte_days_available',
        'fte_days_lost',
        'sessions_held',
        'sessions_missed',
        'supervision_minutes',
        'supervision_cost_per_worker_year',
        'currency',
      ].sort(),
    );
    // A commissioner cannot make itself an agreement, nor change one beyond withdrawing.
    await expect(
      asTenant(
        ds(),
        p.commissioner.id,
        `INSERT INTO sharing_agreements (tenant_id, id, commissioner_id, status, shared_from)
         VALUES ($1, $2, $3, 'ACTIVE', '2020-01-01')`,
        [p.provider.id, randomUUID(), p.commissioner.id],
      ),
    ).rejects.toThrow(/row-level security|a commissioner only requests/);
    await expect(
      asTenant(
        ds(),
        p.commissioner.id,
        `INSERT INTO sharing_agreements (tenant_id, id, commissioner_id, status)
         VALUES ($1, $2, $3, 'ACTIVE')`,
        [p.provider.id, randomUUID(), p.commissioner.id],
      ),
    ).rejects.toThrow(/row-level security/);
    await asTenant(
      ds(),
      p.commissioner.id,
      `UPDATE sharing_agreements SET shared_from = '2000-01-01'`,
    );
    expect(
      (
        await asTenant(ds(), p.provider.id, 'SELECT shared_from::text AS f FROM sharing_agreements')
      )[0].f,
    ).toBe('2024-02-01');
  });
});
