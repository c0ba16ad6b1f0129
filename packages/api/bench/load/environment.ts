import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays } from '@holdspace/shared';
import { hashPassword } from '../../src/auth/password';
import { loadConfig, type Config } from '../../src/config/config';
import { createLogger, type Logger } from '../../src/config/logger';
import { embeddedDataDirFor, migrate, provideDatabase } from '../../src/db/database';
import type { ProvidedDatabase } from '../../src/db/database';
import { databaseName, withCredentials, withDatabase } from '../../src/db/roles';
import { generateOrganisation } from '../../src/demo/generate';
import { insertRows, loadOrganisation } from '../../src/demo/load';
import { seededRandom, seededUuid } from '../../src/demo/random';
import { startHoldspace, type RunningHoldspace } from '../../src/server';
import { withTenant } from '../../src/tenancy/request-db';

/**
 * What the load and fault runs share: a database of their own (a dedicated
 * embedded PostgreSQL, or a database of their own name on DATABASE_URL's
 * server), recreated on every run; the API started in this process on a free
 * loopback port; one organisation of realistic demo data and signed-in users.
 */

export const progress = (message: string) => process.stderr.write(`  ${message}\n`);

/** A whole-number setting from the environment (`fallback` when unset); throws outside [min, max]. */
export function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** Runs a run's `main`; an error is printed (with its stack) and ends the process with 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  });
}

/** The API's configuration for a run: loopback, a free port, silent logs, no demo data. */
export function runConfig(options: { embeddedOnly: boolean }): Config {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'silent',
    SEED_DEMO: 'false',
  };
  if (options.embeddedOnly) {
    delete env.DATABASE_URL;
    delete env.APP_DATABASE_URL;
  }
  return loadConfig(env);
}

export const runLogger = (config: Config): Logger => createLogger(config.logLevel);

export interface DatabaseChoice {
  /** The database's name (on DATABASE_URL's server, or in the embedded cluster). */
  database: string;
  /** The embedded cluster's folder under .data/ and its port. */
  dataDirName: string;
  port: number;
}

