import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  computeHeadlines,
  computeMonthlySeries,
  DEFAULT_ORG_SETTINGS,
  type ImportKind,
  type ImportProblem,
  type ImportReport,
  type OrgData,
} from '@holdspace/shared';
import {
  appUrl,
  connect,
  createOrganisation,
  createService,
  createUser,
  ownerUrl,
} from '../../test/helpers';
import { withCredentials } from '../db/roles';
import { generateOrganisation } from '../demo/generate';
import { loadOrganisation } from '../demo/load';
import { seededRandom } from '../demo/random';
import { RequestDb, withTenant } from '../tenancy/request-db';
import { exportRecords } from './export.service';
import { importRecords, type ImportOptions } from './import.service';

/**
 * The import service against the real database, as the API's own role (RLS on):
 * every error case with its row, column and message; dry runs; all-or-nothing
 * (a failure at the last row, a connection killed mid-import); upsert by
 * reference; export → import round trips; formula neutralisation; isolation.
 */

let ds: DataSource;
beforeAll(async () => {
  ds = await connect(appUrl(), 4);
});
afterAll(() => ds.destroy());

async function* bytes(content: string | Buffer, chunkSize = 7): AsyncGenerator<Buffer> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // Small chunks: every test also exercises records split across chunks.
  for (let i = 0; i < buffer.length; i += chunkSize) yield buffer.subarray(i, i + chunkSize);
}

interface Org {
  id: string;
  userId: string;
  serviceId: string;
}

async function newOrg(serviceName = 'Family Support'): Promise<Org> {
  const org = await createOrganisation(ds);
  const user = await createUser(ds);
  const service = await createService(ds, org.id, serviceName);
  return { id: org.id, userId: user.id, serviceId: service.id };
}

/** Imports as the route and the CLI do: commit only when the report says so. */
async function run(
  org: Org,
  kind: ImportKind,
  content: string | Buffer,
  options: Partial<ImportOptions> = {},
  dataSource: DataSource = ds,
): Promise<ImportReport> {
  const db = new RequestDb(dataSource, { userId: org.userId, tenantId: org.id });
  try {
    const report = await importRecords(
      db,
      { userId: org.userId, requestId: null },
      bytes(content),
      {
        kind,
        dryRun: false,
        createMissingServices: false,
        ...options,
      },
    );
    await db.finish(report.committed);
    return report;
  } catch (error) {
    await db.finish(false).catch(() => undefined);
    throw error;
  }
}

async function exportOf(org: Pick<Org, 'id'>, kind: ImportKind, batchSize?: number) {
  return withTenant(ds, { userId: null, tenantId: org.id }, async (db) => {
    let text = '';
    for await (const chunk of exportRecords(db, kind, { batchSize })) text += chunk;
    return text;
  });
}

function query<T = any>(org: Pick<Org, 'id'>, sql: string, params: unknown[] = []) {
  return withTenant(ds, { userId: null, tenantId: org.id }, (db) =>
    db.query<T>(sql, [org.id, ...params]),
  );
}

/** Every row of every record table of an organisation (timestamps included). */
async function snapshot(org: Pick<Org, 'id'>) {
  const tables = [
    ['services', 'id'],
    ['staff_members', 'id'],
    ['supervisors', 'id'],
    ['supervision_agreements', 'id'],
    ['supervision_sessions', 'id'],
    ['session_attendees', 'session_id, staff_id'],
    ['absence_episodes', 'id'],
    ['audit_events', 'id'],
  ];
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of tables)
    out[table] = await query(org, `SELECT * FROM ${table} WHERE tenant_id = $1 ORDER BY ${order}`);
  return out;
}

const STAFF_HEADER =
  'staff_ref,display_name,service,role_title,practitioner_type,fte,start_date,end_date,leaving_reason,requires_supervision';

function staffCsv(rows: string[], header = STAFF_HEADER) {
  return [header, ...rows].join('\r\n') + '\r\n';
}

const problem = (
  row: number | null,
  column: string | null,
  value: string | null,
  message: string | RegExp,
) =>
  expect.objectContaining({
    row,
    column,
    value,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  }) as unknown as ImportProblem;

/** Three staff members, with a supervisor and two supervisees. */
async function seedStaff(org: Org) {
  const report = await run(
    org,
    'staff',
    staffCsv([
      'S1,Ann Lee,Family Support,,Counsellor,1,2023-01-01,,,',
      'S2,Bo Chan,Family Support,,Counsellor,0.5,2023-02-01,,,',
      'SUP,Cy Dee,Family Support,Lead,Safeguarding lead,1,2022-01-01,,,',
    ]),
  );
  expect(report.ok).toBe(true);
}

