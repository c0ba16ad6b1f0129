/**
 * `session_attendance` (migration SessionAttendance) never drifts: after any sequence of
 * writes to sessions and attendees — as the API's role, under row-level security, one or
 * several per transaction, some rolled back — the fact table equals its definition, a query
 * over the records:
 *
 *   one row per attendee, with the session's date, status (as a code), format (as a bit),
 *   duration and functions (as bits), and the session's number of attendees.
 *
 * The writes cover what the API and the CSV import do and more: sessions created with their
 * attendees in one statement, attendees added to and removed from a session, a session's
 * attendees replaced, one or several sessions' date, status, format, duration or functions
 * changed in one statement, an attendee's key changed (another person, another session),
 * sessions deleted (their attendees cascade), staff members deleted (theirs cascade).
 * Another organisation's rows never change.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { SESSION_FORMATS, SESSION_STATUSES, SUPERVISION_FUNCTIONS } from '@holdspace/shared';
import { appUrl, connect } from '../../test/helpers';
import { withTenant, type RequestDb } from '../tenancy/request-db';
import { insertOrg, type FixtureOrg } from './testing/org-fixture';

const SEED = Number(process.env.ATTENDANCE_PROPERTY_SEED ?? 1802);
const NUM_RUNS = Number(process.env.ATTENDANCE_PROPERTY_RUNS ?? 40);

const FACT = `
  SELECT session_id, staff_id, date::text AS date, status_code, format_bit, duration_minutes,
         function_bits, attendees
    FROM session_attendance
   WHERE tenant_id = $1
   ORDER BY session_id, staff_id`;

/** The definition, with its own spelling of the codes: position in the enum, bit, bits. */
const DEFINITION = `
  SELECT a.session_id, a.staff_id, s.date::text AS date,
         (CASE s.status WHEN 'SCHEDULED' THEN 1 WHEN 'HELD' THEN 2 WHEN 'CANCELLED' THEN 3
                        WHEN 'DID_NOT_ATTEND' THEN 4 END)::smallint AS status_code,
         (CASE s.format WHEN 'ONE_TO_ONE' THEN 1 WHEN 'GROUP' THEN 2 WHEN 'PEER' THEN 4
                        WHEN 'CASE_CONSULTATION' THEN 8 END)::smallint AS format_bit,
         s.duration_minutes,
         (SELECT COALESCE(sum(DISTINCT CASE f WHEN 'NORMATIVE' THEN 1 WHEN 'FORMATIVE' THEN 2
                                               WHEN 'RESTORATIVE' THEN 4 END), 0)
            FROM unnest(s.functions) f)::smallint AS function_bits,
         count(*) OVER (PARTITION BY a.tenant_id, a.session_id)::int AS attendees
    FROM session_attendees a
    JOIN supervision_sessions s ON s.tenant_id = a.tenant_id AND s.id = a.session_id
   WHERE a.tenant_id = $1
   ORDER BY a.session_id, a.staff_id`;

const STAFF = 6;

/** An organisation with `STAFF` staff members, no agreements or absences. */
function baseOrg(sessions: FixtureOrg['sessions'] = []): FixtureOrg {
  const serviceId = randomUUID();
  return {
    settings: {
      defaultInterval: 'MONTHLY',
      countedFormats: ['ONE_TO_ONE', 'GROUP'],
      supervisionCostPerWorkerYear: 563,
      recruitmentCostPerLeaver: 1612,
      suppressionThreshold: 5,
    },
    staff: Array.from({ length: STAFF }, () => ({
      id: randomUUID(),
      serviceId,
      practitionerType: null,
      fte: 1,
      startDate: '2020-01-01',
      endDate: null,
      leavingReason: null,
      requiresSupervision: true,
    })),
    agreements: [],
    sessions,
    absences: [],
  };
}

const dateArb = fc
  .integer({ min: 0, max: 800 })
  .map((n) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10));
