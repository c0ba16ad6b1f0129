import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { buildHoldspaceSchema } from '../src/graphql/schema';
import type { RunningHoldspace } from '../src/server';
import { ERROR_CODES } from '../src/errors/app-errors';
import {
  createOrganisationFixture,
  type OrganisationFixture,
} from './fixtures/organisation-fixture';
import { startTestServer } from './helpers';
import { schemaOperations } from './schema-operations';

/**
 * A seeded fuzzer built from the schema: every operation, called by an admin
 * with random, boundary and malformed values (huge strings, negative and enormous
 * numbers, impossible dates, wrong types, unknown enum values, nulls where
 * required). Every answer must be a coded error or a valid result: no 5xx, no
 * masked internal error, no stack trace or SQL. The long run is `pnpm fuzz`
 * (FUZZ_RUNS); CI runs a quick one.
 */
const RUNS = Number(process.env.FUZZ_RUNS || 4);
const SEED = Number(process.env.FUZZ_SEED || 20261122);

const nasty = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('x'.repeat(100_000)),
  fc.constant('2023-02-29'),
  fc.constant('0000-00-00'),
  fc.constant('9999-12-31'),
  fc.constant("'; DROP TABLE staff_members; --"),
  fc.constant('\u0000\u202e'),
  fc.constant(-1),
  fc.constant(0),
  fc.constant(2 ** 31),
  fc.constant(-(2 ** 53)),
  fc.constant(1e308),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.constant('NOT_AN_ENUM'),
  fc.uuid(),
  fc.string(),
  fc.integer(),
  fc.double(),
);

function arbitraryFor(
  type: GraphQLInputType,
  f: OrganisationFixture,
  depth = 0,
): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  const named = getNamedType(inner);
  const plausible: fc.Arbitrary<unknown> = (() => {
    if (isListType(inner))
      return fc.array(arbitraryFor(inner.ofType, f, depth + 1), { maxLength: 3 });
    if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.value));
    if (isInputObjectType(named)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(named.getFields());
      return fc.record(
        Object.fromEntries(
          fields.map((field) => [field.name, arbitraryFor(field.type, f, depth + 1)]),
        ),
        {
          requiredKeys: [],
        },
      );
    }
    switch (named.name) {
      case 'ID':
        return fc.constantFrom(
          f.staff.p,
          f.sessions.p,
          f.absences.p,
          f.agreements.p,
          f.services.s1,
          f.supervisors.internal,
          f.actions.p,
        );
      case 'LocalDate':
        return fc
          .date({ min: new Date('1890-01-01'), max: new Date('2210-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      case 'Int':
        return fc.integer({ min: -1000, max: 100_000 });
      case 'Float':
        return fc.double({ min: -10, max: 1e6, noNaN: true });
      case 'Boolean':
        return fc.boolean();
      default:
        return fc.string({ maxLength: 300 });
    }
  })();
  return fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: nasty, weight: 1 });
}

const LEAKS = [
  /\bat \S+\.(ts|js):\d+/,
  /QueryFailedError/,
  /\bSELECT\b.*\bFROM\b/i,
  /relation "/,
  /syntax error at or near/,
  /stack/i,
];

