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
import { percentTick } from './trend-chart';

const BarSvg = lazy(() => import('./chart-svg').then((module) => ({ default: module.BarSvg })));

export interface BarChartProps {
  id?: string;
  title: string;
  headingLevel?: 2 | 3 | 4;
  /** One sentence on what the chart shows. */
  summary: string;
  /** The bars of each group: the first solid, the second hatched, the third dotted, ... */
  series: readonly ChartSeries[];
  /** One row per group (a service, a format, a reason): see `rowsFromBreakdown`. */
  rows: readonly ChartRow[];
  /** The table's first column: "Service", "Format". */
  categoryLabel: string;
  /** The value axis: 0 to this. Default: a round number above the largest value. */
  max?: number;
  /** The value axis' ticks. Default: percentages; pass `countTick` for counts. */
  formatTick?: (value: number) => string;
  note?: ReactNode;
  /** Room for the group names, in pixels. Default 170. */
  labelWidth?: number;
}

/** Value-axis ticks for counts: whole numbers with thousands separators. */
export function countTick(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

/**
 * Horizontal bars, one group per row and one bar per series. Every bar is
 * labelled with its text (so a hidden figure reads "Not shown: fewer than 5
 * people" where its bar would be), and each series has its own pattern.
 */
export function BarChart({
  id,
  title,
  headingLevel,
  summary,
  series,
  rows,
  categoryLabel,
  max,
  formatTick = percentTick,
  note,
  labelWidth = 170,
}: BarChartProps) {
  const barSize = series.length > 1 ? 14 : 20;
  const groupHeight = series.length * (barSize + 2) + 16;
  const height = Math.max(120, rows.length * groupHeight + 40);
  const top = max ?? niceCeiling(maxValue(series, rows) * 1.05);
  return (
    <ChartFrame
      {...(id ? { id } : {})}
      title={title}
      {...(headingLevel ? { headingLevel } : {})}
      summary={summary}
      series={series}
      rows={rows}
      categoryLabel={categoryLabel}
      kind="bar"
      note={note}
      height={height}
    >
      {(chartId) => (
        <BarSvg
          chartId={chartId}
          series={series}
          data={plotData(series, rows)}
          height={height}
          domain={[0, top || 1]}
          ticks={axisTicks(top || 1)}
          formatTick={formatTick}
          labelWidth={labelWidth}
          barSize={barSize}
        />
      )}
    </ChartFrame>
  );
}
