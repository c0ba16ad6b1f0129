import {
  ABSENCE_REASONS,
  LEAVING_REASONS,
  SESSION_FORMATS,
  SESSION_STATUSES,
  SUPERVISION_FUNCTIONS,
  SUPERVISION_INTERVALS,
  type ImportKind,
} from '@holdspace/shared';
import {
  checkLength,
  parseBooleanCell,
  parseDateCell,
  parseEnumCell,
  parseFteCell,
  parseIntegerCell,
  type Parsed,
} from './cell-values';
import type { Lookups } from './lookups';

/**
 * How each import file maps onto its table: the staging columns a row is read
 * into, the record's fields (and which CSV columns drive them), header rules
 * beyond required/unknown columns, and the row reader with its validation.
 */

/** One data row, as a validator sees it. */
export interface RowInput {
  readonly row: number;
  /** Whether the header has this column. */
  has(column: string): boolean;
  /** The cell's text (trimmed, spreadsheet quote removed); '' when empty or absent. */
  text(column: string): string;
  /** Records a problem; the value defaults to the cell's text. */
  problem(column: string, message: string, value?: string): void;
}

export interface StageColumn {
  name: string;
  /** SQL type in the staging table. */
  type: string;
  /** The parameter array's element type when it differs (converted by `select`). */
  param?: string;
  /** SQL computing the staged value from `u.<name>` when it needs converting. */
  select?: string;
}

export interface FieldSpec {
  /** Column in the record's table (and in the staging table). */
  db: string;
  /** CSV columns that carry it: updated only when all are in the header. */
  drivers: string[];
  /** SQL that is true when the value changes, given the record's and the row's aliases. */
  differs?: (record: string, row: string) => string;
  /** Value for a new record when the column is not in the file. */
  insertDefault?: string;
}

export interface KindDefinition {
  kind: ImportKind;
  table: string;
  /** The reference column in `table`. */
  refDb: string;
  /** The longest reference the table takes. */
  refMax: number;
  stage: StageColumn[];
  fields: FieldSpec[];
  /** Header problems beyond missing and unknown columns. */
  headerRules?(present: ReadonlySet<string>): Array<{ column: string; message: string }>;
  /** Reads one row into the staging columns' order (null where missing or invalid). */
  readRow(input: RowInput, lookups: Lookups): unknown[];
  /** Whether the rows name staff members or supervisors (loads the staff lookup). */
  references: boolean;
  /** A column of new records set to the importing user (who logged a session). */
  actorColumn?: string;
  /** Sessions: attendees are kept in step with `attendee_ids`. */
  attendees?: boolean;
}

// ---- small readers shared by the kinds ---------------------------------------------------

function use<T>(input: RowInput, column: string, parsed: Parsed<T>): T | null {
  if (parsed.ok) return parsed.value;
  input.problem(column, parsed.message);
  return null;
}

function required(input: RowInput, column: string): string | null {
  const text = input.text(column);
  if (text === '') {
    input.problem(column, 'A value is required.');
    return null;
  }
  return text;
}

function optionalText(input: RowInput, column: string, max: number): string | null {
  const text = input.text(column);
  if (text === '') return null;
  const tooLong = checkLength(text, max);
  if (tooLong) input.problem(column, tooLong);
  return tooLong ? null : text;
}

function requiredDate(input: RowInput, column: string): string | null {
  const text = required(input, column);
  return text === null ? null : use(input, column, parseDateCell(text));
}

function optionalDate(input: RowInput, column: string): string | null {
  const text = input.text(column);
  return text === '' ? null : use(input, column, parseDateCell(text));
}

function notBefore(input: RowInput, column: string, end: string | null, start: string | null) {
  if (end !== null && start !== null && end < start)
    input.problem(column, `The end date is before the start date (${start}).`);
}

function staffId(input: RowInput, column: string, ref: string, lookups: Lookups): string | null {
  const id = lookups.staff.get(ref);
  if (!id)
    input.problem(
      column,
      'No staff member has this reference. Import staff.csv first (or check the reference).',
      ref,
    );
  return id ?? null;
}

/** supervisor_staff_ref XOR external_supervisor → the supervisors record (created if missing). */
function supervisorId(input: RowInput, lookups: Lookups): string | null {
  const internal = input.text('supervisor_staff_ref');
  const external = input.text('external_supervisor');
  if (internal !== '' && external !== '') {
    input.problem(
      'external_supervisor',
      'Give either supervisor_staff_ref or external_supervisor, not both.',
    );
    return null;
  }
  if (internal === '' && external === '') {
    input.problem(
      input.has('supervisor_staff_ref') ? 'supervisor_staff_ref' : 'external_supervisor',
      'Give the supervisor: supervisor_staff_ref (a member of staff) or external_supervisor (a name).',
    );
    return null;
  }
  if (internal !== '') {
    const id = staffId(input, 'supervisor_staff_ref', internal, lookups);
    return id === null ? null : lookups.supervisors.internalFor(id);
  }
  const tooLong = checkLength(external, 200);
  if (tooLong) {
    input.problem('external_supervisor', tooLong);
    return null;
  }
  return lookups.supervisors.externalFor(external);
}

