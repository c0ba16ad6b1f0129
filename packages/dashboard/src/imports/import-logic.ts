import {
  CSV_FILES,
  IMPORT_KINDS,
  type CsvColumnSpec,
  type ImportKind,
  type ImportProblem,
  type ImportReport,
} from '@holdspace/shared';
import type { CsvCell } from '../shell/csv';
import type { RequestFailure } from './import-request';

/*
 * The Imports page's logic, apart from React: what each file is called, the
 * checks made on a chosen file before it is sent, how the report's counts and
 * problems are worded, and the problems table's sort. Formats come from
 * CSV_FILES in @holdspace/shared, the same specs the API validates against.
 */

export { IMPORT_KINDS, type ImportKind };

/**
 * The API's default size limit (docs/import.md: 60 MB, 62,914,560 bytes).
 * Checked here first so that a file that is too large is refused at once,
 * not after uploading 60 MB; the API checks again (and answers 413 with the
 * limit it actually applies, which a deployment can change).
 */
export const MAX_IMPORT_BYTES = 60 * 1024 * 1024;

export interface KindInfo {
  /** "Staff", as a radio label and in sentences after "Download". */
  label: string;
  /** "staff records", "absence records": what a row is, in sentences. */
  records: string;
  /** One sentence on what the file holds (and the order to import in). */
  hint: string;
}

export const KIND_INFO: Readonly<Record<ImportKind, KindInfo>> = {
  staff: {
    label: 'Staff',
    records: 'staff records',
    hint: 'Members of staff, their service, hours and employment dates. Import this first: the other files name staff by their staff_ref.',
  },
  agreements: {
    label: 'Supervision agreements',
    records: 'supervision agreements',
    hint: 'Who supervises whom, and how often.',
  },
  sessions: {
    label: 'Supervision sessions',
    records: 'supervision sessions',
    hint: 'Sessions held, cancelled or planned, with their attendees.',
  },
  absences: {
    label: 'Absences',
    records: 'absence records',
    hint: 'Periods of sickness absence and their reason category. No other detail.',
  },
};

export function fileNameOf(kind: ImportKind): string {
  return CSV_FILES[kind].fileName;
}

export function columnsOf(kind: ImportKind): readonly CsvColumnSpec[] {
  return CSV_FILES[kind].columns;
}

/** The Required column of the columns table: "Yes", "No", or when it is needed. */
export function requiredText(column: CsvColumnSpec): string {
  if (column.required) return 'Yes';
  if (column.requiredWhen) {
    const when = column.requiredWhen;
    return `Sometimes: ${when.charAt(0).toLowerCase()}${when.slice(1)}`;
  }
  return 'No';
}

// ---- numbers and words ----------------------------------------------------------------

const NUMBER = new Intl.NumberFormat('en-GB');

export function formatCount(value: number): string {
  return NUMBER.format(value);
}

/** "1 row", "1,200 rows". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "900 bytes", "14 KB", "2.5 MB": a file's size as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const kb = bytes / 1024;
  if (kb < 1024) return `${formatCount(Math.round(kb))} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : formatCount(Math.round(mb))} MB`;
}

// ---- the chosen file ---------------------------------------------------------------------

/** Spreadsheet files people may pick instead of the CSV saved from them. */
const SPREADSHEET_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xls', 'ods', 'numbers']);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * What is wrong with the chosen file before sending it (GOV.UK wording for a
 * file upload), or undefined when it may be sent. Encoding, columns and rows
 * are the API's to check.
 */
export function checkChosenFile(
  file: Pick<File, 'name' | 'size'> | null,
  maxBytes = MAX_IMPORT_BYTES,
): string | undefined {
  if (!file) return 'Select a CSV file';
  const extension = extensionOf(file.name);
  if (SPREADSHEET_EXTENSIONS.has(extension)) {
    return `The selected file is a spreadsheet (.${extension}), not a CSV file. In your spreadsheet, save it as “CSV UTF-8 (Comma delimited)” and select that file`;
  }
  if (extension !== 'csv') return 'The selected file must be a CSV file (its name ends in .csv)';
  if (file.size === 0) return 'The selected file is empty';
  if (file.size > maxBytes) {
    return `The selected file is ${formatBytes(file.size)}. It must be ${formatBytes(maxBytes)} or smaller: split it into smaller files and import each one`;
  }
  return undefined;
}

