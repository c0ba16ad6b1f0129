import type { BarPattern, MarkerShape, SeriesStyle } from './palette';
import { patternId } from './palette';

/*
 * SVG pieces shared by the charts and their legends: marker shapes for line
 * points and fill patterns for bars, so each series is told apart by shape
 * and pattern as well as colour (and prints legibly in black and white).
 */

export function Marker({
  shape,
  cx,
  cy,
  colour,
  size = 5,
}: {
  shape: MarkerShape;
  cx: number;
  cy: number;
  colour: string;
  size?: number;
}) {
  const common = { stroke: colour, strokeWidth: 2, fill: '#ffffff' };
  switch (shape) {
    case 'circle':
      return <circle cx={cx} cy={cy} r={size} {...common} />;
    case 'square':
      return <rect x={cx - size} y={cy - size} width={size * 2} height={size * 2} {...common} />;
    case 'triangle':
      return (
        <path
          d={`M ${cx} ${cy - size - 1} L ${cx + size + 1} ${cy + size} L ${cx - size - 1} ${cy + size} Z`}
          {...common}
        />
      );
    case 'diamond':
      return (
        <path
          d={`M ${cx} ${cy - size - 1} L ${cx + size + 1} ${cy} L ${cx} ${cy + size + 1} L ${cx - size - 1} ${cy} Z`}
          {...common}
        />
      );
    case 'cross':
      return (
        <path
          d={`M ${cx - size} ${cy - size} L ${cx + size} ${cy + size} M ${cx - size} ${cy + size} L ${cx + size} ${cy - size}`}
          stroke={colour}
          strokeWidth={2.5}
          fill="none"
        />
      );
  }
}

function PatternShapes({ pattern, colour }: { pattern: BarPattern; colour: string }) {
  switch (pattern) {
    case 'solid':
      return <rect width="8" height="8" fill={colour} />;
    case 'hatch':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <path d="M -2 2 L 2 -2 M 0 8 L 8 0 M 6 10 L 10 6" stroke={colour} strokeWidth="2.5" />
        </>
      );
    case 'dots':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <circle cx="2" cy="2" r="1.8" fill={colour} />
          <circle cx="6" cy="6" r="1.8" fill={colour} />
        </>
      );
    case 'crosshatch':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <path d="M 0 0 L 8 8 M 8 0 L 0 8" stroke={colour} strokeWidth="1.8" />
        </>
      );
    case 'vertical':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <path d="M 2 0 L 2 8 M 6 0 L 6 8" stroke={colour} strokeWidth="2" />
        </>
      );
  }
}

/**
 * The fill patterns of a chart's series, in an invisible SVG of their own:
 * the chart's bars and the legend's swatches refer to them by id.
 */
export function PatternDefs({
  chartId,
  styles,
}: {
  chartId: string;
  styles: readonly SeriesStyle[];
}) {
  return (
    <svg className="chart__defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {styles.map((style, index) => (
          <pattern
            key={index}
            id={patternId(chartId, index)}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
          >
            <PatternShapes pattern={style.pattern} colour={style.colour} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A legend's sample of a line: its dash and its marker. */
export function LineSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="40" height="14" viewBox="0 0 40 14" aria-hidden="true" focusable="false">
      <line
        x1="2"
        y1="7"
        x2="38"
        y2="7"
        stroke={style.colour}
        strokeWidth="2.5"
        strokeDasharray={style.dash || undefined}
      />
      <Marker shape={style.marker} cx={20} cy={7} colour={style.colour} size={4} />
    </svg>
  );
}

/** A legend's sample of a bar: its pattern, outlined in its colour. */
export function BarSwatch({
  chartId,
  index,
  style,
}: {
  chartId: string;
  index: number;
  style: SeriesStyle;
}) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect
        x="1"
        y="1"
        width="16"
        height="16"
        fill={`url(#${patternId(chartId, index)})`}
        stroke={style.colour}
        strokeWidth="2"
      />
    </svg>
  );
}