describe('fuzzing every operation from the schema', () => {
  let server: RunningHoldspace;
  let schema: GraphQLSchema;
  let f: OrganisationFixture;

  beforeAll(async () => {
    server = await startTestServer();
    schema = await buildHoldspaceSchema();
    f = await createOrganisationFixture(server.dataSource);
  });
  afterAll(() => server.stop());

  it('answers every random, boundary and malformed call with a coded error or a valid result', async () => {
    const admin = f.members.ORG_ADMIN;
    const problems: string[] = [];
    let requests = 0;
    for (const { kind, field } of schemaOperations(schema)) {
      if (field.name === 'signOut') continue; // would end the fuzzer's own session
      const args = field.args;
      const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const document = `${kind} Fuzz${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
      const variables = fc.record(
        Object.fromEntries(args.map((a) => [a.name, arbitraryFor(a.type, f)])),
        { requiredKeys: [] },
      );
      const samples = fc.sample(variables, { numRuns: RUNS, seed: SEED + requests });
      for (const sample of samples) {
        requests++;
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${admin.token}`,
            'x-holdspace-org': admin.org,
          },
          body: JSON.stringify({ query: document, variables: sample }),
        });
        const text = await response.text();
        const where = `${field.name} ${JSON.stringify(sample).slice(0, 200)}`;
        if (response.status >= 500)
          problems.push(`${where}: HTTP ${response.status} ${text.slice(0, 200)}`);
        let body: { errors?: Array<{ extensions?: { code?: string } }> };
        try {
          body = JSON.parse(text);
        } catch {
          problems.push(`${where}: not JSON`);
          continue;
        }
        for (const error of body.errors ?? []) {
          const code = error.extensions?.code;
          if (
            !code ||
            !(ERROR_CODES as readonly string[]).includes(code) ||
            code === 'INTERNAL_SERVER_ERROR'
          ) {
            problems.push(`${where}: ${JSON.stringify(error).slice(0, 300)}`);
          }
        }
        for (const leak of LEAKS) if (leak.test(text)) problems.push(`${where}: leaks ${leak}`);
      }
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(100);
  }, 600_000);

  it('refuses malformed and hostile bodies with coded errors', async () => {
    const bodies: Array<[string, string]> = [
      ['application/json', '{'],
      ['application/json', 'null'],
      ['application/json', '"a string"'],
      ['application/json', JSON.stringify({ query: 42 })],
      [
        'application/json',
        JSON.stringify({ query: '{ viewer { user { id } } }', variables: 'nope' }),
      ],
      ['application/json', JSON.stringify([{ query: '{ viewer { user { id } } }' }])],
      [
        'application/json',
        JSON.stringify({ query: `{ ${'viewer { user { id } } '.repeat(2000)}}` }),
      ],
      [
        'application/json',
        JSON.stringify({ query: `{ ${'a: viewer { user { id } } '.repeat(50)}}` }),
      ],
      [
        'application/json',
        JSON.stringify({ query: `query { viewer { user { id ${'id '.repeat(3000)} } } }` }),
      ],
      [
        'application/json',
        JSON.stringify({ query: '{ viewer { user { id } } }', extra: 'x'.repeat(2_000_000) }),
      ],
      ['text/plain', '{ viewer { user { id } } }'],
    ];
    for (const [type, body] of bodies) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      const text = await response.text();
      expect({ body: body.slice(0, 60), status: response.status < 500 }).toEqual({
        body: body.slice(0, 60),
        status: true,
      });
      const parsed = JSON.parse(text);
      if (parsed.errors) {
        for (const error of parsed.errors) expect(ERROR_CODES).toContain(error.extensions?.code);
      }
      for (const leak of LEAKS) expect(leak.test(text)).toBe(false);
    }
  });

  // ---- memory: the server (in this process) returns to its baseline afterwards ----
  v8.setFlagsFromString('--expose-gc');
  const collectGarbage = vm.runInNewContext('gc') as () => void;
  const memory = () => {
    for (let i = 0; i < 3; i++) collectGarbage();
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed };
  };
  let memoryBefore: { rss: number; heapUsed: number };
  // Runs after the server starts (hooks run in order) and before the fuzzing: one
  // plain call of each operation first, so the baseline includes warmed caches.
  beforeAll(async () => {
    for (const { kind, field } of schemaOperations(schema)) {
      if (field.name === 'signOut') continue;
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${f.members.ORG_ADMIN.token}`,
          'x-holdspace-org': f.members.ORG_ADMIN.org,
        },
        body: JSON.stringify({ query: `${kind} { ${field.name} { __typename } }` }),
      }).then((r) => r.text());
    }
    memoryBefore = memory();
  });

  it("returns the server's heap to its baseline after the fuzzing", () => {
    const after = memory();
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    const requests =
      schemaOperations(schema).filter((op) => op.field.name !== 'signOut').length * RUNS;
    console.log(
      `fuzz: ${requests} generated requests (FUZZ_RUNS=${RUNS}, seed ${SEED}) + 11 hostile bodies; ` +
        `heap ${mb(memoryBefore.heapUsed)} → ${mb(after.heapUsed)} MB, ` +
        `RSS ${mb(memoryBefore.rss)} → ${mb(after.rss)} MB (after garbage collection)`,
    );
    expect(after.heapUsed - memoryBefore.heapUsed).toBeLessThan(16 * 1024 * 1024);
  });
});
