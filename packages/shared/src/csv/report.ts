import type { ImportKind } from './columns';

/** One problem in an import file. */
export interface ImportProblem {
  /**
   * The row as a spreadsheet shows it: the header is row 1, the first record
   * row 2 (a quoted line break does not start a new row). Null for the file as
   * a whole (its size, say).
   */
  row: number | null;
  /** The column's header name, or null when the problem is not one cell's. */
  column: string | null;
  /** The cell's text (at most 200 characters), or null. */
  value: string | null;
  message: string;
}

export interface ImportCounts {
  /** Data rows read (empty rows are not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** What an import (or a dry run) reports. */
export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  /** True when the file is valid (a dry run that found no problem, or an import that was written). */
  ok: boolean;
  /** True when the records were written (never for a dry run or an invalid file). */
  committed: boolean;
  counts: ImportCounts;
  /** Every problem, in row order, up to `problemLimit`. */
  problems: ImportProblem[];
  /** How many problems there are in all (more than `problems.length` when truncated). */
  problemCount: number;
  problemLimit: number;
  /** Services the import created (or, in a dry run, would create). */
  servicesCreated: string[];
  /** Supervisor records the import created (or would create). */
  supervisorsCreated: number;
}
