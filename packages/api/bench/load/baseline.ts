import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from '../../src/db/data-source';

/**
 * The baseline of the load run: a plain Express + pg handler doing the same
 * database work as the API for a request, and nothing else.
 *
 * "The same work" is taken from the API itself, not rewritten by hand: one
 * request of each kind is sent to the API while every statement its pool's
 * connections send is recorded (text and parameters, in order: the session
 * lookup, START TRANSACTION, the tenant's set_config, the membership reads, the
 * resolvers' SQL, COMMIT). The baseline replays that list on one pooled
 * connection of the same role (holdspace_app, under row-level security), and
 * answers the rows as JSON. Values the API generates per request (a new
 * session's id, its reference, the audit event's id, the request id) are
 * replaced by fresh ones on every replay, so writes stay writes.
 */
export interface Statement {
  text: string;
  values: unknown[];
}

type QueryFn = (this: PgClientLike, ...args: unknown[]) => unknown;
interface PgClientLike {
  connectionParameters?: { application_name?: string };
}

/** Records the statements the API's pool sends while `send` runs (nothing else may run). */
export async function captureStatements(
  dataSource: DataSource,
  send: () => Promise<void>,
): Promise<Statement[]> {
  const pool = poolOf(dataSource) as unknown as { Client: { prototype: { query: QueryFn } } };
  const prototype = pool.Client.prototype;
  const original = prototype.query;
  const captured: Statement[] = [];
  prototype.query = function (this: PgClientLike, ...args: unknown[]) {
    if (
      this.connectionParameters?.application_name === 'holdspace-api' &&
      typeof args[0] === 'string'
    ) {
      captured.push({ text: args[0], values: Array.isArray(args[1]) ? [...args[1]] : [] });
    }
    return original.apply(this, args);
  };
  try {
    await send();
  } finally {
    prototype.query = original;
  }
  if (captured.length === 0) throw new Error('No statement was captured from the API pool.');
  return captured;
}

export interface BaselineRoute {
  statements: Statement[];
  /** Values to replace by fresh ones on each replay (generated ids and references). */
  fresh: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RunningBaseline {
  url: string;
  stop(): Promise<void>;
}

/** Starts the baseline on a free loopback port: POST /<route> replays that route's statements. */
export async function startBaseline(
  appUrl: string,
  poolSize: number,
  routes: Record<string, BaselineRoute>,
): Promise<RunningBaseline> {
  const pool = new Pool({
    connectionString: appUrl,
    max: poolSize,
    application_name: 'holdspace-baseline',
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', () => undefined);
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: 1024 * 1024 }));
  for (const [name, route] of Object.entries(routes)) {
    app.post(`/${name}`, async (_req, res) => {
      const swap = new Map(
        route.fresh.map((v) => [v, UUID.test(v) ? randomUUID() : `B-${randomUUID()}`]),
      );
      const fresh = (value: unknown): unknown =>
        typeof value === 'string' && swap.has(value)
          ? swap.get(value)
          : Array.isArray(value)
            ? value.map(fresh)
            : value;
      let client;
      try {
        client = await pool.connect();
      } catch {
        res.status(503).json({ errors: [{ message: 'no connection' }] });
        return;
      }
      try {
        const rows: unknown[] = [];
        for (const statement of route.statements) {
          const result = await client.query(statement.text, statement.values.map(fresh));
          if (result.rows?.length) rows.push(result.rows);
        }
        res.json({ data: rows });
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        res.status(500).json({ errors: [{ message: (error as Error).message }] });
      } finally {
        client.release();
      }
    });
  }
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
