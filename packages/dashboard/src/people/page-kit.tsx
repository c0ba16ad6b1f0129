import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../shell/use-document-title';
import { csvFileName, downloadCsv, toCsv, type CsvCell } from '../shell/csv';

/*
 * Small pieces the People and Absence pages share: the "Export CSV" button,
 * a sortable column header, the success message carried across a redirect,
 * and the back link.
 */

export interface ExportCsvButtonProps {
  /** Names the file: "Staff" gives holdspace-staff-<today>.csv. */
  subject: string;
  today: string;
  header: readonly string[];
  /** Exactly the cells the table shows, in the same order. */
  rows: () => readonly (readonly CsvCell[])[];
  /** Says what is exported, e.g. "Export CSV of staff". */
  label?: string;
  disabled?: boolean;
}

export function ExportCsvButton({
  subject,
  today,
  header,
  rows,
  label,
  disabled,
}: ExportCsvButtonProps) {
  return (
    <button
      type="button"
      className="button button--secondary"
      disabled={disabled}
      onClick={() => downloadCsv(csvFileName(subject, today), toCsv(header, rows()))}
    >
      Export CSV
      {label ? <span className="visually-hidden"> {label}</span> : null}
    </button>
  );
}

export type SortDirection = 'ascending' | 'descending';

export interface SortableHeaderProps {
  label: string;
  /** The column's current sort, or undefined when the table is sorted by another column. */
  sorted?: SortDirection;
  onSort: () => void;
}

/** A column header that sorts the table (aria-sort says how it is sorted now). */
export function SortableHeader({ label, sorted, onSort }: SortableHeaderProps) {
  return (
    <th scope="col" aria-sort={sorted ?? 'none'}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** State passed with navigate() so the next page can say what was done. */
export interface FlashState {
  flash?: string;
}

/** Navigates and leaves a success message for the page arrived at. */
export function useNavigateWithFlash() {
  const navigate = useNavigate();
  return (to: string, flash: string) => navigate(to, { state: { flash } satisfies FlashState });
}

/**
 * The success message left by the previous page ("Added Aisha Jones."), or
 * `message` for something done on this page. It sits in a status region that
 * is on the page before the words arrive, so screen readers announce them.
 * The message is taken out of the history entry, so reloading does not repeat it.
 */
export function Flash({ message }: { message?: string | null }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [carried] = useState(() => (location.state as FlashState | null)?.flash);
  const [shown, setShown] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!carried) return;
    setShown(carried);
    void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    // Once, when the page arrives.
  }, []);
  const text = message ?? shown;
  return (
    <div className="flash-region" role="status">
      {text ? (
        <div className="notice notice--success">
          <p className="notice__text">{text}</p>
        </div>
      ) : null}
    </div>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="back-link">
      <Link to={to}>{children}</Link>
    </p>
  );
}

/** The page's h1, which is also its tab title ("<text> – Holdspace"). */
export function PageTitle({ children }: { children: string }) {
  useDocumentTitle(children);
  return <h1>{children}</h1>;
}
