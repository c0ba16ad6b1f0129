import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Text,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from 'recharts';
import { Marker } from '../shell/charts/markers';
import { AXIS_LINE, AXIS_TEXT, GRID_LINE, patternId, seriesStyle } from '../shell/charts/palette';
import { BAND_COLOUR, MEDIAN_COLOUR } from './comparison-charts-colours';
import type { BandDatum, ScatterPoint, TrendDatum } from './comparison-data';

/*
 * The drawn part of the comparison's charts (recharts), loaded lazily by
 * comparison-charts.tsx so recharts stays out of the first download. The
 * drawings are hidden from assistive technology: each figure around them has
 * a text summary and "View as table".
 *
 * The benchmark band (lower to upper quartile) is a hatched grey area and the
 * median a dashed dark line, so neither relies on colour.
 */

const TICK = { fill: AXIS_TEXT, fontSize: 13 };

function Tip({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div className="chart__tooltip">
      <p className="chart__tooltip-title">{title}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

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

export interface BandBarsSvgProps {
  chartId: string;
  data: readonly BandDatum[];
  band: { median: number | null; lower: number | null; upper: number | null };
  height: number;
  domain: [number, number];
  formatTick: (value: number) => string;
  labelWidth: number;
}

/** Horizontal bars, one per service, over the interquartile band and the median line. */
export function BandBarsSvg({
  chartId,
  data,
  band,
  height,
  domain,
  formatTick,
  labelWidth,
}: BandBarsSvgProps) {
  const plotted = data.map((d) => ({ ...d, plotted: d.value ?? 0 }));
  const style = seriesStyle(0);
  return (
    <BarChart
      data={plotted}
      layout="vertical"
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 20, right: 140, bottom: 4, left: 4 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={GRID_LINE} horizontal={false} />
      <XAxis
        type="number"
        domain={domain}
        tickFormatter={formatTick}
        tick={TICK}
        stroke={AXIS_LINE}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={labelWidth}
        stroke={AXIS_LINE}
        interval={0}
        tick={(props: YAxisTickContentProps) => (
          <CategoryTick
            x={Number(props.x)}
            y={Number(props.y)}
            value={String(props.payload.value ?? '')}
            width={labelWidth}
          />
        )}
      />
      {band.lower !== null && band.upper !== null ? (
        <ReferenceArea
          x1={band.lower}
          x2={band.upper}
          fill={`url(#${chartId}-band)`}
          fillOpacity={1}
          stroke={BAND_COLOUR}
          strokeDasharray="2 2"
          ifOverflow="extendDomain"
        />
      ) : null}
      <Tooltip
        cursor={{ fill: '#eef2f2' }}
        isAnimationActive={false}
        content={(props) => {
          const datum = props.payload?.[0]?.payload as BandDatum | undefined;
          return props.active && datum ? <Tip title={datum.label} lines={[datum.text]} /> : null;
        }}
      />
      <Bar
        dataKey="plotted"
        fill={`url(#${patternId(chartId, 0)})`}
        stroke={style.colour}
        strokeWidth={1.5}
        barSize={18}
        minPointSize={1}
        isAnimationActive={false}
      >
        <LabelList dataKey="text" position="right" fill="#0b1f24" fontSize={12} />
      </Bar>
      {band.median !== null ? (
        <ReferenceLine
          x={band.median}
          stroke={MEDIAN_COLOUR}
          strokeWidth={2.5}
          strokeDasharray="6 3"
          ifOverflow="extendDomain"
          label={{ value: 'Median', position: 'top', fill: MEDIAN_COLOUR, fontSize: 12 }}
        />
      ) : null}
    </BarChart>
  );
}

export interface ScatterSvgProps {
  points: readonly ScatterPoint[];
  height: number;
  xLabel: string;
  yLabel: string;
  formatX: (value: number) => string;
  formatY: (value: number) => string;
}

/** One marker per service: coverage across, the other figure up. */
export function ScatterSvg({ points, height, xLabel, yLabel, formatX, formatY }: ScatterSvgProps) {
  const style = seriesStyle(0);
  return (
    <ScatterChart
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 12, right: 24, bottom: 28, left: 12 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={GRID_LINE} />
      <XAxis
        type="number"
        dataKey="x"
        name={xLabel}
        tickFormatter={formatX}
        tick={TICK}
        stroke={AXIS_LINE}
        label={{ value: xLabel, position: 'bottom', offset: 8, fill: AXIS_TEXT, fontSize: 13 }}
      />
      <YAxis
        type="number"
        dataKey="y"
        name={yLabel}
        tickFormatter={formatY}
        tick={TICK}
        stroke={AXIS_LINE}
        width={64}
        label={{
          value: yLabel,
          angle: -90,
          position: 'insideLeft',
          fill: AXIS_TEXT,
          fontSize: 13,
          style: { textAnchor: 'middle' },
        }}
      />
      <Tooltip
        isAnimationActive={false}
        content={(props) => {
          const datum = props.payload?.[0]?.payload as ScatterPoint | undefined;
          return props.active && datum ? (
            <Tip
              title={datum.label}
              lines={[`${xLabel}: ${datum.xText}`, `${yLabel}: ${datum.yText}`]}
            />
          ) : null;
        }}
      />
      <Scatter
        data={points as ScatterPoint[]}
        isAnimationActive={false}
        shape={(props: { cx?: number; cy?: number }) =>
          typeof props.cx === 'number' && typeof props.cy === 'number' ? (
            <Marker
              shape={style.marker}
              cx={props.cx}
              cy={props.cy}
              colour={style.colour}
              size={6}
            />
          ) : (
            <g />
          )
        }
      />
    </ScatterChart>
  );
}

export interface TrendBandSvgProps {
  chartId: string;
  data: readonly TrendDatum[];
  height: number;
  formatTick: (value: number) => string;
}

/** By month: the band (lower to upper quartile), the median and the pooled figure. */
export function TrendBandSvg({ chartId, data, height, formatTick }: TrendBandSvgProps) {
  const plotted = data.map((d) => ({
    ...d,
    range: d.lower !== null && d.upper !== null ? [d.lower, d.upper] : null,
  }));
  const pooled = seriesStyle(0);
  return (
    <ComposedChart
      data={plotted}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 12, right: 20, bottom: 4, left: 4 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={GRID_LINE} vertical={false} />
      <XAxis dataKey="shortLabel" tick={TICK} stroke={AXIS_LINE} interval="preserveStartEnd" />
      <YAxis tickFormatter={formatTick} tick={TICK} stroke={AXIS_LINE} width={64} />
      <Tooltip
        isAnimationActive={false}
        content={(props) => {
          const datum = props.payload?.[0]?.payload as TrendDatum | undefined;
          return props.active && datum ? (
            <Tip
              title={datum.label}
              lines={[
                `All compared services: ${datum.pooled === null ? 'not shown' : formatTick(datum.pooled)}`,
                `Median: ${datum.median === null ? 'none' : formatTick(datum.median)}`,
                `Middle half: ${datum.lower === null || datum.upper === null ? 'none' : `${formatTick(datum.lower)} to ${formatTick(datum.upper)}`}`,
              ]}
            />
          ) : null;
        }}
      />
      <Area
        type="linear"
        dataKey="range"
        stroke={BAND_COLOUR}
        strokeDasharray="2 2"
        fill={`url(#${chartId}-band)`}
        fillOpacity={1}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        type="linear"
        dataKey="median"
        stroke={MEDIAN_COLOUR}
        strokeWidth={2.5}
        strokeDasharray="6 3"
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        type="linear"
        dataKey="pooled"
        stroke={pooled.colour}
        strokeWidth={2.5}
        connectNulls={false}
        isAnimationActive={false}
        dot={(props: { cx?: number; cy?: number; index?: number; value?: unknown }) =>
          typeof props.cx === 'number' && typeof props.cy === 'number' && props.value !== null ? (
            <Marker
              key={`p-${props.index}`}
              shape={pooled.marker}
              cx={props.cx}
              cy={props.cy}
              colour={pooled.colour}
            />
          ) : (
            <g key={`p-${props.index}`} />
          )
        }
      />
    </ComposedChart>
  );
}
