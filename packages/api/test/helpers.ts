import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { buildSchema } from 'type-graphql';
import type { Role } from '@holdspace/shared';
import { hashPassword } from '../src/auth/password';
import { loadConfig, type Config } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { createDataSource } from '../src/db/data-source';
import { TENANT_TABLES_SQL } from '../src/db/schema-guard';
import { startHoldspace, type RunningHoldspace } from '../src/server';
import type { RequestContext } from '../src/tenancy/context';
import { withTenant } from '../src/tenancy/request-db';

export const ownerUrl = () => required('HOLDSPACE_TEST_OWNER_URL');
export const appUrl = () => required('HOLDSPACE_TEST_APP_URL');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup).`);
  return value;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
    SEED_DEMO: 'false',
    ...env,
  });
}

/** A real Holdspace server (HTTP on a free port) over the test database. */
export async function startTestServer(
  env: Record<string, string> = {},
  extraResolvers: Function[] = [],
  onRequestFinished?: (ctx: RequestContext) => void,
): Promise<RunningHoldspace> {
  const config = testConfig(env);
  return startHoldspace(config, createLogger(config.logLevel), {
    extraResolvers,
    onRequestFinished,
    database: {
      ownerUrl: ownerUrl(),
      appUrl: appUrl(),
      embedded: false,
      stop: async () => undefined,
    },
  });
}

export async function connect(url: string, poolSize = 4): Promise<DataSource> {
  const ds = createDataSource(url, { applicationName: 'holdspace-test', poolSize });
  await ds.initialize();
  return ds;
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{
      message: string;
      path?: ReadonlyArray<string | number>;
      extensions?: Record<string, unknown>;
    }>;
  };
  headers: Headers;
}

/** Sends one GraphQL operation over HTTP, as a client would. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; org?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<GqlResult<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.org) headers['x-holdspace-org'] = options.org;
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: GqlResult<T>['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`Not JSON (HTTP ${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, body, headers: response.headers };
}

export const errorCode = (result: GqlResult<unknown>) => result.body.errors?.[0]?.extensions?.code;

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