const fieldsArb = fc.record({
  date: dateArb,
  status: fc.constantFrom(...SESSION_STATUSES),
  format: fc.constantFrom(...SESSION_FORMATS),
  duration: fc.integer({ min: 1, max: 480 }),
  // Repeats allowed: a function served twice is still one function.
  functions: fc.array(fc.constantFrom(...SUPERVISION_FUNCTIONS), { maxLength: 4 }),
});
const pick = fc.nat(1000);
const staffSet = fc.uniqueArray(fc.nat(STAFF - 1), { maxLength: 4 });

/** One write; numbers pick among the sessions / staff that exist when it runs. */
const opArb = fc.oneof(
  fc.record({ kind: fc.constant('addSession' as const), fields: fieldsArb, staff: staffSet }),
  fc.record({ kind: fc.constant('addAttendees' as const), session: pick, staff: staffSet }),
  fc.record({ kind: fc.constant('removeAttendee' as const), session: pick, staff: pick }),
  fc.record({ kind: fc.constant('replaceAttendees' as const), session: pick, staff: staffSet }),
  fc.record({
    kind: fc.constant('updateSessions' as const),
    sessions: fc.uniqueArray(pick, { minLength: 1, maxLength: 3 }),
    fields: fieldsArb,
    which: fc.subarray(['date', 'status', 'format', 'duration', 'functions'] as const, {
      minLength: 1,
    }),
  }),
  fc.record({ kind: fc.constant('touchSession' as const), session: pick }),
  fc.record({ kind: fc.constant('moveToStaff' as const), session: pick, staff: pick, to: pick }),
  fc.record({ kind: fc.constant('moveToSession' as const), session: pick, staff: pick, to: pick }),
  fc.record({ kind: fc.constant('deleteSession' as const), session: pick }),
  fc.record({ kind: fc.constant('deleteStaff' as const), staff: pick }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

interface World {
  tenantId: string;
  supervisorId: string;
  staffIds: string[];
}

async function sessionIds(db: RequestDb): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM supervision_sessions WHERE tenant_id = $1 ORDER BY id',
    [db.tenantId],
  );
  return rows.map((r) => r.id);
}

async function attendeesOf(db: RequestDb, sessionId: string): Promise<string[]> {
  const rows = await db.query<{ staff_id: string }>(
    'SELECT staff_id FROM session_attendees WHERE tenant_id = $1 AND session_id = $2 ORDER BY staff_id',
    [db.tenantId, sessionId],
  );
  return rows.map((r) => r.staff_id);
}

async function staffIdsOf(db: RequestDb): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM staff_members WHERE tenant_id = $1 ORDER BY id',
    [db.tenantId],
  );
  return rows.map((r) => r.id);
}

const at = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

