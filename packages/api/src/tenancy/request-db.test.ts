import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { appUrl, connect, createOrganisation } from '../../test/helpers';
import { RequestDb, withTenant } from './request-db';

/** The request's one connection, asked by many resolvers and loaders at once. */
describe('a request’s statements on its one connection', () => {
  let app: DataSource;
  let org: { id: string };
  /** The most statements any one connection was given before answering the one before. */
  let mostAtOnce = 0;
  const running = new WeakMap<object, number>();
  const sendToServer = Client.prototype.query;

  beforeAll(async () => {
    app = await connect(appUrl(), 2);
    org = await createOrganisation(app);
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (
      this: Client,
      ...args: unknown[]
    ) {
      const now = (running.get(this) ?? 0) + 1;
      running.set(this, now);
      mostAtOnce = Math.max(mostAtOnce, now);
      const answer = (sendToServer as (...a: unknown[]) => unknown).apply(this, args);
      const settled = (): void => void running.set(this, (running.get(this) ?? 1) - 1);
      if (answer instanceof Promise) answer.then(settled, settled);
      else settled();
      return answer;
    } as typeof Client.prototype.query);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await app.destroy();
  });

  it('sends statements asked for in parallel one after another, each with its own answer', async () => {
    mostAtOnce = 0;
    const answers = await withTenant(app, { userId: null, tenantId: org.id }, (db) =>
      Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          db.query<{ n: number }>('SELECT $1::int AS n, pg_sleep(0.002)', [i]),
        ),
      ),
    );
    expect(answers.map((rows) => rows[0]?.n)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    // pg queues a statement asked for while one is running, with a deprecation warning; pg 9 will throw.
    expect(mostAtOnce).toBe(1);
  });

  it('answers a failed statement with its error and still settles the ones queued after it', async () => {
    const db = new RequestDb(app, { userId: null, tenantId: org.id });
    const results = await Promise.allSettled([
      db.query('SELECT 1 AS n'),
      db.query('SELECT 1 / 0'),
      db.query('SELECT 3 AS n'),
    ]);
    await db.finish(false);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    // The transaction is aborted after an error, as PostgreSQL says; nothing hangs.
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/aborted/);
    expect(db.statements).toBeGreaterThanOrEqual(3);
  });
});