/** Factories: each test makes its own organisations and people. */
export async function createUser(
  ds: DataSource,
  overrides: { email?: string; displayName?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = {
    id: randomUUID(),
    email: overrides.email ?? `user-${randomUUID()}@example.org`,
    displayName: overrides.displayName ?? 'Test User',
  };
  await ds.query(
    'INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)',
    [user.id, user.email, user.displayName, await passwordHash],
  );
  return user;
}

export async function createOrganisation(
  ds: DataSource,
  overrides: { name?: string; kind?: string } = {},
) {
  const id = randomUUID();
  await withTenant(ds, { userId: null, tenantId: id }, (db) =>
    db.query('INSERT INTO organisations (id, name, slug, kind) VALUES ($1, $2, $3, $4)', [
      id,
      overrides.name ?? `Org ${id.slice(0, 8)}`,
      `org-${id}`.slice(0, 60),
      overrides.kind ?? 'NGO',
    ]),
  );
  return { id };
}

export async function addMembership(ds: DataSource, tenantId: string, userId: string, role: Role) {
  const id = randomUUID();
  await withTenant(ds, { userId: null, tenantId }, (db) =>
    db.query('INSERT INTO memberships (tenant_id, id, user_id, role) VALUES ($1, $2, $3, $4)', [
      tenantId,
      id,
      userId,
      role,
    ]),
  );
  return { id };
}

export async function createService(
  ds: DataSource,
  tenantId: string,
  name = `Service ${randomUUID().slice(0, 6)}`,
) {
  const id = randomUUID();
  await withTenant(ds, { userId: null, tenantId }, (db) =>
    db.query('INSERT INTO services (tenant_id, id, name) VALUES ($1, $2, $3)', [
      tenantId,
      id,
      name,
    ]),
  );
  return { id };
}

export async function createStaff(
  ds: DataSource,
  tenantId: string,
  serviceId: string,
  overrides: { startDate?: string } = {},
) {
  const id = randomUUID();
  await withTenant(ds, { userId: null, tenantId }, (db) =>
    db.query(
      `INSERT INTO staff_members (tenant_id, id, service_id, staff_ref, display_name, fte, start_date)
       VALUES ($1, $2, $3, $4, 'Staff Member', 1, $5)`,
      [tenantId, id, serviceId, `REF-${id.slice(0, 8)}`, overrides.startDate ?? '2024-01-01'],
    ),
  );
  return { id };
}

/** An organisation with one user of the given role, signed in with a Bearer token. */
export async function signedInMember(server: RunningHoldspace, role: Role = 'ORG_ADMIN') {
  const ds = server.dataSource;
  const org = await createOrganisation(ds);
  const user = await createUser(ds);
  await addMembership(ds, org.id, user.id, role);
  const token = await signInToken(server.url, user.email);
  return { org, user, token };
}

export async function signInToken(
  url: string,
  email: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const result = await gql<{ signIn: { token: string } }>(
    url,
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email, password, issueBearerToken: true } },
  );
  const token = result.body.data?.signIn.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(result.body.errors)}`);
  return token;
}

/* ---- people domain (services, staff, supervisors) ---- */

/** Runs SQL in one organisation (as the API's role, under row-level security). */
export function asTenant<T = any>(
  ds: DataSource,
  tenantId: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return withTenant(ds, { userId: null, tenantId }, (db) => db.query<T>(sql, params));
}

/** A user with `role` in an existing organisation, signed in (managers: with their services). */
export async function memberOf(
  server: RunningHoldspace,
  tenantId: string,
  role: Role,
  options: { managedServiceIds?: string[] } = {},
) {
  const ds = server.dataSource;
  const user = await createUser(ds);
  const membership = await addMembership(ds, tenantId, user.id, role);
  for (const serviceId of options.managedServiceIds ?? []) {
    await asTenant(
      ds,
      tenantId,
      'INSERT INTO membership_services (tenant_id, membership_id, service_id) VALUES ($1, $2, $3)',
      [tenantId, membership.id, serviceId],
    );
  }
  const token = await signInToken(server.url, user.email);
  return { user, membership, token, org: tenantId };
}

/** A signed-in member of an organisation, as `memberOf` makes them. */
export type Member = Awaited<ReturnType<typeof memberOf>>;

/** A new organisation (optionally named, of a kind) with one signed-in admin. */
export async function organisationWithAdmin(
  server: RunningHoldspace,
  overrides: { name?: string; kind?: string } = {},
) {
  const org = await createOrganisation(server.dataSource, overrides);
  const admin = await memberOf(server, org.id, 'ORG_ADMIN');
  return { org, admin };
}

/* ---- calling the API as someone ---- */

/** Who sends a request: a bearer token and the organisation it acts in. */
export interface Caller {
  token: string;
  org: string;
}

/**
 * `call(who, query, variables)`: one GraphQL operation as `who`. Takes the server
 * as a getter, since tests start it in `beforeAll`.
 */
export function callerOf(server: () => RunningHoldspace) {
  return (who: Caller, query: string, variables: Record<string, unknown> = {}) =>
    gql(server().url, query, variables, { token: who.token, org: who.org });
}

/** The input field the first error names (BAD_USER_INPUT), if any. */
export const errorField = (result: GqlResult<unknown>) =>
  result.body.errors?.[0]?.extensions?.field;

/** The request failed with `code` (naming `field`, or none) and returned no data. */
export function expectError(result: GqlResult<unknown>, code: string, field?: string) {
  expect({ code: errorCode(result), field: errorField(result) }).toEqual({ code, field });
  expect(result.body.data ?? null).toBeNull();
}

/** A staff member with chosen fields (SQL, no API), optionally linked to a user. */
export async function insertStaff(
  ds: DataSource,
  tenantId: string,
  serviceId: string,
  fields: {
    displayName?: string | null;
    staffRef?: string | null;
    startDate?: string;
    endDate?: string | null;
    leavingReason?: string | null;
    practitionerType?: string | null;
    fte?: number;
    userId?: string | null;
  } = {},
) {
  const id = randomUUID();
  await asTenant(
    ds,
    tenantId,
    `INSERT INTO staff_members (tenant_id, id, service_id, staff_ref, display_name, fte, start_date,
       end_date, leaving_reason, practitioner_type, user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      tenantId,
      id,
      serviceId,
      fields.staffRef === undefined ? `REF-${id.slice(0, 8)}` : fields.staffRef,
      fields.displayName === undefined ? 'Staff Member' : fields.displayName,
      fields.fte ?? 1,
      fields.startDate ?? '2024-01-01',
      fields.endDate ?? null,
      fields.leavingReason ?? (fields.endDate ? 'RESIGNATION' : null),
      fields.practitionerType ?? null,
      fields.userId ?? null,
    ],
  );
  return { id };
}