// ---- the report -----------------------------------------------------------------------

/** Whether the report is of a real import that wrote the records. */
export function isCommitted(report: ImportReport): boolean {
  return report.committed && !report.dryRun;
}

export interface CountLine {
  label: string;
  value: string;
}

/**
 * The report's counts as label/value lines: what a dry run found the file
 * would do, or what an import did. Services and supervisor records created
 * are listed only when there are some.
 */
export function countLines(report: ImportReport): CountLine[] {
  const done = isCommitted(report);
  const { rows, created, updated, unchanged } = report.counts;
  const lines: CountLine[] = [
    { label: 'Rows in the file', value: formatCount(rows) },
    { label: done ? 'Added' : 'Would be added', value: formatCount(created) },
    { label: done ? 'Updated' : 'Would be updated', value: formatCount(updated) },
    {
      label: done ? 'Unchanged' : 'Already up to date (no change)',
      value: formatCount(unchanged),
    },
  ];
  if (report.servicesCreated.length > 0) {
    lines.push({
      label: done ? 'Services created' : 'Services that would be created',
      value: report.servicesCreated.join(', '),
    });
  }
  if (report.supervisorsCreated > 0) {
    lines.push({
      label: done ? 'Supervisor records created' : 'Supervisor records that would be created',
      value: formatCount(report.supervisorsCreated),
    });
  }
  return lines;
}

/** One sentence for the result of an import: "Imported 12 rows: 3 added, 2 updated, 7 unchanged." */
export function importedSentence(report: ImportReport, fileName: string): string {
  const { rows, created, updated, unchanged } = report.counts;
  return `Imported ${plural(rows, 'row')} from ${fileName}: ${formatCount(created)} added, ${formatCount(updated)} updated, ${formatCount(unchanged)} unchanged.`;
}

/** The confirm button: "Import 12 rows". */
export function importButtonLabel(report: ImportReport): string {
  return `Import ${plural(report.counts.rows, 'row')}`;
}

// ---- the problems table ----------------------------------------------------------------

export const PROBLEM_COLUMNS = ['Row', 'Column', 'Value', 'Message'] as const;
export type ProblemSortKey = 'row' | 'column';
export type SortDirection = 'ascending' | 'descending';

export interface ProblemSort {
  key: ProblemSortKey;
  direction: SortDirection;
}

export const DEFAULT_PROBLEM_SORT: ProblemSort = { key: 'row', direction: 'ascending' };

/** Row of a problem as the table shows it: the spreadsheet's row number, or "Whole file". */
export function problemRowText(problem: ImportProblem): string {
  return problem.row === null ? 'Whole file' : String(problem.row);
}

/** Column as shown: the header name, or "Whole row" when no single cell is at fault. */
export function problemColumnText(problem: ImportProblem): string {
  if (problem.column !== null) return problem.column;
  return problem.row === null ? '' : 'Whole row';
}

/** Value as shown: the cell's text, "(empty)" for an empty cell, nothing when there is no cell. */
export function problemValueText(problem: ImportProblem): string {
  if (problem.value === null) return '';
  return problem.value === '' ? '(empty)' : problem.value;
}

/** The cells of one problem, exactly as the table shows them (and its CSV exports them). */
export function problemCells(problem: ImportProblem): CsvCell[] {
  return [
    problemRowText(problem),
    problemColumnText(problem),
    problemValueText(problem),
    problem.message,
  ];
}

function compareRows(a: ImportProblem, b: ImportProblem): number {
  // Problems of the whole file first.
  return (a.row ?? 0) - (b.row ?? 0);
}

