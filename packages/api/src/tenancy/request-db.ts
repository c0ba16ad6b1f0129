import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { refreshMarkedRollup } from '../commissioning/rollup.service';
import { InternalError } from '../errors/app-errors';

/** SQL that may write a row (anything else is a read; a false positive only costs a read). */
const WRITES = /\b(INSERT|UPDATE|DELETE|MERGE|COPY|TRUNCATE|CALL)\b/i;

export interface DbIdentity {
  readonly userId: string | null;
  tenantId: string | null;
}

/**
 * All of a request's database work: one connection, one transaction, opened on
 * first use, which first sets the request's tenant and user with
 * `set_config(..., true)` (transaction-local, so a pooled connection never
 * carries them to the next request). Committed when the request succeeds,
 * rolled back when any error occurred: nothing is ever half-written.
 */
export class RequestDb {
  private runner: QueryRunner | null = null;
  private ready: Promise<EntityManager> | null = null;
  private finished = false;
  /** Statements sent by this request (for the no-N+1 tests and logs). */
  statements = 0;
  /** Whether a statement that may write was sent (a read-only request skips the rollup check). */
  private mayHaveWritten = false;
  /** The statement sent last: the next waits for it (one connection runs one at a time). */
  private lastStatement: Promise<unknown> = Promise.resolve();

  /**
   * @param whenNoTenant the error for tenant work in a request that acts in no
   * organisation (signed out: UNAUTHENTICATED; no organisation chosen: FORBIDDEN).
   * Outside requests, tenant work without a tenant is a programming error.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly identity: DbIdentity,
    private readonly whenNoTenant: () => Error = () =>
      new InternalError('tenant work attempted without a tenant'),
  ) {}

  /**
   * Chooses the tenant once the membership is known. If the transaction has
   * begun, the setting is changed inside it (still transaction-local).
   */
  async actAs(tenantId: string): Promise<void> {
    if (this.identity.tenantId && this.identity.tenantId !== tenantId) {
      throw new InternalError('a request cannot change tenant');
    }
    this.identity.tenantId = tenantId;
    if (this.ready) {
      await this.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    }
  }

  /** The tenant this request acts in. Tenant work without one fails closed. */
  get tenantId(): string {
    if (!this.identity.tenantId) throw this.whenNoTenant();
    return this.identity.tenantId;
  }

  get hasTenant(): boolean {
    return this.identity.tenantId !== null;
  }

  /** The transaction's entity manager (begins the transaction on first call). */
  manager(): Promise<EntityManager> {
    if (this.finished)
      return Promise.reject(new InternalError('request transaction already finished'));
    this.ready ??= this.begin();
    return this.ready;
  }

  /** Runs SQL in the request's transaction. Every tenant query names tenant_id explicitly too. */
  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const manager = await this.manager();
    return (await manager.query(sql, parameters)) as T[];
  }

  private async begin(): Promise<EntityManager> {
    const runner = this.dataSource.createQueryRunner();
    this.runner = runner;
    // Every statement this request sends, through query() or the entity manager, is counted
    // and sent after the one before has settled: resolvers and DataLoaders ask in parallel,
    // but a connection runs one statement at a time, and pg will stop queueing them itself.
    const send = runner.query.bind(runner);
    runner.query = ((...args: Parameters<QueryRunner['query']>) => {
      this.statements++;
      if (!this.mayHaveWritten && WRITES.test(args[0])) this.mayHaveWritten = true;
      const result = this.lastStatement.then(() => send(...args));
      this.lastStatement = result.catch(() => undefined);
      return result;
    }) as QueryRunner['query'];
    await runner.connect();
    await runner.startTransaction();
    await runner.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`,
      [this.identity.tenantId ?? '', this.identity.userId ?? ''],
    );
    return runner.manager;
  }

  /** Commits (ok) or rolls back, and returns the connection to the pool. Idempotent. */
  async finish(ok: boolean): Promise<void> {
    if (this.finished) return;
    if (ok && this.runner && this.mayHaveWritten && this.identity.tenantId) {
      // The shared rollup follows the records before they commit (docs/commissioning.md):
      // every writing transaction of a tenant (request, import, command, seed) commits here.
      try {
        await this.ready;
        await refreshMarkedRollup(this);
      } catch (error) {
        await this.finish(false);
        throw error;
      }
    }
    this.finished = true;
    const runner = this.runner;
    if (!runner) return;
    try {
      await this.ready;
      if (ok) await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (ok) throw error;
    } finally {
      await runner.release();
    }
  }
}

/**
 * A tenant transaction outside a GraphQL request (seeding, the command line,
 * tests): runs `fn` and commits, or rolls back and rethrows.
 */
export async function withTenant<T>(
  dataSource: DataSource,
  identity: DbIdentity,
  fn: (db: RequestDb) => Promise<T>,
): Promise<T> {
  const db = new RequestDb(dataSource, identity);
  try {
    const result = await fn(db);
    await db.finish(true);
    return result;
  } catch (error) {
    await db.finish(false);
    throw error;
  }
}
