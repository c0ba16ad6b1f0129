import type { RunningHoldspace } from '../server';
import type { RequestContext } from '../tenancy/context';
import { asTenant, createService, gql, signedInMember, startTestServer } from '../../test/helpers';

/** Every relation of a listed staff member that needs its own query. */
const LIST = `query($first: Int!, $after: String) {
  staffMembers(page: { first: $first, after: $after }) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id displayName service { id name }
      currentAgreement { interval startDate reviewDueDate supervisorName }
      lastHeldSession }
  } }`;

/**
 * No N+1: listing staff with their service, current agreement and last held
 * session costs the same number of SQL statements for 10 staff as for 200
 * (relations are batched per request with DataLoaders).
 */
describe('staff list statement count', () => {
  let server: RunningHoldspace;
  const counts: number[] = [];
  beforeAll(async () => {
    const record = (ctx: RequestContext) => {
      counts.push(ctx.db.statements);
    };
    server = await startTestServer({}, [], record);
    // startHoldspace does not (yet) pass the hook into its deps; set it on them directly.
    server.deps.onRequestFinished ??= record;
  });
  afterAll(() => server.stop());

  /** An organisation with `n` staff in 4 services, each with an agreement and HELD sessions. */
  async function organisationWith(n: number) {
    const admin = await signedInMember(server, 'ORG_ADMIN');
    const org = admin.org.id;
    const services = [];
    for (let i = 0; i < 4; i++) services.push((await createService(server.dataSource, org)).id);
    // Set-based SQL, so that 200 staff take no longer to create than 10.
    await asTenant(
      server.dataSource,
      org,
      `WITH staff AS (
         INSERT INTO staff_members (tenant_id, id, service_id, staff_ref, display_name, fte, start_date)
         SELECT $1, gen_random_uuid(), ($2::uuid[])[1 + i % 4], 'N-' || i, 'Person ' || lpad(i::text, 3, '0'),
                1, DATE '2023-01-01'
           FROM generate_series(1, $3::int) AS i
         RETURNING id, display_name),
       ext AS (
         INSERT INTO supervisors (tenant_id, id, kind, name) VALUES ($1, gen_random_uuid(), 'EXTERNAL', 'Dr Ext')
         RETURNING id),
       internal AS (
         INSERT INTO supervisors (tenant_id, id, kind, staff_id)
         SELECT $1, gen_random_uuid(), 'INTERNAL', id FROM staff WHERE display_name = 'Person 001'
         RETURNING id),
       agreements AS (
         INSERT INTO supervision_agreements (tenant_id, id, staff_id, supervisor_id, interval, start_date, review_due_date)
         SELECT $1, gen_random_uuid(), s.id,
                CASE WHEN s.display_name < 'Person 005' THEN (SELECT id FROM internal) ELSE (SELECT id FROM ext) END,
                'MONTHLY', DATE '2024-01-01', DATE '2025-01-01'
           FROM staff s
         RETURNING staff_id),
       sessions AS (
         INSERT INTO supervision_sessions (tenant_id, id, date, duration_minutes, format, status, supervisor_id, session_ref)
         SELECT $1, gen_random_uuid(), DATE '2024-01-01' + k * 30, 60, 'ONE_TO_ONE',
                CASE WHEN k = 3 THEN 'CANCELLED' ELSE 'HELD' END, (SELECT id FROM ext), s.id::text || '_' || k
           FROM staff s, generate_series(1, 3) AS k
         RETURNING id, session_ref)
       INSERT INTO session_attendees (tenant_id, session_id, staff_id)
       SELECT $1, ss.id, split_part(ss.session_ref, '_', 1)::uuid
         FROM sessions ss
         JOIN staff s ON s.id::text = split_part(ss.session_ref, '_', 1)`,
      [org, services, n],
    );
    return { token: admin.token, org };
  }

  /** Lists every page; returns the statement count of each request and the nodes. */
  async function listAll(who: { token: string; org: string }, first: number) {
    const perRequest: number[] = [];
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const before = counts.length;
      const result: any = await gql(server.url, LIST, { first, after }, who);
      expect(result.body.errors).toBeUndefined();
      expect(counts.length).toBe(before + 1);
      perRequest.push(counts.at(-1)!);
      const page = result.body.data.staffMembers;
      nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { perRequest, nodes };
  }

  it('issues the same number of statements for 10 staff as for 200', async () => {
    const small = await organisationWith(10);
    const large = await organisationWith(200);

    const ten = await listAll(small, 100);
    const twoHundred = await listAll(large, 100);

    // Every relation was really loaded (and is right), so nothing was skipped.
    expect(ten.nodes).toHaveLength(10);
    expect(twoHundred.nodes).toHaveLength(200);
    for (const node of [...ten.nodes, ...twoHundred.nodes]) {
      expect(node.service.name).toMatch(/^Service /);
      expect(node.currentAgreement).toMatchObject({ interval: 'MONTHLY', startDate: '2024-01-01' });
      expect(node.lastHeldSession).toBe('2024-03-01');
    }
    expect(twoHundred.nodes[0].currentAgreement.supervisorName).toBe('Person 001');
    expect(twoHundred.nodes[199].currentAgreement.supervisorName).toBe('Dr Ext');

    // One request for 10 staff; two full pages of 100 for 200: each costs the same.
    expect(ten.perRequest).toHaveLength(1);
    expect(twoHundred.perRequest).toHaveLength(2);
    expect(twoHundred.perRequest).toEqual([ten.perRequest[0], ten.perRequest[0]]);
    // Transaction and membership statements, count, page, and one query per relation.
    expect(ten.perRequest[0]).toBeLessThanOrEqual(12);
  });
});
