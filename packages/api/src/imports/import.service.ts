import { randomUUID } from 'node:crypto';
import {
  CSV_FILES,
  type ImportKind,
  type ImportProblem,
  type ImportReport,
} from '@holdspace/shared';
import { conflict } from '../errors/app-errors';
import { databaseError } from '../errors/database-errors';
import type { RequestDb } from '../tenancy/request-db';
import { cellText } from './cell-values';
import { CsvFormatError, parseCsv } from './csv-parser';
import {
  KINDS,
  type FieldSpec,
  type KindDefinition,
  type RowInput,
  type StageColumn,
} from './kinds';
import {
  PROBLEM_LIMIT,
  STAGE_BATCH_ROWS,
  WRITE_BATCH_ROWS,
  importSizeLimit,
  type SizeLimit,
} from './limits';
import { createPlanned, loadLookups, type Lookups } from './lookups';

/**
 * Imports one CSV file into the organisation the transaction acts in.
 *
 * How (one transaction, which the caller commits only when `report.committed`):
 * 1. The file is streamed through the parser; each row is validated and
 *    staged, in batches, in a temporary table of the transaction (the file is
 *    never held whole: memory stays flat however long it is).
 * 2. Set-based SQL over the staging table: duplicate references; the plan (each
 *    row matched to its record by reference and classified as new, changed or
 *    unchanged); dates against values the file leaves as they are.
 * 3. A dry run, or a file with any problem, stops there: nothing is written.
 * 4. Otherwise the records are written in batches of rows (only changed ones:
 *    an unchanged record keeps its updated_at), with one audit event.
 * A failure anywhere (a bad row, the connection lost, the server stopped)
 * rolls the whole transaction back.
 */

export interface ImportOptions {
  kind: ImportKind;
  dryRun: boolean;
  createMissingServices: boolean;
  /** Rows per write statement (tests use small batches). */
  batchSize?: number;
  sizeLimit?: SizeLimit;
  hooks?: ImportHooks;
}

/** Test hooks: called inside the transaction after each batch of rows is written. */
export interface ImportHooks {
  afterBatchWritten?(batch: { fromRow: number; toRow: number }, db: RequestDb): Promise<void>;
}

export interface ImportActor {
  userId: string;
  requestId: string | null;
}

const STAGE = 'import_stage';
const PLAN = 'import_plan';
const UUID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const VALUE_MAX = 200;

class Problems {
  readonly list: ImportProblem[] = [];
  count = 0;
  add(problem: ImportProblem): void {
    this.count++;
    if (this.list.length < PROBLEM_LIMIT) {
      const value =
        problem.value !== null && problem.value.length > VALUE_MAX
          ? `${problem.value.slice(0, VALUE_MAX)}…`
          : problem.value;
      this.list.push({ ...problem, value });
    }
  }
}

interface Header {
  /** Column name by cell index ('' for an ignored unnamed column). */
  names: string[];
  index: Map<string, number>;
}

