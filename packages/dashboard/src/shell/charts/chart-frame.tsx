import { Component, Suspense, useId, useState, type ReactNode } from 'react';
import { cellOf, type ChartRow, type ChartSeries } from './chart-data';
import { DataTable, type DataTableColumn, type DataTableRow } from './data-table';
import { BarSwatch, LineSwatch, PatternDefs } from './markers';
import { seriesStyle } from './palette';
import './charts.css';

/*
 * What every chart has around its drawing: a heading, a one-sentence text
 * summary, a legend that tells the series apart by line dash, marker and
 * pattern as well as colour, and a "View as table" button that swaps the
 * drawing for a table of the same numbers (with its own Export CSV).
 */

export type ChartKind = 'line' | 'bar';

export interface ChartFrameProps {
  /** Unique on the page; ids of the heading, summary and patterns derive from it. */
  id?: string;
  title: string;
  /** h2 on a page of its own, h3 inside a section (the default). */
  headingLevel?: 2 | 3 | 4;
  /** One sentence on what the chart shows, in plain words. Always visible. */
  summary: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  /** The first column of the table: "Month", "Service". */
  categoryLabel: string;
  kind: ChartKind;
  /** Under the table (and the chart): why some figures are hidden, what a line means. */
  note?: ReactNode;
  /** Opens with the table shown (e.g. for print or when the chart would be empty). */
  initiallyTable?: boolean;
  /** The drawing: given the chart's id (for its patterns). */
  children: (chartId: string) => ReactNode;
  /** Shown in place of the drawing while it loads: its height keeps the page steady. */
  height: number;
  /**
   * A key of the chart's own, in place of the one made from `series` (for a
   * drawing whose marks are not one per series: a band, a median line, dots).
   */
  legend?: ReactNode;
}

/** If the drawing fails (its code could not be fetched), the table is still there. */
class DrawingBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (
      <p className="chart__failed">
        The chart could not be drawn. Use “View as table” to see the same figures.
      </p>
    ) : (
      this.props.children
    );
  }
}

function Heading({ level, id, children }: { level: 2 | 3 | 4; id: string; children: ReactNode }) {
  if (level === 2)
    return (
      <h2 id={id} className="chart__title">
        {children}
      </h2>
    );
  if (level === 4)
    return (
      <h4 id={id} className="chart__title">
        {children}
      </h4>
    );
  return (
    <h3 id={id} className="chart__title">
      {children}
    </h3>
  );
}

/** The table of a chart: the category, then one column per series. */
export function chartTableProps(
  categoryLabel: string,
  series: readonly ChartSeries[],
  rows: readonly ChartRow[],
): { columns: DataTableColumn[]; rows: DataTableRow[] } {
  return {
    columns: [
      { key: '__category', label: categoryLabel },
      ...series.map((s) => ({ key: s.key, label: s.label, numeric: true })),
    ],
    rows: rows.map((row) => {
      const cells: Record<string, DataTableRow['cells'][string]> = {
        __category: { text: row.label },
      };
      for (const s of series) {
        const cell = cellOf(row, s.key);
        cells[s.key] = {
          text: cell.text,
          sortValue: cell.value,
          ...(cell.detail ? { detail: cell.detail } : {}),
          ...(cell.hidden ? { hidden: true } : {}),
        };
      }
      return { key: row.key, cells };
    }),
  };
}

export function ChartFrame({
  id,
  title,
  headingLevel = 3,
  summary,
  series,
  rows,
  categoryLabel,
  kind,
  note,
  initiallyTable = false,
  children,
  height,
  legend,
}: ChartFrameProps) {
  const generated = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const chartId = id ?? `chart-${generated}`;
  const [asTable, setAsTable] = useState(initiallyTable);
  const titleId = `${chartId}-title`;
  const summaryId = `${chartId}-summary`;
  const bodyId = `${chartId}-body`;
  const styles = series.map((_, index) => seriesStyle(index));
  const table = chartTableProps(categoryLabel, series, rows);

  return (
    <figure className="chart" aria-labelledby={titleId} id={chartId}>
      <div className="chart__head">
        <Heading level={headingLevel} id={titleId}>
          {title}
        </Heading>
        <button
          type="button"
          className="button button--secondary chart__toggle"
          aria-controls={bodyId}
          aria-pressed={asTable}
          onClick={() => setAsTable((value) => !value)}
        >
          View as table<span className="visually-hidden"> ({title})</span>
        </button>
      </div>
      <p id={summaryId} className="chart__summary">
        {summary}
      </p>
      <PatternDefs chartId={chartId} styles={styles} />
      <div id={bodyId} className="chart__body">
        {asTable ? (
          <DataTable
            caption={title}
            captionHidden
            csvSubject={title}
            columns={table.columns}
            rows={table.rows}
          />
        ) : (
          <>
            {legend !== undefined ? (
              legend
            ) : series.length > 1 || kind === 'bar' ? (
              <ul className="chart__legend" aria-label={`Key to ${title}`}>
                {series.map((s, index) => {
                  const style = seriesStyle(index);
                  return (
                    <li key={s.key} className="chart__legend-item">
                      {kind === 'line' ? (
                        <LineSwatch style={style} />
                      ) : (
                        <BarSwatch chartId={chartId} index={index} style={style} />
                      )}
                      <span>{s.label}</span>
                      <span className="visually-hidden">
                        {' '}
                        ({kind === 'line' ? style.description : `${style.pattern} bars`})
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            <div
              className="chart__plot"
              role="img"
              aria-labelledby={`${titleId} ${summaryId}`}
              style={{ minHeight: height }}
            >
              <DrawingBoundary>
                <Suspense
                  fallback={
                    <div className="chart__loading" style={{ height }}>
                      Drawing the chart…
                    </div>
                  }
                >
                  {children(chartId)}
                </Suspense>
              </DrawingBoundary>
            </div>
          </>
        )}
      </div>
      {note ? <figcaption className="chart__note">{note}</figcaption> : null}
    </figure>
  );
}
