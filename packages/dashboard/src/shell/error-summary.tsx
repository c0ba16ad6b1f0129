import { useEffect, useRef, type MouseEvent } from 'react';

/*
 * The GOV.UK Design System error summary: a box at the top of the page, focused
 * when it appears, listing every error with a link to the field at fault.
 * https://design-system.service.gov.uk/components/error-summary/
 */

export interface ErrorSummaryItem {
  message: string;
  /** The id of the field in error: the item links to it. Omit for errors about the whole form. */
  fieldId?: string;
}

export interface ErrorSummaryProps {
  /**
   * The errors to list. Pass a new array on every failed submit: the summary
   * takes focus each time it receives one, as GOV.UK's does.
   */
  items: readonly ErrorSummaryItem[];
  title?: string;
}

function labelFor(fieldId: string): HTMLLabelElement | undefined {
  return Array.from(document.getElementsByTagName('label')).find((l) => l.htmlFor === fieldId);
}

/** Like GOV.UK's: focus the field, and scroll so that its label is in view too. */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  const label = labelFor(fieldId);
  (label ?? field).scrollIntoView?.({ block: 'start' });
  field.focus({ preventScroll: true });
}

export function ErrorSummary({ items, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);

  if (items.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="error-summary__title" id="error-summary-title">
          {title}
        </h2>
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={`${item.fieldId ?? ''}:${item.message}`}>
              {item.fieldId ? (
                <a
                  href={`#${item.fieldId}`}
                  onClick={(event) => focusField(event, item.fieldId as string)}
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
