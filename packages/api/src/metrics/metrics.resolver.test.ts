/**
 * The metrics operations' access rules, small-number suppression, validation and paging,
 * over HTTP against the real database (metrics.access.ts decides; this holds it to
 * product.md and metrics.md).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_ORG_SETTINGS, type Role, type StaffRecord } from '@holdspace/shared';
import { issueToken } from '../../test/fixtures/organisation-fixture';
import { addMembership, createUser, errorCode, gql, startTestServer } from '../../test/helpers';
import type { RunningHoldspace } from '../server';
import type { RequestContext } from '../tenancy/context';
import { withTenant } from '../tenancy/request-db';
import { id, OVERDUE, OVERVIEW } from './testing/metrics-client';
import { insertOrg } from './testing/org-fixture';

let server: RunningHoldspace;
let ds: DataSource;
let lastStatements = 0;

/** Services A (6 staff), B (2) and C (5); everyone in post from 2020, none supervised. */
const A = id(101);
const B = id(102);
const C = id(103);
const staff: StaffRecord[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) => member(n, A, n <= 3 ? 'COUNSELLOR' : 'SOCIAL_WORKER')),
  ...[7, 8].map((n) => member(n, B, 'COUNSELLOR')),
  ...[9, 10, 11, 12, 13].map((n) => member(n, C, null)),
];

function member(n: number, serviceId: string, practitionerType: string | null): StaffRecord {
  return {
    id: id(n),
    serviceId,
    practitionerType,
    fte: 1,
    startDate: '2020-01-01',
    endDate: null,
    leavingReason: null,
    requiresSupervision: true,
  };
}

interface Member {
  token: string;
  org: string;
}

let orgId: string;
const members = {} as Record<Role, Member>;
let managerOfA: Member;

async function memberWithRole(tenantId: string, role: Role, managed: string[] = []) {
  const user = await createUser(ds);
  const membership = await addMembership(ds, tenantId, user.id, role);
  await withTenant(ds, { userId: null, tenantId }, async (db) => {
    for (const serviceId of managed) {
      await db.query(
        'INSERT INTO membership_services (tenant_id, membership_id, service_id) VALUES ($1, $2, $3)',
        [tenantId, membership.id, serviceId],
      );
    }
  });
  return { token: await issueToken(ds, user.id), org: tenantId };
}

beforeAll(async () => {
  server = await startTestServer({}, [], (ctx: RequestContext) => {
    lastStatements = ctx.db.statements;
  });
  ds = server.dataSource;
  ({ id: orgId } = await insertOrg(ds, {
    settings: { ...DEFAULT_ORG_SETTINGS },
    staff,
    agreements: [],
    sessions: [
      // 1 was supervised on 1 May 2024: in date on 15 May; everyone else is overdue.
      {
        id: id(201),
        date: '2024-05-01',
        durationMinutes: 60,
        format: 'ONE_TO_ONE',
        status: 'HELD',
        attendeeIds: [id(1)],
        functions: [],
      },
      // 2 was supervised on 1 April: overdue since 1 May (14 days on 15 May).
      {
        id: id(202),
        date: '2024-04-01',
        durationMinutes: 60,
        format: 'ONE_TO_ONE',
        status: 'HELD',
        attendeeIds: [id(2)],
        functions: [],
      },
    ],
    absences: [],
    serviceNames: { [A]: 'Outreach', [B]: 'Counselling', [C]: 'Family support' },
  }));
  for (const role of [
    'ORG_ADMIN',
    'ANALYST',
    'SUPERVISOR',
    'PRACTITIONER',
    'COMMISSIONER_ANALYST',
  ] as Role[]) {
    members[role] = await memberWithRole(orgId, role);
  }
  managerOfA = await memberWithRole(orgId, 'SERVICE_MANAGER', [A]);
  members.SERVICE_MANAGER = managerOfA;
});
afterAll(() => server.stop());

const MAY = { from: '2024-05-01', to: '2024-05-15' };

const overview = (who: Member | undefined, input: Record<string, unknown>) =>
  gql(server.url, OVERVIEW, { input: { months: 1, ...input } }, who ?? {});
const overdue = (
  who: Member | undefined,
  input: Record<string, unknown>,
  page?: Record<string, unknown>,
) => gql(server.url, OVERDUE, { input, page }, who ?? {});