describe('staff.csv', () => {
  it('imports real-world files: BOM, UK dates, quoted commas and line breaks, CRLF, trailing empty lines', async () => {
    const org = await newOrg();
    const csv =
      '\uFEFF' +
      staffCsv([
        'S1,"Lee, Ann",Family Support,"Senior practitioner, days",Counsellor,1,31/01/2023,,,yes',
        'S2,"Bo ""Bobby""\r\nChan",family support,,Social worker,0.6,2023-02-01,30/06/2024,resignation,0',
        'S3,Émile Zoë,Family Support,,,1.5,1/3/2023,,,',
      ]) +
      ',,,,,,,,,\r\n\r\n\r\n';
    const report = await run(org, 'staff', csv);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      committed: true,
      counts: { rows: 3, created: 3, updated: 0, unchanged: 0 },
    });
    const rows = await query(
      org,
      `SELECT staff_ref, display_name, role_title, service_id, fte::text, start_date, end_date,
              leaving_reason, requires_supervision
         FROM staff_members WHERE tenant_id = $1 ORDER BY staff_ref`,
    );
    expect(rows).toEqual([
      {
        staff_ref: 'S1',
        display_name: 'Lee, Ann',
        role_title: 'Senior practitioner, days',
        service_id: org.serviceId,
        fte: '1.000',
        start_date: '2023-01-31',
        end_date: null,
        leaving_reason: null,
        requires_supervision: true,
      },
      {
        staff_ref: 'S2',
        display_name: 'Bo "Bobby"\r\nChan',
        role_title: null,
        service_id: org.serviceId, // "family support": the one service differing only in case
        fte: '0.600',
        start_date: '2023-02-01',
        end_date: '2024-06-30',
        leaving_reason: 'RESIGNATION',
        requires_supervision: false,
      },
      {
        staff_ref: 'S3',
        display_name: 'Émile Zoë',
        role_title: null,
        service_id: org.serviceId,
        fte: '1.500',
        start_date: '2023-03-01',
        end_date: null,
        leaving_reason: null,
        requires_supervision: true,
      },
    ]);
  });

  it('upserts by reference: the same file again changes nothing, a changed row updates only that record', async () => {
    const org = await newOrg();
    const csv = staffCsv([
      'S1,Ann,Family Support,,,1,2023-01-01,,,',
      'S2,Bo,Family Support,,,0.5,2023-01-01,,,',
    ]);
    await run(org, 'staff', csv);
    const before = await query(
      org,
      'SELECT staff_ref, updated_at FROM staff_members WHERE tenant_id = $1 ORDER BY 1',
    );

    const again = await run(org, 'staff', csv);
    expect(again.counts).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    expect(
      await query(
        org,
        'SELECT staff_ref, updated_at FROM staff_members WHERE tenant_id = $1 ORDER BY 1',
      ),
    ).toEqual(before);

    const changed = await run(
      org,
      'staff',
      staffCsv([
        'S1,Ann,Family Support,,,1,01/01/2023,,,true',
        'S2,Bo,Family Support,,,0.8,2023-01-01,,,',
      ]),
    );
    expect(changed.counts).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    const after = await query(
      org,
      'SELECT staff_ref, fte::text, updated_at FROM staff_members WHERE tenant_id = $1 ORDER BY 1',
    );
    expect(after[0].updated_at).toEqual(before[0].updated_at);
    expect(after[1].fte).toBe('0.800');
    expect(after[1].updated_at.getTime()).toBeGreaterThan(before[1].updated_at.getTime());
  });

  it('leaves out columns the file does not have: kept on update, defaults on create', async () => {
    const org = await newOrg();
    await run(
      org,
      'staff',
      staffCsv(['S1,Ann,Family Support,Lead,Counsellor,1,2023-01-01,,,false']),
    );
    const report = await run(
      org,
      'staff',
      staffCsv(
        ['S1,Family Support,0.5,2023-01-01', 'S2,Family Support,1,2023-01-01'],
        'staff_ref,service,fte,start_date',
      ),
    );
    expect(report.counts).toEqual({ rows: 2, created: 1, updated: 1, unchanged: 0 });
    expect(
      await query(
        org,
        `SELECT staff_ref, display_name, role_title, practitioner_type, fte::text, requires_supervision
           FROM staff_members WHERE tenant_id = $1 ORDER BY 1`,
      ),
    ).toEqual([
      {
        staff_ref: 'S1',
        display_name: 'Ann',
        role_title: 'Lead',
        practitioner_type: 'Counsellor',
        fte: '0.500',
        requires_supervision: false,
      },
      {
        staff_ref: 'S2',
        display_name: null,
        role_title: null,
        practitioner_type: null,
        fte: '1.000',
        requires_supervision: true,
      },
    ]);
  });

  it('reports every invalid value with its row, column, value and message, and writes nothing', async () => {
    const org = await newOrg();
    const report = await run(
      org,
      'staff',
      staffCsv([
        'S1,Ann,Family Support,,,2,2023-01-01,,,',
        'S2,Bo,Family Support,,,0,02/13/2024,,,maybe',
        'S3,Cy,Family Support,,,abc,31/02/2024,,,',
        'S4,Di,Family Support,,,0.3333,2023-01-01,2022-12-31,FIRED,',
        'S5,Ed,Nowhere,,,1,2023-01-01,2024-01-01,,',
        'S6,Fi,Family Support,,,1,2023-01-01,,RESIGNATION,',
        ',Gus,Family Support,,,,,,,',
      ]),
    );
    expect(report.ok).toBe(false);
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      problem(2, 'fte', '2', 'The FTE must be greater than 0 and at most 1.5.'),
      problem(3, 'fte', '0', 'The FTE must be greater than 0 and at most 1.5.'),
      problem(
        3,
        'start_date',
        '02/13/2024',
        /^This is not a date\. Use YYYY-MM-DD or DD\/MM\/YYYY/,
      ),
      problem(3, 'requires_supervision', 'maybe', 'Use true or false (or yes/no, 1/0).'),
      problem(4, 'fte', 'abc', /^Use a decimal number greater than 0 and at most 1\.5/),
      problem(4, 'start_date', '31/02/2024', /^This is not a date/),
      problem(5, 'fte', '0.3333', 'Use at most 3 decimal places.'),
      problem(5, 'end_date', '2022-12-31', 'The end date is before the start date (2023-01-01).'),
      problem(
        5,
        'leaving_reason',
        'FIRED',
        /^Use one of: RESIGNATION, RETIREMENT, END_OF_FIXED_TERM/,
      ),
      problem(6, 'service', 'Nowhere', /^There is no service with this name/),
      problem(6, 'leaving_reason', '', 'Give the leaving reason with an end date.'),
      problem(7, 'leaving_reason', 'RESIGNATION', 'Give a leaving reason only with an end date.'),
      problem(8, 'staff_ref', '', 'A value is required.'),
      problem(8, 'fte', '', 'A value is required.'),
      problem(8, 'start_date', '', 'A value is required.'),
    ]);
    expect(report.problemCount).toBe(15);
    expect(await query(org, 'SELECT * FROM staff_members WHERE tenant_id = $1')).toEqual([]);
  });

  it('creates missing services only when told to', async () => {
    const org = await newOrg();
    const csv = staffCsv(['S1,Ann,Outreach,,,1,2023-01-01,,,', 'S2,Bo,outreach,,,1,2023-01-01,,,']);
    const refused = await run(org, 'staff', csv);
    expect(refused.problems).toEqual([
      problem(2, 'service', 'Outreach', /^There is no service with this name/),
      problem(3, 'service', 'outreach', /^There is no service with this name/),
    ]);
    const dry = await run(org, 'staff', csv, { createMissingServices: true, dryRun: true });
    expect(dry).toMatchObject({ ok: true, committed: false, servicesCreated: ['Outreach'] });
    expect(
      await query(org, `SELECT name FROM services WHERE tenant_id = $1 AND name = 'Outreach'`),
    ).toEqual([]);
    const done = await run(org, 'staff', csv, { createMissingServices: true });
    expect(done).toMatchObject({ ok: true, committed: true, servicesCreated: ['Outreach'] });
    const services = await query(
      org,
      `SELECT v.name, count(*)::int AS staff FROM staff_members s JOIN services v ON v.tenant_id = s.tenant_id AND v.id = s.service_id
        WHERE s.tenant_id = $1 GROUP BY v.name`,
    );
    expect(services).toEqual([{ name: 'Outreach', staff: 2 }]);
  });
});

