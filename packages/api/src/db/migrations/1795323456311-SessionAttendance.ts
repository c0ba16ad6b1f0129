import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls, grantToApp } from '../rls';

/**
 * The session's fields as small integers, so that the metrics compare integers:
 * status_code 1 SCHEDULED, 2 HELD, 3 CANCELLED, 4 DID_NOT_ATTEND; format_bit 1 ONE_TO_ONE,
 * 2 GROUP, 4 PEER, 8 CASE_CONSULTATION; function_bits the sum of NORMATIVE 1, FORMATIVE 2,
 * RESTORATIVE 4 over the distinct functions served (src/metrics/metrics.sql.ts reads them so).
 */
function statusCode(status: string): string {
  return `array_position(ARRAY['SCHEDULED', 'HELD', 'CANCELLED', 'DID_NOT_ATTEND']::varchar[], ${status})::smallint`;
}
function formatBit(format: string): string {
  return `(1 << (array_position(ARRAY['ONE_TO_ONE', 'GROUP', 'PEER', 'CASE_CONSULTATION']::varchar[], ${format}) - 1))::smallint`;
}
function functionBits(functions: string): string {
  return `((CASE WHEN 'NORMATIVE' = ANY (${functions}) THEN 1 ELSE 0 END)
          + (CASE WHEN 'FORMATIVE' = ANY (${functions}) THEN 2 ELSE 0 END)
          + (CASE WHEN 'RESTORATIVE' = ANY (${functions}) THEN 4 ELSE 0 END))::smallint`;
}

/**
 * `session_attendance`: one row per (session, attendee) with the session's fields the metrics
 * read (date, status, format, duration, functions; as small integers) and its number of
 * attendees, so that the metrics read one narrow, date-ordered index instead of joining a
 * year of sessions to their attendees (src/metrics/metrics.sql.ts).
 *
 * It is a fact table with no entity, written only by the triggers below, and always equal
 * to its definition over the records (src/metrics/session-attendance.test.ts holds this on
 * random writes):
 *
 *   SELECT a.tenant_id, a.session_id, a.staff_id, s.date, <s.status as a code>,
 *          <s.format as a bit>, s.duration_minutes, <s.functions as bits>,
 *          count(*) OVER (PARTITION BY a.tenant_id, a.session_id) AS attendees
 *     FROM session_attendees a
 *     JOIN supervision_sessions s ON s.tenant_id = a.tenant_id AND s.id = a.session_id
 *
 * - A row exists exactly while its attendee does: the insert trigger writes it; the
 *   foreign key to session_attendees removes it with the attendee (and so with the
 *   session, whose attendees cascade) and follows a change of the attendee's key.
 * - The session's fields follow every update of the session (statement trigger).
 * - `attendees` is recounted for every session whose attendees change.
 * The triggers are statement-level with transition tables, so a CSV import or COPY of many
 * attendees costs a few set-based statements, not one per row. They are not SECURITY
 * DEFINER: they run as the writer, under the writer's row-level security, and name their
 * tables with the schema.
 *
 * The backfill reads every organisation's rows, so the owner lifts FORCE ROW LEVEL SECURITY
 * from the two records tables for the length of this migration's transaction (which also
 * holds their locks, so no write can slip between the backfill and the triggers).
 */
