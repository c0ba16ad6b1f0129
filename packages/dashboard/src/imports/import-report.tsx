import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ImportReport } from '@holdspace/shared';
import { ExportCsvButton, SortableHeader } from '../people/page-kit';
import {
  countLines,
  DEFAULT_PROBLEM_SORT,
  isCommitted,
  nextSort,
  plural,
  PROBLEM_COLUMNS,
  problemCells,
  problemsHeading,
  sortProblems,
  truncationNote,
  type ProblemSort,
  type ProblemSortKey,
} from './import-logic';

/*
 * An import's report (docs/import.md, "The report"), in three forms:
 *   - problems: every problem by row and column, in a sortable table with
 *     Export CSV (a check or an import that found any; nothing was written);
 *   - ready: a check that found none, with what importing would do;
 *   - imported: what the import did.
 * The heading takes focus when a report arrives, so keyboard and screen reader
 * users start reading at the result.
 */

export interface ImportReportViewProps {
  report: ImportReport;
  /** The chosen file's name, as the user knows it. */
  fileName: string;
  /** Today (YYYY-MM-DD), for the problems file's name. */
  today: string;
  /** Buttons under the report (Import N rows, Choose another file, ...). */
  actions?: ReactNode;
}

function FocusedHeading({ id, children }: { id: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="import-report__heading">
      {children}
    </h2>
  );
}

function Counts({ report }: { report: ImportReport }) {
  return (
    <dl className="summary-list import-report__counts">
      {countLines(report).map((line) => (
        <div className="summary-list__row" key={line.label}>
          <dt className="summary-list__key">{line.label}</dt>
          <dd className="summary-list__value">{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const SORT_NAMES: Record<ProblemSortKey, string> = { row: 'row', column: 'column' };

export function ProblemsTable({
  report,
  fileName,
  today,
}: {
  report: ImportReport;
  fileName: string;
  today: string;
}) {
  const [sort, setSort] = useState<ProblemSort>(DEFAULT_PROBLEM_SORT);
  const rows = useMemo(
    () => sortProblems(report.problems, sort).map(problemCells),
    [report.problems, sort],
  );
  const sortedAs = (key: ProblemSortKey) => (sort.key === key ? sort.direction : undefined);
  const captionId = 'import-problems-caption';
  return (
    <>
      <div className="table-toolbar">
        <p className="table-toolbar__count">
          {report.problems.length < report.problemCount
            ? `Showing ${plural(report.problems.length, 'problem')} of ${report.problemCount.toLocaleString('en-GB')}`
            : `Showing ${plural(report.problems.length, 'problem')}`}
        </p>
        <ExportCsvButton
          subject={`${fileName.replace(/\.csv$/i, '')} problems`}
          today={today}
          header={PROBLEM_COLUMNS}
          rows={() => rows}
          label="of the problems"
        />
      </div>
      <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table import-problems">
          <caption className="table__caption" id={captionId}>
            Problems in {fileName}
            <span className="visually-hidden">
              , sorted by {SORT_NAMES[sort.key]} {sort.direction}
            </span>
          </caption>
          <thead>
            <tr>
              <SortableHeader
                label="Row"
                sorted={sortedAs('row')}
                onSort={() => setSort((current) => nextSort(current, 'row'))}
              />
              <SortableHeader
                label="Column"
                sorted={sortedAs('column')}
                onSort={() => setSort((current) => nextSort(current, 'column'))}
              />
              <th scope="col">Value</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([row, column, value, message], index) => (
              <tr key={index}>
                <td className="table__nowrap">{row}</td>
                <td className="import-problems__column">{column}</td>
                <td className="import-problems__value">{value}</td>
                <td className="import-problems__message">{message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ImportReportView({ report, fileName, today, actions }: ImportReportViewProps) {
  if (!report.ok) {
    const note = truncationNote(report);
    return (
      <section className="import-report" aria-labelledby="import-report-heading">
        <FocusedHeading id="import-report-heading">
          {problemsHeading(report, fileName)}
        </FocusedHeading>
        <div className="notice notice--error">
          <p className="notice__text">
            {report.dryRun ? 'Nothing has been imported.' : 'Nothing was imported.'} Every row is
            imported or none is, so fix these problems first.
          </p>
        </div>
        <p className="import-report__advice">
          Correct the file in your spreadsheet, save it again as CSV, then choose it and check it
          again. Row numbers are the ones your spreadsheet shows: the header is row 1 and the first
          record is row 2.
        </p>
        {note ? <p className="import-report__advice">{note}</p> : null}
        <ProblemsTable report={report} fileName={fileName} today={today} />
        {actions}
      </section>
    );
  }

  if (isCommitted(report)) {
    return (
      <section className="import-report" aria-labelledby="import-report-heading">
        <FocusedHeading id="import-report-heading">{`Imported ${fileName}`}</FocusedHeading>
        <p>
          {report.counts.rows === 1
            ? 'The file’s 1 row is saved.'
            : `All ${plural(report.counts.rows, 'row')} of the file are saved.`}{' '}
          Importing the same file again would change nothing.
        </p>
        <Counts report={report} />
        {actions}
      </section>
    );
  }

  const { rows, unchanged } = report.counts;
  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <FocusedHeading id="import-report-heading">
        {rows === 0 ? `${fileName} has no records` : `${fileName} is ready to import`}
      </FocusedHeading>
      {rows === 0 ? (
        <p>
          The file has a header row but no records under it. Add one row per record, then check it
          again.
        </p>
      ) : (
        <>
          <p>
            We checked {rows === 1 ? 'the 1 row' : `all ${plural(rows, 'row')}`} and found no
            problems. Nothing has been imported yet.
          </p>
          {unchanged === rows ? (
            <p>
              Every row matches what Holdspace already holds, so importing this file would change
              nothing.
            </p>
          ) : null}
        </>
      )}
      <Counts report={report} />
      {actions}
    </section>
  );
}