async function insertAttendees(db: RequestDb, sessionId: string, staff: string[]): Promise<void> {
  if (staff.length === 0) return;
  await db.query(
    `INSERT INTO session_attendees (tenant_id, session_id, staff_id)
     SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
    [db.tenantId, sessionId, staff],
  );
}

/** Runs one write in `db`'s transaction. */
async function apply(db: RequestDb, world: World, op: Op): Promise<void> {
  const t = db.tenantId;
  const sessions = await sessionIds(db);
  const staff = await staffIdsOf(db);
  const chosen = (indexes: number[]) => [
    ...new Set(indexes.map((i) => at(staff, i)).filter((id): id is string => !!id)),
  ];
  switch (op.kind) {
    case 'addSession': {
      const id = randomUUID();
      const f = op.fields;
      await db.query(
        `INSERT INTO supervision_sessions (tenant_id, id, date, duration_minutes, format, status,
           supervisor_id, functions) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [t, id, f.date, f.duration, f.format, f.status, world.supervisorId, f.functions],
      );
      await insertAttendees(db, id, chosen(op.staff));
      return;
    }
    case 'addAttendees': {
      const session = at(sessions, op.session);
      if (session) await insertAttendees(db, session, chosen(op.staff));
      return;
    }
    case 'removeAttendee': {
      const session = at(sessions, op.session);
      const person = session && at(await attendeesOf(db, session), op.staff);
      if (session && person) {
        await db.query(
          'DELETE FROM session_attendees WHERE tenant_id = $1 AND session_id = $2 AND staff_id = $3',
          [t, session, person],
        );
      }
      return;
    }
    case 'replaceAttendees': {
      const session = at(sessions, op.session);
      if (!session) return;
      await db.query('DELETE FROM session_attendees WHERE tenant_id = $1 AND session_id = $2', [
        t,
        session,
      ]);
      await insertAttendees(db, session, chosen(op.staff));
      return;
    }
    case 'updateSessions': {
      const ids = [...new Set(op.sessions.map((i) => at(sessions, i)).filter((id) => !!id))];
      const f = op.fields;
      const set = {
        date: ['date', f.date],
        status: ['status', f.status],
        format: ['format', f.format],
        duration: ['duration_minutes', f.duration],
        functions: ['functions', f.functions],
      } as const;
      const columns = op.which.map((w) => set[w]);
      await db.query(
        `UPDATE supervision_sessions
            SET ${columns.map(([column], i) => `${column} = $${i + 3}`).join(', ')}, updated_at = now()
          WHERE tenant_id = $1 AND id = ANY ($2::uuid[])`,
        [t, ids, ...columns.map(([, value]) => value)],
      );
      return;
    }
    case 'touchSession': {
      // An update that changes nothing the fact table holds.
      const session = at(sessions, op.session);
      if (session) {
        await db.query(
          'UPDATE supervision_sessions SET confirmed_at = now() WHERE tenant_id = $1 AND id = $2',
          [t, session],
        );
      }
      return;
    }
    case 'moveToStaff': {
      const session = at(sessions, op.session);
      if (!session) return;
      const present = await attendeesOf(db, session);
      const person = at(present, op.staff);
      const to = at(
        staff.filter((id) => !present.includes(id)),
        op.to,
      );
      if (person && to) {
        await db.query(
          `UPDATE session_attendees SET staff_id = $4
            WHERE tenant_id = $1 AND session_id = $2 AND staff_id = $3`,
          [t, session, person, to],
        );
      }
      return;
    }
    case 'moveToSession': {
      const session = at(sessions, op.session);
      if (!session) return;
      const person = at(await attendeesOf(db, session), op.staff);
      const targets: string[] = [];
      for (const other of sessions) {
        if (other !== session && person && !(await attendeesOf(db, other)).includes(person)) {
          targets.push(other);
        }
      }
      const to = at(targets, op.to);
      if (person && to) {
        await db.query(
          `UPDATE session_attendees SET session_id = $4
            WHERE tenant_id = $1 AND session_id = $2 AND staff_id = $3`,
          [t, session, person, to],
        );
      }
      return;
    }
    case 'deleteSession': {
      const session = at(sessions, op.session);
      if (session) {
        await db.query('DELETE FROM supervision_sessions WHERE tenant_id = $1 AND id = $2', [
          t,
          session,
        ]);
      }
      return;
    }
    case 'deleteStaff': {
      const person = at(staff, op.staff);
      if (person && staff.length > 2) {
        await db.query('DELETE FROM staff_members WHERE tenant_id = $1 AND id = $2', [t, person]);
      }
      return;
    }
  }
}

/** The fact table's rows and its definition's, for one organisation. */
async function snapshot(ds: DataSource, tenantId: string) {
  return withTenant(ds, { userId: null, tenantId }, async (db) => ({
    fact: await db.query(FACT, [tenantId]),
    definition: await db.query(DEFINITION, [tenantId]),
  }));
}

/** A batch of writes: in one transaction, committed or rolled back. */
const batchArb = fc.record({
  ops: fc.array(opArb, { minLength: 1, maxLength: 4 }),
  rollback: fc.nat(3).map((n) => n === 0),
});

