import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { csvFileName, downloadCsv, toCsv } from '../csv';
import { todayIn } from '../date-input';
import './charts.css';

/*
 * An accessible table of figures: a caption, column headers with
 * scope="col", the first column as row headers, optional sorting (aria-sort
 * on the sorted column, a button in each sortable header), and an
 * "Export CSV" button that downloads exactly the words the table shows.
 *
 * Used for the "View as table" of every chart and for the breakdown tables.
 */

export interface DataTableColumn {
  key: string;
  label: string;
  /** Right-aligned, with tabular figures. */
  numeric?: boolean;
  /** Adds a sort button to the header. */
  sortable?: boolean;
}

export interface DataTableCell {
  text: string;
  /** Shown after the text in a smaller type and exported with it: "(38 of 45 people in date)". */
  detail?: string;
  /** What the column sorts by; null sorts last. Defaults to the text. */
  sortValue?: number | string | null;
  /** True when the figure is hidden (suppressed): shown in italics. */
  hidden?: boolean;
}

export interface DataTableRow {
  key: string;
  cells: Readonly<Record<string, DataTableCell | undefined>>;
  /** A total row: kept last whatever the sort, in bold. */
  total?: boolean;
}

export interface DataTableProps {
  id?: string;
  caption: ReactNode;
  /** The caption in plain text, for the export's file name ("Coverage by service"). */
  csvSubject: string;
  columns: readonly DataTableColumn[];
  rows: readonly DataTableRow[];
  /** Shown under the table: why some figures are hidden, what the columns mean. */
  note?: ReactNode;
  /** The caption is visually hidden (the chart's heading says the same). */
  captionHidden?: boolean;
  /** Today's date for the file name (the organisation's); the browser's by default. */
  today?: string;
  /**
   * The sort, when the page keeps it (in the address, say) rather than the table: with
   * `onSortChange`, the table shows `sort` (null: the rows as given) and asks for the next one.
   */
  sort?: TableSort | null;
  onSortChange?: (sort: TableSort) => void;
}

export type SortDirection = 'ascending' | 'descending';

export interface TableSort {
  key: string;
  direction: SortDirection;
}

/** A sort button pressed: a new column sorts ascending, the sorted one turns around. */
export function nextSort(current: TableSort | null, key: string): TableSort {
  return current?.key === key
    ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
    : { key, direction: 'ascending' };
}

/** The text of a cell as the table shows it (and the CSV exports it). */
export function cellText(cell: DataTableCell | undefined): string {
  if (!cell) return '';
  return cell.detail ? `${cell.text} (${cell.detail})` : cell.text;
}

function sortValueOf(cell: DataTableCell | undefined): number | string | null {
  if (!cell) return null;
  return cell.sortValue !== undefined ? cell.sortValue : cell.text;
}

function compare(av: number | string, bv: number | string): number {
  if (typeof av === 'number' && typeof bv === 'number') return av - bv;
  return String(av).localeCompare(String(bv), 'en-GB', { numeric: true });
}

/** The rows in display order: sorted by `sort` (empty cells last), totals kept at the end. */
export function sortRows(rows: readonly DataTableRow[], sort: TableSort | null): DataTableRow[] {
  const body = rows.filter((row) => !row.total);
  const totals = rows.filter((row) => row.total);
  if (sort) {
    body.sort((a, b) => {
      const av = sortValueOf(a.cells[sort.key]);
      const bv = sortValueOf(b.cells[sort.key]);
      // Cells without a figure go last in either direction.
      if (av === null || bv === null) return av === bv ? 0 : av === null ? 1 : -1;
      const result = compare(av, bv);
      return sort.direction === 'ascending' ? result : -result;
    });
  }
  return [...body, ...totals];
}

/** The CSV of a table: its header and its rows, in the order shown. */
export function tableCsv(
  columns: readonly DataTableColumn[],
  rows: readonly DataTableRow[],
): string {
  return toCsv(
    columns.map((column) => column.label),
    rows.map((row) => columns.map((column) => cellText(row.cells[column.key]))),
  );
}

/** Whether an element is narrower than its content (re-checked when the window is resized). */
function useOverflow() {
  const ref = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState(false);
  useEffect(() => {
    const check = () => {
      const element = ref.current;
      if (element) setValue(element.scrollWidth > element.clientWidth + 1);
    };
    check();
    window.addEventListener('resize', check);
    return () => window.removeEventListener('resize', check);
  }, []);
  return { ref, value };
}

export function DataTable({
  id,
  caption,
  csvSubject,
  columns,
  rows,
  note,
  captionHidden = false,
  today,
  sort: sortGiven,
  onSortChange,
}: DataTableProps) {
  const [sortOwn, setSortOwn] = useState<TableSort | null>(null);
  const sort = onSortChange ? (sortGiven ?? null) : sortOwn;
  const shown = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const overflows = useOverflow();

  function toggleSort(key: string) {
    if (onSortChange) onSortChange(nextSort(sort, key));
    else setSortOwn((current) => nextSort(current, key));
  }

  function exportCsv() {
    downloadCsv(csvFileName(csvSubject, today ?? todayIn(undefined)), tableCsv(columns, shown));
  }

  return (
    <div className="data-table" id={id}>
      {/* A table wider than the screen scrolls, and can then be scrolled by keyboard (WCAG 2.1.1). */}
      <div
        className="data-table__scroll"
        ref={overflows.ref}
        {...(overflows.value ? { role: 'region', 'aria-label': csvSubject, tabIndex: 0 } : {})}
      >
        <table className="data-table__table">
          <caption className={captionHidden ? 'visually-hidden' : 'data-table__caption'}>
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={column.sortable ? (sorted ?? 'none') : undefined}
                    className={column.numeric ? 'data-table__numeric' : undefined}
                  >
                    {column.sortable ? (
                      <button
                        type="button"
                        className="data-table__sort"
                        onClick={() => toggleSort(column.key)}
                      >
                        {column.label}
                        <span className="data-table__sort-icon" aria-hidden="true">
                          {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      column.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} className={row.total ? 'data-table__total' : undefined}>
                {columns.map((column, index) => {
                  const cell = row.cells[column.key];
                  const content = (
                    <>
                      <span className={cell?.hidden ? 'data-table__hidden' : undefined}>
                        {cell?.text ?? ''}
                      </span>
                      {cell?.detail ? (
                        <span className="data-table__detail"> ({cell.detail})</span>
                      ) : null}
                    </>
                  );
                  const className = column.numeric ? 'data-table__numeric' : undefined;
                  return index === 0 ? (
                    <th key={column.key} scope="row" className={className}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {note ? <div className="data-table__note">{note}</div> : null}
      <p className="data-table__actions">
        <button
          type="button"
          className="button button--secondary data-table__export"
          onClick={exportCsv}
        >
          Export CSV<span className="visually-hidden"> ({csvSubject})</span>
        </button>
      </p>
    </div>
  );
}