describe('file problems', () => {
  it('refuses a file that is not UTF-8, naming the row', async () => {
    const org = await newOrg();
    const latin1 = Buffer.from(
      staffCsv([
        'S1,Ann,Family Support,,,1,2023-01-01,,,',
        'S2,Ren\xe9e,Family Support,,,1,2023-01-01,,,',
      ]),
      'latin1',
    );
    const report = await run(org, 'staff', latin1);
    expect(report.problems).toEqual([
      problem(3, 'display_name', null, /^The file is not UTF-8 text/),
    ]);
    expect(await query(org, 'SELECT * FROM staff_members WHERE tenant_id = $1')).toEqual([]);
  });

  it('refuses UTF-16', async () => {
    const org = await newOrg();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(staffCsv([]), 'utf16le')]);
    expect((await run(org, 'staff', utf16)).problems).toEqual([problem(1, null, null, /UTF-16/)]);
  });

  it('lists missing required columns and unknown columns (names are case-sensitive)', async () => {
    const org = await newOrg();
    const report = await run(
      org,
      'staff',
      'Staff_Ref,display_name,service,start_date,colour\r\nS1,Ann,Family Support,2023-01-01,red\r\n',
    );
    expect(report.problems).toEqual([
      problem(1, 'staff_ref', null, 'The required column "staff_ref" is missing.'),
      problem(1, 'fte', null, 'The required column "fte" is missing.'),
      problem(
        1,
        'Staff_Ref',
        'Staff_Ref',
        'Unknown column "Staff_Ref": column names are case-sensitive; did you mean "staff_ref"?',
      ),
      problem(
        1,
        'colour',
        'colour',
        /^Unknown column "colour"\. The columns of staff\.csv are: staff_ref, display_name, service/,
      ),
    ]);
  });

  it('refuses a header that repeats a column or has end_date without leaving_reason', async () => {
    const org = await newOrg();
    const report = await run(org, 'staff', 'staff_ref,service,fte,start_date,end_date,fte\r\n');
    expect(report.problems).toEqual([
      problem(1, 'fte', 'fte', 'The column "fte" appears twice in the header.'),
      problem(1, 'leaving_reason', null, /^end_date and leaving_reason go together/),
    ]);
  });

  it('refuses an empty file', async () => {
    const org = await newOrg();
    expect((await run(org, 'staff', '')).problems).toEqual([
      problem(1, null, null, /^The file is empty/),
    ]);
  });

  it('refuses a row with more or fewer cells than the header, and an unclosed quote', async () => {
    const org = await newOrg();
    const report = await run(
      org,
      'staff',
      'staff_ref,service,fte,start_date\r\nS1,Family Support,1,2023-01-01,extra\r\nS2,Family Support\r\nS3,"Family Support,1,2023-01-01\r\n',
    );
    expect(report.problems).toEqual([
      problem(2, null, null, /^This row has 5 cells but the header has 4 columns/),
      problem(3, null, null, /^This row has 2 cells but the header has 4 columns/),
      problem(4, 'service', null, 'A quoted cell is never closed: a closing quote (") is missing.'),
    ]);
  });

  it('lists duplicate references with both rows', async () => {
    const org = await newOrg();
    const report = await run(
      org,
      'staff',
      staffCsv([
        'S1,Ann,Family Support,,,1,2023-01-01,,,',
        'S2,Bo,Family Support,,,1,2023-01-01,,,',
        'S1,Ann again,Family Support,,,1,2023-01-01,,,',
      ]),
    );
    const message = 'This reference appears more than once in the file (rows 2, 4).';
    expect(report.problems).toEqual([
      problem(2, 'staff_ref', 'S1', message),
      problem(4, 'staff_ref', 'S1', message),
    ]);
  });

  it('refuses a file over the size limit, stating the limit', async () => {
    const org = await newOrg();
    const csv = staffCsv(
      Array.from({ length: 50 }, (_, i) => `S${i},Ann,Family Support,,,1,2023-01-01,,,`),
    );
    const report = await run(org, 'staff', csv, {
      sizeLimit: { maxBytes: 1000, limitLabel: '1,000 bytes' },
    });
    expect(report.problems).toEqual([
      problem(
        null,
        null,
        null,
        'The file is larger than the limit of 1,000 bytes. Split it into smaller files.',
      ),
    ]);
    expect(await query(org, 'SELECT * FROM staff_members WHERE tenant_id = $1')).toEqual([]);
  });
});

