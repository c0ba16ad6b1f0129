/**
 * The rollup `shared_service_months` (docs/commissioning.md, "The rollup"):
 * - its rows are the reference's counts (hand-computed examples);
 * - it never drifts: after random writes to a sharing provider through the one commit path
 *   (RequestDb: GraphQL requests, imports, the command line and test helpers commit there),
 *   it equals a recomputation from scratch;
 * - a write that bypasses that path in a sharing organisation cannot commit;
 * - months that complete are added by the job, which lists providers without bypassing
 *   row-level security.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  SESSION_FORMATS,
  SESSION_STATUSES,
  SUPERVISION_INTERVALS,
  addMonthsClamped,
} from '@holdspace/shared';
import {
  appUrl,
  asTenant,
  connect,
  createOrganisation,
  createUser,
  gql,
  memberOf,
  startTestServer,
} from '../../test/helpers';
import { ALL_MONTHS } from '../db/migrations/1795334261012-Commissioning';
import type { RunningHoldspace } from '../server';
import { importRecords } from '../imports/import.service';
import { startRollupJob } from './rollup.job';
import { RequestDb, withTenant } from '../tenancy/request-db';
import { insertOrg, type FixtureOrg } from '../metrics/testing/org-fixture';
import {
  completeMonths,
  completeSharedMonths,
  lastCompleteMonth,
  refreshRollup,
  todayIn,
} from './rollup.service';

const SEED = Number(process.env.ROLLUP_PROPERTY_SEED ?? 6061);
const NUM_RUNS = Number(process.env.ROLLUP_PROPERTY_RUNS ?? 25);

const ROWS = `
  SELECT service_id, month::text AS month, practitioner_type, staff_count, headcount_start,
         headcount_end, eligible_start, eligible_end, in_date_end, leavers, fte_days_available,
         fte_days_lost, sessions_held, sessions_missed, supervision_minutes::int AS supervision_minutes,
         supervision_cost_per_worker_year::text AS cost, currency
    FROM shared_service_months WHERE tenant_id = $1
   ORDER BY service_id, month, practitioner_type`;

const rowsOf = (ds: DataSource, tenantId: string) => asTenant(ds, tenantId, ROWS, [tenantId]);

/** The rollup recomputed from scratch (every month), read, and rolled back. */
async function fromScratch(ds: DataSource, tenantId: string): Promise<unknown[]> {
  const done = new Error('rolled back on purpose');
  let rows: unknown[] = [];
  try {
    await withTenant(ds, { userId: null, tenantId }, async (db) => {
      await db.query('DELETE FROM shared_service_months WHERE tenant_id = $1', [tenantId]);
      await refreshRollup(db, ALL_MONTHS);
      rows = await db.query(ROWS, [tenantId]);
      throw done;
    });
  } catch (error) {
    if (error !== done) throw error;
  }
  return rows;
}

/** An ACTIVE agreement written directly (as the provider would through acceptSharing). */
async function share(
  ds: DataSource,
  providerId: string,
  commissionerId: string,
  serviceIds: string[],
  sharedFrom: string,
): Promise<string> {
  const id = randomUUID();
  await withTenant(ds, { userId: null, tenantId: providerId }, async (db) => {
    await db.query(
      `INSERT INTO sharing_agreements (tenant_id, id, commissioner_id, status, responded_at, shared_from)
       VALUES ($1, $2, $3, 'ACTIVE', now(), $4)`,
      [providerId, id, commissionerId, sharedFrom],
    );
    await db.query(
      `INSERT INTO sharing_agreement_services (tenant_id, agreement_id, service_id)
       SELECT $1, $2, unnest($3::uuid[])`,
      [providerId, id, serviceIds],
    );
  });
  return id;
}

const SETTINGS: FixtureOrg['settings'] = {
  defaultInterval: 'MONTHLY',
  countedFormats: ['ONE_TO_ONE', 'GROUP'],
  supervisionCostPerWorkerYear: 563,
  recruitmentCostPerLeaver: 1612,
  suppressionThreshold: 5,
};

const staffMember = (
  serviceId: string,
  fields: Partial<FixtureOrg['staff'][number]> = {},
): FixtureOrg['staff'][number] => ({
  id: randomUUID(),
  serviceId,
  practitionerType: null,
  fte: 1,
  startDate: '2024-01-01',
  endDate: null,
  leavingReason: null,
  requiresSupervision: true,
  ...fields,
});