describe('session_attendance equals its definition over the records', () => {
  let ds: DataSource;
  let bystander: { id: string; fact: unknown[] };

  beforeAll(async () => {
    ds = await connect(appUrl(), 2);
    // Another organisation, whose rows must never change.
    const other = baseOrg();
    other.sessions = [
      {
        id: randomUUID(),
        date: '2024-02-29',
        durationMinutes: 60,
        format: 'GROUP',
        status: 'HELD',
        functions: ['NORMATIVE'],
        attendeeIds: other.staff.slice(0, 3).map((s) => s.id),
      },
      {
        id: randomUUID(),
        date: '2024-03-01',
        durationMinutes: 30,
        format: 'ONE_TO_ONE',
        status: 'CANCELLED',
        functions: [],
        attendeeIds: [other.staff[0]!.id],
      },
    ];
    const { id } = await insertOrg(ds, other);
    const { fact, definition } = await snapshot(ds, id);
    expect(fact).toEqual(definition);
    expect(fact).toHaveLength(4);
    bystander = { id, fact };
  });
  afterAll(() => ds.destroy());

  it('holds for a session with attendees written, changed and removed (worked example)', async () => {
    const org = baseOrg();
    const { id: tenantId, supervisorId } = await insertOrg(ds, org);
    const [a, b, c] = org.staff.map((s) => s.id);
    const session = randomUUID();
    await withTenant(ds, { userId: null, tenantId }, async (db) => {
      await db.query(
        `INSERT INTO supervision_sessions (tenant_id, id, date, duration_minutes, format, status,
           supervisor_id, functions) VALUES ($1, $2, '2024-01-31', 60, 'GROUP', 'HELD', $3, '{RESTORATIVE}')`,
        [tenantId, session, supervisorId],
      );
      await insertAttendees(db, session, [a!, b!]);
    });
    const rows = async () =>
      (await snapshot(ds, tenantId)).fact.map((r: Record<string, unknown>) => ({
        staff: r.staff_id,
        date: r.date,
        status: r.status_code,
        attendees: r.attendees,
      }));
    expect(await rows()).toEqual(
      [a, b].sort().map((staff) => ({ staff, date: '2024-01-31', status: 2, attendees: 2 })),
    );

    await withTenant(ds, { userId: null, tenantId }, async (db) => {
      await insertAttendees(db, session, [c!]);
      await db.query(
        `UPDATE supervision_sessions SET status = 'CANCELLED', date = '2024-02-29' WHERE tenant_id = $1 AND id = $2`,
        [tenantId, session],
      );
      await db.query(
        'DELETE FROM session_attendees WHERE tenant_id = $1 AND session_id = $2 AND staff_id = $3',
        [tenantId, session, a],
      );
    });
    expect(await rows()).toEqual(
      [b, c].sort().map((staff) => ({ staff, date: '2024-02-29', status: 3, attendees: 2 })),
    );

    await withTenant(ds, { userId: null, tenantId }, (db) =>
      db.query('DELETE FROM supervision_sessions WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        session,
      ]),
    );
    expect(await rows()).toEqual([]);
  });

  it(`holds after random writes (${NUM_RUNS} organisations, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 8 }), async (batches) => {
        const org = baseOrg();
        const { id: tenantId, supervisorId } = await insertOrg(ds, org);
        const world: World = { tenantId, supervisorId, staffIds: org.staff.map((s) => s.id) };
        for (const [i, batch] of batches.entries()) {
          const rollback = new Error('rolled back on purpose');
          try {
            await withTenant(ds, { userId: null, tenantId }, async (db) => {
              for (const op of batch.ops) await apply(db, world, op);
              if (batch.rollback) throw rollback;
            });
          } catch (error) {
            if (error !== rollback) throw error;
          }
          const { fact, definition } = await snapshot(ds, tenantId);
          if (JSON.stringify(fact) !== JSON.stringify(definition)) {
            expect({ batch: i, fact }).toEqual({ batch: i, fact: definition });
          }
        }
        const { fact } = await snapshot(ds, bystander.id);
        expect(fact).toEqual(bystander.fact);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  }, 180_000);
});
