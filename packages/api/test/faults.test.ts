import net from 'node:net';
import { Client } from 'pg';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { createLogger } from '../src/config/logger';
import { withCredentials } from '../src/db/roles';
import { startHoldspace, type RunningHoldspace } from '../src/server';
import type { RequestContext } from '../src/tenancy/context';
import {
  appUrl,
  errorCode,
  gql,
  ownerUrl,
  signedInMember,
  startTestServer,
  testConfig,
  type GqlResult,
} from './helpers';

/**
 * Database faults, quickly (CI; the long run with a restart under load is
 * `pnpm faults`). The API's connections are ended from the database side with
 * pg_terminate_backend (only this server's: their pids are known), and a second
 * server reaches the database through a loopback proxy this test can cut, so the
 * database goes away for it alone. Asserted: the process keeps serving; a
 * request in flight gets 503 SERVICE_UNAVAILABLE, promptly; the next requests
 * succeed within a few seconds; /readyz says 503 while the database is away and
 * 200 once it is back. Every wait is a bounded loop.
 */

const EMBEDDED_SUPERUSER_PASSWORD = 'holdspace_embedded';

/** What the probe resolver did, for the test to act on (this server runs in this process). */
const probe = {
  pids: new Set<number>(),
  /** Called between the probe's two statements, with its connection's backend pid. */
  between: null as null | ((pid: number) => Promise<void>),
};

/** Test only: one request that holds its connection for a while. */
@Resolver()
class FaultProbeResolver {
  @Query(() => Int)
  async faultProbe(
    @Arg('sleepMs', () => Int) sleepMs: number,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    const [{ pid }] = await ctx.db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    probe.pids.add(pid);
    await probe.between?.(pid);
    await ctx.db.query('SELECT pg_sleep($1::float8 / 1000)', [Math.min(sleepMs, 15_000)]);
    return pid;
  }
}
const PROBE = 'query($ms: Int!) { faultProbe(sleepMs: $ms) }';

/**
 * A superuser connection to the test database: `postgres` with trust on CI's
 * local server (127.0.0.1:5432), or the embedded cluster's superuser. Fails
 * loudly when neither works: this suite is never skipped.
 */
