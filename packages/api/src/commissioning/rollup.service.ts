/**
 * Keeps `shared_service_months` equal to its definition over the records
 * (docs/commissioning.md, "The rollup"):
 *
 * - `refreshMarkedRollup` runs before every writing transaction of a tenant commits
 *   (tenancy/request-db.ts, the one place every GraphQL request, import, command and seed
 *   commits through): if the triggers marked a month in `shared_rollup_dirty`, it recomputes
 *   the shared services' months from there to the last complete one and clears the mark. A
 *   deferred constraint trigger refuses the commit of a transaction that leaves a mark.
 * - `refreshRollup` is that recomputation; it also deletes the rows no ACTIVE agreement
 *   needs any more (a service no longer shared, months before every `shared_from`, a month
 *   not complete).
 * - `completeSharedMonths` (rollup.job.ts, hourly) adds the months completed since.
 *
 * Every statement runs in the caller's transaction, as the provider (the request's tenant),
 * under row-level security.
 */
import type { DataSource } from 'typeorm';
import {
  addMonthsClamped,
  lastDayOfMonth,
  maxDate,
  type AbsenceRecord,
  type AgreementRecord,
  type IsoDate,
  type OrgData,
  type SessionRecord,
  type StaffRecord,
} from '@holdspace/shared';
import { withTenant, type RequestDb } from '../tenancy/request-db';
import { firstMonthFrom, monthsBetween, serviceMonthRows, type RollupRow } from './rollup.compute';

/** What the rollup needs of a transaction: its tenant and a way to run SQL in it. */
export type RollupDb = Pick<RequestDb, 'tenantId' | 'query'>;

/** Rows per INSERT statement. */
const INSERT_CHUNK = 2000;

/** Today's date in `timeZone` ('YYYY-MM-DD'). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The first day of the last complete month (its last day is before `today`). */
export function lastCompleteMonth(today: IsoDate): IsoDate {
  return addMonthsClamped(`${today.slice(0, 7)}-01`, -1);
}

interface ProviderSettings {
  time_zone: string;
  currency: string;
  default_interval: OrgData['settings']['defaultInterval'];
  counted_formats: OrgData['settings']['countedFormats'];
  supervision_cost_per_worker_year: number;
  recruitment_cost_per_leaver: number;
  suppression_threshold: number;
}

async function providerSettings(db: RollupDb): Promise<ProviderSettings> {
  const [row] = await db.query<ProviderSettings>(
    `SELECT time_zone, currency, default_interval, counted_formats,
            supervision_cost_per_worker_year::float8 AS supervision_cost_per_worker_year,
            recruitment_cost_per_leaver::float8 AS recruitment_cost_per_leaver,
            suppression_threshold
       FROM organisations WHERE id = $1`,
    [db.tenantId],
  );
  return row;
}

/** The services of the tenant's ACTIVE agreements, each with its earliest shared_from. */
async function sharedServices(db: RollupDb): Promise<Map<string, IsoDate>> {
  const rows = await db.query<{ service_id: string; shared_from: string }>(
    `SELECT s.service_id, min(a.shared_from)::text AS shared_from
       FROM sharing_agreements a
       JOIN sharing_agreement_services s ON s.tenant_id = a.tenant_id AND s.agreement_id = a.id
      WHERE a.tenant_id = $1 AND a.status = 'ACTIVE'
      GROUP BY s.service_id`,
    [db.tenantId],
  );
  return new Map(rows.map((r) => [r.service_id, r.shared_from]));
}