export async function importRecords(
  db: RequestDb,
  actor: ImportActor,
  input: AsyncIterable<Uint8Array>,
  options: ImportOptions,
): Promise<ImportReport> {
  const def = KINDS[options.kind];
  const spec = CSV_FILES[options.kind];
  const tenantId = db.tenantId;
  const problems = new Problems();
  const report: ImportReport = {
    kind: options.kind,
    dryRun: options.dryRun,
    ok: false,
    committed: false,
    counts: { rows: 0, created: 0, updated: 0, unchanged: 0 },
    problems: [],
    problemCount: 0,
    problemLimit: PROBLEM_LIMIT,
    servicesCreated: [],
    supervisorsCreated: 0,
  };
  const done = () => {
    report.problems = problems.list.sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0) || columnOrder(def, a) - columnOrder(def, b),
    );
    report.problemCount = problems.count;
    report.ok = problems.count === 0;
    return report;
  };

  // Large files take longer than an API request's statement timeout.
  await db.query(`SET LOCAL statement_timeout = '15min'`);
  // One import at a time per organisation: two at once would race on references.
  if (!options.dryRun) {
    await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `holdspace.import:${tenantId}`,
    ]);
  }
  const lookups = await loadLookups(db, {
    references: def.references,
    createMissingServices: options.createMissingServices,
  });
  await db.query(
    `CREATE TEMPORARY TABLE ${STAGE} (row_no integer NOT NULL, ref text NOT NULL,
       ${def.stage.map((c) => `${c.name} ${c.type}`).join(', ')}) ON COMMIT DROP`,
  );

  // ---- 1. read, validate and stage every row ----
  let header: Header | null = null;
  let stageSql: string | null = null;
  let staged: unknown[][] = [];
  const flush = async () => {
    if (staged.length === 0) return;
    stageSql ??= stagingSql(def);
    await stageRows(db, stageSql, staged);
    staged = [];
  };
  const sizeLimit = options.sizeLimit ?? importSizeLimit();
  try {
    for await (const batch of parseCsv(input, sizeLimit)) {
      for (const record of batch) {
        if (!header) {
          header = readHeader(record.cells, def, problems);
          if (problems.count > 0) return done();
          continue;
        }
        if (record.cells.every((cell) => cell.trim() === '')) continue; // empty rows
        report.counts.rows++;
        const values = readRow(record.row, record.cells, header, def, lookups, problems);
        if (values) staged.push(values);
        if (staged.length >= STAGE_BATCH_ROWS) await flush();
      }
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    problems.add({
      row: error.row,
      column: error.cellIndex !== null ? header?.names[error.cellIndex] || null : null,
      value: null,
      message: error.message,
    });
    return done();
  }
  if (!header) {
    problems.add({
      row: 1,
      column: null,
      value: null,
      message: `The file is empty. It needs a header row with the column names of ${spec.fileName} (download the template).`,
    });
    return done();
  }
  await flush();

  // ---- 2. whole-file checks ----
  await findDuplicates(db, spec.refColumn, problems);
  if (problems.count > 0) return done();
  const present = presentFields(def, header);
  await plan(db, def, present, tenantId);
  await checkAgainstRecords(db, def, header, tenantId, problems);
  if (problems.count > 0) return done();
  const counts = await db.query<{ action: string; n: number }>(
    `SELECT action, count(*)::int AS n FROM ${PLAN} GROUP BY action`,
  );
  for (const { action, n } of counts) {
    if (action === 'create') report.counts.created = n;
    else if (action === 'update') report.counts.updated = n;
    else report.counts.unchanged = n;
  }
  report.servicesCreated = [...lookups.services.planned.values()].map((s) => s.name);
  report.supervisorsCreated = lookups.supervisors.plannedCount;
  if (options.dryRun) return done();

  // ---- 3. write ----
  try {
    await write(db, def, present, lookups, actor, options);
  } catch (error) {
    const { code } = databaseError(error);
    if (code === '23505') {
      throw conflict(
        'Another change added a record with one of these references while the import ran. Run the import again.',
      );
    }
    throw error;
  }
  await db.query(
    `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, request_id)
     VALUES ($1, $2, $3, $4, 'Import', NULL, $5)`,
    [tenantId, randomUUID(), actor.userId, `import.${options.kind}`, actor.requestId],
  );
  report.committed = true;
  return done();
}

function columnOrder(def: KindDefinition, problem: ImportProblem): number {
  if (problem.column === null) return -1;
  const i = CSV_FILES[def.kind].columns.findIndex((c) => c.name === problem.column);
  return i < 0 ? 99 : i;
}

// ---- header and rows ---------------------------------------------------------------------

