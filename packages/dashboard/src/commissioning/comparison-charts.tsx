import { lazy } from 'react';
import { niceCeiling } from '../shell/charts/chart-data';
import { ChartFrame } from '../shell/charts/chart-frame';
import { LineSwatch } from '../shell/charts/markers';
import { seriesStyle } from '../shell/charts/palette';
import { BAND_COLOUR, MEDIAN_COLOUR } from './comparison-charts-colours';
import {
  figureTick,
  type BandChartData,
  type ScatterData,
  type TrendData,
  TREND_SERIES,
} from './comparison-data';

/*
 * The comparison's charts, each in the shell's chart frame (heading, text
 * summary, "View as table" with its own Export CSV). The drawings load
 * lazily, so recharts is fetched only when a chart is drawn.
 */

const BandBarsSvg = lazy(() =>
  import('./comparison-charts-svg').then((module) => ({ default: module.BandBarsSvg })),
);
const ScatterSvg = lazy(() =>
  import('./comparison-charts-svg').then((module) => ({ default: module.ScatterSvg })),
);
const TrendBandSvg = lazy(() =>
  import('./comparison-charts-svg').then((module) => ({ default: module.TrendBandSvg })),
);

/** The hatching of the benchmark band, referred to by id from the drawing and the key. */
function BandPattern({ chartId }: { chartId: string }) {
  return (
    <svg className="chart__defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${chartId}-band`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#eef2f2" />
          <path d="M 0 8 L 8 0" stroke={BAND_COLOUR} strokeWidth="1" />
        </pattern>
      </defs>
    </svg>
  );
}

function BandSwatch({ chartId }: { chartId: string }) {
  return (
    <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
      <rect
        x="1"
        y="1"
        width="26"
        height="14"
        fill={`url(#${chartId}-band)`}
        stroke={BAND_COLOUR}
        strokeDasharray="2 2"
      />
    </svg>
  );
}

function MedianSwatch() {
  return (
    <svg width="40" height="14" viewBox="0 0 40 14" aria-hidden="true" focusable="false">
      <line
        x1="2"
        y1="7"
        x2="38"
        y2="7"
        stroke={MEDIAN_COLOUR}
        strokeWidth="2.5"
        strokeDasharray="6 3"
      />
    </svg>
  );
}

function BandLegend({
  chartId,
  title,
  first,
}: {
  chartId: string;
  title: string;
  first?: { swatch: React.ReactNode; label: string };
}) {
  return (
    <ul className="chart__legend" aria-label={`Key to ${title}`}>
      {first ? (
        <li className="chart__legend-item">
          {first.swatch}
          <span>{first.label}</span>
        </li>
      ) : null}
      <li className="chart__legend-item">
        <BandSwatch chartId={chartId} />
        <span>Middle half of services (lower to upper quartile)</span>
        <span className="visually-hidden"> (hatched grey band)</span>
      </li>
      <li className="chart__legend-item">
        <MedianSwatch />
        <span>Median</span>
        <span className="visually-hidden"> (dashed dark line)</span>
      </li>
    </ul>
  );
}

function upperBound(values: readonly (number | null)[], isPercent: boolean): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const top = niceCeiling(max * 1.05);
  return isPercent ? Math.min(Math.max(top, 1), Math.max(100, max)) : Math.max(top, 1);
}

export function BenchmarkBandChart({
  chart,
  note,
}: {
  chart: BandChartData;
  note?: React.ReactNode;
}) {
  const id = 'comparison-band';
  const title = `${chart.definition.label}: each service against the benchmark`;
  const labelWidth = 220;
  const height = Math.max(160, chart.data.length * 34 + 60);
  const top = upperBound(
    [...chart.data.map((d) => d.value), chart.benchmark.upper, chart.benchmark.median],
    chart.definition.unit === 'percent',
  );
  const tick = figureTick(chart.definition, chart.currency);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={chart.summary}
      series={[{ key: 'value', label: chart.definition.label }]}
      rows={chart.rows}
      categoryLabel="Service"
      kind="bar"
      height={height}
      note={note}
      legend={
        <BandLegend
          chartId={id}
          title={title}
          first={{
            swatch: (
              <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
                <rect
                  x="1"
                  y="1"
                  width="16"
                  height="16"
                  fill={seriesStyle(0).colour}
                  stroke={seriesStyle(0).colour}
                />
              </svg>
            ),
            label: `${chart.definition.label} of each service`,
          }}
        />
      }
    >
      {(chartId) => (
        <>
          <BandPattern chartId={chartId} />
          <BandBarsSvg
            chartId={chartId}
            data={chart.data}
            band={chart.benchmark}
            height={height}
            domain={[0, top]}
            formatTick={tick}
            labelWidth={labelWidth}
          />
        </>
      )}
    </ChartFrame>
  );
}

export function ScatterPlot({ id, chart }: { id: string; chart: ScatterData }) {
  const title = `${chart.x.label} and ${chart.y.label.toLowerCase()}`;
  const height = 320;
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={chart.summary}
      series={[
        { key: 'x', label: chart.x.label },
        { key: 'y', label: chart.y.label },
      ]}
      rows={chart.rows}
      categoryLabel="Service"
      kind="line"
      height={height}
      legend={
        <ul className="chart__legend" aria-label={`Key to ${title}`}>
          <li className="chart__legend-item">
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
              <circle
                cx="9"
                cy="9"
                r="6"
                fill="#ffffff"
                stroke={seriesStyle(0).colour}
                strokeWidth="2"
              />
            </svg>
            <span>
              One service ({chart.x.label.toLowerCase()} across, {chart.y.label.toLowerCase()} up)
            </span>
          </li>
        </ul>
      }
      note={
        <p>
          Association, not cause: services where one figure is higher may also differ in size,
          client group, funding or how they record absence and leavers. Use this to ask questions,
          not to draw conclusions.
        </p>
      }
    >
      {() => (
        <ScatterSvg
          points={chart.points}
          height={height}
          xLabel={chart.x.label}
          yLabel={chart.y.label}
          formatX={figureTick(chart.x, 'GBP')}
          formatY={figureTick(chart.y, 'GBP')}
        />
      )}
    </ChartFrame>
  );
}

export function TrendBandChart({ chart }: { chart: TrendData }) {
  const id = 'comparison-trend';
  const title = `${chart.definition.label} by month`;
  const height = 260;
  const tick = figureTick(chart.definition, chart.currency);
  const pooled = seriesStyle(0);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={chart.summary}
      series={TREND_SERIES}
      rows={chart.rows}
      categoryLabel="Month"
      kind="line"
      height={height}
      legend={
        <BandLegend
          chartId={id}
          title={title}
          first={{ swatch: <LineSwatch style={pooled} />, label: 'All compared services' }}
        />
      }
      note={
        <p>
          Each month’s benchmark is over the services with a figure shown that month; a month whose
          total is hidden leaves a gap in the line.
        </p>
      }
    >
      {(chartId) => (
        <>
          <BandPattern chartId={chartId} />
          <TrendBandSvg chartId={chartId} data={chart.data} height={height} formatTick={tick} />
        </>
      )}
    </ChartFrame>
  );
}