/** A supervisor row: internal (a staff member) or external (a name). */
export async function insertSupervisor(
  ds: DataSource,
  tenantId: string,
  of: { staffId: string } | { name: string },
) {
  const id = randomUUID();
  await asTenant(
    ds,
    tenantId,
    'INSERT INTO supervisors (tenant_id, id, kind, staff_id, name) VALUES ($1, $2, $3, $4, $5)',
    'staffId' in of
      ? [tenantId, id, 'INTERNAL', of.staffId, null]
      : [tenantId, id, 'EXTERNAL', null, of.name],
  );
  return { id };
}

/** A supervision agreement (SQL, no API). */
export async function insertAgreement(
  ds: DataSource,
  tenantId: string,
  fields: {
    staffId: string;
    supervisorId: string;
    startDate?: string;
    endDate?: string | null;
    interval?: string;
    reviewDueDate?: string | null;
  },
) {
  const id = randomUUID();
  await asTenant(
    ds,
    tenantId,
    `INSERT INTO supervision_agreements (tenant_id, id, staff_id, supervisor_id, interval, start_date,
       end_date, review_due_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      tenantId,
      id,
      fields.staffId,
      fields.supervisorId,
      fields.interval ?? 'MONTHLY',
      fields.startDate ?? '2024-01-01',
      fields.endDate ?? null,
      fields.reviewDueDate ?? null,
    ],
  );
  return { id };
}

/** A supervision session with its attendees (SQL, no API). */
export async function insertSession(
  ds: DataSource,
  tenantId: string,
  fields: {
    supervisorId: string;
    attendeeIds: string[];
    date: string;
    status?: string;
    format?: string;
    durationMinutes?: number;
  },
) {
  const id = randomUUID();
  await withTenant(ds, { userId: null, tenantId }, async (db) => {
    await db.query(
      `INSERT INTO supervision_sessions (tenant_id, id, date, duration_minutes, format, status, supervisor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tenantId,
        id,
        fields.date,
        fields.durationMinutes ?? 60,
        fields.format ?? (fields.attendeeIds.length > 1 ? 'GROUP' : 'ONE_TO_ONE'),
        fields.status ?? 'HELD',
        fields.supervisorId,
      ],
    );
    await db.query(
      `INSERT INTO session_attendees (tenant_id, session_id, staff_id)
       SELECT $1, $2, unnest($3::uuid[])`,
      [tenantId, id, fields.attendeeIds],
    );
  });
  return { id };
}

/* ---- supervision domain (agreements, sessions, actions) ---- */

/**
 * An organisation with one user of every role and the people supervision needs:
 * service A (the manager's) and service B; Sam (supervisor user, staff in A) is
 * the internal supervisor of Pat (practitioner user, staff in A); Olu
 * (practitioner user, staff in B) is supervised by an external supervisor.
 * Everyone started on 2020-01-01 and is in post.
 */