async function superuser(): Promise<Client> {
  const owner = new URL(ownerUrl());
  const local = owner.port === '5432' || owner.port === '';
  const passwords = local ? ['', EMBEDDED_SUPERUSER_PASSWORD] : [EMBEDDED_SUPERUSER_PASSWORD, ''];
  const problems: string[] = [];
  for (const password of passwords) {
    const client = new Client({
      connectionString: withCredentials(ownerUrl(), 'postgres', password),
      connectionTimeoutMillis: 5000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query(
        'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
      );
      if (rows[0]?.rolsuper) return client;
      problems.push(`postgres${password ? ' (embedded password)' : ' (trust)'}: not a superuser`);
      await client.end();
    } catch (error) {
      problems.push(
        `postgres${password ? ' (embedded password)' : ' (trust)'}: ${(error as Error).message}`,
      );
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(
    `test/faults.test.ts needs a superuser on ${owner.hostname}:${owner.port} to call ` +
      `pg_terminate_backend, and none worked: ${problems.join('; ')}`,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it returns a value, at most `tries` times. */
async function eventually<T>(
  check: () => Promise<T | null>,
  tries = 50,
  everyMs = 100,
): Promise<T | null> {
  for (let i = 0; i < tries; i++) {
    const value = await check();
    if (value !== null) return value;
    await sleep(everyMs);
  }
  return null;
}

const SERVICES = '{ services { id } }';
const isOk = (r: GqlResult) => r.status === 200 && !r.body.errors && !!r.body.data;
const isUnavailable = (r: GqlResult) =>
  r.status === 503 && errorCode(r) === 'SERVICE_UNAVAILABLE' && !r.body.data;

describe('database faults', () => {
  let server: RunningHoldspace;
  let su: Client;
  let member: { token: string; org: { id: string } };
  const call = (query: string, variables: Record<string, unknown> = {}) =>
    gql(server.url, query, variables, { token: member.token, org: member.org.id });
  const alive = async (pids: number[]) =>
    (
      await su.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])',
        [pids],
      )
    ).rows[0].n;

  beforeAll(async () => {
    su = await superuser();
    server = await startTestServer({ DB_POOL_SIZE: '4' }, [FaultProbeResolver]);
    member = await signedInMember(server, 'ORG_ADMIN');
  });
  afterAll(async () => {
    await server?.stop();
    await su?.end();
  });
  beforeEach(() => {
    probe.pids.clear();
    probe.between = null;
  });

  it('ends every pool connection: the server keeps serving and recovers within seconds', async () => {
    // Open the pool's connections (4 requests holding one each) and learn their pids.
    const held = await Promise.all([1, 2, 3, 4].map(() => call(PROBE, { ms: 300 })));
    expect(held.every(isOk)).toBe(true);
    const pids = [...probe.pids];
    expect(pids.length).toBeGreaterThanOrEqual(2);

    const { rows } = await su.query<{ n: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
         FROM pg_stat_activity WHERE pid = ANY($1::int[]) AND application_name = 'holdspace-api'`,
      [pids],
    );
    expect(rows[0].n).toBe(pids.length);
    expect(await eventually(async () => ((await alive(pids)) === 0 ? true : null))).toBe(true);

    const started = Date.now();
    const answers: GqlResult[] = [];
    const recovered = await eventually(async () => {
      const answer = await call(SERVICES);
      answers.push(answer);
      return isOk(answer) ? answer : null;
    });
    expect(recovered).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
    // Anything before the first success was a coded 503, never a 500 or a hang.
    expect(answers.filter((a) => !isOk(a)).every(isUnavailable)).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('a request in flight when its connection is ended answers 503 SERVICE_UNAVAILABLE at once', async () => {
    let inFlight!: (pid: number) => void;
    const pid = new Promise<number>((resolve) => (inFlight = resolve));
    probe.between = async (p) => inFlight(p);
    const sent = Date.now();
    const answer = call(PROBE, { ms: 10_000 });
    const backend = await pid;
    // Wait (bounded) until the sleep is running on that connection, then end it.
    const sleeping = await eventually(async () => {
      const { rows } = await su.query(
        `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND query LIKE '%pg_sleep%'`,
        [backend],
      );
      return rows.length ? true : null;
    });
    expect(sleeping).toBe(true);
    await su.query('SELECT pg_terminate_backend($1)', [backend]);

    const result = await answer;
    expect({ status: result.status, code: errorCode(result), data: result.body.data }).toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      data: null,
    });
    expect(Date.now() - sent).toBeLessThan(5000); // not the 10 s sleep: no hang
    expect(JSON.stringify(result.body)).not.toMatch(/terminat|pg_sleep|QueryFailed/i);

    const next = await eventually(async () => {
      const r = await call(SERVICES);
      return isOk(r) ? r : null;
    });
    expect(next).not.toBeNull();
  });

  // Found by `pnpm faults`: when a connection dies between two statements of a request,
  // TypeORM releases the query runner and the next statement fails with
  // QueryRunner(Provider)AlreadyReleasedError; errors/database-errors.ts treats those as
  // "database unavailable".
  it('a connection ended between two statements of a request answers 503 SERVICE_UNAVAILABLE', async () => {
    probe.between = async (pid) => {
      await su.query('SELECT pg_terminate_backend($1)', [pid]);
      await eventually(async () => ((await alive([pid])) === 0 ? true : null));
      await sleep(100); // the API's client has read the termination by now
    };
    const result = await call(PROBE, { ms: 1 });
    expect({ status: result.status, code: errorCode(result), data: result.body.data }).toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      data: null,
    });
  });

  it('/readyz and every request say 503 while the database is away, and recover when it is back', async () => {
    const proxy = await startProxy(new URL(appUrl()));
    const proxiedAppUrl = new URL(appUrl());
    proxiedAppUrl.hostname = '127.0.0.1';
    proxiedAppUrl.port = String(proxy.port);
    const config = testConfig({ DB_POOL_SIZE: '2' });
    const cut = await startHoldspace(config, createLogger('silent'), {
      database: {
        ownerUrl: ownerUrl(),
        appUrl: proxiedAppUrl.toString(),
        embedded: false,
        stop: async () => undefined,
      },
    });
    try {
      const someone = await signedInMember(cut, 'ORG_ADMIN');
      const ask = () => gql(cut.url, SERVICES, {}, { token: someone.token, org: someone.org.id });
      const ready = async () => (await fetch(`${cut.url}/readyz`)).status;
      expect(await ready()).toBe(200);
      expect(isOk(await ask())).toBe(true);

      await proxy.cut();
      expect(await eventually(async () => ((await ready()) === 503 ? true : null), 10, 300)).toBe(
        true,
      );
      const asked = Date.now();
      const away = await ask();
      expect({ status: away.status, code: errorCode(away) }).toEqual({
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
      });
      expect(Date.now() - asked).toBeLessThan(6000);
      expect((await fetch(`${cut.url}/healthz`)).status).toBe(200); // the process is up

      await proxy.restore();
      expect(await eventually(async () => ((await ready()) === 200 ? true : null))).toBe(true);
      const back = await eventually(async () => {
        const r = await ask();
        return isOk(r) ? r : null;
      });
      expect(back).not.toBeNull();
    } finally {
      await cut.stop();
      await proxy.close();
    }
  });
});

/**
 * A loopback TCP proxy to the database that can be cut (existing connections
 * destroyed, new ones refused) and restored on the same port.
 */
async function startProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const host = target.hostname === 'localhost' ? '127.0.0.1' : target.hostname;
  const targetPort = Number(target.port || 5432);
  let server: net.Server;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  const stop = async () => {
    for (const s of sockets) s.destroy();
    if (server.listening) await new Promise((r) => server.close(r));
  };
  return {
    port,
    cut: stop,
    restore: () => listen(port),
    close: stop,
  };
}
