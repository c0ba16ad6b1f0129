import { useCallback, useState } from 'react';

/*
 * Cursor pagination, a page at a time: the API gives each page's end cursor,
 * so going back means remembering the cursors of the pages before.
 */

export interface CursorPages {
  /** The cursor to ask for the current page with (null: the first page). */
  after: string | null;
  /** 1 for the first page. */
  pageNumber: number;
  next: (endCursor: string) => void;
  previous: () => void;
  reset: () => void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const next = useCallback((endCursor: string) => setCursors((c) => [...c, endCursor]), []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([null]), []);
  return {
    after: cursors[cursors.length - 1] ?? null,
    pageNumber: cursors.length,
    next,
    previous,
    reset,
  };
}

export interface PagerProps {
  /** What is being paged, in the plural: "members", "events". */
  noun: string;
  pageNumber: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  totalCount: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Names the navigation landmark, e.g. "Pages of members". */
  label?: string;
}

/** "Showing 26 to 50 of 120 members", with Previous and Next buttons. */
export function Pager({
  noun,
  pageNumber,
  pageSize,
  shown,
  totalCount,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  label,
}: PagerProps) {
  const first = shown === 0 ? 0 : (pageNumber - 1) * pageSize + 1;
  const last = shown === 0 ? 0 : first + shown - 1;
  return (
    <nav className="pager" aria-label={label ?? `Pages of ${noun}`}>
      <p className="pager__status">
        Showing {first.toLocaleString('en-GB')} to {last.toLocaleString('en-GB')} of{' '}
        {totalCount.toLocaleString('en-GB')} {noun}
      </p>
      {hasPrevious || hasNext ? (
        <div className="pager__buttons">
          {hasPrevious ? (
            <button type="button" className="button button--secondary" onClick={onPrevious}>
              Previous page
            </button>
          ) : null}
          {hasNext ? (
            <button type="button" className="button button--secondary" onClick={onNext}>
              Next page
            </button>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