/**
 * The problems in the table's order. Ties keep the report's order (rows in
 * order, and within a row, columns as the API found them).
 */
export function sortProblems(
  problems: readonly ImportProblem[],
  { key, direction }: ProblemSort,
): ImportProblem[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const indexed = problems.map((problem, index) => ({ problem, index }));
  indexed.sort((a, b) => {
    const primary =
      key === 'row'
        ? compareRows(a.problem, b.problem)
        : problemColumnText(a.problem).localeCompare(problemColumnText(b.problem), 'en-GB') ||
          compareRows(a.problem, b.problem);
    return primary * sign || a.index - b.index;
  });
  return indexed.map((entry) => entry.problem);
}

/** Clicking a column header: that column ascending, or the other way round if it already is. */
export function nextSort(current: ProblemSort, key: ProblemSortKey): ProblemSort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The heading over the problems: "staff.csv has 3 problems". */
export function problemsHeading(report: ImportReport, fileName: string): string {
  return `${fileName} has ${plural(report.problemCount, 'problem')}`;
}

/** Said when the report lists fewer problems than the file has. */
export function truncationNote(report: ImportReport): string | undefined {
  if (report.problemCount <= report.problems.length) return undefined;
  return `The first ${formatCount(report.problems.length)} of ${formatCount(report.problemCount)} problems are listed. Fix these and check the file again to see the rest.`;
}

// ---- requests that failed ----------------------------------------------------------------

export interface FailureText {
  title: string;
  message: string;
}

/** What the request was for: a check (dry run), an import, or an export. */
export type RequestAction = 'check' | 'import' | 'export';

const NOTHING_WRITTEN: Record<RequestAction, string> = {
  check: 'Nothing was saved.',
  import: 'Nothing was imported.',
  export: '',
};

function sentences(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

/**
 * What to say when the API did not answer with a report or a file. For a
 * check or an import, every case says whether anything was written: a check
 * never writes, and an import writes all or nothing. The API's own message is
 * shown only for problems with the request (size, BAD_USER_INPUT), never for
 * internal errors.
 */
export function describeFailure(
  failure: RequestFailure,
  { action, fileName }: { action: RequestAction; fileName: string },
): FailureText {
  const nothing = NOTHING_WRITTEN[action];
  const title =
    action === 'export'
      ? `${fileName} did not download`
      : `${fileName} was not ${action === 'check' ? 'checked' : 'imported'}`;
  switch (failure.code) {
    case 'TOO_LARGE':
      return {
        title: `${fileName} is too large`,
        message: sentences(
          failure.message ||
            'The file is larger than Holdspace accepts. Split it into smaller files and import each one.',
          nothing,
        ),
      };
    case 'BAD_USER_INPUT':
      return {
        title,
        message: sentences(failure.message || 'Holdspace could not read the request.', nothing),
      };
    case 'UNAUTHENTICATED':
      return { title: 'You have been signed out', message: sentences(nothing, 'Sign in again.') };
    case 'FORBIDDEN':
      return {
        title: 'You do not have access to this',
        message: sentences('Only organisation admins can import and export records.', nothing),
      };
    case 'SERVICE_UNAVAILABLE':
      return {
        title: 'Holdspace is not available right now',
        message: sentences(nothing, 'Try again in a few minutes.'),
      };
    case 'TOO_MANY_REQUESTS':
      return {
        title: 'Too many requests',
        message: sentences(nothing, 'Wait a few minutes and try again.'),
      };
    case 'NETWORK':
      return action === 'import'
        ? {
            title: 'The connection was lost during the import',
            message:
              'The import was either completed in full or not at all. To find out which, check the file again: if it was imported, every row shows as already up to date.',
          }
        : {
            title: 'We could not reach Holdspace',
            message: sentences('Check your internet connection and try again.', nothing),
          };
    default:
      return {
        title: 'Sorry, there is a problem with the service',
        message: sentences(nothing, 'Try again later.'),
      };
  }
}