describe('who may see metrics', () => {
  it('asks for a sign-in', async () => {
    expect(errorCode(await overview(undefined, MAY))).toBe('UNAUTHENTICATED');
    expect(errorCode(await overdue(undefined, { on: MAY.to }))).toBe('UNAUTHENTICATED');
  });

  it.each(['SUPERVISOR', 'PRACTITIONER', 'COMMISSIONER_ANALYST'] as Role[])(
    'refuses organisation metrics and the overdue list to a %s',
    async (role) => {
      const o = await overview(members[role], MAY);
      expect(errorCode(o)).toBe('FORBIDDEN');
      expect(o.body.data).toBeNull();
      const d = await overdue(members[role], { on: MAY.to });
      expect(errorCode(d)).toBe('FORBIDDEN');
      expect(d.body.data).toBeNull();
    },
  );

  it('shows an organisation admin the whole organisation, unsuppressed', async () => {
    const result = await overview(members.ORG_ADMIN, MAY);
    const o = result.body.data!.metricsOverview;
    expect(o.suppressed).toBe(false);
    expect(o.headlines.headcount).toBe(13);
    expect(o.headlines.coverage).toEqual({ value: (100 * 1) / 13, numerator: 1, denominator: 13 });
    expect(
      o.breakdownByService.groups.map((g: any) => [g.key, g.label, g.headlines.staffCount]),
    ).toEqual([
      [A, 'Outreach', 6],
      [B, 'Counselling', 2],
      [C, 'Family support', 5],
    ]);
    expect(o.breakdownByPractitionerType.groups.map((g: any) => [g.key, g.label])).toEqual([
      ['COUNSELLOR', 'COUNSELLOR'],
      ['SOCIAL_WORKER', 'SOCIAL_WORKER'],
      [null, 'Not recorded'],
    ]);
    expect(o.costCase.currency).toBe('GBP');
  });

  it('uses a fixed number of statements for an overview, whatever the size of the question', async () => {
    await overview(members.ORG_ADMIN, { ...MAY, months: 1 });
    const small = lastStatements;
    await overview(members.ORG_ADMIN, { from: '2020-01-01', to: '2024-12-31', months: 60 });
    expect(lastStatements).toBe(small);
    // Sign-in and transaction work, then settings, headlines, series, composition, names.
    expect(small).toBeLessThanOrEqual(12);
  });

  it('shows a service manager only the services they manage', async () => {
    const own = (await overview(managerOfA, MAY)).body.data!.metricsOverview;
    expect(own.scope.serviceIds).toEqual([A]);
    expect(own.headlines.headcount).toBe(6);
    expect(own.breakdownByService.groups.map((g: any) => g.key)).toEqual([A]);
    // Asking for more: cut to what they manage.
    const wider = (await overview(managerOfA, { ...MAY, serviceIds: [A, B] })).body.data!
      .metricsOverview;
    expect(wider.scope.serviceIds).toEqual([A]);
    expect(wider.headlines.headcount).toBe(6);
    // Only services they do not manage: refused, never "everything".
    const other = await overview(managerOfA, { ...MAY, serviceIds: [B] });
    expect(errorCode(other)).toBe('FORBIDDEN');
    // The overdue list: their staff only (1 is in date; 2 is 14 days overdue, 3-6 longer).
    const list = (await overdue(managerOfA, { on: MAY.to })).body.data!.overdueSupervision;
    expect(list.totalCount).toBe(5);
    expect(list.nodes.map((n: any) => n.staffId)).toEqual([id(3), id(4), id(5), id(6), id(2)]);
    expect(list.nodes[4]).toMatchObject({ dueDate: '2024-05-01', daysOverdue: 14 });
  });

  it('refuses a service manager who manages no service', async () => {
    const nobody = await memberWithRole(orgId, 'SERVICE_MANAGER');
    expect(errorCode(await overview(nobody, MAY))).toBe('FORBIDDEN');
    expect(errorCode(await overdue(nobody, { on: MAY.to }))).toBe('FORBIDDEN');
  });

  it('never shows an analyst individuals: the overdue list is refused', async () => {
    const result = await overdue(members.ANALYST, { on: MAY.to });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.body.data).toBeNull();
  });
});

describe('small-number suppression for analysts', () => {
  it('hides groups below the threshold, and the smallest other group so none can be subtracted', async () => {
    const o = (await overview(members.ANALYST, MAY)).body.data!.metricsOverview;
    // 13 staff >= 5: the organisation's figures are shown.
    expect(o.suppressed).toBe(false);
    expect(o.headlines.headcount).toBe(13);
    const cells = o.breakdownByService.groups.map((g: any) => [
      g.label,
      g.suppressed,
      g.suppressionReason,
      g.headlines?.headcount ?? null,
    ]);
    // B has 2 staff (< 5): hidden. Then A (6) and C (5) would give B = 13 - 6 - 5: the
    // smallest other, C, is hidden too.
    expect(cells).toEqual([
      ['Outreach', false, null, 6],
      ['Counselling', true, 'BELOW_THRESHOLD', null],
      ['Family support', true, 'COMPLEMENTARY', null],
    ]);
    expect(o.breakdownByService.total).toMatchObject({ suppressed: false, label: 'Total' });
    // By type: counsellors 5 (1-3, 7, 8), social workers 3 (hidden), not recorded 5; the
    // smallest other visible group (counsellors, first of the equal ones) is hidden too.
    expect(
      o.breakdownByPractitionerType.groups.map((g: any) => [g.key, g.suppressionReason]),
    ).toEqual([
      ['COUNSELLOR', 'COMPLEMENTARY'],
      ['SOCIAL_WORKER', 'BELOW_THRESHOLD'],
      [null, null],
    ]);
  });

  it('hides a whole overview of fewer staff than the threshold', async () => {
    const o = (await overview(members.ANALYST, { ...MAY, serviceIds: [B] })).body.data!
      .metricsOverview;
    expect(o).toMatchObject({
      suppressed: true,
      suppressionReason: 'BELOW_THRESHOLD',
      headlines: null,
      costCase: null,
      formatMix: null,
      functionMix: null,
      leaversByReason: null,
      absenceByReason: null,
    });
    expect(o.monthlySeries).toEqual([
      expect.objectContaining({ month: '2024-05', suppressed: true, coverage: null }),
    ]);
    expect(o.breakdownByService.total).toMatchObject({ suppressed: true, headlines: null });
    // An admin sees the same scope in full.
    const admin = (await overview(members.ORG_ADMIN, { ...MAY, serviceIds: [B] })).body.data!
      .metricsOverview;
    expect(admin.headlines.headcount).toBe(2);
  });

  it("uses the organisation's own threshold", async () => {
    const { id: tenantId } = await insertOrg(ds, {
      settings: { ...DEFAULT_ORG_SETTINGS, suppressionThreshold: 7 },
      staff,
      agreements: [],
      sessions: [],
      absences: [],
    });
    const analyst = await memberWithRole(tenantId, 'ANALYST');
    const o = (await overview(analyst, MAY)).body.data!.metricsOverview;
    // k = 7: A (6), B (2) and C (5) are all below it.
    expect(o.breakdownByService.groups.map((g: any) => g.suppressionReason)).toEqual([
      'BELOW_THRESHOLD',
      'BELOW_THRESHOLD',
      'BELOW_THRESHOLD',
    ]);
    expect(o.suppressed).toBe(false);
  });
});

