/*
 * The shared charts. Pages shape their data into series and rows (see
 * chart-data.ts) with the words they want shown; the charts draw it, add a
 * text summary, a legend that does not rely on colour, and "View as table".
 *
 *   <TrendChart title="Supervision coverage" summary={describeTrend(...)}
 *     series={[{ key: 'coverage', label: 'Coverage' }]}
 *     rows={monthlyRows(series, [{ key: 'coverage', label: 'Coverage', pick: (m) => m.coverage }], k)} />
 *
 *   <BarChart title="Sessions by format" categoryLabel="Format" formatTick={countTick}
 *     series={[{ key: 'sessions', label: 'Sessions held' }]}
 *     rows={rowsFromBreakdown(rows, 'sessions')} summary="..." />
 */
export { BarChart, countTick, type BarChartProps } from './bar-chart';
export {
  cellOf,
  chartTable,
  describeTrend,
  EMPTY_CELL,
  hasNoValues,
  monthlyRows,
  rowsFromBreakdown,
  rowsFromTrends,
  seriesMonthLabel,
  type BreakdownRowLike,
  type ChartCell,
  type ChartRow,
  type ChartSeries,
  type FigureLike,
  type MonthlyMeasure,
  type SeriesMonthLike,
  type TrendPointLike,
} from './chart-data';
export {
  DataTable,
  cellText,
  sortRows,
  tableCsv,
  type DataTableCell,
  type DataTableColumn,
  type DataTableProps,
  type DataTableRow,
} from './data-table';
export {
  countText,
  formatMoney,
  formatMoneyAuto,
  formatNumber,
  formatPercent,
  listText,
  monthName,
  NO_FIGURE_WORDS,
  NONE,
  peopleText,
  shortMonthName,
  suppressedText,
  suppressionExplanation,
} from './format';
export { SERIES_STYLES, seriesStyle } from './palette';
export { percentTick, TrendChart, type TrendChartProps } from './trend-chart';
