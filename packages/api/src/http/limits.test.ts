import { Lexer, Source, TokenKind } from 'graphql';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RunningHoldspace } from '../server';
import type { RequestContext } from '../tenancy/context';
import { errorCode, gql, startTestServer } from '../../test/helpers';
import { GRAPHQL_LIMITS } from './app';

@ObjectType()
class Nest {
  @Field(() => Nest)
  child(): Nest {
    return new Nest();
  }

  @Field(() => Int)
  value(): number {
    return 1;
  }
}

/** Test-only fields: a recursive type to reach the limits, and a failing SQL statement. */
@Resolver()
class LimitsTestResolver {
  @Query(() => Nest)
  nest(@Arg('tags', () => [Int], { nullable: true }) _tags?: number[]): Nest {
    return new Nest();
  }

  @Query(() => Int)
  async slow(@Ctx() ctx: RequestContext): Promise<number> {
    await ctx.db.query(`SELECT set_config('statement_timeout', '50ms', true)`);
    await ctx.db.query('SELECT pg_sleep(2)');
    return 1;
  }

  @Query(() => Int)
  async boom(@Ctx() ctx: RequestContext): Promise<number> {
    await ctx.db.query('SELECT secret_column FROM table_that_does_not_exist');
    return 1;
  }
}

function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

const nested = (depth: number) =>
  `{ ${'nest { '.repeat(1)}${'child { '.repeat(depth - 2)}value${' }'.repeat(depth - 1)} }`;
const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: nest { value }`).join(' ')} }`;
const directives = (n: number) => `{ nest { ${'... @include(if: true) { value } '.repeat(n)}} }`;

describe('GraphQL limits and error masking', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer({}, [LimitsTestResolver]);
  });
  afterAll(() => server.stop());

  const run = (query: string) => gql(server.url, query);

  it.each([
    ['depth', nested(GRAPHQL_LIMITS.maxDepth), nested(GRAPHQL_LIMITS.maxDepth + 1), /depth limit/i],
    [
      'aliases',
      aliases(GRAPHQL_LIMITS.maxAliases),
      aliases(GRAPHQL_LIMITS.maxAliases + 1),
      /aliases limit/i,
    ],
    [
      'directives',
      directives(GRAPHQL_LIMITS.maxDirectives),
      directives(GRAPHQL_LIMITS.maxDirectives + 1),
      /directives limit/i,
    ],
  ])(
    'refuses a query one past the %s limit, and accepts one at it',
    async (_name, atLimit, pastLimit, message) => {
      const ok = await run(atLimit);
      expect(ok.body.errors).toBeUndefined();
      const refused = await run(pastLimit);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.body.errors?.[0].message).toMatch(message);
      expect(refused.body.data).toBeUndefined();
    },
  );

  it('refuses a query one past the token limit, and accepts one at it', async () => {
    // A list of n integers: n tokens, plus the rest of the query's.
    const withTokens = (total: number) => {
      const rest = countTokens('{ nest(tags: []) { value } }');
      const query = `{ nest(tags: [${'1 '.repeat(total - rest)}]) { value } }`;
      expect(countTokens(query)).toBe(total);
      return query;
    };
    expect((await run(withTokens(GRAPHQL_LIMITS.maxTokens))).body.errors).toBeUndefined();
    const refused = await run(withTokens(GRAPHQL_LIMITS.maxTokens + 1));
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0].message).toMatch(/more that 2000 tokens|token limit/i);
    expect(refused.status).toBe(400);
  });

  it('refuses a query over the cost limit', async () => {
    // Fields deep down cost more (depth factor): a few hundred leaves at depth 9 is enough.
    const query = `{ nest { ${'child { '.repeat(7)}${'value '.repeat(300)}${'} '.repeat(7)}} }`;
    const refused = await run(query);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.map((e) => e.message).join(' ')).toMatch(/cost limit/i);
  });

  it('refuses a JSON array body (no HTTP batching)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ viewer { user { id } } }' },
        { query: '{ viewer { user { id } } }' },
      ]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a simple (CSRF-able) request without a preflight header', async () => {
    const response = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ viewer { user { id } } }')}`,
    );
    expect(response.status).toBe(400);
  });

  it('refuses malformed JSON and oversized bodies with a coded error', async () => {
    const malformed = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const huge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ viewer { user { id } } }`,
        variables: { pad: 'x'.repeat(GRAPHQL_LIMITS.maxBodyBytes) },
      }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('masks a database error: a code, and no SQL, table name or stack', async () => {
    const result = await run('{ boom }');
    expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
    const text = JSON.stringify(result.body);
    for (const leak of [
      'table_that_does_not_exist',
      'secret_column',
      'SELECT',
      'relation',
      'QueryFailedError',
      'stacktrace',
      '.ts:',
      '.js:',
    ]) {
      expect(text).not.toContain(leak);
    }
    expect(Object.keys(result.body.errors![0].extensions!)).toEqual(['code']);
  });

  it('answers a statement stopped by the timeout with a coded 503 that says so, and no SQL', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slow }' }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { data: unknown; errors: any[] };
    expect(body.data).toBeNull();
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(body.errors[0].message).toMatch(/took too long/);
    expect(JSON.stringify(body)).not.toMatch(/pg_sleep|statement timeout|canceling/i);
  });

  it('lets no answer be cached: a result, an error and a refused body are all no-store', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const answers = [
      await post(JSON.stringify({ query: '{ nest { value } }' })),
      await post(JSON.stringify({ query: '{ boom }' })),
      await post('{"query": '),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 400]);
    expect(answers.map((answer) => answer.headers.get('cache-control'))).toEqual([
      'no-store',
      'no-store',
      'no-store',
    ]);
  });

  it('serves /healthz and /readyz', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-request-id')).toMatch(/.+/);
  });
});

describe('in production', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer({
      NODE_ENV: 'production',
      APP_DB_PASSWORD: 'unused-here',
      LOG_LEVEL: 'silent',
    });
  });
  afterAll(() => server.stop());

  it('turns introspection off', async () => {
    const result = await gql(server.url, '{ __schema { types { name } } }');
    expect(result.body.data).toBeUndefined();
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });

  it('gives no field suggestions', async () => {
    const result = await gql(server.url, '{ viewr { user { id } } }');
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.body)).not.toMatch(/did you mean/i);
  });
});
