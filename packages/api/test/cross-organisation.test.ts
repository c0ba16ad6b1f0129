import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { ROLES } from '@holdspace/shared';
import { buildHoldspaceSchema } from '../src/graphql/schema';
import type { RunningHoldspace } from '../src/server';
import {
  createOrganisationFixture,
  type OrganisationFixture,
} from './fixtures/organisation-fixture';
import { gql, startTestServer, tenantFingerprint } from './helpers';
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
    a = await createOrganisationFixture(server.dataSource, { sharing: true });
  });
  afterAll(() => server.stop());

  it('answers as for an id that does not exist, shows nothing of A, and changes nothing in A', async () => {
    const before = await tenantFingerprint(a.orgId);
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
    expect(await tenantFingerprint(a.orgId)).toEqual(before);
  }, 900_000);

  /**
   * A's own commissioner, with an ACTIVE agreement under which A shares S1: its analyst and
   * its organisation admin ask every query, and every operation that takes ids, with A's ids
   * and with every field selected. Nothing individual of A may come back (no staff,
   * supervisor, supervision agreement, session, action, absence or membership id, no name or
   * reference of a person, no service A does not share) and nothing of A may change. Outside
   * the commissioning operations (where the commissioner legitimately sees its agreements and
   * the services shared with it), each answer must also equal the answer for ids that do not
   * exist.
   */
  it('a commissioner A shares with answers nothing individual of A, whatever it asks', async () => {
    const before = await tenantFingerprint(a.orgId);
    const individual = new Set([
      ...Object.values(a.staff),
      a.services.s2,
      ...Object.values(a.sessions),
      ...Object.values(a.agreements),
      ...Object.values(a.absences),
      ...Object.values(a.supervisors),
      ...Object.values(a.actions),
      // A's members (the commissioner analyst is the commissioner's own).
      ...Object.values(a.members)
        .filter((m) => m.org === a.orgId)
        .flatMap((m) => [m.membershipId, m.userId]),
    ]);
    const tag = a.orgId.slice(0, 8);
    const names = [
      'Sam Supervisor',
      'Pat Practitioner',
      'Quinn Other',
      'Lee Leaver',
      'Dr External',
      'Book refresher',
      `P-${tag}`,
      `AB-P-${tag}`,
      `SE-P-${tag}`,
    ];
    const commissioning = /sharing|commissioner/i;
    const problems: string[] = [];
    let answered = 0;
    for (const { kind, field } of schemaOperations(schema)) {
      if (kind === 'mutation' && !takesIds(field)) continue; // nothing of A to pass
      for (const [who, member] of [
        ['commissioner analyst', a.members.COMMISSIONER_ANALYST],
        ['commissioner admin', a.commissionerAdmin],
      ] as const) {
        const as = { token: member.token, org: member.org };
        const options = { withOptionalIds: true, fullSelection: true };
        const foreign = callFor(kind, field, a, options);
        const withForeign = await gql(server.url, foreign.document, foreign.variables, as);
        if (withForeign.body.data) answered++;
        const text = JSON.stringify(withForeign.body);
        for (const id of individual)
          if (text.includes(id)) problems.push(`${field.name} as ${who}: answer contains ${id}`);
        for (const name of names)
          if (text.includes(name)) problems.push(`${field.name} as ${who}: answer names ${name}`);
        if (commissioning.test(field.name) || !takesIds(field)) continue;
        const missing = callFor(kind, field, a, { ...options, idFor: () => randomUUID() });
        const withMissing = await gql(server.url, missing.document, missing.variables, as);
        const shape = (r: typeof withForeign) => ({
          status: r.status,
          data: r.body.data ?? null,
          codes: (r.body.errors ?? []).map((e) => e.extensions?.code),
          messages: (r.body.errors ?? []).map((e) => e.message),
        });
        if (JSON.stringify(shape(withForeign)) !== JSON.stringify(shape(withMissing))) {
          problems.push(
            `${field.name} as ${who}: ${JSON.stringify(shape(withForeign))} ≠ ${JSON.stringify(shape(withMissing))}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(answered).toBeGreaterThan(5);
    // The comparison does show the shared service, suppressed (two staff in S1).
    const comparison = await gql(
      server.url,
      `query { commissionerComparison(input: { fromMonth: "2026-10-01", toMonth: "2026-10-01" }) {
         rows { serviceId suppressed suppressionReason figures { coverage } } } }`,
      {},
      { token: a.members.COMMISSIONER_ANALYST.token, org: a.members.COMMISSIONER_ANALYST.org },
    );
    expect(comparison.body.data?.commissionerComparison.rows).toEqual([
      {
        serviceId: a.services.s1,
        suppressed: true,
        suppressionReason: 'BELOW_THRESHOLD',
        figures: { coverage: null },
      },
    ]);
    expect(await tenantFingerprint(a.orgId)).toEqual(before);
  }, 900_000);

  let shared: OrganisationFixture | null = null;
  async function attackers(): Promise<OrganisationFixture> {
    shared ??= await createOrganisationFixture(server.dataSource);
    return shared;
  }
});