/** The run's database, freshly emptied and migrated. */
export async function provideRunDatabase(
  config: Config,
  logger: Logger,
  choice: DatabaseChoice,
): Promise<ProvidedDatabase> {
  const database = await startRunDatabase(config, logger, choice);
  try {
    await recreate(database.ownerUrl);
    await migrate(database.ownerUrl);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

/** Starts (or, for the embedded cluster, starts again) the run's database, data kept. */
export function startRunDatabase(
  config: Config,
  logger: Logger,
  choice: DatabaseChoice,
): Promise<ProvidedDatabase> {
  return provideDatabase(
    config,
    logger,
    config.databaseUrl
      ? { database: choice.database }
      : {
          database: choice.database,
          dataDir: embeddedDataDirFor(config, choice.dataDirName),
          port: choice.port,
        },
  );
}

/** Drops and creates the run's database as its owner (every run starts from nothing). */
async function recreate(ownerUrl: string): Promise<void> {
  const name = databaseName(ownerUrl);
  if (!/^holdspace_(load|faults)$/.test(name))
    throw new Error(`Refusing to reset "${name}": only holdspace_load and holdspace_faults.`);
  const admin = new Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

/**
 * A superuser connection to the run's database: a trusted `postgres` (CI's local
 * server) or the embedded cluster's superuser. Throws, naming both attempts, when
 * neither works.
 */
export async function superuserUrlFor(ownerUrl: string): Promise<string> {
  const tried: string[] = [];
  for (const password of ['', 'holdspace_embedded']) {
    const url = withCredentials(ownerUrl, 'postgres', password);
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query(
        'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
      );
      await client.end();
      if (rows[0]?.rolsuper) return url;
      tried.push(`postgres${password ? ' (embedded password)' : ''}: not a superuser`);
    } catch (error) {
      tried.push(`postgres${password ? ' (embedded password)' : ''}: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`No superuser connection to the run's database (${tried.join('; ')}).`);
}

/** Runs one statement on a new connection and closes it. */
export async function queryOnce<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The API, in this process, over the given database (which it does not stop). */
export function startApi(
  config: Config,
  logger: Logger,
  database: ProvidedDatabase,
): Promise<RunningHoldspace> {
  return startHoldspace(config, logger, {
    database: { ...database, stop: async () => undefined },
  });
}

/** The run's database (emptied and migrated), then the API over it; if the API fails to start, the database is stopped. */
export async function startDatabaseAndApi(
  config: Config,
  logger: Logger,
  choice: DatabaseChoice,
): Promise<{ database: ProvidedDatabase; api: RunningHoldspace }> {
  const database = await provideRunDatabase(config, logger, choice);
  const api = await startApi(config, logger, database).catch(async (error) => {
    await database.stop();
    throw error;
  });
  return { database, api };
}

export interface SignedIn {
  userId: string;
  token: string;
}

export interface SeededOrganisation {
  tenantId: string;
  staffCount: number;
  rows: { staff: number; agreements: number; sessions: number; absences: number };
  serviceNames: string[];
  /** Organisation admin (the overview, the staff list, imports). */
  admin: SignedIn;
  /** A supervisor in post, with a user, and one of their supervisees in post. */
  supervisor: SignedIn & { supervisorId: string; staffId: string };
  superviseeId: string;
  /** Staff references of people in post (for import files). */
  inPostRefs: string[];
  /** A date both are in post on, in the past: for sessions recorded as held. */
  sessionDate: string;
}

export const SERVICE_NAMES = [
  'Outreach',
  'Counselling',
  'Family support',
  'Young people',
  'Safeguarding',
  'Bereavement',
];
export const BENCH_PASSWORD = 'holdspace-bench-password';

/**
 * One organisation of `staffCount` people made by the demo generator (three
 * years of agreements, sessions and absences), an admin and a supervisor user,
 * both signed in through the API (Bearer tokens).
 */
export async function seedOrganisation(
  api: RunningHoldspace,
  ownerUrl: string,
  options: { staffCount: number; seed: number; refPrefix: string },
): Promise<SeededOrganisation> {
  const ds = api.dataSource;
  const random = seededRandom(options.seed);
  const today = new Date().toISOString().slice(0, 10);
  const data = generateOrganisation(random, {
    refPrefix: options.refPrefix,
    serviceNames: SERVICE_NAMES,
    staffCount: options.staffCount,
    today,
    years: 3,
  });
  const inPost = (s: { start_date: string; end_date: string | null }) =>
    s.end_date === null && s.start_date <= addDays(today, -30);
  const staffById = new Map(data.staff.map((s) => [s.id, s]));

  // A supervisor in post with a supervisee in post under a current agreement.
  let pair: { supervisor: Record<string, unknown>; superviseeId: string } | null = null;
  for (const supervisor of data.supervisors.filter((s) => s.kind === 'INTERNAL')) {
    const staff = staffById.get(supervisor.staff_id as string)!;
    if (!inPost(staff)) continue;
    const agreement = data.agreements.find((a) => {
      const supervisee = staffById.get(a.staff_id as string)!;
      return (
        a.supervisor_id === supervisor.id &&
        a.end_date === null &&
        supervisee.id !== staff.id &&
        supervisee.requires_supervision &&
        inPost(supervisee)
      );
    });
    if (agreement) {
      pair = { supervisor, superviseeId: agreement.staff_id as string };
      break;
    }
  }
  if (!pair)
    throw new Error(
      'The generated organisation has no supervisor in post with a supervisee: raise the staff count.',
    );

  const tenantId = seededUuid(random);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = {
    admin: { id: randomUUID(), email: `admin-${tenantId}@bench.example` },
    supervisor: { id: randomUUID(), email: `supervisor-${tenantId}@bench.example` },
  };
  for (const user of Object.values(users)) {
    await ds.query(
      'INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)',
      [user.id, user.email, 'Bench User', passwordHash],
    );
  }
  staffById.get(pair.supervisor.staff_id as string)!.user_id = users.supervisor.id;

  await withTenant(ds, { userId: null, tenantId }, async (db) => {
    const query = (sql: string, params: unknown[]) => db.query(sql, params);
    await query('INSERT INTO organisations (id, name, slug, kind) VALUES ($1, $2, $3, $4)', [
      tenantId,
      'Bench Family Support',
      `bench-${tenantId}`,
      'NGO',
    ]);
    await loadOrganisation(query, tenantId, data);
    await insertRows(query, 'memberships', tenantId, [
      { id: randomUUID(), user_id: users.admin.id, role: 'ORG_ADMIN' },
      { id: randomUUID(), user_id: users.supervisor.id, role: 'SUPERVISOR' },
    ]);
  });
  await queryOnce(ownerUrl, 'ANALYZE');

  const supervisee = staffById.get(pair.superviseeId)!;
  const supervisorStaff = staffById.get(pair.supervisor.staff_id as string)!;
  const latestStart =
    supervisee.start_date > supervisorStaff.start_date
      ? supervisee.start_date
      : supervisorStaff.start_date;
  const yesterday = addDays(today, -1);
  return {
    tenantId,
    staffCount: data.staff.length,
    rows: {
      staff: data.staff.length,
      agreements: data.agreements.length,
      sessions: data.sessions.length,
      absences: data.absences.length,
    },
    serviceNames: SERVICE_NAMES,
    admin: { userId: users.admin.id, token: await signIn(api.url, users.admin.email) },
    supervisor: {
      userId: users.supervisor.id,
      token: await signIn(api.url, users.supervisor.email),
      supervisorId: pair.supervisor.id as string,
      staffId: supervisorStaff.id,
    },
    superviseeId: supervisee.id,
    inPostRefs: data.staff.filter(inPost).map((s) => s.staff_ref),
    sessionDate: latestStart < yesterday ? yesterday : latestStart,
  };
}

/** Signs in through the API, as an API client does, and returns the Bearer token. */
export async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { email, password: BENCH_PASSWORD, issueBearerToken: true } },
    }),
  });
  const body = (await response.json()) as {
    data?: { signIn?: { token?: string } };
    errors?: unknown;
  };
  const token = body.data?.signIn?.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
  return token;
}

/** Headers of an authenticated GraphQL request. */
export const authHeaders = (token: string, tenantId: string): Record<string, string> => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
  'x-holdspace-org': tenantId,
});
