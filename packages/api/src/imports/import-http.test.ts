import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@holdspace/shared';
import { runCli } from '../cli';
import {
  addMembership,
  appUrl,
  createOrganisation,
  createService,
  createUser,
  gql,
  ownerUrl,
  signInToken,
  startTestServer,
} from '../../test/helpers';
import type { RunningHoldspace } from '../server';
import { withTenant } from '../tenancy/request-db';

/**
 * The import and export endpoints over HTTP through the real server (auth,
 * roles, organisations, CSRF, the size limit), and the command line.
 */

let server: RunningHoldspace;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const STAFF_CSV =
  'staff_ref,display_name,service,fte,start_date\r\n' +
  'S1,"=HYPERLINK(""http://evil.example"",""x"")",Family Support,1,2023-01-01\r\n' +
  'S2,Bo Chan,Family Support,0.5,01/02/2023\r\n';

interface Member {
  orgId: string;
  slug: string;
  token: string;
  userId: string;
}

async function member(role: Role = 'ORG_ADMIN', orgId?: string): Promise<Member> {
  const ds = server.dataSource;
  if (!orgId) {
    orgId = (await createOrganisation(ds)).id;
    await createService(ds, orgId, 'Family Support');
  }
  const user = await createUser(ds);
  await addMembership(ds, orgId, user.id, role);
  return {
    orgId,
    slug: `org-${orgId}`.slice(0, 60),
    token: await signInToken(server.url, user.email),
    userId: user.id,
  };
}

function staffOf(orgId: string) {
  return withTenant(server.dataSource, { userId: null, tenantId: orgId }, (db) =>
    db.query<{ staff_ref: string; display_name: string }>(
      'SELECT staff_ref, display_name FROM staff_members WHERE tenant_id = $1 ORDER BY 1',
      [orgId],
    ),
  );
}

function auditOf(orgId: string) {
  return withTenant(server.dataSource, { userId: null, tenantId: orgId }, (db) =>
    db.query<{ action: string; entity_type: string }>(
      'SELECT action, entity_type FROM audit_events WHERE tenant_id = $1 ORDER BY occurred_at, id',
      [orgId],
    ),
  );
}

