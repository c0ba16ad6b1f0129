import type { ReactNode } from 'react';
import { describeError } from '../app/errors';

/*
 * Loading, empty and error states for every page. Each is a plain block that
 * sits where the content would be, so a page can render one in place of a table
 * or chart without changing its layout.
 */

type HeadingLevel = 2 | 3;

function Heading({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  return level === 2 ? (
    <h2 className="state__title">{children}</h2>
  ) : (
    <h3 className="state__title">{children}</h3>
  );
}

export interface LoadingStateProps {
  /** What is loading, e.g. "Loading supervision figures". */
  label?: string;
}

/** A polite live region, so screen readers hear that something is on its way. */
export function LoadingState({ label = 'Loading' }: LoadingStateProps) {
  return (
    <div className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export interface EmptyStateProps {
  title: string;
  /** Say why it is empty and what to do about it, in plain English. */
  children?: ReactNode;
  /** A link or button that helps, e.g. "Import staff". */
  action?: ReactNode;
  headingLevel?: HeadingLevel;
}

export function EmptyState({ title, children, action, headingLevel = 2 }: EmptyStateProps) {
  return (
    <div className="state state--empty">
      <Heading level={headingLevel}>{title}</Heading>
      {children ? <div className="state__body">{children}</div> : null}
      {action ? <div className="state__action">{action}</div> : null}
    </div>
  );
}

export interface ErrorStateProps {
  /** The error from an Apollo hook (or anything thrown); its code picks the words. */
  error?: unknown;
  /** Overrides the title chosen from the error. */
  title?: string;
  /** Overrides the explanation chosen from the error. */
  children?: ReactNode;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  headingLevel?: HeadingLevel;
}

export function ErrorState({ error, title, children, onRetry, headingLevel = 2 }: ErrorStateProps) {
  const described = describeError(error);
  return (
    <div className="state state--error" role="alert">
      <Heading level={headingLevel}>{title ?? described.title}</Heading>
      <div className="state__body">{children ?? <p>{described.message}</p>}</div>
      {onRetry ? (
        <div className="state__action">
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
    </div>
  );
}