function readHeader(cells: string[], def: KindDefinition, problems: Problems): Header {
  const spec = CSV_FILES[def.kind];
  const known = new Map(spec.columns.map((c) => [c.name, c]));
  const names = cells.map((cell) => cell.trim());
  const index = new Map<string, number>();
  const add = (column: string | null, message: string, value: string | null = column) =>
    problems.add({ row: 1, column, value, message });

  names.forEach((name, i) => {
    if (name === '') {
      // An unnamed column is ignored, unless a row has a value in it (checked per row).
      return;
    }
    if (!known.has(name)) {
      const similar = spec.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
      add(
        name,
        similar
          ? `Unknown column "${name}": column names are case-sensitive; did you mean "${similar.name}"?`
          : `Unknown column "${name}". The columns of ${spec.fileName} are: ${spec.columns.map((c) => c.name).join(', ')}.`,
      );
      return;
    }
    if (index.has(name)) {
      add(name, `The column "${name}" appears twice in the header.`);
      return;
    }
    index.set(name, i);
  });
  for (const column of spec.columns) {
    if (column.required && !index.has(column.name))
      add(column.name, `The required column "${column.name}" is missing.`, null);
  }
  for (const group of spec.exactlyOneOf ?? []) {
    if (!group.some((name) => index.has(name)))
      add(group[0], `The file needs a ${group.join(' or a ')} column.`, null);
  }
  for (const rule of def.headerRules?.(new Set(index.keys())) ?? [])
    add(rule.column, rule.message, null);
  return { names, index };
}

function readRow(
  row: number,
  cells: string[],
  header: Header,
  def: KindDefinition,
  lookups: Lookups,
  problems: Problems,
): unknown[] | null {
  if (cells.length !== header.names.length) {
    problems.add({
      row,
      column: null,
      value: null,
      message: `This row has ${cells.length} cells but the header has ${header.names.length} columns. A cell holding a comma or a line break must be in double quotes.`,
    });
    return null;
  }
  header.names.forEach((name, i) => {
    if (name === '' && cells[i].trim() !== '')
      problems.add({
        row,
        column: null,
        value: cells[i],
        message: `Cell ${i + 1} has a value but its column has no name in the header.`,
      });
  });
  const input: RowInput = {
    row,
    has: (column) => header.index.has(column),
    text: (column) => {
      const i = header.index.get(column);
      return i === undefined ? '' : cellText(cells[i]);
    },
    problem: (column, message, value) =>
      problems.add({ row, column, value: value ?? input.text(column), message }),
  };
  const refColumn = CSV_FILES[def.kind].refColumn;
  const ref = input.text(refColumn);
  if (ref === '') input.problem(refColumn, 'A value is required.');
  else if (ref.length > def.refMax)
    input.problem(refColumn, `Use at most ${def.refMax} characters (this has ${ref.length}).`);
  const values = def.readRow(input, lookups);
  return ref === '' || ref.length > def.refMax ? null : [row, ref, ...values];
}

/** The staging statement: a batch of rows, as one parameter array per column. */
function stagingSql(def: KindDefinition): string {
  const columns = [
    { name: 'row_no', type: 'integer' } as StageColumn,
    { name: 'ref', type: 'text' } as StageColumn,
    ...def.stage,
  ];
  const arrays = columns.map((c, i) => `$${i + 1}::${(c.param ?? c.type).replace(/\[\]$/, '')}[]`);
  const selects = columns.map((c) => c.select ?? `u.${c.name}`);
  return `INSERT INTO ${STAGE} (${columns.map((c) => c.name).join(', ')})
    SELECT ${selects.join(', ')}
      FROM unnest(${arrays.join(', ')}) AS u(${columns.map((c) => c.name).join(', ')})`;
}

/**
 * The plan, in one set-based pass over the staged rows: each row's record (by
 * reference; else, for a record without one, by its id) and what happens to
 * it: `create`, `update` (a field the file carries differs, or the attendees)
 * or `same`. New records get their id here.
 */