describe('shared_service_months', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await connect(appUrl());
  });
  afterAll(() => ds.destroy());

  it("holds the reference's counts of each shared service, month and practitioner type", async () => {
    const A = randomUUID();
    const B = randomUUID();
    const s1 = staffMember(A, { practitionerType: 'COUNSELLOR' });
    const s2 = staffMember(A, {
      practitionerType: 'SOCIAL_WORKER',
      fte: 0.5,
      startDate: '2024-01-15',
      endDate: '2024-02-10',
      leavingReason: 'RESIGNATION',
    });
    const s3 = staffMember(A, { startDate: '2023-01-01', requiresSupervision: false });
    const s4 = staffMember(B, { practitionerType: 'COUNSELLOR' });
    const session = (
      date: string,
      status: string,
      format: string,
      durationMinutes: number,
      attendeeIds: string[],
    ) =>
      ({
        id: randomUUID(),
        date,
        status,
        format,
        durationMinutes,
        attendeeIds,
        functions: [],
      }) as FixtureOrg['sessions'][number];
    const provider = await insertOrg(ds, {
      settings: SETTINGS,
      staff: [s1, s2, s3, s4],
      agreements: [],
      sessions: [
        session('2024-01-20', 'HELD', 'GROUP', 90, [s1.id, s2.id]),
        session('2024-01-25', 'CANCELLED', 'ONE_TO_ONE', 60, [s1.id]),
        session('2024-02-05', 'DID_NOT_ATTEND', 'ONE_TO_ONE', 60, [s2.id]),
        session('2024-02-20', 'HELD', 'PEER', 60, [s1.id]), // held, but PEER does not count
        session('2024-02-21', 'HELD', 'ONE_TO_ONE', 60, [s4.id]), // another service
      ],
      absences: [
        {
          id: randomUUID(),
          staffId: s1.id,
          startDate: '2024-02-01',
          endDate: '2024-02-03',
          reason: 'OTHER',
        },
      ],
    });
    const commissioner = await createOrganisation(ds, { kind: 'COMMISSIONER' });
    await share(ds, provider.id, commissioner.id, [A], '2024-01-01');

    const rows = await rowsOf(ds, provider.id);
    const pick = (month: string, type: string) =>
      rows.find((r) => r.month === month && r.practitioner_type === type);
    const counts = (r: Record<string, unknown> | undefined) =>
      r && [
        r.staff_count,
        r.headcount_start,
        r.headcount_end,
        r.eligible_start,
        r.eligible_end,
        r.in_date_end,
        r.leavers,
        r.fte_days_available,
        r.fte_days_lost,
        r.sessions_held,
        r.sessions_missed,
        r.supervision_minutes,
      ];
    // staff, headcount start/end, eligible start/end, in date at the end, leavers,
    // FTE days available/lost, sessions held/missed, supervision minutes
    expect(counts(pick('2024-01-01', ''))).toEqual([3, 2, 3, 1, 2, 2, 0, 70.5, 0, 1, 1, 180]);
    expect(counts(pick('2024-01-01', 'COUNSELLOR'))).toEqual([
      1, 1, 1, 1, 1, 1, 0, 31, 0, 1, 1, 90,
    ]);
    expect(counts(pick('2024-01-01', 'SOCIAL_WORKER'))).toEqual([
      1, 0, 1, 0, 1, 1, 0, 8.5, 0, 1, 0, 90,
    ]);
    expect(counts(pick('2024-02-01', ''))).toEqual([3, 3, 2, 2, 1, 0, 1, 63, 3, 1, 1, 0]);
    expect(counts(pick('2024-02-01', 'COUNSELLOR'))).toEqual([1, 1, 1, 1, 1, 0, 0, 29, 3, 1, 0, 0]);
    expect(counts(pick('2024-02-01', 'SOCIAL_WORKER'))).toEqual([
      1, 1, 0, 1, 0, 0, 1, 5, 0, 0, 1, 0,
    ]);
    // The social worker has left: no row for the type from March on.
    expect(pick('2024-03-01', 'SOCIAL_WORKER')).toBeUndefined();
    expect(pick('2024-03-01', '')).toMatchObject({
      staff_count: 2,
      cost: '563.00',
      currency: 'GBP',
    });

    // Every complete month since shared_from, of the shared service only; never this month.
    const last = lastCompleteMonth(todayIn('Europe/London'));
    const months = [...new Set(rows.map((r) => r.month))];
    expect(months[0]).toBe('2024-01-01');
    expect(months.at(-1)).toBe(last);
    expect(new Set(rows.map((r) => r.service_id))).toEqual(new Set([A]));
    expect(rows.filter((r) => r.practitioner_type === '')).toHaveLength(months.length);
  });

  it('starts at the first month that begins on or after shared_from', async () => {
    const A = randomUUID();
    const provider = await insertOrg(ds, {
      settings: SETTINGS,
      staff: [staffMember(A)],
      agreements: [],
      sessions: [],
      absences: [],
    });
    const commissioner = await createOrganisation(ds, { kind: 'COMMISSIONER' });
    await share(ds, provider.id, commissioner.id, [A], '2025-03-15');
    const rows = await rowsOf(ds, provider.id);
    expect(rows[0].month).toBe('2025-04-01');
  });

  it('refuses to commit a write that leaves the rollup stale, in a sharing organisation only', async () => {
    const A = randomUUID();
    const provider = await insertOrg(ds, {
      settings: SETTINGS,
      staff: [staffMember(A)],
      agreements: [],
      sessions: [],
      absences: [],
    });
    const bystander = await insertOrg(ds, {
      settings: SETTINGS,
      staff: [staffMember(randomUUID())],
      agreements: [],
      sessions: [],
      absences: [],
    });
    const commissioner = await createOrganisation(ds, { kind: 'COMMISSIONER' });
    await share(ds, provider.id, commissioner.id, [A], '2024-01-01');

    // A plain connection as the API's role, writing without the API's refresh.
    const client = new Client({ connectionString: appUrl() });
    await client.connect();
    try {
      const direct = async (tenantId: string, serviceId: string) => {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        const id = randomUUID();
        await client.query(
          `INSERT INTO staff_members (tenant_id, id, service_id, fte, start_date)
           VALUES ($1, $2, $3, 1, '2024-06-01')`,
          [tenantId, id, serviceId],
        );
        try {
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        return id;
      };
      await expect(direct(provider.id, A)).rejects.toThrow(
        /changed without refreshing the shared rollup/,
      );
      const [bystanderService] = await asTenant(
        ds,
        bystander.id,
        'SELECT id FROM services WHERE tenant_id = $1',
        [bystander.id],
      );
      const kept = await direct(bystander.id, bystanderService.id);
      expect(
        await asTenant(ds, bystander.id, 'SELECT id FROM staff_members WHERE id = $1', [kept]),
      ).toHaveLength(1);
    } finally {
      await client.end();
    }
    // Nothing of the refused transaction remains; the same write through the path commits.
    const before = await rowsOf(ds, provider.id);
    expect(
      await asTenant(
        ds,
        provider.id,
        'SELECT count(*)::int AS n FROM staff_members WHERE tenant_id = $1',
        [provider.id],
      ),
    ).toEqual([{ n: 1 }]);
    await asTenant(
      ds,
      provider.id,
      `INSERT INTO staff_members (tenant_id, id, service_id, fte, start_date)
       VALUES ($1, $2, $3, 1, '2024-06-01')`,
      [provider.id, randomUUID(), A],
    );
    const after = await rowsOf(ds, provider.id);
    const june = (rows: Record<string, unknown>[]) =>
      rows.find((r) => r.month === '2024-06-01' && r.practitioner_type === '')?.headcount_end;
    expect([june(before), june(after)]).toEqual([1, 2]);
    expect(await asTenant(ds, provider.id, 'SELECT * FROM shared_rollup_dirty')).toEqual([]);
  });

  it('adds the months that complete, for every sharing provider (the hourly job)', async () => {
    const A = randomUUID();
    const provider = await insertOrg(ds, {
      settings: SETTINGS,
      staff: [staffMember(A)],
      agreements: [],
      sessions: [],
      absences: [],
    });
    const commissioner = await createOrganisation(ds, { kind: 'COMMISSIONER' });
    await share(ds, provider.id, commissioner.id, [A], '2024-01-01');
    const last = lastCompleteMonth(todayIn('Europe/London'));
    // In one transaction (so that no other server's job completes the months meanwhile):
    // as if computed two months ago, the last two months are missing.
    const earlier = addMonthsClamped(last, -2);
    const seen = await withTenant(ds, { userId: null, tenantId: provider.id }, async (db) => {
      const lastMonth = async () =>
        (
          await db.query<{ m: string }>('SELECT max(month)::text AS m FROM shared_service_months')
        )[0].m;
      await db.query('DELETE FROM shared_service_months WHERE tenant_id = $1 AND month > $2', [
        provider.id,
        earlier,
      ]);
      const before = await lastMonth();
      // One month later than that: one month more.
      await completeMonths(db, { today: addMonthsClamped(earlier, 2) });
      const monthLater = await lastMonth();
      // Today: up to date.
      await completeMonths(db);
      return [before, monthLater, await lastMonth()];
    });
    expect(seen).toEqual([earlier, addMonthsClamped(earlier, 1), last]);
    // The job itself, for every sharing provider: nothing left to add for this one.
    await completeSharedMonths(ds);
    expect(await rowsOf(ds, provider.id)).toEqual(await fromScratch(ds, provider.id));
  });

  it('follows a CSV import (the import commits through the same path)', async () => {
    const A = randomUUID();
    const provider = await insertOrg(ds, {
      settings: SETTINGS,
      staff: [staffMember(A)],
      agreements: [],
      sessions: [],
      absences: [],
      serviceNames: { [A]: 'Family Support' },
    });
    const commissioner = await createOrganisation(ds, { kind: 'COMMISSIONER' });
    await share(ds, provider.id, commissioner.id, [A], '2024-01-01');
    const csv =
      [
        'staff_ref,display_name,service,role_title,practitioner_type,fte,start_date,end_date,leaving_reason,requires_supervision',
        'S1,Ann Lee,Family Support,,Counsellor,1,2024-03-01,,,',
        'S2,Bo Chan,Family Support,,Counsellor,0.5,2024-04-01,2024-09-30,RESIGNATION,',
      ].join('\r\n') + '\r\n';
    const db = new RequestDb(ds, { userId: null, tenantId: provider.id });
    const report = await importRecords(
      db,
      { userId: (await createUser(ds)).id, requestId: null },
      Readable.from([Buffer.from(csv)]),
      {
        kind: 'staff',
        dryRun: false,
        createMissingServices: false,
      },
    );
    expect(report.ok).toBe(true);
    await db.finish(report.committed);
    const rows = await rowsOf(ds, provider.id);
    const counsellors = rows.filter((r) => r.practitioner_type === 'Counsellor');
    expect(counsellors.map((r) => [r.month, r.headcount_end]).slice(0, 3)).toEqual([
      ['2024-03-01', 1],
      ['2024-04-01', 2],
      ['2024-05-01', 2],
    ]);
    expect(rows.find((r) => r.month === '2024-09-01' && r.practitioner_type === '')?.leavers).toBe(
      1,
    );
    expect(rows).toEqual(await fromScratch(ds, provider.id));
  });

  it('runs the job at start and on its timer, and stops it', async () => {
    const A = randomUUID();
    const provider = await insertOrg(ds, {
      settings: SETTINGS,
      staff: [staffMember(A)],
      agreements: [],
      sessions: [],
      absences: [],
    });
    const commissioner = await createOrganisation(ds, { kind: 'COMMISSIONER' });
    await share(ds, provider.id, commissioner.id, [A], '2024-01-01');
    const last = lastCompleteMonth(todayIn('Europe/London'));
    const dropLastMonth = () =>
      asTenant(ds, provider.id, 'DELETE FROM shared_service_months WHERE month = $1', [last]);
    const hasLastMonth = async () =>
      (
        await asTenant(ds, provider.id, 'SELECT 1 FROM shared_service_months WHERE month = $1', [
          last,
        ])
      ).length > 0;
    const until = async (done: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 25));
      return done();
    };
    // The job's own reports (other servers' jobs may run on this database too).
    const added: number[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => added.push(JSON.parse(line).rows ?? 0) },
    );
    const addedByJob = async () => added.filter((n) => n > 0).length;
    await dropLastMonth();
    const job = startRollupJob(ds, logger, 150);
    try {
      expect(await until(async () => (await addedByJob()) >= 1)).toBe(true); // at start
      expect(await hasLastMonth()).toBe(true);
      await dropLastMonth();
      expect(await until(async () => (await addedByJob()) >= 2)).toBe(true); // on the timer
      expect(await hasLastMonth()).toBe(true);
    } finally {
      await job.stop();
    }
    const runs = added.length;
    await dropLastMonth();
    await new Promise((r) => setTimeout(r, 450));
    expect(added.length).toBe(runs); // stopped: no run since
    await completeSharedMonths(ds);
  });

  it('lists sharing providers through a function that answers ids only', async () => {
    const rows = await withTenant(ds, { userId: null, tenantId: null }, (db) =>
      db.query<Record<string, unknown>>('SELECT * FROM sharing_providers() LIMIT 1'),
    );
    for (const row of rows) expect(Object.keys(row)).toEqual(['provider_id']);
    // Without the function, the API's role sees no agreement of any organisation.
    expect(
      await withTenant(ds, { userId: null, tenantId: null }, (db) =>
        db.query('SELECT * FROM sharing_agreements'),
      ),
    ).toEqual([]);
    // The setting the function reads is for the owner role only.
    expect(
      await withTenant(ds, { userId: null, tenantId: null }, async (db) => {
        await db.query(`SELECT set_config('app.sharing_providers', 'on', true)`);
        return db.query('SELECT * FROM sharing_agreements');
      }),
    ).toEqual([]);
  });

  describe('never drifts from the records', () => {
    type World = {
      tenantId: string;
      supervisorId: string;
      services: string[];
      staffIds: string[];
      sessionIds: string[];
      commissioners: string[];
    };
    const TYPES = ['COUNSELLOR', 'SOCIAL_WORKER', null];
    const day = fc
      .integer({ min: 0, max: 365 * 4 })
      .map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const pickIndex = fc.nat({ max: 1000 });
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('session' as const),
        date: day,
        status: fc.constantFrom(...SESSION_STATUSES),
        format: fc.constantFrom(...SESSION_FORMATS),
        minutes: fc.integer({ min: 15, max: 120 }),
        attendees: fc.array(pickIndex, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('cancelSession' as const),
        which: pickIndex,
        status: fc.constantFrom('CANCELLED', 'DID_NOT_ATTEND', 'HELD'),
      }),
      fc.record({ kind: fc.constant('moveSession' as const), which: pickIndex, date: day }),
      fc.record({ kind: fc.constant('deleteSession' as const), which: pickIndex }),
      fc.record({
        kind: fc.constant('start' as const),
        service: pickIndex,
        type: fc.constantFrom(...TYPES),
        fte: fc.constantFrom(0.4, 0.5, 0.8, 1),
        date: day,
        requires: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('leave' as const), which: pickIndex, date: day }),
      fc.record({
        kind: fc.constant('change' as const),
        which: pickIndex,
        service: pickIndex,
        type: fc.constantFrom(...TYPES),
      }),
      fc.record({
        kind: fc.constant('absence' as const),
        which: pickIndex,
        date: day,
        days: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      }),
      fc.record({
        kind: fc.constant('agreement' as const),
        which: pickIndex,
        date: day,
        interval: fc.constantFrom(...SUPERVISION_INTERVALS),
      }),
      fc.record({
        kind: fc.constant('settings' as const),
        cost: fc.integer({ min: 100, max: 2000 }),
        interval: fc.constantFrom(...SUPERVISION_INTERVALS),
        formats: fc.subarray([...SESSION_FORMATS], { minLength: 1 }),
      }),
      fc.record({
        kind: fc.constant('shareServices' as const),
        services: fc.subarray([0, 1, 2], { minLength: 1 }),
        from: fc.constantFrom('2023-01-01', '2024-02-15', '2025-01-01'),
      }),
      fc.record({ kind: fc.constant('revoke' as const) }),
    );
    const batch = fc.record({
      ops: fc.array(op, { minLength: 1, maxLength: 4 }),
      rollback: fc.nat({ max: 3 }).map((n) => n === 0), // one batch in four rolled back
    });

    const at = <T>(list: T[], i: number): T | undefined =>
      list.length === 0 ? undefined : list[i % list.length];

    type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

    async function apply(db: RequestDb, w: World, o: Op) {
      const t = w.tenantId;
      switch (o.kind) {
        case 'session': {
          const id = randomUUID();
          const attendees = [...new Set(o.attendees.map((i: number) => at(w.staffIds, i)))];
          if (attendees.length === 0 || attendees[0] === undefined) return;
          await db.query(
            `INSERT INTO supervision_sessions (tenant_id, id, date, duration_minutes, format, status, supervisor_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [t, id, o.date, o.minutes, o.format, o.status, w.supervisorId],
          );
          await db.query(
            `INSERT INTO session_attendees (tenant_id, session_id, staff_id) SELECT $1, $2, unnest($3::uuid[])`,
            [t, id, attendees],
          );
          w.sessionIds.push(id);
          return;
        }
        case 'cancelSession': {
          const id = at(w.sessionIds, o.which);
          if (id)
            await db.query(
              'UPDATE supervision_sessions SET status = $3 WHERE tenant_id = $1 AND id = $2',
              [t, id, o.status],
            );
          return;
        }
        case 'moveSession': {
          const id = at(w.sessionIds, o.which);
          if (id)
            await db.query(
              'UPDATE supervision_sessions SET date = $3 WHERE tenant_id = $1 AND id = $2',
              [t, id, o.date],
            );
          return;
        }
        case 'deleteSession': {
          const id = at(w.sessionIds, o.which);
          if (!id) return;
          await db.query('DELETE FROM supervision_sessions WHERE tenant_id = $1 AND id = $2', [
            t,
            id,
          ]);
          w.sessionIds = w.sessionIds.filter((s) => s !== id);
          return;
        }
        case 'start': {
          const id = randomUUID();
          await db.query(
            `INSERT INTO staff_members (tenant_id, id, service_id, practitioner_type, fte, start_date, requires_supervision)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [t, id, at(w.services, o.service), o.type, o.fte, o.date, o.requires],
          );
          w.staffIds.push(id);
          return;
        }
        case 'leave': {
          const id = at(w.staffIds, o.which);
          if (!id) return;
          await db.query(
            `UPDATE staff_members SET end_date = GREATEST(start_date, $3::date), leaving_reason = 'RESIGNATION'
              WHERE tenant_id = $1 AND id = $2`,
            [t, id, o.date],
          );
          return;
        }
        case 'change': {
          const id = at(w.staffIds, o.which);
          if (!id) return;
          await db.query(
            'UPDATE staff_members SET service_id = $3, practitioner_type = $4 WHERE tenant_id = $1 AND id = $2',
            [t, id, at(w.services, o.service), o.type],
          );
          return;
        }
        case 'absence': {
          const id = at(w.staffIds, o.which);
          if (!id) return;
          await db.query(
            `INSERT INTO absence_episodes (tenant_id, id, staff_id, start_date, end_date, reason)
             VALUES ($1, $2, $3, $4::date, $4::date + $5::int, 'OTHER')`,
            [t, randomUUID(), id, o.date, o.days],
          );
          return;
        }
        case 'agreement': {
          const id = at(w.staffIds, o.which);
          if (!id) return;
          await db.query(
            `INSERT INTO supervision_agreements (tenant_id, id, staff_id, supervisor_id, interval, start_date)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [t, randomUUID(), id, w.supervisorId, o.interval, o.date],
          );
          return;
        }
        case 'settings':
          await db.query(
            `UPDATE organisations SET supervision_cost_per_worker_year = $2, default_interval = $3,
                    counted_formats = $4 WHERE id = $1`,
            [t, o.cost, o.interval, o.formats],
          );
          return;
        case 'shareServices': {
          // The newest commissioner's agreement: its services and first day change (or it
          // starts again, after a revocation).
          const commissioner = w.commissioners.at(-1)!;
          const [active] = await db.query<{ id: string }>(
            `SELECT id FROM sharing_agreements WHERE tenant_id = $1 AND commissioner_id = $2 AND status = 'ACTIVE'`,
            [t, commissioner],
          );
          const id = active?.id ?? randomUUID();
          if (!active) {
            await db.query(
              `INSERT INTO sharing_agreements (tenant_id, id, commissioner_id, status, shared_from)
               VALUES ($1, $2, $3, 'ACTIVE', $4)`,
              [t, id, commissioner, o.from],
            );
          } else {
            await db.query(
              'UPDATE sharing_agreements SET shared_from = $3 WHERE tenant_id = $1 AND id = $2',
              [t, id, o.from],
            );
          }
          const ids = o.services.map((i: number) => w.services[i]);
          await db.query(
            'DELETE FROM sharing_agreement_services WHERE tenant_id = $1 AND agreement_id = $2 AND NOT (service_id = ANY ($3::uuid[]))',
            [t, id, ids],
          );
          await db.query(
            `INSERT INTO sharing_agreement_services (tenant_id, agreement_id, service_id)
             SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
            [t, id, ids],
          );
          return;
        }
        case 'revoke':
          await db.query(
            `UPDATE sharing_agreements SET status = 'REVOKED', revoked_at = now()
              WHERE tenant_id = $1 AND commissioner_id = $2 AND status = 'ACTIVE'`,
            [t, w.commissioners.at(-1)],
          );
          return;
      }
    }

    it(`equals a recomputation from scratch after random writes (${NUM_RUNS} providers, seed ${SEED})`, async () => {
      const commissioners = [
        (await createOrganisation(ds, { kind: 'COMMISSIONER' })).id,
        (await createOrganisation(ds, { kind: 'COMMISSIONER' })).id,
      ];
      await fc.assert(
        fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 6 }), async (batches) => {
          const services = [randomUUID(), randomUUID(), randomUUID()];
          const staff = services.flatMap((serviceId, i) => [
            staffMember(serviceId, { practitionerType: 'COUNSELLOR', startDate: '2023-03-01' }),
            staffMember(serviceId, { practitionerType: i ? 'SOCIAL_WORKER' : null, fte: 0.6 }),
          ]);
          const provider = await insertOrg(ds, {
            settings: SETTINGS,
            staff,
            agreements: [],
            sessions: [],
            absences: [],
          });
          const w: World = {
            tenantId: provider.id,
            supervisorId: provider.supervisorId,
            services,
            staffIds: staff.map((s) => s.id),
            sessionIds: [],
            commissioners,
          };
          // Two commissioners: one shares services 0 and 1 from 2024; the other (changed by
          // the writes) service 1 from 2025.
          await share(ds, w.tenantId, commissioners[0], [services[0], services[1]], '2024-01-01');
          await share(ds, w.tenantId, commissioners[1], [services[1]], '2025-01-01');
          for (const [i, b] of batches.entries()) {
            const rollback = new Error('rolled back on purpose');
            const saved = { staffIds: [...w.staffIds], sessionIds: [...w.sessionIds] };
            try {
              await withTenant(ds, { userId: null, tenantId: w.tenantId }, async (db) => {
                for (const o of b.ops) await apply(db, w, o);
                if (b.rollback) throw rollback;
              });
            } catch (error) {
              if (error !== rollback) throw error;
              Object.assign(w, saved);
            }
            const stored = await rowsOf(ds, w.tenantId);
            const expected = await fromScratch(ds, w.tenantId);
            if (JSON.stringify(stored) !== JSON.stringify(expected)) {
              expect({ batch: i, stored }).toEqual({ batch: i, stored: expected });
            }
          }
        }),
        { seed: SEED, numRuns: NUM_RUNS },
      );
    }, 120_000);
  });
});

describe('the rollup through GraphQL', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("follows a settings change made by the provider's admin", async () => {
    const ds = server.dataSource;
    const A = randomUUID();
    const provider = await insertOrg(ds, {
      settings: SETTINGS,
      staff: [staffMember(A)],
      agreements: [],
      sessions: [],
      absences: [],
    });
    const commissioner = await createOrganisation(ds, { kind: 'COMMISSIONER' });
    await share(ds, provider.id, commissioner.id, [A], '2024-01-01');
    const admin = await memberOf(server, provider.id, 'ORG_ADMIN');
    const result = await gql(
      server.url,
      `mutation($input: UpdateOrganisationSettingsInput!) {
         updateOrganisationSettings(input: $input) { supervisionCostPerWorkerYear } }`,
      { input: { supervisionCostPerWorkerYear: 640 } },
      { token: admin.token, org: provider.id },
    );
    expect(result.body.errors).toBeUndefined();
    const costs = await asTenant(
      ds,
      provider.id,
      'SELECT DISTINCT supervision_cost_per_worker_year::text AS c FROM shared_service_months',
    );
    expect(costs).toEqual([{ c: '640.00' }]);
  });
});
