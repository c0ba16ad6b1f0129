/**
 * Test support (not used by the running API): writes an organisation described as the
 * reference's plain records (`OrgData`) into the database, one multi-row INSERT per table
 * (jsonb_to_recordset), as the API's role under row-level security. The metrics tests
 * compute the same organisation with the SQL fast path and with the reference.
 *
 * Ids must be UUIDs (lower case). A session attendee that is not one of `org.staff` is not
 * written (in the database every attendee is a staff member), which the reference treats
 * the same way: an unknown attendee belongs to no scope.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrgData } from '@holdspace/shared';
import { withTenant, type RequestDb } from '../../tenancy/request-db';

export interface FixtureOrg extends OrgData {
  /** Display names by staff id (default "Staff <n>"). */
  displayNames?: Readonly<Record<string, string>>;
  /** Service names by service id (default "Service <n>"). */
  serviceNames?: Readonly<Record<string, string>>;
}

/** Inserts `rows` into `table` in one statement; `columns` are "name type" pairs. */
async function insertRows(
  db: RequestDb,
  table: string,
  columns: string[],
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => c.split(' ')[0]);
  await db.query(
    `INSERT INTO ${table} (tenant_id, ${names.join(', ')})
     SELECT $1, ${names.map((n) => `x.${n}`).join(', ')}
       FROM jsonb_to_recordset($2::jsonb) AS x (${columns.join(', ')})`,
    [db.tenantId, JSON.stringify(rows)],
  );
}

/** Writes `org` as a new organisation with id `tenantId` (random when omitted). */
export async function insertOrg(
  ds: DataSource,
  org: FixtureOrg,
  tenantId: string = randomUUID(),
): Promise<{ id: string; supervisorId: string }> {
  const supervisorId = randomUUID();
  await withTenant(ds, { userId: null, tenantId }, async (db) => {
    const s = org.settings;
    await db.query(
      `INSERT INTO organisations (id, name, slug, kind, default_interval, counted_formats,
         supervision_cost_per_worker_year, recruitment_cost_per_leaver, suppression_threshold)
       VALUES ($1, $2, $3, 'NGO', $4, $5, $6, $7, $8)`,
      [
        tenantId,
        `Metrics ${tenantId.slice(0, 8)}`,
        `metrics-${tenantId}`.slice(0, 60),
        s.defaultInterval,
        [...s.countedFormats],
        s.supervisionCostPerWorkerYear,
        s.recruitmentCostPerLeaver,
        Math.max(3, Math.round(s.suppressionThreshold)),
      ],
    );
    const serviceIds = [...new Set(org.staff.map((m) => m.serviceId))];
    for (const id of Object.keys(org.serviceNames ?? {})) {
      if (!serviceIds.includes(id)) serviceIds.push(id);
    }
    await insertRows(
      db,
      'services',
      ['id uuid', 'name varchar'],
      serviceIds.map((id, i) => ({ id, name: org.serviceNames?.[id] ?? `Service ${i + 1}` })),
    );
    await insertRows(
      db,
      'staff_members',
      [
        'id uuid',
        'service_id uuid',
        'display_name varchar',
        'practitioner_type varchar',
        'fte numeric',
        'start_date date',
        'end_date date',
        'leaving_reason varchar',
        'requires_supervision boolean',
      ],
      org.staff.map((m, i) => ({
        id: m.id,
        service_id: m.serviceId,
        display_name: org.displayNames?.[m.id] ?? `Staff ${i + 1}`,
        practitioner_type: m.practitionerType,
        fte: m.fte,
        start_date: m.startDate,
        end_date: m.endDate,
        leaving_reason: m.leavingReason,
        requires_supervision: m.requiresSupervision,
      })),
    );
    await db.query(
      `INSERT INTO supervisors (tenant_id, id, kind, name) VALUES ($1, $2, 'EXTERNAL', 'Supervisor')`,
      [tenantId, supervisorId],
    );
    await insertRows(
      db,
      'supervision_agreements',
      [
        'id uuid',
        'staff_id uuid',
        'supervisor_id uuid',
        'interval varchar',
        'start_date date',
        'end_date date',
        'review_due_date date',
        'counted_formats varchar[]',
      ],
      org.agreements.map((a) => ({
        id: a.id,
        staff_id: a.staffId,
        supervisor_id: supervisorId,
        interval: a.interval,
        start_date: a.startDate,
        end_date: a.endDate,
        review_due_date: a.reviewDueDate,
        counted_formats: a.countedFormats,
      })),
    );
    await insertRows(
      db,
      'supervision_sessions',
      [
        'id uuid',
        'date date',
        'duration_minutes integer',
        'format varchar',
        'status varchar',
        'supervisor_id uuid',
        'functions varchar[]',
      ],
      org.sessions.map((session) => ({
        id: session.id,
        date: session.date,
        duration_minutes: session.durationMinutes,
        format: session.format,
        status: session.status,
        supervisor_id: supervisorId,
        functions: session.functions,
      })),
    );
    const staffIds = new Set(org.staff.map((m) => m.id));
    await insertRows(
      db,
      'session_attendees',
      ['session_id uuid', 'staff_id uuid'],
      org.sessions.flatMap((session) =>
        [...new Set(session.attendeeIds)]
          .filter((id) => staffIds.has(id))
          .map((staffId) => ({ session_id: session.id, staff_id: staffId })),
      ),
    );
    await insertRows(
      db,
      'absence_episodes',
      ['id uuid', 'staff_id uuid', 'start_date date', 'end_date date', 'reason varchar'],
      org.absences.map((e) => ({
        id: e.id,
        staff_id: e.staffId,
        start_date: e.startDate,
        end_date: e.endDate,
        reason: e.reason,
      })),
    );
  });
  return { id: tenantId, supervisorId };
}