/** The records of the staff of `serviceIds` (sessions up to `until`), as the reference reads them. */
async function loadRecords(
  db: RollupDb,
  settings: ProviderSettings,
  serviceIds: string[],
  until: IsoDate,
): Promise<OrgData> {
  const tenant = db.tenantId;
  const staffRows = await db.query<{
    id: string;
    service_id: string;
    practitioner_type: string | null;
    fte: number;
    start_date: string;
    end_date: string | null;
    leaving_reason: StaffRecord['leavingReason'];
    requires_supervision: boolean;
  }>(
    `SELECT id, service_id, practitioner_type, fte::float8 AS fte, start_date::text,
            end_date::text, leaving_reason, requires_supervision
       FROM staff_members WHERE tenant_id = $1 AND service_id = ANY ($2::uuid[])
      ORDER BY id`,
    [tenant, serviceIds],
  );
  const inScope = `SELECT m.id FROM staff_members m WHERE m.tenant_id = $1 AND m.service_id = ANY ($2::uuid[])`;
  const agreementRows = await db.query<{
    id: string;
    staff_id: string;
    interval: AgreementRecord['interval'];
    start_date: string;
    end_date: string | null;
    review_due_date: string | null;
    counted_formats: AgreementRecord['countedFormats'];
  }>(
    `SELECT id, staff_id, interval, start_date::text, end_date::text, review_due_date::text,
            counted_formats
       FROM supervision_agreements WHERE tenant_id = $1 AND staff_id IN (${inScope})
      ORDER BY id`,
    [tenant, serviceIds],
  );
  const absenceRows = await db.query<{
    id: string;
    staff_id: string;
    start_date: string;
    end_date: string | null;
    reason: AbsenceRecord['reason'];
  }>(
    `SELECT id, staff_id, start_date::text, end_date::text, reason
       FROM absence_episodes WHERE tenant_id = $1 AND staff_id IN (${inScope}) AND start_date <= $3
      ORDER BY id`,
    [tenant, serviceIds, until],
  );
  const sessionRows = await db.query<{
    id: string;
    date: string;
    duration_minutes: number;
    format: SessionRecord['format'];
    status: SessionRecord['status'];
    functions: SessionRecord['functions'];
    attendee_ids: string[];
  }>(
    `SELECT s.id, s.date::text, s.duration_minutes, s.format, s.status, s.functions,
            array_agg(a.staff_id::text ORDER BY a.staff_id) AS attendee_ids
       FROM supervision_sessions s
       JOIN session_attendees a ON a.tenant_id = s.tenant_id AND a.session_id = s.id
      WHERE s.tenant_id = $1 AND s.date <= $3 AND a.staff_id IN (${inScope})
      GROUP BY s.tenant_id, s.id
      ORDER BY s.id`,
    [tenant, serviceIds, until],
  );
  return {
    settings: {
      defaultInterval: settings.default_interval,
      countedFormats: settings.counted_formats,
      supervisionCostPerWorkerYear: settings.supervision_cost_per_worker_year,
      recruitmentCostPerLeaver: settings.recruitment_cost_per_leaver,
      suppressionThreshold: settings.suppression_threshold,
    },
    staff: staffRows.map((r) => ({
      id: r.id,
      serviceId: r.service_id,
      practitionerType: r.practitioner_type,
      fte: r.fte,
      startDate: r.start_date,
      endDate: r.end_date,
      leavingReason: r.leaving_reason,
      requiresSupervision: r.requires_supervision,
    })),
    agreements: agreementRows.map((r) => ({
      id: r.id,
      staffId: r.staff_id,
      interval: r.interval,
      startDate: r.start_date,
      endDate: r.end_date,
      reviewDueDate: r.review_due_date,
      countedFormats: r.counted_formats,
    })),
    absences: absenceRows.map((r) => ({
      id: r.id,
      staffId: r.staff_id,
      startDate: r.start_date,
      endDate: r.end_date,
      reason: r.reason,
    })),
    sessions: sessionRows.map((r) => ({
      id: r.id,
      date: r.date,
      durationMinutes: r.duration_minutes,
      format: r.format,
      status: r.status,
      functions: r.functions,
      attendeeIds: r.attendee_ids,
    })),
  };
}

/** Options for tests: the day to take as today (default: today in the provider's time zone). */
export interface RefreshOptions {
  today?: IsoDate;
}

/**
 * Recomputes the rollup of the tenant from `fromMonth` (a month's first day, or any earlier
 * day) to the last complete month, for every shared service (never before the service's
 * first shared month), and deletes every row no ACTIVE agreement needs.
 */