async function upload(
  kind: string,
  body: string | Buffer | ReadableStream<Uint8Array>,
  options: {
    who?: Member;
    org?: string;
    query?: string;
    headers?: Record<string, string>;
    cookie?: string;
  } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'text/csv', ...options.headers };
  if (options.who) headers.authorization = `Bearer ${options.who.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const org = options.org ?? options.who?.orgId;
  if (org) headers['x-holdspace-org'] = org;
  const response = await fetch(`${server.url}/imports/${kind}${options.query ?? ''}`, {
    method: 'POST',
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const json: any = await response.json();
  return { status: response.status, body: json, headers: response.headers };
}

async function download(kind: string, who?: Member, headers: Record<string, string> = {}) {
  const all: Record<string, string> = { 'x-requested-with': 'holdspace', ...headers };
  if (who) {
    all.authorization = `Bearer ${who.token}`;
    all['x-holdspace-org'] = who.orgId;
  }
  const response = await fetch(`${server.url}/exports/${kind}`, { headers: all });
  // Read as bytes: Response.text() would drop the byte-order mark.
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  return { status: response.status, text, headers: response.headers };
}

describe('POST /imports/:kind', () => {
  it('validates without writing on a dry run, then imports, audited', async () => {
    const admin = await member();
    const dry = await upload('staff', STAFF_CSV, { who: admin, query: '?dryRun=true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      kind: 'staff',
      dryRun: true,
      ok: true,
      committed: false,
      counts: { rows: 2, created: 2, updated: 0, unchanged: 0 },
      problems: [],
    });
    expect(await staffOf(admin.orgId)).toEqual([]);
    expect(await auditOf(admin.orgId)).toEqual([]);

    const real = await upload('staff', STAFF_CSV, { who: admin });
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ ok: true, committed: true, counts: { created: 2 } });
    expect(await staffOf(admin.orgId)).toEqual([
      { staff_ref: 'S1', display_name: '=HYPERLINK("http://evil.example","x")' },
      { staff_ref: 'S2', display_name: 'Bo Chan' },
    ]);
    expect(await auditOf(admin.orgId)).toEqual([{ action: 'import.staff', entity_type: 'Import' }]);

    const again = await upload('staff', STAFF_CSV, { who: admin });
    expect(again.body.counts).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
  });

  it('streams a larger file (20,000 rows) through in one import', async () => {
    const admin = await member();
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `S${i},"Person, ${i}",Family Support,${i % 2 ? '0.5' : '1'},2023-01-01`,
    );
    const csv = `staff_ref,display_name,service,fte,start_date\r\n${rows.join('\r\n')}\r\n`;
    const result = await upload('staff', csv, { who: admin });
    expect(result.status).toBe(200);
    expect(result.body.counts).toEqual({ rows: 20_000, created: 20_000, updated: 0, unchanged: 0 });
    const [{ n }] = await withTenant(
      server.dataSource,
      { userId: null, tenantId: admin.orgId },
      (db) =>
        db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM staff_members WHERE tenant_id = $1 AND display_name LIKE 'Person, %'`,
          [admin.orgId],
        ),
    );
    expect(n).toBe(20_000);
  });

  it('answers 422 with the report when the file has problems, and writes nothing', async () => {
    const admin = await member();
    const result = await upload(
      'staff',
      'staff_ref,service,fte,start_date\nS1,Family Support,9,2023-01-01\n',
      {
        who: admin,
      },
    );
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({
      ok: false,
      committed: false,
      problemCount: 1,
      problems: [
        {
          row: 2,
          column: 'fte',
          value: '9',
          message: 'The FTE must be greater than 0 and at most 1.5.',
        },
      ],
    });
    expect(await staffOf(admin.orgId)).toEqual([]);
  });

  it('creates missing services when asked', async () => {
    const admin = await member();
    const csv = 'staff_ref,service,fte,start_date\nS1,Outreach,1,2023-01-01\n';
    expect((await upload('staff', csv, { who: admin })).status).toBe(422);
    const result = await upload('staff', csv, { who: admin, query: '?createMissingServices=true' });
    expect(result.body).toMatchObject({ ok: true, servicesCreated: ['Outreach'] });
  });

  it('refuses requests a cross-site form could send (CSRF)', async () => {
    const admin = await member();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const result = await upload('staff', STAFF_CSV, {
        who: admin,
        headers: { 'content-type': type },
      });
      expect({
        type,
        status: result.status,
        code: result.body.errors?.[0]?.extensions?.code,
      }).toEqual({
        type,
        status: 400,
        code: 'BAD_USER_INPUT',
      });
    }
    expect(await staffOf(admin.orgId)).toEqual([]);
    // A preflighted request (the custom header) may send the file as text/plain.
    const ok = await upload('staff', STAFF_CSV, {
      who: admin,
      headers: { 'content-type': 'text/plain', 'x-requested-with': 'holdspace' },
    });
    expect(ok.status).toBe(200);
  });

  it('accepts the session cookie as well as a Bearer token', async () => {
    const admin = await member();
    const ds = server.dataSource;
    const user = await createUser(ds);
    await addMembership(ds, admin.orgId, user.id, 'ORG_ADMIN');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }',
        variables: { input: { email: user.email, password: 'correct horse battery staple' } },
      }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^hs_session=/);
    const result = await upload('staff', STAFF_CSV, { cookie, org: admin.orgId });
    expect(result.status).toBe(200);
  });

  it('is for organisation admins only: others are refused and nothing is written', async () => {
    const admin = await member();
    expect((await upload('staff', STAFF_CSV)).status).toBe(401);
    for (const role of [
      'SERVICE_MANAGER',
      'SUPERVISOR',
      'PRACTITIONER',
      'ANALYST',
      'COMMISSIONER_ANALYST',
    ] as Role[]) {
      const who = await member(role, admin.orgId);
      const result = await upload('staff', STAFF_CSV, { who });
      expect({
        role,
        status: result.status,
        code: result.body.errors?.[0]?.extensions?.code,
      }).toEqual({
        role,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(await staffOf(admin.orgId)).toEqual([]);
  });

  it('never touches another organisation: naming one the caller is not a member of is refused', async () => {
    const a = await member();
    const b = await member();
    const result = await upload('staff', STAFF_CSV, { who: a, org: b.orgId });
    expect(result.status).toBe(403);
    expect(await staffOf(b.orgId)).toEqual([]);
    expect(await staffOf(a.orgId)).toEqual([]);
  });

  it('refuses a file over the size limit (IMPORT_MAX_BYTES), stating it, with or without a declared length', async () => {
    const admin = await member();
    const big =
      'staff_ref,service,fte,start_date\n' + 'S1,Family Support,1,2023-01-01\n'.repeat(200);
    const saved = process.env.IMPORT_MAX_BYTES;
    process.env.IMPORT_MAX_BYTES = '2000';
    try {
      const declared = await upload('staff', big, { who: admin });
      expect(declared.status).toBe(413);
      expect(declared.body.errors[0]).toEqual({
        message: 'The file is larger than the limit of 2,000 bytes. Split it into smaller files.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const bytes = Buffer.from(big);
      const streamed = await upload(
        'staff',
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 500)
              controller.enqueue(bytes.subarray(i, i + 500));
            controller.close();
          },
        }),
        { who: admin },
      );
      expect(streamed.status).toBe(413);
      expect(streamed.body.errors[0].message).toMatch(/limit of 2,000 bytes/);
    } finally {
      if (saved === undefined) delete process.env.IMPORT_MAX_BYTES;
      else process.env.IMPORT_MAX_BYTES = saved;
    }
    expect(await staffOf(admin.orgId)).toEqual([]);
  });

  it('has a default limit of 60 MB', async () => {
    const admin = await member();
    const overLimit = Buffer.alloc(60 * 1024 * 1024 + 1, 'x');
    overLimit.write('staff_ref,service,fte,start_date\n');
    const result = await upload('staff', overLimit, { who: admin });
    expect(result.status).toBe(413);
    expect(result.body.errors[0].message).toBe(
      'The file is larger than the limit of 60 MB (62,914,560 bytes). Split it into smaller files.',
    );
  });

  it('refuses an unknown record type and a bad flag', async () => {
    const admin = await member();
    const unknown = await upload('widgets', STAFF_CSV, { who: admin });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toBe(
      'Unknown record type: use staff, agreements, sessions or absences.',
    );
    const flag = await upload('staff', STAFF_CSV, { who: admin, query: '?dryRun=perhaps' });
    expect(flag.status).toBe(400);
  });
});

