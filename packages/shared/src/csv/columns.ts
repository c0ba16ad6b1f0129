/**
 * The import file formats (spec: import.md), as data: the API validates against
 * them and the dashboard shows them (column list, notes, downloadable templates).
 */

export const IMPORT_KINDS = ['staff', 'agreements', 'sessions', 'absences'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

export interface CsvColumnSpec {
  /** The header name, exactly (header names are case-sensitive). */
  name: string;
  /** Always required in the header, and a value in every row. */
  required: boolean;
  /** When the column is conditionally required, how (for people, not code). */
  requiredWhen?: string;
  /** What the column holds, in plain English. */
  notes: string;
  /** The template's example value. */
  example: string;
}

export interface CsvFileSpec {
  kind: ImportKind;
  /** The file name the spec uses (`staff.csv`). */
  fileName: string;
  /** The column holding each row's reference (unique within the organisation). */
  refColumn: string;
  columns: readonly CsvColumnSpec[];
  /** Groups of columns of which each row must fill exactly one (and the header hold at least one). */
  exactlyOneOf?: readonly (readonly string[])[];
}

const DATE = 'YYYY-MM-DD or DD/MM/YYYY';
const SUPERVISOR_ONE_OF = 'exactly one of supervisor_staff_ref and external_supervisor';

export const CSV_FILES: Readonly<Record<ImportKind, CsvFileSpec>> = {
  staff: {
    kind: 'staff',
    fileName: 'staff.csv',
    refColumn: 'staff_ref',
    columns: [
      {
        name: 'staff_ref',
        required: true,
        notes: "The HR system's reference, unique in the organisation.",
        example: 'STF-0001',
      },
      {
        name: 'display_name',
        required: false,
        notes: 'How the person is shown.',
        example: 'Alex Smith',
      },
      {
        name: 'service',
        required: true,
        notes: 'The service (team) name; it must exist unless the import creates missing services.',
        example: 'Family Support',
      },
      { name: 'role_title', required: false, notes: 'Job title.', example: 'Senior practitioner' },
      {
        name: 'practitioner_type',
        required: false,
        notes: 'A free label, e.g. Counsellor, Social worker, Safeguarding lead.',
        example: 'Counsellor',
      },
      {
        name: 'fte',
        required: true,
        notes:
          'Full-time equivalent: a decimal greater than 0 and at most 1.5 (up to 3 decimal places).',
        example: '0.8',
      },
      {
        name: 'start_date',
        required: true,
        notes: `First day of employment (${DATE}).`,
        example: '2023-04-03',
      },
      {
        name: 'end_date',
        required: false,
        notes: `The last day of employment (${DATE}); not before start_date. Empty while in post.`,
        example: '',
      },
      {
        name: 'leaving_reason',
        required: false,
        requiredWhen: 'required when end_date is given, and only then',
        notes:
          'RESIGNATION, RETIREMENT, END_OF_FIXED_TERM, DISMISSAL, REDUNDANCY, DEATH_IN_SERVICE or OTHER.',
        example: '',
      },
      {
        name: 'requires_supervision',
        required: false,
        notes: 'true/false, yes/no or 1/0; empty means true.',
        example: 'true',
      },
    ],
  },
  agreements: {
    kind: 'agreements',
    fileName: 'agreements.csv',
    refColumn: 'agreement_ref',
    exactlyOneOf: [['supervisor_staff_ref', 'external_supervisor']],
    columns: [
      {
        name: 'agreement_ref',
        required: true,
        notes: 'The agreement’s reference.',
        example: 'AG-0001',
      },
      {
        name: 'staff_ref',
        required: true,
        notes: 'The supervisee’s staff_ref (already imported).',
        example: 'STF-0001',
      },
      {
        name: 'supervisor_staff_ref',
        required: false,
        requiredWhen: SUPERVISOR_ONE_OF,
        notes: 'An internal supervisor: their staff_ref.',
        example: 'STF-0010',
      },
      {
        name: 'external_supervisor',
        required: false,
        requiredWhen: SUPERVISOR_ONE_OF,
        notes: 'An external supervisor’s name.',
        example: '',
      },
      {
        name: 'interval',
        required: true,
        notes: 'WEEKLY, FORTNIGHTLY, FOUR_WEEKLY, SIX_WEEKLY, MONTHLY, TWO_MONTHLY or QUARTERLY.',
        example: 'MONTHLY',
      },
      {
        name: 'session_minutes',
        required: false,
        notes: 'Expected session length in minutes (1 to 480).',
        example: '60',
      },
      {
        name: 'start_date',
        required: true,
        notes: `First day of the agreement (${DATE}).`,
        example: '2023-04-03',
      },
      {
        name: 'end_date',
        required: false,
        notes: `Last day of the agreement (${DATE}); not before start_date.`,
        example: '',
      },
      {
        name: 'review_due_date',
        required: false,
        notes: `When the agreement is due for review (${DATE}).`,
        example: '2024-04-03',
      },
    ],
  },
  sessions: {
    kind: 'sessions',
    fileName: 'sessions.csv',
    refColumn: 'session_ref',
    exactlyOneOf: [['supervisor_staff_ref', 'external_supervisor']],
    columns: [
      {
        name: 'session_ref',
        required: true,
        notes: 'The session’s reference.',
        example: 'SS-000001',
      },
      {
        name: 'date',
        required: true,
        notes: `The day of the session (${DATE}).`,
        example: '2024-05-14',
      },
      {
        name: 'duration_minutes',
        required: true,
        notes: 'Whole minutes, 1 to 480.',
        example: '60',
      },
      {
        name: 'format',
        required: true,
        notes: 'ONE_TO_ONE, GROUP, PEER or CASE_CONSULTATION.',
        example: 'ONE_TO_ONE',
      },
      {
        name: 'status',
        required: true,
        notes: 'SCHEDULED, HELD, CANCELLED or DID_NOT_ATTEND.',
        example: 'HELD',
      },
      {
        name: 'supervisor_staff_ref',
        required: false,
        requiredWhen: SUPERVISOR_ONE_OF,
        notes: 'An internal supervisor: their staff_ref.',
        example: 'STF-0010',
      },
      {
        name: 'external_supervisor',
        required: false,
        requiredWhen: SUPERVISOR_ONE_OF,
        notes: 'An external supervisor’s name.',
        example: '',
      },
      {
        name: 'attendee_refs',
        required: true,
        notes: 'The attendees’ staff_refs separated by ; (exactly one for ONE_TO_ONE).',
        example: 'STF-0001',
      },
      {
        name: 'functions',
        required: false,
        notes: 'Any of NORMATIVE;FORMATIVE;RESTORATIVE, separated by ;.',
        example: 'NORMATIVE;RESTORATIVE',
      },
    ],
  },
  absences: {
    kind: 'absences',
    fileName: 'absences.csv',
    refColumn: 'absence_ref',
    columns: [
      {
        name: 'absence_ref',
        required: true,
        notes: 'The absence episode’s reference.',
        example: 'AB-0001',
      },
      {
        name: 'staff_ref',
        required: true,
        notes: 'Whose absence (their staff_ref).',
        example: 'STF-0001',
      },
      {
        name: 'start_date',
        required: true,
        notes: `First day absent (${DATE}).`,
        example: '2024-02-05',
      },
      {
        name: 'end_date',
        required: false,
        notes: `Last day absent (${DATE}); empty while ongoing.`,
        example: '2024-02-09',
      },
      {
        name: 'reason',
        required: true,
        notes:
          'MENTAL_HEALTH, MUSCULOSKELETAL, MINOR_ILLNESS, INJURY, OTHER or UNDISCLOSED. No other detail.',
        example: 'MINOR_ILLNESS',
      },
    ],
  },
};

/** The header names of a kind, in the order exports and templates use. */
export function csvHeader(kind: ImportKind): string[] {
  return CSV_FILES[kind].columns.map((c) => c.name);
}
