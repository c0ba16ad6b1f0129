import { csvHeader, formatCsvRow, type ImportKind } from '@holdspace/shared';
import type { RequestDb } from '../tenancy/request-db';

/**
 * Exports an organisation's records in the import formats, so an export
 * re-imports unchanged. Streams in keyset-paged batches (records with a
 * reference in reference order, then those without one by id); every cell goes
 * through `formatCsvRow`, which neutralises formula-like text.
 *
 * A record created without a reference is exported with its Holdspace id as
 * its reference: importing that file again matches it by id (and keeps it
 * without a reference); importing it elsewhere gives it that reference.
 */

/** The byte-order mark: Excel then opens the file as UTF-8 (imports accept it). */
export const UTF8_BOM = '\uFEFF';

interface ExportQuery {
  /** SELECT … with the CSV column names as aliases; `$1` is the tenant. */
  select: string;
  from: string;
  /** The table alias whose ref and id page the export. */
  alias: string;
  refDb: string;
}

const supervisorColumns = `
  CASE WHEN sup.kind = 'INTERNAL' THEN coalesce(sst.staff_ref, sst.id::text) END AS supervisor_staff_ref,
  CASE WHEN sup.kind = 'EXTERNAL' THEN sup.name END AS external_supervisor`;
const supervisorJoins = (alias: string) => `
  JOIN supervisors sup ON sup.tenant_id = ${alias}.tenant_id AND sup.id = ${alias}.supervisor_id
  LEFT JOIN staff_members sst ON sst.tenant_id = sup.tenant_id AND sst.id = sup.staff_id`;

const QUERIES: Record<ImportKind, ExportQuery> = {
  staff: {
    alias: 's',
    refDb: 'staff_ref',
    select: `coalesce(s.staff_ref, s.id::text) AS staff_ref, s.display_name, v.name AS service,
      s.role_title, s.practitioner_type, s.fte::text AS fte, s.start_date, s.end_date,
      s.leaving_reason, s.requires_supervision`,
    from: `staff_members s JOIN services v ON v.tenant_id = s.tenant_id AND v.id = s.service_id`,
  },
  agreements: {
    alias: 'a',
    refDb: 'agreement_ref',
    select: `coalesce(a.agreement_ref, a.id::text) AS agreement_ref,
      coalesce(st.staff_ref, st.id::text) AS staff_ref, ${supervisorColumns},
      a.interval, a.session_minutes, a.start_date, a.end_date, a.review_due_date`,
    from: `supervision_agreements a
      JOIN staff_members st ON st.tenant_id = a.tenant_id AND st.id = a.staff_id
      ${supervisorJoins('a')}`,
  },
  sessions: {
    alias: 'x',
    refDb: 'session_ref',
    select: `coalesce(x.session_ref, x.id::text) AS session_ref, x.date, x.duration_minutes,
      x.format, x.status, ${supervisorColumns},
      (SELECT string_agg(coalesce(st.staff_ref, st.id::text), ';'
                         ORDER BY coalesce(st.staff_ref, st.id::text))
         FROM session_attendees sa
         JOIN staff_members st ON st.tenant_id = sa.tenant_id AND st.id = sa.staff_id
        WHERE sa.tenant_id = x.tenant_id AND sa.session_id = x.id) AS attendee_refs,
      array_to_string(ARRAY(
        SELECT f FROM unnest(x.functions) AS f
         ORDER BY array_position(ARRAY['NORMATIVE','FORMATIVE','RESTORATIVE']::varchar[], f)
      ), ';') AS functions`,
    from: `supervision_sessions x ${supervisorJoins('x')}`,
  },
  absences: {
    alias: 'e',
    refDb: 'absence_ref',
    select: `coalesce(e.absence_ref, e.id::text) AS absence_ref,
      coalesce(st.staff_ref, st.id::text) AS staff_ref, e.start_date, e.end_date, e.reason`,
    from: `absence_episodes e JOIN staff_members st ON st.tenant_id = e.tenant_id AND st.id = e.staff_id`,
  },
};

function cell(column: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column === 'fte') return String(Number(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** The export as CSV text chunks (a byte-order mark and the header first). */
export async function* exportRecords(
  db: RequestDb,
  kind: ImportKind,
  options: { batchSize?: number; bom?: boolean } = {},
): AsyncGenerator<string> {
  const tenantId = db.tenantId;
  const q = QUERIES[kind];
  const columns = csvHeader(kind);
  const batchSize = options.batchSize ?? 5000;
  yield `${options.bom === false ? '' : UTF8_BOM}${formatCsvRow(columns)}`;

  const phases = [
    // Records with a reference, in reference order.
    {
      where: `${q.alias}.${q.refDb} IS NOT NULL AND ($2::text IS NULL OR ${q.alias}.${q.refDb} > $2::text)`,
      order: `${q.alias}.${q.refDb}`,
    },
    // Records without one, by id.
    {
      where: `${q.alias}.${q.refDb} IS NULL AND ($2::uuid IS NULL OR ${q.alias}.id > $2::uuid)`,
      order: `${q.alias}.id`,
    },
  ];
  for (const phase of phases) {
    let after: string | null = null;
    for (;;) {
      const rows: Array<Record<string, unknown>> = await db.query<Record<string, unknown>>(
        `SELECT ${phase.order}::text AS page_key, ${q.select} FROM ${q.from}
          WHERE ${q.alias}.tenant_id = $1 AND ${phase.where}
          ORDER BY ${phase.order} LIMIT $3`,
        [tenantId, after, batchSize],
      );
      if (rows.length === 0) break;
      yield rows.map((row) => formatCsvRow(columns.map((c) => cell(c, row[c])))).join('');
      if (rows.length < batchSize) break;
      after = String(rows[rows.length - 1].page_key);
    }
  }
}
