import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  Text,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type YAxisTickContentProps,
} from 'recharts';
import type { ChartSeries, PlotDatum } from './chart-data';
import { Marker } from './markers';
import { AXIS_LINE, AXIS_TEXT, GRID_LINE, patternId, seriesStyle } from './palette';

/*
 * The drawn part of the charts (recharts). Loaded lazily by trend-chart.tsx
 * and bar-chart.tsx, so recharts is its own chunk, fetched only by the pages
 * that draw a chart. The drawings are hidden from assistive technology: the
 * figure around them has a text summary and a "View as table" alternative.
 */

const TICK = { fill: AXIS_TEXT, fontSize: 13 };

/** The tooltip: the row and each series' text exactly as the table shows it. */
function PlotTooltip({
  active,
  payload,
  series,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  series: readonly ChartSeries[];
}) {
  const datum = payload?.[0]?.payload as PlotDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="chart__tooltip">
      <p className="chart__tooltip-title">{datum.label}</p>
      <ul>
        {series.map((s, index) => (
          <li key={s.key}>
            {s.label}: <strong>{datum[`t${index}`]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface LineSvgProps {
  chartId: string;
  series: readonly ChartSeries[];
  data: readonly PlotDatum[];
  height: number;
  domain: [number, number];
  ticks: number[];
  formatTick: (value: number) => string;
}

export function LineSvg({ series, data, height, domain, ticks, formatTick }: LineSvgProps) {
  return (
    <LineChart
      data={data as PlotDatum[]}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 12, right: 20, bottom: 4, left: 4 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={GRID_LINE} vertical={false} />
      <XAxis
        dataKey="axisLabel"
        tick={TICK}
        stroke={AXIS_LINE}
        interval="preserveStartEnd"
        minTickGap={6}
        tickMargin={6}
      />
      <YAxis
        domain={domain}
        ticks={ticks}
        interval={0}
        tickFormatter={formatTick}
        tick={TICK}
        stroke={AXIS_LINE}
        width={52}
        allowDataOverflow={false}
      />
      <Tooltip
        content={(props) => (
          <PlotTooltip active={props.active} payload={props.payload} series={series} />
        )}
        isAnimationActive={false}
      />
      {series.map((s, index) => {
        const style = seriesStyle(index);
        return (
          <Line
            key={s.key}
            type="linear"
            dataKey={`s${index}`}
            name={s.label}
            stroke={style.colour}
            strokeWidth={2.5}
            strokeDasharray={style.dash || undefined}
            connectNulls={false}
            isAnimationActive={false}
            dot={(props: DotItemDotProps) =>
              typeof props.cx === 'number' &&
              typeof props.cy === 'number' &&
              props.value !== null ? (
                <Marker
                  key={`${s.key}-${props.index}`}
                  shape={style.marker}
                  cx={props.cx}
                  cy={props.cy}
                  colour={style.colour}
                />
              ) : (
                <g key={`${s.key}-${props.index}`} />
              )
            }
            activeDot={(props) =>
              typeof props.cx === 'number' && typeof props.cy === 'number' ? (
                <Marker
                  shape={style.marker}
                  cx={props.cx}
                  cy={props.cy}
                  colour={style.colour}
                  size={7}
                />
              ) : null
            }
          />
        );
      })}
    </LineChart>
  );
}

/** A category name beside its bars, wrapped onto two lines when long. */
function CategoryTick({
  x,
  y,
  value,
  width,
}: {
  x: number;
  y: number;
  value: string;
  width: number;
}) {
  return (
    <Text
      x={x - 6}
      y={y}
      width={width - 10}
      textAnchor="end"
      verticalAnchor="middle"
      fill="#0b1f24"
      fontSize={13}
      maxLines={2}
    >
      {value}
    </Text>
  );
}

export interface BarSvgProps {
  chartId: string;
  series: readonly ChartSeries[];
  data: readonly PlotDatum[];
  height: number;
  domain: [number, number];
  ticks: number[];
  formatTick: (value: number) => string;
  /** Room for the category names, in pixels. */
  labelWidth: number;
  barSize: number;
}

export function BarSvg({
  chartId,
  series,
  data,
  height,
  domain,
  ticks,
  formatTick,
  labelWidth,
  barSize,
}: BarSvgProps) {
  // A bar with no figure is drawn as 0 long (a hairline, minPointSize), so its label ("—" or
  // "Not shown: ...") still appears where the bar would be.
  const plotted = data.map((datum) => {
    const copy: PlotDatum = { ...datum };
    series.forEach((_, index) => {
      if (copy[`s${index}`] === null) copy[`s${index}`] = 0;
    });
    return copy;
  });
  return (
    <BarChart
      data={plotted}
      layout="vertical"
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 4, right: 64, bottom: 4, left: 4 }}
      barCategoryGap="20%"
      barGap={2}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={GRID_LINE} horizontal={false} />
      <XAxis
        type="number"
        domain={domain}
        ticks={ticks}
        interval={0}
        tickFormatter={formatTick}
        tick={TICK}
        stroke={AXIS_LINE}
      />
      <YAxis
        type="category"
        dataKey="axisLabel"
        width={labelWidth}
        stroke={AXIS_LINE}
        tick={(props: YAxisTickContentProps) => (
          <CategoryTick
            x={Number(props.x)}
            y={Number(props.y)}
            value={String(props.payload.value ?? '')}
            width={labelWidth}
          />
        )}
        interval={0}
      />
      <Tooltip
        content={(props) => (
          <PlotTooltip active={props.active} payload={props.payload} series={series} />
        )}
        isAnimationActive={false}
        cursor={{ fill: '#eef2f2' }}
      />
      {series.map((s, index) => {
        const style = seriesStyle(index);
        return (
          <Bar
            key={s.key}
            dataKey={`s${index}`}
            name={s.label}
            fill={`url(#${patternId(chartId, index)})`}
            stroke={style.colour}
            strokeWidth={1.5}
            barSize={barSize}
            isAnimationActive={false}
            minPointSize={1}
          >
            <LabelList dataKey={`t${index}`} position="right" fill="#0b1f24" fontSize={12} />
          </Bar>
        );
      })}
    </BarChart>
  );
}