describe('validation', () => {
  const admin = () => members.ORG_ADMIN;
  const field = (r: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) =>
    r.body.errors?.[0]?.extensions?.field;

  it.each([
    [{ from: '2024-05-02', to: '2024-05-01' }, 'input.to'],
    [{ from: '2020-01-01', to: '2025-01-01' }, 'input.to'],
    [{ ...MAY, months: 0 }, 'input.months'],
    [{ ...MAY, months: 61 }, 'input.months'],
    [{ ...MAY, serviceIds: ['not-an-id'] }, 'input.serviceIds'],
    [{ ...MAY, practitionerTypes: ['x'.repeat(81)] }, 'input.practitionerTypes'],
  ])('refuses %j (%s)', async (input, expectedField) => {
    const result = await overview(admin(), input);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe(expectedField);
  });

  it('accepts a period of exactly 5 years and 60 months of series', async () => {
    const result = await overview(admin(), { from: '2020-01-01', to: '2024-12-31', months: 60 });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.metricsOverview.monthlySeries).toHaveLength(60);
  });

  it('answers NOT_FOUND for a service of another organisation, as for one that does not exist', async () => {
    const { id: otherOrg } = await insertOrg(ds, {
      settings: { ...DEFAULT_ORG_SETTINGS },
      staff: [member(1, id(900), null)],
      agreements: [],
      sessions: [],
      absences: [],
    });
    expect(otherOrg).not.toBe(orgId);
    for (const serviceId of [id(900), randomUUID()]) {
      const result = await overview(admin(), { ...MAY, serviceIds: [serviceId] });
      expect(errorCode(result)).toBe('NOT_FOUND');
      expect(result.body.errors?.[0]?.message).toBe('Service not found.');
    }
  });

  it('refuses impossible dates (the LocalDate scalar), a bad cursor and a page too big', async () => {
    expect(errorCode(await overview(admin(), { from: '2023-02-29', to: '2024-05-01' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await overdue(admin(), { on: '1800-01-01' }))).toBe('BAD_USER_INPUT');
    const cursor = await overdue(admin(), { on: MAY.to }, { after: 'garbage' });
    expect([errorCode(cursor), field(cursor)]).toEqual(['BAD_USER_INPUT', 'page.after']);
    const size = await overdue(admin(), { on: MAY.to }, { first: 101 });
    expect([errorCode(size), field(size)]).toEqual(['BAD_USER_INPUT', 'page.first']);
  });
});

describe('the overdue list', () => {
  it('pages worst first, by staff id among equals', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result = await overdue(members.ORG_ADMIN, { on: MAY.to }, { first: 5, after });
      const page: any = result.body.data!.overdueSupervision;
      expect(page.totalCount).toBe(12);
      seen.push(...page.nodes.map((n: any) => n.staffId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    // 3-13 (never supervised: due 1 Feb 2020) by id, then 2 (14 days); 1 is in date.
    expect(seen).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 2].map(id));
  });

  it('names each person and their service', async () => {
    const list = (await overdue(members.ORG_ADMIN, { on: MAY.to, serviceIds: [B] })).body.data!
      .overdueSupervision;
    expect(list.nodes).toEqual([
      {
        staffId: id(7),
        displayName: 'Staff 7',
        staffRef: null,
        serviceId: B,
        dueDate: '2020-02-01',
        daysOverdue: 1565,
      },
      expect.objectContaining({ staffId: id(8), daysOverdue: 1565 }),
    ]);
  });
});
