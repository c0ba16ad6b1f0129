import { Link } from 'react-router-dom';
import { FigureCard } from '../shell/figure-card';
import {
  BarChart,
  countTick,
  rowsFromTrends,
  TrendChart,
  type ChartRow,
  type ChartSeries,
} from '../shell/charts';
import type { FigureView, TrendPoint } from './supervision-metrics-common';

/*
 * How the figures sections draw their figures, with the shared pieces:
 * headline cards (src/shell/figure-card.tsx), a trend by month and a
 * breakdown by category (src/shell/charts: each with its text summary, a
 * legend that does not rely on colour, and "View as table" with Export CSV).
 */

export interface FigureLink {
  to: string;
  text: string;
  /** A link to a place on this page (#id) rather than another page. */
  hash?: boolean;
}

/** The headline figures as cards; `links` adds "See …" under a figure, by its id. */
export function FigureGrid({
  figures,
  idPrefix,
  links = {},
}: {
  figures: readonly FigureView[];
  /** Makes the cards' ids unique on the page: "supervision" gives "supervision-coverage". */
  idPrefix: string;
  links?: Record<string, FigureLink | undefined>;
}) {
  return (
    <ul className="figure-cards">
      {figures.map((figure) => {
        const link = links[figure.id];
        return (
          <FigureCard
            key={figure.id}
            {...figure}
            id={`${idPrefix}-${figure.id}`}
            action={
              link ? (
                link.hash ? (
                  <a href={link.to}>{link.text}</a>
                ) : (
                  <Link to={link.to}>{link.text}</Link>
                )
              ) : undefined
            }
          />
        );
      })}
    </ul>
  );
}

export interface TrendFigureProps {
  id: string;
  title: string;
  /** The line's name in the legend and the table's column: "Coverage". */
  valueLabel: string;
  points: readonly TrendPoint[];
  /** A sentence or two on what the chart shows (trendSummary). */
  summary: string;
  /** Under the chart and its table: the months covered, what a value means. */
  note?: string;
}

/** A line of one measure over the months of the series, with "View as table". */
export function TrendFigure({ id, title, valueLabel, points, summary, note }: TrendFigureProps) {
  const series = [{ key: 'value', label: valueLabel }];
  const rows = rowsFromTrends([{ key: 'value', points }]);
  return (
    <TrendChart id={id} title={title} summary={summary} series={series} rows={rows} note={note} />
  );
}

export interface BreakdownFigureProps {
  id: string;
  title: string;
  /** The table's first column: "Format". */
  categoryLabel: string;
  /** The bars' name in the legend and the table's column: "Sessions held". */
  valueLabel?: string;
  /** Several bars per category instead (their cells keyed by each series' key). */
  series?: readonly ChartSeries[];
  /** The bars: one row per category (see breakdownChartRows). */
  rows: readonly ChartRow[];
  summary: string;
  note?: string;
  /** Counts (default) or percentages on the value axis. */
  percent?: boolean;
}

/** Horizontal bars of the parts of a whole, with "View as table". */
export function BreakdownFigure({
  id,
  title,
  categoryLabel,
  valueLabel = '',
  series = [{ key: 'value', label: valueLabel }],
  rows,
  summary,
  note,
  percent = false,
}: BreakdownFigureProps) {
  return (
    <BarChart
      id={id}
      title={title}
      summary={summary}
      categoryLabel={categoryLabel}
      series={series}
      rows={rows}
      note={note}
      {...(percent ? {} : { formatTick: countTick })}
    />
  );
}