const AGREEMENTS_HEADER =
  'agreement_ref,staff_ref,supervisor_staff_ref,external_supervisor,interval,session_minutes,start_date,end_date,review_due_date';
const SESSIONS_HEADER =
  'session_ref,date,duration_minutes,format,status,supervisor_staff_ref,external_supervisor,attendee_refs,functions';

describe('agreements.csv, sessions.csv and absences.csv', () => {
  it('imports agreements with internal and external supervisors, creating each supervisor record once', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const csv = [
      AGREEMENTS_HEADER,
      'AG1,S1,SUP,,monthly,60,2023-01-01,,2024-01-01',
      'AG2,S2,SUP,,Four weekly,,2023-02-01,,',
      'AG3,S1,,Dr Ruth Mensah,QUARTERLY,90,01/06/2023,31/12/2023,',
    ].join('\n');
    const report = await run(org, 'agreements', csv);
    expect(report).toMatchObject({ ok: true, supervisorsCreated: 2, counts: { created: 3 } });
    const rows = await query(
      org,
      `SELECT a.agreement_ref, st.staff_ref, sup.kind, ss.staff_ref AS supervisor, sup.name, a.interval,
              a.session_minutes, a.start_date, a.end_date, a.review_due_date
         FROM supervision_agreements a
         JOIN staff_members st ON st.tenant_id = a.tenant_id AND st.id = a.staff_id
         JOIN supervisors sup ON sup.tenant_id = a.tenant_id AND sup.id = a.supervisor_id
         LEFT JOIN staff_members ss ON ss.tenant_id = sup.tenant_id AND ss.id = sup.staff_id
        WHERE a.tenant_id = $1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      {
        agreement_ref: 'AG1',
        staff_ref: 'S1',
        kind: 'INTERNAL',
        supervisor: 'SUP',
        name: null,
        interval: 'MONTHLY',
        session_minutes: 60,
        start_date: '2023-01-01',
        end_date: null,
        review_due_date: '2024-01-01',
      },
      {
        agreement_ref: 'AG2',
        staff_ref: 'S2',
        kind: 'INTERNAL',
        supervisor: 'SUP',
        name: null,
        interval: 'FOUR_WEEKLY',
        session_minutes: null,
        start_date: '2023-02-01',
        end_date: null,
        review_due_date: null,
      },
      {
        agreement_ref: 'AG3',
        staff_ref: 'S1',
        kind: 'EXTERNAL',
        supervisor: null,
        name: 'Dr Ruth Mensah',
        interval: 'QUARTERLY',
        session_minutes: 90,
        start_date: '2023-06-01',
        end_date: '2023-12-31',
        review_due_date: null,
      },
    ]);
    // The same supervisors are found again next time.
    const again = await run(org, 'agreements', csv);
    expect(again).toMatchObject({ supervisorsCreated: 0, counts: { unchanged: 3 } });
    expect(
      await query(org, 'SELECT count(*)::int AS n FROM supervisors WHERE tenant_id = $1'),
    ).toEqual([{ n: 2 }]);
  });

  it('reports unknown staff references, a missing or doubled supervisor, bad enums and numbers, end before start', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const report = await run(
      org,
      'agreements',
      [
        AGREEMENTS_HEADER,
        'AG1,NOBODY,GHOST,,MONTHLY,60,2023-01-01,,',
        'AG2,S1,,,YEARLY,481,2023-01-01,2022-01-01,',
        'AG3,S2,SUP,Dr Who,MONTHLY,0,2023-01-01,,',
      ].join('\n'),
    );
    const unknown =
      'No staff member has this reference. Import staff.csv first (or check the reference).';
    expect(report.problems).toEqual([
      problem(2, 'staff_ref', 'NOBODY', unknown),
      problem(2, 'supervisor_staff_ref', 'GHOST', unknown),
      problem(3, 'supervisor_staff_ref', '', /^Give the supervisor/),
      problem(
        3,
        'interval',
        'YEARLY',
        'Use one of: WEEKLY, FORTNIGHTLY, FOUR_WEEKLY, SIX_WEEKLY, MONTHLY, TWO_MONTHLY, QUARTERLY.',
      ),
      problem(3, 'session_minutes', '481', 'Use a whole number from 1 to 480.'),
      problem(3, 'end_date', '2022-01-01', 'The end date is before the start date (2023-01-01).'),
      problem(
        4,
        'external_supervisor',
        'Dr Who',
        'Give either supervisor_staff_ref or external_supervisor, not both.',
      ),
      problem(4, 'session_minutes', '0', 'Use a whole number from 1 to 480.'),
    ]);
    expect(await query(org, 'SELECT * FROM supervisors WHERE tenant_id = $1')).toEqual([]);
  });

  it('imports sessions with attendees and functions, and keeps attendees in step on re-import', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const first = [
      SESSIONS_HEADER,
      'SE1,2024-01-10,60,ONE_TO_ONE,HELD,SUP,,S1,restorative;Normative',
      'SE2,10/01/2024,90,group,held,,Dr Ruth Mensah,S1; S2,',
      'SE3,2024-02-10,45,one to one,CANCELLED,SUP,,S2,',
    ].join('\r\n');
    expect((await run(org, 'sessions', first)).counts).toEqual({
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const sessions = () =>
      query(
        org,
        `SELECT x.session_ref, x.date, x.duration_minutes, x.format, x.status, x.functions, x.logged_by_user_id,
                array(SELECT st.staff_ref FROM session_attendees a JOIN staff_members st ON st.tenant_id = a.tenant_id AND st.id = a.staff_id
                       WHERE a.tenant_id = x.tenant_id AND a.session_id = x.id ORDER BY 1) AS attendees
           FROM supervision_sessions x WHERE x.tenant_id = $1 ORDER BY 1`,
      );
    expect(await sessions()).toEqual([
      {
        session_ref: 'SE1',
        date: '2024-01-10',
        duration_minutes: 60,
        format: 'ONE_TO_ONE',
        status: 'HELD',
        functions: ['NORMATIVE', 'RESTORATIVE'],
        logged_by_user_id: org.userId,
        attendees: ['S1'],
      },
      {
        session_ref: 'SE2',
        date: '2024-01-10',
        duration_minutes: 90,
        format: 'GROUP',
        status: 'HELD',
        functions: [],
        logged_by_user_id: org.userId,
        attendees: ['S1', 'S2'],
      },
      {
        session_ref: 'SE3',
        date: '2024-02-10',
        duration_minutes: 45,
        format: 'ONE_TO_ONE',
        status: 'CANCELLED',
        functions: [],
        logged_by_user_id: org.userId,
        attendees: ['S2'],
      },
    ]);
    // Functions in another order and attendees in another order are the same session.
    const same = first
      .replace('restorative;Normative', 'NORMATIVE;RESTORATIVE')
      .replace('S1; S2', 'S2;S1');
    expect((await run(org, 'sessions', same)).counts).toEqual({
      rows: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    // An attendee swapped is an update of that session only.
    const swapped = first.replace('S1; S2', 'S2;SUP');
    expect((await run(org, 'sessions', swapped)).counts).toEqual({
      rows: 3,
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    expect((await sessions())[1].attendees).toEqual(['S2', 'SUP']);
  });

  it('refuses a ONE_TO_ONE session with two attendees, unknown and repeated attendees, bad values', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const report = await run(
      org,
      'sessions',
      [
        SESSIONS_HEADER,
        'SE1,2024-01-10,60,ONE_TO_ONE,HELD,SUP,,S1;S2,',
        'SE2,2024-01-10,0,WALK,DONE,SUP,,S1;NOBODY;S1,MAGIC',
        'SE3,2024-01-10,481,GROUP,HELD,SUP,,;,',
      ].join('\n'),
    );
    expect(report.problems).toEqual([
      problem(
        2,
        'attendee_refs',
        'S1;S2',
        'A ONE_TO_ONE session has exactly one attendee; this row lists 2.',
      ),
      problem(3, 'duration_minutes', '0', 'Use a whole number from 1 to 480.'),
      problem(3, 'format', 'WALK', 'Use one of: ONE_TO_ONE, GROUP, PEER, CASE_CONSULTATION.'),
      problem(3, 'status', 'DONE', 'Use one of: SCHEDULED, HELD, CANCELLED, DID_NOT_ATTEND.'),
      problem(3, 'attendee_refs', 'NOBODY', /^No staff member has this reference/),
      problem(3, 'attendee_refs', 'S1', 'This attendee is listed twice.'),
      problem(3, 'functions', 'MAGIC', 'Use one of: NORMATIVE, FORMATIVE, RESTORATIVE.'),
      problem(4, 'duration_minutes', '481', 'Use a whole number from 1 to 480.'),
      problem(4, 'attendee_refs', ';', 'List at least one attendee.'),
    ]);
  });

  it('imports absences and refuses unknown staff, bad reasons and an end before the start', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const header = 'absence_ref,staff_ref,start_date,end_date,reason';
    const bad = await run(
      org,
      'absences',
      [header, 'AB1,S9,2024-01-01,,MINOR_ILLNESS', 'AB2,S1,2024-01-10,2024-01-09,stress'].join(
        '\n',
      ),
    );
    expect(bad.problems).toEqual([
      problem(2, 'staff_ref', 'S9', /^No staff member has this reference/),
      problem(3, 'end_date', '2024-01-09', 'The end date is before the start date (2024-01-10).'),
      problem(
        3,
        'reason',
        'stress',
        'Use one of: MENTAL_HEALTH, MUSCULOSKELETAL, MINOR_ILLNESS, INJURY, OTHER, UNDISCLOSED.',
      ),
    ]);
    const good = await run(
      org,
      'absences',
      [
        header,
        'AB1,S1,2024-01-01,,mental health',
        'AB2,S2,08/01/2024,12/01/2024,MINOR_ILLNESS',
      ].join('\n'),
    );
    expect(good.counts.created).toBe(2);
    expect(
      await query(
        org,
        'SELECT absence_ref, start_date, end_date, reason FROM absence_episodes WHERE tenant_id = $1 ORDER BY 1',
      ),
    ).toEqual([
      { absence_ref: 'AB1', start_date: '2024-01-01', end_date: null, reason: 'MENTAL_HEALTH' },
      {
        absence_ref: 'AB2',
        start_date: '2024-01-08',
        end_date: '2024-01-12',
        reason: 'MINOR_ILLNESS',
      },
    ]);
  });

  it('checks a new start date against an end date kept from before (the file has no end_date)', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const header = 'absence_ref,staff_ref,start_date,end_date,reason';
    await run(org, 'absences', [header, 'AB1,S1,2024-01-01,2024-01-05,OTHER'].join('\n'));
    const report = await run(
      org,
      'absences',
      ['absence_ref,staff_ref,start_date,reason', 'AB1,S1,2024-02-01,OTHER'].join('\n'),
    );
    expect(report.problems).toEqual([
      problem(
        2,
        'start_date',
        '2024-02-01',
        /^The start date is after the end date already recorded \(2024-01-05\)/,
      ),
    ]);
  });
});

describe('guarantees', () => {
  it('a dry run reports the same counts and writes nothing (no audit event either)', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const before = await snapshot(org);
    const csv = staffCsv([
      'S1,Ann Lee,Family Support,,Counsellor,1,2023-01-01,,,',
      'S2,Bo Chan,Family Support,,Counsellor,0.7,2023-02-01,,,',
      'S4,New Person,Outreach,,,1,2024-01-01,,,',
    ]);
    const dry = await run(org, 'staff', csv, { dryRun: true, createMissingServices: true });
    expect(dry).toMatchObject({
      ok: true,
      dryRun: true,
      committed: false,
      counts: { rows: 3, created: 1, updated: 1, unchanged: 1 },
      servicesCreated: ['Outreach'],
    });
    expect(await snapshot(org)).toEqual(before);
    const real = await run(org, 'staff', csv, { createMissingServices: true });
    expect(real.counts).toEqual(dry.counts);
  });

  it('writes one audit event import.<kind> per import, with entity type Import', async () => {
    const org = await newOrg();
    await seedStaff(org);
    await run(org, 'staff', staffCsv(['S1,Ann Lee,Family Support,,Counsellor,1,2023-01-01,,,']));
    expect(
      await query(
        org,
        'SELECT action, entity_type, actor_user_id FROM audit_events WHERE tenant_id = $1 ORDER BY occurred_at',
      ),
    ).toEqual([
      { action: 'import.staff', entity_type: 'Import', actor_user_id: org.userId },
      { action: 'import.staff', entity_type: 'Import', actor_user_id: org.userId },
    ]);
  });

  it('a failure at the last row, after every row is written in the transaction, leaves the database unchanged', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const before = await snapshot(org);
    const csv = staffCsv([
      'S1,Ann Changed,Family Support,,Counsellor,1,2023-01-01,,,',
      'S2,Bo Chan,Family Support,,Counsellor,0.5,2023-02-01,2024-01-01,OTHER,',
      'S5,Eve New,Family Support,,,1,2024-01-01,,,',
      'S6,Fay New,Family Support,,,1,2024-01-01,,,',
    ]);
    const lastRow = 5;
    let seenInTransaction: unknown[] = [];
    await expect(
      run(org, 'staff', csv, {
        batchSize: 1,
        hooks: {
          async afterBatchWritten({ toRow }, db) {
            if (toRow !== lastRow) return;
            seenInTransaction = await db.query(
              `SELECT staff_ref, display_name FROM staff_members WHERE tenant_id = $1 ORDER BY 1`,
              [db.tenantId],
            );
            throw new Error('injected failure at the last row');
          },
        },
      }),
    ).rejects.toThrow('injected failure at the last row');
    // Every row had been written inside the transaction…
    expect(seenInTransaction).toEqual([
      { staff_ref: 'S1', display_name: 'Ann Changed' },
      { staff_ref: 'S2', display_name: 'Bo Chan' },
      { staff_ref: 'S5', display_name: 'Eve New' },
      { staff_ref: 'S6', display_name: 'Fay New' },
      { staff_ref: 'SUP', display_name: 'Cy Dee' },
    ]);
    // …and none of it, nor the audit event, survived.
    expect(await snapshot(org)).toEqual(before);
  });

  it('a connection killed mid-import (pg_terminate_backend) leaves the database unchanged', async () => {
    const org = await newOrg();
    await seedStaff(org);
    const before = await snapshot(org);
    const admin = await signallingConnection();
    const own = await connect(appUrl(), 1); // the killed connection is not the shared pool's
    let terminated = false;
    try {
      await expect(
        run(
          org,
          'sessions',
          [
            SESSIONS_HEADER,
            'SE1,2024-01-10,60,ONE_TO_ONE,HELD,SUP,,S1,',
            'SE2,2024-01-11,60,ONE_TO_ONE,HELD,,Dr New External,S2,',
            'SE3,2024-01-12,60,GROUP,HELD,SUP,,S1;S2,',
          ].join('\n'),
          {
            batchSize: 1,
            hooks: {
              async afterBatchWritten({ toRow }, db) {
                if (toRow !== 2) return;
                const [{ pid }] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
                const result = await admin.query('SELECT pg_terminate_backend($1) AS done', [pid]);
                terminated = result.rows[0].done === true;
              },
            },
          },
          own,
        ),
      ).rejects.toThrow(/terminat|Connection/i);
    } finally {
      await admin.end();
      await own.destroy().catch(() => undefined);
    }
    expect(terminated).toBe(true);
    expect(await snapshot(org)).toEqual(before);
  });

  it('never reads or touches another organisation’s records', async () => {
    const a = await newOrg();
    const b = await newOrg();
    await seedStaff(b);
    const bBefore = await snapshot(b);
    // Org A's file uses org B's references: they are unknown in A, and B is untouched.
    const absences = await run(
      a,
      'absences',
      'absence_ref,staff_ref,start_date,reason\nAB1,S1,2024-01-01,OTHER\n',
    );
    expect(absences.problems).toEqual([
      problem(2, 'staff_ref', 'S1', /^No staff member has this reference/),
    ]);
    const staff = await run(
      a,
      'staff',
      staffCsv(['S1,Someone Else,Family Support,,,0.5,2020-01-01,,,']),
    );
    expect(staff.counts).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0 });
    expect(await snapshot(b)).toEqual(bBefore);
    expect(await exportOf(a, 'staff')).not.toContain('Ann Lee');
  });
});

/** An organisation's records as the reference metrics take them (in reference order, so
 * floating-point sums add up in the same order in both organisations). */
async function orgData(org: Pick<Org, 'id'>): Promise<OrgData> {
  const staff = await query(
    org,
    `SELECT id, service_id, practitioner_type, fte::float AS fte, start_date, end_date, leaving_reason,
            requires_supervision FROM staff_members WHERE tenant_id = $1 ORDER BY staff_ref`,
  );
  const agreements = await query(
    org,
    `SELECT id, staff_id, interval, start_date, end_date, review_due_date, counted_formats
       FROM supervision_agreements WHERE tenant_id = $1 ORDER BY agreement_ref`,
  );
  const sessions = await query(
    org,
    `SELECT x.id, x.date, x.duration_minutes, x.format, x.status, x.functions,
            array(SELECT a.staff_id FROM session_attendees a
                   WHERE a.tenant_id = x.tenant_id AND a.session_id = x.id
                   ORDER BY (SELECT st.staff_ref FROM staff_members st WHERE st.tenant_id = a.tenant_id AND st.id = a.staff_id)) AS attendee_ids
       FROM supervision_sessions x WHERE x.tenant_id = $1 ORDER BY x.session_ref`,
  );
  const absences = await query(
    org,
    'SELECT id, staff_id, start_date, end_date, reason FROM absence_episodes WHERE tenant_id = $1 ORDER BY absence_ref',
  );
  return {
    settings: DEFAULT_ORG_SETTINGS,
    staff: staff.map((r) => ({
      id: r.id,
      serviceId: r.service_id,
      practitionerType: r.practitioner_type,
      fte: r.fte,
      startDate: r.start_date,
      endDate: r.end_date,
      leavingReason: r.leaving_reason,
      requiresSupervision: r.requires_supervision,
    })),
    agreements: agreements.map((r) => ({
      id: r.id,
      staffId: r.staff_id,
      interval: r.interval,
      startDate: r.start_date,
      endDate: r.end_date,
      reviewDueDate: r.review_due_date,
      countedFormats: r.counted_formats,
    })),
    sessions: sessions.map((r) => ({
      id: r.id,
      date: r.date,
      durationMinutes: r.duration_minutes,
      format: r.format,
      status: r.status,
      attendeeIds: r.attendee_ids,
      functions: r.functions,
    })),
    absences: absences.map((r) => ({
      id: r.id,
      staffId: r.staff_id,
      startDate: r.start_date,
      endDate: r.end_date,
      reason: r.reason,
    })),
  };
}

/**
 * A connection that may terminate the API role's backends: the owner if it
 * can, else the cluster's superuser (CI: `postgres` with trust on 127.0.0.1;
 * the embedded database: its superuser password). Fails loudly, never skips.
 */
async function signallingConnection(): Promise<Client> {
  const owner = new URL(ownerUrl());
  const candidates = [
    ownerUrl(),
    withCredentials(ownerUrl(), 'postgres', ''),
    withCredentials(ownerUrl(), 'postgres', 'holdspace_embedded'),
  ];
  const tried: string[] = [];
  for (const url of candidates) {
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query(
        `SELECT rolsuper OR pg_has_role(current_user, 'pg_signal_backend', 'MEMBER')
                OR pg_has_role(current_user, 'holdspace_app', 'MEMBER') AS can
           FROM pg_roles WHERE rolname = current_user`,
      );
      if (rows[0]?.can) return client;
      tried.push(`${new URL(url).username}: may not signal holdspace_app`);
      await client.end();
    } catch (error) {
      tried.push(`${new URL(url).username}: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(
    `Cannot terminate a connection on ${owner.host} to test a lost connection (tried ${tried.join('; ')}). ` +
      'Give the test a role that may: a superuser, or a member of pg_signal_backend.',
  );
}

describe('export', () => {
  it('exports the import formats, neutralising formula-like text, and re-imports unchanged', async () => {
    const org = await newOrg();
    await run(
      org,
      'staff',
      staffCsv([
        `S1,"=HYPERLINK(""http://evil.example"",""click"")",Family Support,+Lead,@risk,1,2023-01-01,,,`,
        `S2,"Lee, Ann",Family Support,-,'quoted,0.25,2023-01-01,2024-03-31,RETIREMENT,false`,
      ]),
    );
    expect(
      await query(
        org,
        'SELECT staff_ref, display_name, role_title, practitioner_type FROM staff_members WHERE tenant_id = $1 ORDER BY 1',
      ),
    ).toEqual([
      {
        staff_ref: 'S1',
        display_name: '=HYPERLINK("http://evil.example","click")',
        role_title: '+Lead',
        practitioner_type: '@risk',
      },
      { staff_ref: 'S2', display_name: 'Lee, Ann', role_title: '-', practitioner_type: "'quoted" },
    ]);
    const csv = await exportOf(org, 'staff');
    expect(csv).toBe(
      '\uFEFF' +
        `${STAFF_HEADER}\r\n` +
        `S1,"'=HYPERLINK(""http://evil.example"",""click"")",Family Support,'+Lead,'@risk,1,2023-01-01,,,true\r\n` +
        `S2,"Lee, Ann",Family Support,'-,''quoted,0.25,2023-01-01,2024-03-31,RETIREMENT,false\r\n`,
    );
    expect((await run(org, 'staff', csv)).counts).toEqual({
      rows: 2,
      created: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('exports a record without a reference under its id, which re-imports as the same record', async () => {
    const org = await newOrg();
    const id = '0b7c7a52-8c1b-4a3e-9d55-3f1e0d9b2a10';
    await query(
      org,
      `INSERT INTO staff_members (tenant_id, id, service_id, staff_ref, fte, start_date) VALUES ($1, $2, $3, NULL, 1, '2023-01-01')`,
      [id, org.serviceId],
    );
    const csv = await exportOf(org, 'staff');
    expect(csv.split('\r\n')[1]).toBe(`${id},,Family Support,,,1,2023-01-01,,,true`);
    expect((await run(org, 'staff', csv)).counts).toEqual({
      rows: 1,
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await query(org, 'SELECT staff_ref FROM staff_members WHERE tenant_id = $1')).toEqual([
      { staff_ref: null },
    ]);
  });

  it('demo data: export → import into a new organisation → identical records and metrics; re-imports change nothing', async () => {
    const source = await newOrg('Unused');
    const data = generateOrganisation(seededRandom(7), {
      refPrefix: 'RT',
      serviceNames: ['Family Support', 'Counselling'],
      staffCount: 40,
      today: '2025-06-30',
      years: 2,
    });
    await withTenant(ds, { userId: null, tenantId: source.id }, (db) =>
      loadOrganisation((sql, params) => db.query(sql, params), source.id, data),
    );
    const kinds: ImportKind[] = ['staff', 'agreements', 'sessions', 'absences'];
    const exported: Record<string, string> = {};
    // Small pages, so the export's keyset paging is exercised too.
    for (const kind of kinds) exported[kind] = await exportOf(source, kind, 7);
    expect(exported.staff.split('\r\n').length - 2).toBe(40);
    expect(exported.sessions.split('\r\n').length - 2).toBe(data.sessions.length);

    const target = await newOrg('Unused');
    for (const kind of kinds) {
      const report = await run(target, kind, exported[kind], { createMissingServices: true });
      expect({ kind, problems: report.problems, committed: report.committed }).toEqual({
        kind,
        problems: [],
        committed: true,
      });
    }
    for (const kind of kinds)
      expect({ kind, csv: await exportOf(target, kind) }).toEqual({ kind, csv: exported[kind] });

    // Identical metrics: every headline and the monthly series, by the reference implementation.
    const period = { from: '2023-07-01', to: '2025-06-30' };
    const [before, after] = [await orgData(source), await orgData(target)];
    expect(after.staff.length).toBe(40);
    expect(computeHeadlines(after, period)).toEqual(computeHeadlines(before, period));
    expect(computeMonthlySeries(after, period)).toEqual(computeMonthlySeries(before, period));

    for (const org of [source, target]) {
      for (const kind of kinds) {
        const report = await run(org, kind, exported[kind]);
        expect({ kind, counts: report.counts }).toEqual({
          kind,
          counts: {
            rows: report.counts.rows,
            created: 0,
            updated: 0,
            unchanged: report.counts.rows,
          },
        });
      }
    }
  });
});