export async function refreshRollup(
  db: RollupDb,
  fromMonth: IsoDate,
  options: RefreshOptions = {},
): Promise<{ rows: number }> {
  const tenant = db.tenantId;
  // One recomputation of a provider at a time (a request's and the hourly job's).
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('shared-rollup:' || $1, 0))`, [
    tenant,
  ]);
  const settings = await providerSettings(db);
  const lastMonth = lastCompleteMonth(options.today ?? todayIn(settings.time_zone));
  // Rows of services no longer shared, of months before every shared_from, of months not complete.
  await db.query(
    `DELETE FROM shared_service_months m
      WHERE m.tenant_id = $1
        AND (m.month > $2 OR NOT EXISTS (
              SELECT 1 FROM sharing_agreement_services s
                JOIN sharing_agreements a ON a.tenant_id = s.tenant_id AND a.id = s.agreement_id
               WHERE s.tenant_id = m.tenant_id AND s.service_id = m.service_id
                 AND a.status = 'ACTIVE' AND m.month >= a.shared_from))`,
    [tenant, lastMonth],
  );
  const shared = await sharedServices(db);
  const plan: { serviceId: string; months: IsoDate[] }[] = [];
  for (const [serviceId, sharedFrom] of shared) {
    const first = maxDate(firstMonthFrom(fromMonth), firstMonthFrom(sharedFrom));
    const months = monthsBetween(first, lastMonth);
    if (months.length > 0) plan.push({ serviceId, months });
  }
  if (plan.length === 0) return { rows: 0 };

  const org = await loadRecords(
    db,
    settings,
    plan.map((p) => p.serviceId),
    lastDayOfMonth(lastMonth),
  );
  const money = {
    supervisionCostPerWorkerYear: settings.supervision_cost_per_worker_year,
    currency: settings.currency,
  };
  const rows: RollupRow[] = plan.flatMap((p) =>
    serviceMonthRows(org, p.serviceId, p.months, money),
  );
  await db.query(
    `DELETE FROM shared_service_months m
      USING jsonb_to_recordset($2::jsonb) AS x (service_id uuid, from_month date)
      WHERE m.tenant_id = $1 AND m.service_id = x.service_id AND m.month >= x.from_month`,
    [
      tenant,
      JSON.stringify(plan.map((p) => ({ service_id: p.serviceId, from_month: p.months[0] }))),
    ],
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await insertRows(db, rows.slice(i, i + INSERT_CHUNK));
  }
  return { rows: rows.length };
}

async function insertRows(db: RollupDb, rows: RollupRow[]): Promise<void> {
  await db.query(
    `INSERT INTO shared_service_months
            (tenant_id, service_id, month, practitioner_type, staff_count, headcount_start,
             headcount_end, eligible_start, eligible_end, in_date_end, leavers,
             fte_days_available, fte_days_lost, sessions_held, sessions_missed,
             supervision_minutes, supervision_cost_per_worker_year, currency)
     SELECT $1, x."serviceId", x.month, x."practitionerType", x."staffCount", x."headcountStart",
            x."headcountEnd", x."eligibleStart", x."eligibleEnd", x."inDateEnd", x.leavers,
            x."fteDaysAvailable", x."fteDaysLost", x."sessionsHeld", x."sessionsMissed",
            x."supervisionMinutes", x."supervisionCostPerWorkerYear", x.currency
       FROM jsonb_to_recordset($2::jsonb) AS x ("serviceId" uuid, month date,
            "practitionerType" varchar, "staffCount" int, "headcountStart" int, "headcountEnd" int,
            "eligibleStart" int, "eligibleEnd" int, "inDateEnd" int, leavers int,
            "fteDaysAvailable" float8, "fteDaysLost" float8, "sessionsHeld" int,
            "sessionsMissed" int, "supervisionMinutes" bigint,
            "supervisionCostPerWorkerYear" numeric, currency varchar)`,
    [db.tenantId, JSON.stringify(rows)],
  );
}

/**
 * Before a tenant's writing transaction commits: recompute from the month the triggers
 * marked, if any, and clear the mark. A no-op (one read) when nothing shared was written.
 */
export async function refreshMarkedRollup(db: RollupDb): Promise<void> {
  const [mark] = await db.query<{ month: string }>(
    'SELECT month::text AS month FROM shared_rollup_dirty WHERE tenant_id = $1',
    [db.tenantId],
  );
  if (!mark) return;
  await refreshRollup(db, mark.month);
  await db.query('DELETE FROM shared_rollup_dirty WHERE tenant_id = $1', [db.tenantId]);
}

/**
 * Adds the months that completed since the last computation (no write marks them): from the
 * month after each shared service's latest row (or its first shared month).
 */
export async function completeMonths(
  db: RollupDb,
  options: RefreshOptions = {},
): Promise<{ rows: number }> {
  const [next] = await db.query<{ month: string | null }>(
    `SELECT min(coalesce(
              (SELECT (max(m.month) + interval '1 month')::date FROM shared_service_months m
                WHERE m.tenant_id = x.tenant_id AND m.service_id = x.service_id),
              x.shared_from))::text AS month
       FROM (SELECT s.tenant_id, s.service_id, min(a.shared_from) AS shared_from
               FROM sharing_agreements a
               JOIN sharing_agreement_services s ON s.tenant_id = a.tenant_id AND s.agreement_id = a.id
              WHERE a.tenant_id = $1 AND a.status = 'ACTIVE'
              GROUP BY s.tenant_id, s.service_id) x`,
    [db.tenantId],
  );
  if (!next?.month) return { rows: 0 };
  return refreshRollup(db, next.month, options);
}

/**
 * The hourly job's work: for every provider with an ACTIVE agreement (listed by the
 * SECURITY DEFINER `sharing_providers()`, which answers ids only), add the completed months,
 * each provider in its own transaction as that tenant.
 */
export async function completeSharedMonths(dataSource: DataSource): Promise<number> {
  const providers = await withTenant(dataSource, { userId: null, tenantId: null }, (db) =>
    db.query<{ provider_id: string }>('SELECT provider_id FROM sharing_providers()'),
  );
  let rows = 0;
  for (const { provider_id: tenantId } of providers) {
    rows += (await withTenant(dataSource, { userId: null, tenantId }, (db) => completeMonths(db)))
      .rows;
  }
  return rows;
}