async function plan(
  db: RequestDb,
  def: KindDefinition,
  present: FieldSpec[],
  tenantId: string,
): Promise<void> {
  const differs = present.map(
    (f) => `(${f.differs?.('m', 's') ?? `m.${f.db} IS DISTINCT FROM s.${f.db}`})`,
  );
  let existingAttendees = '';
  let attendeesJoin = '';
  let attendeesChanged = 'NULL::boolean';
  if (def.attendees) {
    existingAttendees = `, ex AS (
        SELECT a.session_id, array_agg(a.staff_id ORDER BY a.staff_id) AS ids
          FROM session_attendees a
         WHERE a.tenant_id = $1 AND a.session_id IN (SELECT id FROM matched)
         GROUP BY a.session_id)`;
    attendeesJoin = 'LEFT JOIN ex ON ex.session_id = m.id';
    attendeesChanged = `(m.id IS NOT NULL AND coalesce(ex.ids, '{}') IS DISTINCT FROM s.attendee_ids)`;
    differs.push(attendeesChanged);
  }
  await db.query(
    `CREATE TEMPORARY TABLE ${PLAN} ON COMMIT DROP AS SELECT * FROM ${STAGE} WITH NO DATA`,
  );
  await db.query(
    `ALTER TABLE ${PLAN} ADD COLUMN target_id uuid NOT NULL, ADD COLUMN action text NOT NULL,
       ADD COLUMN attendees_changed boolean`,
  );
  await db.query(
    `INSERT INTO ${PLAN}
     WITH matched AS (
         SELECT s.row_no AS matched_row, t.* FROM ${STAGE} s
           JOIN ${def.table} t ON t.tenant_id = $1 AND t.${def.refDb} = s.ref
         UNION ALL
         SELECT s.row_no, t.* FROM ${STAGE} s
           JOIN ${def.table} t ON t.tenant_id = $1 AND t.${def.refDb} IS NULL
            AND t.id = CASE WHEN s.ref ~ $2 THEN s.ref::uuid END
          WHERE s.ref ~ $2)${existingAttendees}
     SELECT s.*, coalesce(m.id, gen_random_uuid()) AS target_id,
            CASE WHEN m.id IS NULL THEN 'create' WHEN ${differs.join(' OR ')} THEN 'update' ELSE 'same' END AS action,
            ${attendeesChanged} AS attendees_changed
       FROM ${STAGE} s
       LEFT JOIN matched m ON m.matched_row = s.row_no
       ${attendeesJoin}`,
    [tenantId, UUID_PATTERN],
  );
  await db.query(`CREATE INDEX ON ${PLAN} (row_no)`);
}

async function stageRows(db: RequestDb, sql: string, rows: unknown[][]): Promise<void> {
  const width = rows[0].length;
  const params: unknown[] = [];
  for (let i = 0; i < width; i++) params.push(rows.map((row) => row[i]));
  await db.query(sql, params);
}

// ---- whole-file checks --------------------------------------------------

async function findDuplicates(db: RequestDb, refColumn: string, problems: Problems): Promise<void> {
  const duplicates = await db.query<{ ref: string; rows: number[] }>(
    `SELECT ref, array_agg(row_no ORDER BY row_no) AS rows FROM ${STAGE}
      GROUP BY ref HAVING count(*) > 1 ORDER BY min(row_no) LIMIT $1`,
    [PROBLEM_LIMIT],
  );
  for (const { ref, rows } of duplicates) {
    const listed = rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
    for (const row of rows) {
      problems.add({
        row,
        column: refColumn,
        value: ref,
        message: `This reference appears more than once in the file (rows ${listed}).`,
      });
    }
  }
}

/**
 * A file without end_date keeps the recorded end date: it must not fall before
 * a new start date (the database would refuse the record).
 */
async function checkAgainstRecords(
  db: RequestDb,
  def: KindDefinition,
  header: Header,
  tenantId: string,
  problems: Problems,
): Promise<void> {
  const hasDates = def.fields.some((f) => f.db === 'end_date');
  if (!hasDates || header.index.has('end_date')) return;
  const rows = await db.query<{ row_no: number; start: string; end: string }>(
    `SELECT s.row_no, s.start_date AS start, t.end_date AS end
       FROM ${PLAN} s JOIN ${def.table} t ON t.tenant_id = $1 AND t.id = s.target_id
      WHERE t.end_date < s.start_date ORDER BY s.row_no LIMIT $2`,
    [tenantId, PROBLEM_LIMIT],
  );
  for (const row of rows) {
    problems.add({
      row: row.row_no,
      column: 'start_date',
      value: row.start,
      message: `The start date is after the end date already recorded (${row.end}). Add the end_date column to change both.`,
    });
  }
}

