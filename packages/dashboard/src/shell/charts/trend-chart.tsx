import { lazy, type ReactNode } from 'react';
import {
  axisTicks,
  maxValue,
  niceCeiling,
  plotData,
  type ChartRow,
  type ChartSeries,
} from './chart-data';
import { ChartFrame } from './chart-frame';

const LineSvg = lazy(() => import('./chart-svg').then((module) => ({ default: module.LineSvg })));

export interface TrendChartProps {
  id?: string;
  title: string;
  headingLevel?: 2 | 3 | 4;
  /** One sentence on what the chart shows (see `describeTrend`). */
  summary: string;
  /** The lines, in order: the first is solid with circles, the second dashed with squares, ... */
  series: readonly ChartSeries[];
  /** One row per month (see `monthlyRows` and `rowsFromTrends`). */
  rows: readonly ChartRow[];
  /** The table's first column. Default "Month". */
  categoryLabel?: string;
  /** The value axis: 0 to this. Default: a round number above the largest value (100 for a share that reaches it). */
  max?: number;
  /** The value axis' ticks. Default: "40%". */
  formatTick?: (value: number) => string;
  note?: ReactNode;
  height?: number;
}

/** Default value-axis tick: whole percentages, one decimal below 10. */
export function percentTick(value: number): string {
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 })}%`;
}

/**
 * A line chart of months (12-month trends): each line has its own colour,
 * dash and marker; a month with no figure (or a hidden one) leaves a gap.
 */
export function TrendChart({
  id,
  title,
  headingLevel,
  summary,
  series,
  rows,
  categoryLabel = 'Month',
  max,
  formatTick = percentTick,
  note,
  height = 220,
}: TrendChartProps) {
  const top =
    max ??
    Math.min(niceCeiling(maxValue(series, rows) * 1.1), Math.max(100, maxValue(series, rows)));
  return (
    <ChartFrame
      {...(id ? { id } : {})}
      title={title}
      {...(headingLevel ? { headingLevel } : {})}
      summary={summary}
      series={series}
      rows={rows}
      categoryLabel={categoryLabel}
      kind="line"
      note={note}
      height={height}
    >
      {(chartId) => (
        <LineSvg
          chartId={chartId}
          series={series}
          data={plotData(series, rows)}
          height={height}
          domain={[0, top || 1]}
          ticks={axisTicks(top || 1)}
          formatTick={formatTick}
        />
      )}
    </ChartFrame>
  );
}
