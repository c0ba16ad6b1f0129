import { Client } from 'pg';

/**
 * The database roles. Migrations run as the OWNER; the API connects as APP, a
 * login role that owns nothing and has neither SUPERUSER nor BYPASSRLS, so
 * row-level security always applies to it.
 */
export const OWNER_ROLE = 'holdspace_owner';
export const APP_ROLE = 'holdspace_app';

/** A copy of `url` with another user and password. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the app role if it is missing (idempotent) and refuses to go on if
 * it could bypass row-level security. `adminUrl` needs CREATEROLE (or superuser)
 * to create it; an existing role only has its password set, where permitted.
 */
export async function ensureAppRole(adminUrl: string, password: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const pw = client.escapeLiteral(password);
    const { rows } = await client.query(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    if (rows.length === 0) {
      await client.query(
        `CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${pw}`,
      );
      return;
    }
    if (rows[0].rolsuper || rows[0].rolbypassrls) {
      throw new Error(
        `The role ${APP_ROLE} is a superuser or has BYPASSRLS; row-level security would not apply to it.`,
      );
    }
    try {
      await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${pw}`);
    } catch (error) {
      // Not permitted (the role was made by someone else): it keeps the password it has.
      if ((error as { code?: string }).code !== '42501') throw error;
    }
  });
}

/** With a superuser connection: the owner role, the app role and the database (idempotent). */
export async function bootstrapCluster(
  superuserUrl: string,
  database: string,
  ownerPassword: string,
  appPassword: string,
): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [OWNER_ROLE]);
    if (rows.length === 0) {
      await client.query(
        `CREATE ROLE ${OWNER_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS CREATEDB CREATEROLE PASSWORD ${client.escapeLiteral(ownerPassword)}`,
      );
    }
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (db.rows.length === 0) {
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(database)} OWNER ${OWNER_ROLE}`,
      );
    }
  });
  await ensureAppRole(superuserUrl, appPassword);
  await withClient(withDatabase(superuserUrl, database), async (client) => {
    // The owner creates the schema's objects; PostgreSQL 15 no longer lets
    // every role create in `public`, so hand the schema to the owner.
    await client.query(`ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
  });
}