function splitList(text: string): string[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const FIELD = (
  db: string,
  drivers: string[] = [db],
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({
  db,
  drivers,
  ...extra,
});

// ---- the four files ------------------------------------------------------------------------

const staff: KindDefinition = {
  kind: 'staff',
  table: 'staff_members',
  refDb: 'staff_ref',
  refMax: 64,
  references: false,
  stage: [
    { name: 'display_name', type: 'text' },
    { name: 'service_id', type: 'uuid' },
    { name: 'role_title', type: 'text' },
    { name: 'practitioner_type', type: 'text' },
    { name: 'fte', type: 'numeric' },
    { name: 'start_date', type: 'date' },
    { name: 'end_date', type: 'date' },
    { name: 'leaving_reason', type: 'text' },
    { name: 'requires_supervision', type: 'boolean' },
  ],
  fields: [
    FIELD('display_name'),
    FIELD('service_id', ['service']),
    FIELD('role_title'),
    FIELD('practitioner_type'),
    FIELD('fte'),
    FIELD('start_date'),
    FIELD('end_date'),
    FIELD('leaving_reason'),
    FIELD('requires_supervision', ['requires_supervision'], { insertDefault: 'true' }),
  ],
  headerRules(present) {
    if (present.has('end_date') === present.has('leaving_reason')) return [];
    const missing = present.has('end_date') ? 'leaving_reason' : 'end_date';
    return [
      {
        column: missing,
        message: `end_date and leaving_reason go together: add the ${missing} column (or leave both out).`,
      },
    ];
  },
  readRow(input, lookups) {
    const ref = input.text('staff_ref');
    if (ref.includes(';'))
      input.problem('staff_ref', 'A staff reference cannot contain ";" (it separates attendees).');
    const displayName = optionalText(input, 'display_name', 200);
    const serviceName = required(input, 'service');
    let serviceId: string | null = null;
    if (serviceName !== null) {
      const tooLong = checkLength(serviceName, 120);
      if (tooLong) input.problem('service', tooLong);
      else {
        const resolved = lookups.services.resolve(serviceName);
        if ('id' in resolved) serviceId = resolved.id;
        else input.problem('service', resolved.message);
      }
    }
    const roleTitle = optionalText(input, 'role_title', 120);
    const practitionerType = optionalText(input, 'practitioner_type', 80);
    const fteText = required(input, 'fte');
    const fte = fteText === null ? null : use(input, 'fte', parseFteCell(fteText));
    const start = requiredDate(input, 'start_date');
    const end = optionalDate(input, 'end_date');
    notBefore(input, 'end_date', end, start);
    const reasonText = input.text('leaving_reason');
    let reason: string | null = null;
    if (end !== null || input.text('end_date') !== '') {
      if (reasonText === '')
        input.problem('leaving_reason', 'Give the leaving reason with an end date.');
      else reason = use(input, 'leaving_reason', parseEnumCell(reasonText, LEAVING_REASONS));
    } else if (reasonText !== '') {
      input.problem('leaving_reason', 'Give a leaving reason only with an end date.');
    }
    let requiresSupervision: boolean | null = null;
    if (input.has('requires_supervision')) {
      const text = input.text('requires_supervision');
      requiresSupervision =
        text === '' ? true : use(input, 'requires_supervision', parseBooleanCell(text));
    }
    return [
      displayName,
      serviceId,
      roleTitle,
      practitionerType,
      fte,
      start,
      end,
      reason,
      requiresSupervision,
    ];
  },
};

const agreements: KindDefinition = {
  kind: 'agreements',
  table: 'supervision_agreements',
  refDb: 'agreement_ref',
  refMax: 64,
  references: true,
  stage: [
    { name: 'staff_id', type: 'uuid' },
    { name: 'supervisor_id', type: 'uuid' },
    { name: 'interval', type: 'text' },
    { name: 'session_minutes', type: 'integer' },
    { name: 'start_date', type: 'date' },
    { name: 'end_date', type: 'date' },
    { name: 'review_due_date', type: 'date' },
  ],
  fields: [
    FIELD('staff_id', ['staff_ref']),
    FIELD('supervisor_id', []),
    FIELD('interval'),
    FIELD('session_minutes'),
    FIELD('start_date'),
    FIELD('end_date'),
    FIELD('review_due_date'),
  ],
  readRow(input, lookups) {
    const ref = required(input, 'staff_ref');
    const staff = ref === null ? null : staffId(input, 'staff_ref', ref, lookups);
    const supervisor = supervisorId(input, lookups);
    const intervalText = required(input, 'interval');
    const interval =
      intervalText === null
        ? null
        : use(input, 'interval', parseEnumCell(intervalText, SUPERVISION_INTERVALS));
    const minutesText = input.text('session_minutes');
    const minutes =
      minutesText === ''
        ? null
        : use(input, 'session_minutes', parseIntegerCell(minutesText, 1, 480));
    const start = requiredDate(input, 'start_date');
    const end = optionalDate(input, 'end_date');
    notBefore(input, 'end_date', end, start);
    const review = optionalDate(input, 'review_due_date');
    return [staff, supervisor, interval, minutes, start, end, review];
  },
};

const FUNCTION_ORDER = SUPERVISION_FUNCTIONS as readonly string[];

const sessions: KindDefinition = {
  kind: 'sessions',
  table: 'supervision_sessions',
  refDb: 'session_ref',
  refMax: 64,
  references: true,
  actorColumn: 'logged_by_user_id',
  attendees: true,
  stage: [
    { name: 'date', type: 'date' },
    { name: 'duration_minutes', type: 'integer' },
    { name: 'format', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'supervisor_id', type: 'uuid' },
    {
      name: 'attendee_ids',
      type: 'uuid[]',
      param: 'text',
      select: `ARRAY(SELECT x::uuid FROM unnest(string_to_array(u.attendee_ids, ',')) x ORDER BY 1)`,
    },
    {
      name: 'functions',
      type: 'varchar[]',
      param: 'text',
      select: `string_to_array(u.functions, ',')::varchar[]`,
    },
  ],
  fields: [
    FIELD('date'),
    FIELD('duration_minutes'),
    FIELD('format'),
    FIELD('status'),
    FIELD('supervisor_id', []),
    FIELD('functions', ['functions'], {
      differs: (t, s) =>
        `NOT (${t}.functions @> ${s}.functions AND ${t}.functions <@ ${s}.functions)`,
      insertDefault: `'{}'::varchar[]`,
    }),
  ],
  readRow(input, lookups) {
    const date = requiredDate(input, 'date');
    const durationText = required(input, 'duration_minutes');
    const duration =
      durationText === null
        ? null
        : use(input, 'duration_minutes', parseIntegerCell(durationText, 1, 480));
    const formatText = required(input, 'format');
    const format =
      formatText === null ? null : use(input, 'format', parseEnumCell(formatText, SESSION_FORMATS));
    const statusText = required(input, 'status');
    const status =
      statusText === null
        ? null
        : use(input, 'status', parseEnumCell(statusText, SESSION_STATUSES));
    const supervisor = supervisorId(input, lookups);

    let attendees: string | null = null;
    const attendeeText = required(input, 'attendee_refs');
    if (attendeeText !== null) {
      const refs = splitList(attendeeText);
      const ids: string[] = [];
      const seen = new Set<string>();
      let bad = refs.length === 0;
      if (refs.length === 0) input.problem('attendee_refs', 'List at least one attendee.');
      for (const ref of refs) {
        if (seen.has(ref)) {
          input.problem('attendee_refs', 'This attendee is listed twice.', ref);
          bad = true;
          continue;
        }
        seen.add(ref);
        const id = staffId(input, 'attendee_refs', ref, lookups);
        if (id === null) bad = true;
        else ids.push(id);
      }
      if (format === 'ONE_TO_ONE' && refs.length > 1) {
        input.problem(
          'attendee_refs',
          `A ONE_TO_ONE session has exactly one attendee; this row lists ${seen.size}.`,
        );
        bad = true;
      }
      if (!bad) attendees = ids.join(',');
    }

    let functions: string | null = null;
    if (input.has('functions')) {
      const chosen = new Set<string>();
      for (const part of splitList(input.text('functions'))) {
        const parsed = parseEnumCell(part, SUPERVISION_FUNCTIONS);
        if (parsed.ok) chosen.add(parsed.value);
        else input.problem('functions', parsed.message, part);
      }
      functions = FUNCTION_ORDER.filter((f) => chosen.has(f)).join(',');
    }
    return [date, duration, format, status, supervisor, attendees, functions];
  },
};

const absences: KindDefinition = {
  kind: 'absences',
  table: 'absence_episodes',
  refDb: 'absence_ref',
  refMax: 64,
  references: true,
  stage: [
    { name: 'staff_id', type: 'uuid' },
    { name: 'start_date', type: 'date' },
    { name: 'end_date', type: 'date' },
    { name: 'reason', type: 'text' },
  ],
  fields: [
    FIELD('staff_id', ['staff_ref']),
    FIELD('start_date'),
    FIELD('end_date'),
    FIELD('reason'),
  ],
  readRow(input, lookups) {
    const ref = required(input, 'staff_ref');
    const staff = ref === null ? null : staffId(input, 'staff_ref', ref, lookups);
    const start = requiredDate(input, 'start_date');
    const end = optionalDate(input, 'end_date');
    notBefore(input, 'end_date', end, start);
    const reasonText = required(input, 'reason');
    const reason =
      reasonText === null ? null : use(input, 'reason', parseEnumCell(reasonText, ABSENCE_REASONS));
    return [staff, start, end, reason];
  },
};

export const KINDS: Readonly<Record<ImportKind, KindDefinition>> = {
  staff,
  agreements,
  sessions,
  absences,
};
