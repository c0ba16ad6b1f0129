import type { ReactNode } from 'react';
import { NO_FIGURE_WORDS, NONE } from './charts/format';
import './charts/charts.css';

/*
 * A headline figure: its name, its value and unit, the numbers behind it
 * ("38 of 45 people in date") and its plain-words definition one click away
 * (a native <details>, so it works by keyboard and without script). A figure
 * with no value shows "—" (read out as "No figure") with why; a hidden
 * (suppressed) figure says so, with why, and never shows a number.
 *
 * Wrap the cards in <ul className="figure-cards"> (each card is an <li>) or
 * pass `as="div"` to place one on its own.
 *
 * Accepts a FigureView (supervision-metrics-common.ts) spread as props:
 * `<FigureCard {...figure} />`.
 */

export interface FigureCardProps {
  /** Unique on the page (the heading's id derives from it). */
  id: string;
  /** "Supervision coverage". */
  label: string;
  /** As shown: "84.4%", "7", "£12,400". "—" (or "No figure") when there is none. */
  value: string;
  /** After the value, smaller: "people", "a year". */
  unit?: string;
  /** The numerator and denominator in words: "38 of 45 people in date". */
  basis?: ReactNode;
  /** What the figure means, in plain words (docs/metrics.md). */
  definition: ReactNode;
  /** Why there is no figure, when there is none. */
  note?: ReactNode;
  /** A second figure under the first: "Annualised: 12.4%". */
  extra?: ReactNode;
  /** When the figure is hidden: the short words ("Not shown: fewer than 5 people") and why. */
  hidden?: { text: string; explanation: ReactNode } | null;
  /** A link that goes further: "See who is overdue". */
  action?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  as?: 'li' | 'div';
  /** Ignored: a FigureView's other fields, so one can be spread in. */
  raw?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

function Heading({ level, id, children }: { level: 2 | 3 | 4; id: string; children: ReactNode }) {
  if (level === 2)
    return (
      <h2 id={id} className="figure-card__label">
        {children}
      </h2>
    );
  if (level === 4)
    return (
      <h4 id={id} className="figure-card__label">
        {children}
      </h4>
    );
  return (
    <h3 id={id} className="figure-card__label">
      {children}
    </h3>
  );
}

/** True when `value` means "no figure". */
export function isNoFigure(value: string): boolean {
  return value === NONE || value === NO_FIGURE_WORDS || value.trim() === '';
}

export function FigureCard({
  id,
  label,
  value,
  unit,
  basis,
  definition,
  note,
  extra,
  hidden,
  action,
  headingLevel = 3,
  as = 'li',
}: FigureCardProps) {
  const Tag = as;
  const headingId = `${id}-label`;
  const none = isNoFigure(value);
  return (
    <Tag className="figure-card" id={id} aria-labelledby={headingId} data-figure={id}>
      <Heading level={headingLevel} id={headingId}>
        {label}
      </Heading>
      {hidden ? (
        <>
          <p className="figure-card__value figure-card__value--hidden" data-figure-value="">
            {hidden.text}
          </p>
          <p className="figure-card__note">{hidden.explanation}</p>
        </>
      ) : (
        <>
          <p className="figure-card__value" data-figure-value="">
            {none ? (
              <>
                <span aria-hidden="true">{NONE}</span>
                <span className="visually-hidden">{NO_FIGURE_WORDS}</span>
              </>
            ) : (
              value
            )}
            {unit && !none ? (
              <>
                {' '}
                <span className="figure-card__unit">{unit}</span>
              </>
            ) : null}
          </p>
          {basis ? <p className="figure-card__basis">{basis}</p> : null}
          {extra ? <div className="figure-card__extra">{extra}</div> : null}
          {note ? <p className="figure-card__note">{note}</p> : null}
        </>
      )}
      <details className="figure-card__definition">
        <summary>
          What this means<span className="visually-hidden"> ({label})</span>
        </summary>
        <div>{typeof definition === 'string' ? <p>{definition}</p> : definition}</div>
      </details>
      {action ? <p className="figure-card__action">{action}</p> : null}
    </Tag>
  );
}
