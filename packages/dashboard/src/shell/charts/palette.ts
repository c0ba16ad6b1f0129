/*
 * The charts' series styles. Colour is never the only thing that tells two
 * series apart (WCAG 1.4.1): each series also has its own line dash, marker
 * shape and bar pattern, repeated in the legend, and values are labelled.
 *
 * Colours: the Okabe–Ito palette (distinguishable with the common kinds of
 * colour blindness), the reddish purple replaced by a darker wine so that every
 * colour has at least 3:1 contrast (WCAG 1.4.11, non-text) against the chart's
 * white background (#ffffff) and the page (#f4f6f6):
 *   blue        #0072B2  5.2 / 4.8
 *   vermillion  #D55E00  3.9 / 3.6
 *   bluish green #009E73 3.4 / 3.2
 *   wine        #882255  8.7 / 8.0
 *   dark grey   #4B5B5F  7.1 / 6.5
 * Axis text uses --text-secondary (#4b5b5f, 7.1:1); grid lines are decoration.
 */

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
export type BarPattern = 'solid' | 'hatch' | 'dots' | 'crosshatch' | 'vertical';

export interface SeriesStyle {
  colour: string;
  /** SVG stroke-dasharray for lines; '' is a solid line. */
  dash: string;
  marker: MarkerShape;
  pattern: BarPattern;
  /** In words, for the legend's accessible description: "solid line, circles". */
  description: string;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  {
    colour: '#0072B2',
    dash: '',
    marker: 'circle',
    pattern: 'solid',
    description: 'solid line with circles',
  },
  {
    colour: '#D55E00',
    dash: '8 4',
    marker: 'square',
    pattern: 'hatch',
    description: 'dashed line with squares',
  },
  {
    colour: '#009E73',
    dash: '2 3',
    marker: 'triangle',
    pattern: 'dots',
    description: 'dotted line with triangles',
  },
  {
    colour: '#882255',
    dash: '10 3 2 3',
    marker: 'diamond',
    pattern: 'crosshatch',
    description: 'dash-dot line with diamonds',
  },
  {
    colour: '#4B5B5F',
    dash: '4 2',
    marker: 'cross',
    pattern: 'vertical',
    description: 'short-dashed line with crosses',
  },
];

/** The style of the `index`th series (styles repeat after five series). */
export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] as SeriesStyle;
}

/** Axis and label text: --text-secondary in styles.css. */
export const AXIS_TEXT = '#4b5b5f';
/** Grid lines: decoration only, so their contrast does not matter. */
export const GRID_LINE = '#dde4e5';
/** The axis lines themselves: --border-input (4.4:1 on white). */
export const AXIS_LINE = '#6b7b7f';

/** A stable id for an SVG <pattern> of a chart and series (ids must be unique on the page). */
export function patternId(chartId: string, index: number): string {
  return `${chartId}-pattern-${index}`;
}