describe('GET /exports/:kind and templates', () => {
  it('exports CSV with formula-like cells neutralised, audited; the export re-imports unchanged', async () => {
    const admin = await member();
    await upload('staff', STAFF_CSV, { who: admin });
    const result = await download('staff', admin);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(result.headers.get('content-disposition')).toBe('attachment; filename="staff.csv"');
    expect(result.text.startsWith('\uFEFFstaff_ref,display_name,')).toBe(true);
    const lines = result.text.split('\r\n');
    expect(lines[1]).toBe(
      `S1,"'=HYPERLINK(""http://evil.example"",""x"")",Family Support,,,1,2023-01-01,,,true`,
    );
    expect(await auditOf(admin.orgId)).toEqual([
      { action: 'import.staff', entity_type: 'Import' },
      { action: 'export.staff', entity_type: 'Export' },
    ]);
    const again = await upload('staff', result.text, { who: admin });
    expect(again.body.counts).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses an export without the CSRF header, and to anyone but an admin', async () => {
    const admin = await member();
    expect((await download('staff', admin, { 'x-requested-with': '' })).status).toBe(400);
    expect((await download('staff')).status).toBe(401);
    const manager = await member('SERVICE_MANAGER', admin.orgId);
    expect((await download('staff', manager)).status).toBe(403);
  });

  it('serves a template with the header and an example row', async () => {
    const response = await fetch(`${server.url}/imports/sessions/template`);
    expect(response.status).toBe(200);
    const text = (await response.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toEqual([
      'session_ref,date,duration_minutes,format,status,supervisor_staff_ref,external_supervisor,attendee_refs,functions',
      'SS-000001,2024-05-14,60,ONE_TO_ONE,HELD,STF-0010,,STF-0001,NORMATIVE;RESTORATIVE',
      '',
    ]);
  });

  it('keeps the GraphQL endpoint working beside the routes', async () => {
    const result = await gql(server.url, '{ __typename }');
    expect(result.status).toBe(200);
  });
});

describe('pnpm holdspace (the CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdspace-cli-test-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function cli(argv: string[], token?: string) {
    let out = '';
    let err = '';
    const code = await runCli(
      argv,
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: ownerUrl(),
        APP_DATABASE_URL: appUrl(),
        INIT_CWD: dir,
        ...(token ? { HOLDSPACE_TOKEN: token } : {}),
      },
      { out: (t) => (out += t), err: (t) => (err += t) },
    );
    return { code, out, err };
  }

  it('imports (dry run, then for real), exports to a file, and that file re-imports unchanged', async () => {
    const admin = await member();
    fs.writeFileSync(path.join(dir, 'staff.csv'), STAFF_CSV);
    const args = ['import', '--org', admin.slug, '--kind', 'staff', '--file', 'staff.csv'];

    const dry = await cli([...args, '--dry-run'], admin.token);
    expect(dry).toEqual({
      code: 0,
      out: 'staff.csv: 2 rows: 2 created, 0 updated, 0 unchanged.\nDry run: the file is valid; nothing was written.\n',
      err: '',
    });
    expect(await staffOf(admin.orgId)).toEqual([]);

    const real = await cli(args, admin.token);
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/2 created[\s\S]*Imported: the changes are saved\./);
    expect((await staffOf(admin.orgId)).length).toBe(2);

    const exported = await cli(
      ['export', '--org', admin.slug, '--kind', 'staff', '--file', 'out.csv'],
      admin.token,
    );
    expect(exported.code).toBe(0);
    const file = fs.readFileSync(path.join(dir, 'out.csv'), 'utf8');
    expect(file).toBe((await download('staff', admin)).text);

    const again = await cli([...args.slice(0, -1), 'out.csv', '--json'], admin.token);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).counts).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
  });

  it('prints every problem and exits non-zero', async () => {
    const admin = await member();
    fs.writeFileSync(
      path.join(dir, 'bad.csv'),
      'staff_ref,service,fte,start_date\nS1,Nowhere,1,2023-13-01\n',
    );
    const result = await cli(
      ['import', '--org', admin.slug, '--kind', 'staff', '--file', 'bad.csv'],
      admin.token,
    );
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      'staff.csv: 2 problems; nothing was written.\n' +
        '  row 2, service, "Nowhere": There is no service with this name. Create it first, or import with "create missing services".\n' +
        '  row 2, start_date, "2023-13-01": This is not a date. Use YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-03-31 or 31/03/2024.\n',
    );
  });

  it('refuses non-admins, organisations the user is not in, bad tokens and bad usage', async () => {
    const admin = await member();
    const other = await member();
    const manager = await member('SERVICE_MANAGER', admin.orgId);
    fs.writeFileSync(path.join(dir, 'staff.csv'), STAFF_CSV);
    const args = (slug: string) => [
      'import',
      '--org',
      slug,
      '--kind',
      'staff',
      '--file',
      'staff.csv',
    ];

    const notAdmin = await cli(args(admin.slug), manager.token);
    expect(notAdmin).toMatchObject({
      code: 1,
      err: 'Only organisation admins can import and export records.\n',
    });
    const notMember = await cli(args(other.slug), admin.token);
    expect(notMember).toMatchObject({
      code: 1,
      err: `You are not a member of an organisation "${other.slug}".\n`,
    });
    const badToken = await cli(args(admin.slug), 'x'.repeat(43));
    expect(badToken.code).toBe(1);
    expect(badToken.err).toMatch(/not a valid sign-in/);
    expect((await cli(args(admin.slug))).code).toBe(2);
    expect(
      (await cli(['import', '--org', admin.slug, '--kind', 'widgets'], admin.token)).code,
    ).toBe(2);
    expect((await cli(['frobnicate'], admin.token)).code).toBe(2);
    expect(await staffOf(admin.orgId)).toEqual([]);
    expect(await staffOf(other.orgId)).toEqual([]);
  });
});
