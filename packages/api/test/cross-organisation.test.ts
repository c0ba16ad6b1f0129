import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { ROLES } from '@holdspace/shared';
import { buildHoldspaceSchema } from '../src/graphql/schema';
import type { RunningHoldspace } from '../src/server';
import { withTenant } from '../src/tenancy/request-db';
import {
  createOrganisationFixture,
  type OrganisationFixture,
} from './fixtures/organisation-fixture';
import { connect, gql, ownerUrl, startTestServer } from './helpers';
import { callFor, schemaOperations, takesIds } from './schema-operations';

/**
 * Organisation B uses organisation A's ids in every operation that takes an id
 * (enumerated from the schema, so a new operation is covered without anyone
 * listing it), as every role B has. Each answer must be exactly the answer for
 * an id that does not exist (so an id reveals nothing), carry none of A's data,
 * and leave every one of A's tables unchanged.
 */
describe('another organisation’s ids', () => {
  let server: RunningHoldspace;
  let schema: GraphQLSchema;
  let a: OrganisationFixture;

  beforeAll(async () => {
    server = await startTestServer();
    schema = await buildHoldspaceSchema();
    a = await createOrganisationFixture(server.dataSource);
  });
  afterAll(() => server.stop());

  /** A fingerprint of every tenant table's rows for one organisation (read as the owner, under RLS). */
  async function fingerprint(tenantId: string): Promise<Record<string, string>> {
    const owner = await connect(ownerUrl(), 1);
    try {
      const tables: Array<{ name: string }> = await owner.query(
        `SELECT DISTINCT table_name AS name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1`,
      );
      return await withTenant(owner, { userId: null, tenantId }, async (db) => {
        const out: Record<string, string> = {};
        for (const { name } of [{ name: 'organisations' }, ...tables]) {
          const [row] = await db.query<{ h: string | null; n: number }>(
            `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h, count(*)::int AS n FROM "${name}" t`,
          );
          out[name] = `${row.n}:${row.h}`;
        }
        return out;
      });
    } finally {
      await owner.destroy();
    }
  }

  it('answers as for an id that does not exist, shows nothing of A, and changes nothing in A', async () => {
    const before = await fingerprint(a.orgId);
    const aIds = new Set([
      a.orgId,
      ...Object.values(a.staff),
      ...Object.values(a.services),
      ...Object.values(a.sessions),
      ...Object.values(a.agreements),
      ...Object.values(a.absences),
      ...Object.values(a.supervisors),
      ...Object.values(a.actions),
      ...Object.values(a.members).map((m) => m.membershipId),
    ]);
    const problems: string[] = [];
    let calls = 0;
    for (const { kind, field } of schemaOperations(schema).filter((op) => takesIds(op.field))) {
      for (const role of ROLES) {
        // A fresh attacker organisation per mutation, so earlier calls cannot shape later answers.
        const b =
          kind === 'mutation'
            ? await createOrganisationFixture(server.dataSource)
            : await attackers();
        const member = b.members[role];
        const asB = { token: member.token, org: member.org };
        const foreign = callFor(kind, field, a, { withOptionalIds: true });
        const missing = callFor(kind, field, a, {
          withOptionalIds: true,
          idFor: () => randomUUID(),
        });
        const withForeign = await gql(server.url, foreign.document, foreign.variables, asB);
        const withMissing = await gql(server.url, missing.document, missing.variables, asB);
        calls += 2;
        const shape = (r: typeof withForeign) => ({
          status: r.status,
          codes: (r.body.errors ?? []).map((e) => e.extensions?.code),
          messages: (r.body.errors ?? []).map((e) => e.message),
        });
        if (JSON.stringify(shape(withForeign)) !== JSON.stringify(shape(withMissing))) {
          problems.push(
            `${field.name} as ${role}: ${JSON.stringify(shape(withForeign))} ≠ ${JSON.stringify(shape(withMissing))}`,
          );
        }
        const text = JSON.stringify(withForeign.body);
        for (const id of aIds)
          if (text.includes(id))
            problems.push(`${field.name} as ${role}: answer contains A's id ${id}`);
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(100);
    expect(await fingerprint(a.orgId)).toEqual(before);
  }, 900_000);

  let shared: OrganisationFixture | null = null;
  async function attackers(): Promise<OrganisationFixture> {
    shared ??= await createOrganisationFixture(server.dataSource);
    return shared;
  }
});