export class SessionAttendance1795323456311 implements MigrationInterface {
  name = 'SessionAttendance1795323456311';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_attendance" (
         "tenant_id" uuid NOT NULL,
         "session_id" uuid NOT NULL,
         "staff_id" uuid NOT NULL,
         "date" date NOT NULL,
         "status_code" smallint NOT NULL,
         "format_bit" smallint NOT NULL,
         "duration_minutes" integer NOT NULL,
         "function_bits" smallint NOT NULL,
         "attendees" integer NOT NULL,
         CONSTRAINT "session_attendance_pkey" PRIMARY KEY ("tenant_id", "session_id", "staff_id"))`,
    );

    // Lock the records tables and backfill.
    await queryRunner.query('ALTER TABLE "supervision_sessions" NO FORCE ROW LEVEL SECURITY');
    await queryRunner.query('ALTER TABLE "session_attendees" NO FORCE ROW LEVEL SECURITY');
    await queryRunner.query(
      `INSERT INTO "session_attendance"
              (tenant_id, session_id, staff_id, date, status_code, format_bit, duration_minutes, function_bits, attendees)
       SELECT a.tenant_id, a.session_id, a.staff_id, s.date, ${statusCode('s.status')},
              ${formatBit('s.format')}, s.duration_minutes, ${functionBits('s.functions')},
              count(*) OVER (PARTITION BY a.tenant_id, a.session_id)
         FROM "session_attendees" a
         JOIN "supervision_sessions" s ON s.tenant_id = a.tenant_id AND s.id = a.session_id`,
    );

    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_attendee_fk"
         FOREIGN KEY ("tenant_id", "session_id", "staff_id")
         REFERENCES "session_attendees" ("tenant_id", "session_id", "staff_id")
         ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    // The metrics' period scans, all index-only: every attendance; the HELD ones (all that
    // coverage and the overdue list read); those of sessions with several attendees
    // (de-duplicated per group); and a person's history.
    await queryRunner.query(
      `CREATE INDEX "session_attendance_date_idx" ON "session_attendance" ("tenant_id", "date")
         INCLUDE ("staff_id", "status_code", "format_bit", "duration_minutes", "attendees", "function_bits")`,
    );
    await queryRunner.query(
      `CREATE INDEX "session_attendance_held_idx" ON "session_attendance" ("tenant_id", "date")
         INCLUDE ("staff_id", "format_bit") WHERE "status_code" = 2`,
    );
    await queryRunner.query(
      `CREATE INDEX "session_attendance_shared_idx" ON "session_attendance" ("tenant_id", "date")
         INCLUDE ("session_id", "staff_id", "status_code", "format_bit", "function_bits")
         WHERE "attendees" > 1`,
    );
    await queryRunner.query(
      `CREATE INDEX "session_attendance_staff_idx" ON "session_attendance" ("tenant_id", "staff_id", "date")
         INCLUDE ("status_code", "format_bit", "duration_minutes")`,
    );
    // A person's latest held session before a date (metrics.sql.ts olderCountedSession): without
    // it the planner walks the HELD index backwards through the whole organisation's history
    // for each person with no recent session (seconds per person at 10,000 staff).
    await queryRunner.query(
      `CREATE INDEX "session_attendance_staff_held_idx" ON "session_attendance" ("tenant_id", "staff_id", "date")
         INCLUDE ("format_bit") WHERE "status_code" = 2`,
    );

    // Every statement below looks rows up one by one through an index (LATERAL with LIMIT or
    // an aggregate, which the planner cannot turn into a scan of a whole table): a trigger
    // costs in proportion to the rows its statement wrote, whatever the size of the tables
    // and of the batch (an import's 100,000 attendees, or one).
    //
    // A session's fields and attendee count, for the attendee row `w`.
    const sessionOf = (w: string) => `
      SELECT s.date, ${statusCode('s.status')} AS status_code, ${formatBit('s.format')} AS format_bit,
             s.duration_minutes, ${functionBits('s.functions')} AS function_bits,
             (SELECT count(*)::int FROM public.session_attendees a
               WHERE a.tenant_id = s.tenant_id AND a.session_id = s.id) AS attendees
        FROM public.supervision_sessions s
       WHERE s.tenant_id = ${w}.tenant_id AND s.id = ${w}.session_id
       LIMIT 1`;
    // The attendee counts of the sessions in `touched` (a transition table), where changed.
    const recount = (touched: string) => `
      UPDATE public.session_attendance sa
         SET attendees = c.n
        FROM (SELECT DISTINCT t.tenant_id, t.session_id FROM ${touched} t) d
       CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM public.session_attendees a
                            WHERE a.tenant_id = d.tenant_id AND a.session_id = d.session_id) c
       WHERE sa.tenant_id = d.tenant_id AND sa.session_id = d.session_id
         AND sa.attendees <> c.n;`;

    await queryRunner.query(
      `CREATE FUNCTION session_attendance_attendees_added() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- The new attendees' rows, with their sessions' counts; then those counts on the
         -- rows of the attendees already there (the UPDATE sees the table as it was before
         -- the INSERT, so it touches only those).
         WITH written AS (
           INSERT INTO public.session_attendance
                  (tenant_id, session_id, staff_id, date, status_code, format_bit,
                   duration_minutes, function_bits, attendees)
           SELECT w.tenant_id, w.session_id, w.staff_id, s.date, s.status_code, s.format_bit,
                  s.duration_minutes, s.function_bits, s.attendees
             FROM added w
            CROSS JOIN LATERAL (${sessionOf('w')}) s
           RETURNING tenant_id, session_id, attendees
         )
         UPDATE public.session_attendance sa
            SET attendees = w.attendees
           FROM (SELECT DISTINCT tenant_id, session_id, attendees FROM written) w
          WHERE sa.tenant_id = w.tenant_id AND sa.session_id = w.session_id
            AND sa.attendees <> w.attendees;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION session_attendance_attendees_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- The foreign key has already moved each row to its attendee's new key: give it its
         -- (perhaps new) session's fields, then recount the sessions left and joined.
         UPDATE public.session_attendance sa
            SET date = s.date, status_code = s.status_code, format_bit = s.format_bit,
                duration_minutes = s.duration_minutes, function_bits = s.function_bits,
                attendees = s.attendees
           FROM after_rows w
          CROSS JOIN LATERAL (${sessionOf('w')}) s
          WHERE sa.tenant_id = w.tenant_id AND sa.session_id = w.session_id
            AND sa.staff_id = w.staff_id;
         ${recount('after_rows')}
         ${recount('before_rows')}
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION session_attendance_attendees_removed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- The foreign key has already removed the attendees' rows.
         ${recount('removed')}
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION session_attendance_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE public.session_attendance sa
            SET date = s.date, status_code = s.status_code, format_bit = s.format_bit,
                duration_minutes = s.duration_minutes, function_bits = s.function_bits
           FROM (SELECT n.tenant_id, n.id, n.date, ${statusCode('n.status')} AS status_code,
                        ${formatBit('n.format')} AS format_bit, n.duration_minutes,
                        ${functionBits('n.functions')} AS function_bits
                   FROM after_rows n) s
          WHERE sa.tenant_id = s.tenant_id AND sa.session_id = s.id
            AND (sa.date, sa.status_code, sa.format_bit, sa.duration_minutes, sa.function_bits)
                IS DISTINCT FROM (s.date, s.status_code, s.format_bit, s.duration_minutes, s.function_bits);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER session_attendance_attendees_added AFTER INSERT ON "session_attendees"
         REFERENCING NEW TABLE AS added
         FOR EACH STATEMENT EXECUTE FUNCTION session_attendance_attendees_added()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER session_attendance_attendees_changed AFTER UPDATE ON "session_attendees"
         REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
         FOR EACH STATEMENT EXECUTE FUNCTION session_attendance_attendees_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER session_attendance_attendees_removed AFTER DELETE ON "session_attendees"
         REFERENCING OLD TABLE AS removed
         FOR EACH STATEMENT EXECUTE FUNCTION session_attendance_attendees_removed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER session_attendance_sessions_changed AFTER UPDATE ON "supervision_sessions"
         REFERENCING NEW TABLE AS after_rows
         FOR EACH STATEMENT EXECUTE FUNCTION session_attendance_sessions_changed()`,
    );

    await queryRunner.query('ALTER TABLE "supervision_sessions" FORCE ROW LEVEL SECURITY');
    await queryRunner.query('ALTER TABLE "session_attendees" FORCE ROW LEVEL SECURITY');
    await enableTenantRls(queryRunner, 'session_attendance');
    // Written by the triggers, which run as the API's role.
    await grantToApp(queryRunner, 'SELECT, INSERT, UPDATE, DELETE', ['session_attendance']);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TRIGGER session_attendance_sessions_changed ON "supervision_sessions"',
    );
    await queryRunner.query(
      'DROP TRIGGER session_attendance_attendees_removed ON "session_attendees"',
    );
    await queryRunner.query(
      'DROP TRIGGER session_attendance_attendees_changed ON "session_attendees"',
    );
    await queryRunner.query(
      'DROP TRIGGER session_attendance_attendees_added ON "session_attendees"',
    );
    await queryRunner.query('DROP FUNCTION session_attendance_sessions_changed()');
    await queryRunner.query('DROP FUNCTION session_attendance_attendees_removed()');
    await queryRunner.query('DROP FUNCTION session_attendance_attendees_changed()');
    await queryRunner.query('DROP FUNCTION session_attendance_attendees_added()');
    await queryRunner.query('DROP TABLE "session_attendance"');
  }
}