function presentFields(def: KindDefinition, header: Header): FieldSpec[] {
  return def.fields.filter((f) => f.drivers.every((d) => header.index.has(d)));
}

// ---- writing -------------------------------------------------------------------------------

async function write(
  db: RequestDb,
  def: KindDefinition,
  present: KindDefinition['fields'],
  lookups: Lookups,
  actor: ImportActor,
  options: ImportOptions,
): Promise<void> {
  const tenantId = db.tenantId;
  await createPlanned(db, lookups);
  const [range] = await db.query<{ min: number | null; max: number | null }>(
    `SELECT min(row_no) AS min, max(row_no) AS max FROM ${PLAN} WHERE action <> 'same'`,
  );
  if (range.min === null || range.max === null) return;
  const batchSize = Math.max(1, options.batchSize ?? WRITE_BATCH_ROWS);

  const set = present.map((f) => `${f.db} = s.${f.db}`).join(', ');
  const updateSql = `UPDATE ${def.table} t SET ${set}, updated_at = now() FROM ${PLAN} s
     WHERE t.tenant_id = $1 AND t.id = s.target_id AND s.action = 'update'
       AND s.row_no BETWEEN $2 AND $3`;
  const insertColumns = ['tenant_id', 'id', def.refDb, ...def.fields.map((f) => f.db)];
  const insertValues = [
    '$1',
    's.target_id',
    's.ref',
    // A column the file leaves out is staged as null: new records get the default.
    ...def.fields.map((f) =>
      f.insertDefault ? `coalesce(s.${f.db}, ${f.insertDefault})` : `s.${f.db}`,
    ),
  ];
  const insertParams: unknown[] = [];
  if (def.actorColumn) {
    insertColumns.push(def.actorColumn);
    insertValues.push('$4');
    insertParams.push(actor.userId);
  }
  const insertSql = `INSERT INTO ${def.table} (${insertColumns.join(', ')})
     SELECT ${insertValues.join(', ')} FROM ${PLAN} s
      WHERE s.action = 'create' AND s.row_no BETWEEN $2 AND $3`;

  for (let from = range.min; from <= range.max; from += batchSize) {
    const to = Math.min(from + batchSize - 1, range.max);
    await db.query(updateSql, [tenantId, from, to]);
    await db.query(insertSql, [tenantId, from, to, ...insertParams]);
    if (def.attendees) {
      await db.query(
        `DELETE FROM session_attendees a USING ${PLAN} s
          WHERE a.tenant_id = $1 AND a.session_id = s.target_id AND s.action = 'update'
            AND s.attendees_changed AND s.row_no BETWEEN $2 AND $3
            AND a.staff_id <> ALL (s.attendee_ids)`,
        [tenantId, from, to],
      );
      // New sessions' attendees cannot clash; a changed session keeps those it still has.
      await db.query(
        `INSERT INTO session_attendees (tenant_id, session_id, staff_id)
         SELECT $1, s.target_id, x FROM ${PLAN} s CROSS JOIN LATERAL unnest(s.attendee_ids) AS x
          WHERE s.action = 'create' AND s.row_no BETWEEN $2 AND $3`,
        [tenantId, from, to],
      );
      await db.query(
        `INSERT INTO session_attendees (tenant_id, session_id, staff_id)
         SELECT $1, s.target_id, x FROM ${PLAN} s CROSS JOIN LATERAL unnest(s.attendee_ids) AS x
          WHERE s.action = 'update' AND s.attendees_changed AND s.row_no BETWEEN $2 AND $3
         ON CONFLICT DO NOTHING`,
        [tenantId, from, to],
      );
    }
    await options.hooks?.afterBatchWritten?.({ fromRow: from, toRow: to }, db);
  }
}