export async function supervisionWorld(server: RunningHoldspace) {
  const ds = server.dataSource;
  const org = await createOrganisation(ds);
  const serviceA = await createService(ds, org.id, 'Outreach');
  const serviceB = await createService(ds, org.id, 'Counselling');
  const [admin, manager, supervisor, practitioner, otherPractitioner, analyst, commissioner] =
    await Promise.all([
      memberOf(server, org.id, 'ORG_ADMIN'),
      memberOf(server, org.id, 'SERVICE_MANAGER', { managedServiceIds: [serviceA.id] }),
      memberOf(server, org.id, 'SUPERVISOR'),
      memberOf(server, org.id, 'PRACTITIONER'),
      memberOf(server, org.id, 'PRACTITIONER'),
      memberOf(server, org.id, 'ANALYST'),
      memberOf(server, org.id, 'COMMISSIONER_ANALYST'),
    ]);
  const since = { startDate: '2020-01-01' };
  const sam = await insertStaff(ds, org.id, serviceA.id, {
    ...since,
    displayName: 'Sam Supervisor',
    userId: supervisor.user.id,
  });
  const pat = await insertStaff(ds, org.id, serviceA.id, {
    ...since,
    displayName: 'Pat Practitioner',
    userId: practitioner.user.id,
  });
  const olu = await insertStaff(ds, org.id, serviceB.id, {
    ...since,
    displayName: 'Olu Other',
    userId: otherPractitioner.user.id,
  });
  const internal = await insertSupervisor(ds, org.id, { staffId: sam.id });
  const external = await insertSupervisor(ds, org.id, { name: 'Dr External' });
  const patAgreement = await insertAgreement(ds, org.id, {
    staffId: pat.id,
    supervisorId: internal.id,
    startDate: '2020-01-01',
  });
  const oluAgreement = await insertAgreement(ds, org.id, {
    staffId: olu.id,
    supervisorId: external.id,
    startDate: '2020-01-01',
  });
  return {
    org,
    serviceA,
    serviceB,
    users: { admin, manager, supervisor, practitioner, otherPractitioner, analyst, commissioner },
    staff: { sam, pat, olu },
    supervisors: { internal, external },
    agreements: { pat: patAgreement, olu: oluAgreement },
  };
}
export type SupervisionWorld = Awaited<ReturnType<typeof supervisionWorld>>;
/** A supervision world's user, by name. */
export type WorldUser = keyof SupervisionWorld['users'];
/** Every user of a supervision world, for role tables. */
export const WORLD_USERS: WorldUser[] = [
  'admin',
  'manager',
  'supervisor',
  'practitioner',
  'otherPractitioner',
  'analyst',
  'commissioner',
];

/** Today's date in UTC, 'YYYY-MM-DD'. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/* ---- records domain (absence, settings, users, audit) ---- */

/** An absence episode (SQL, no API). */
export async function insertAbsence(
  ds: DataSource,
  tenantId: string,
  staffId: string,
  fields: {
    startDate?: string;
    endDate?: string | null;
    reason?: string;
    absenceRef?: string | null;
  } = {},
) {
  const id = randomUUID();
  await asTenant(
    ds,
    tenantId,
    `INSERT INTO absence_episodes (tenant_id, id, absence_ref, staff_id, start_date, end_date, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      tenantId,
      id,
      fields.absenceRef ?? null,
      staffId,
      fields.startDate ?? '2024-03-01',
      fields.endDate ?? null,
      fields.reason ?? 'MINOR_ILLNESS',
    ],
  );
  return { id };
}

/** An organisation's audit events, oldest first (as the API's role). */
export function auditEventsOf(ds: DataSource, tenantId: string) {
  return asTenant<{
    action: string;
    entity_type: string;
    entity_id: string | null;
    actor_user_id: string | null;
  }>(
    ds,
    tenantId,
    `SELECT action, entity_type, entity_id, actor_user_id FROM audit_events
      WHERE tenant_id = $1 ORDER BY occurred_at, id`,
    [tenantId],
  );
}

/**
 * The query and mutation names a resolver class defines (built from the class
 * alone), so a role table can fail when an operation has no rule.
 */
export async function operationsOf(resolver: Function): Promise<string[]> {
  const schema = await buildSchema({ resolvers: [resolver] as [Function], validate: false });
  return [schema.getQueryType(), schema.getMutationType()]
    .flatMap((type) => (type ? Object.keys(type.getFields()) : []))
    .sort();
}

/**
 * Every tenant table's rows for one organisation, as "count:md5" per table (read as the owner,
 * under row-level security, with the organisation as the tenant). Tables come from the
 * catalog, so a new one is covered without anyone listing it.
 */
export async function tenantFingerprint(tenantId: string): Promise<Record<string, string>> {
  const owner = await connect(ownerUrl(), 1);
  try {
    const tables: Array<{ name: string }> = await owner.query(TENANT_TABLES_SQL);
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
