import { sortRows, tableCsv } from '../shell/charts/data-table';
import {
  associationWords,
  bandChartData,
  bandSortValue,
  comparisonColumns,
  comparisonRows,
  pearson,
  scatterData,
  trendData,
} from './comparison-data';
import { comparison, COUNSELLING, FAMILY, OUTREACH, PASTORAL, SAFEGUARDING } from './test-fixtures';

const data = comparison('2025-11', '2026-10');

function names(rows: ReturnType<typeof comparisonRows>) {
  return rows.map((row) => row.cells['service']?.text);
}

describe('the comparison table', () => {
  it('has a sortable column for every figure, besides service, provider, kind and headcount', () => {
    const columns = comparisonColumns();
    expect(columns.map((c) => c.label)).toEqual([
      'Service',
      'Provider',
      'Kind of provider',
      'Headcount',
      'Coverage',
      'Share overdue',
      'Supervision hours per worker per month',
      'Cancellation rate',
      'Absence rate',
      'Turnover',
      'Annualised turnover',
      'Supervision spend per worker',
    ]);
    expect(columns.every((c) => c.sortable)).toBe(true);
  });

  it('has one row per service, then the pooled row and the benchmark rows', () => {
    const rows = comparisonRows(data);
    expect(names(rows)).toEqual([
      'Outreach',
      'Counselling',
      'Pastoral',
      'Safeguarding',
      'Family support',
      'All compared services',
      'Benchmark: lower quartile',
      'Benchmark: median',
      'Benchmark: upper quartile',
    ]);
    expect(rows.filter((r) => r.total)).toHaveLength(4);
    const outreach = rows[0]!;
    expect(outreach.cells['coverage']).toEqual({ text: '84.4%', sortValue: 84.4 });
    expect(outreach.cells['supervisionHoursPerWorkerPerMonth']?.text).toBe('1.25');
    expect(outreach.cells['supervisionSpendPerWorker']?.text).toBe('£563.00');
    expect(outreach.cells['kind']?.text).toBe('Charity or NGO');
    const median = rows.find((r) => r.key === 'benchmark-median')!;
    expect(median.cells['coverage']).toEqual({
      text: '84.4%',
      detail: 'of 3 services',
      sortValue: 84.4,
    });
  });

  it('marks every figure of a hidden service in words, with its reason, and never a number', () => {
    const rows = comparisonRows(data);
    const pastoral = rows.find((r) => r.key === `service-${PASTORAL.serviceId}`)!;
    const safeguarding = rows.find((r) => r.key === `service-${SAFEGUARDING.serviceId}`)!;
    for (const key of ['band', 'coverage', 'absenceRate', 'supervisionSpendPerWorker']) {
      expect(pastoral.cells[key]).toEqual({
        text: 'Not shown',
        detail: 'fewer than 5 staff',
        sortValue: null,
        hidden: true,
      });
      expect(safeguarding.cells[key]).toEqual({
        text: 'Not shown',
        detail: 'protects another hidden figure',
        sortValue: null,
        hidden: true,
      });
    }
  });

  it('sorts by a figure either way with hidden services last and the totals at the foot', () => {
    const rows = comparisonRows(data);
    expect(names(sortRows(rows, { key: 'coverage', direction: 'ascending' })).slice(0, 5)).toEqual([
      'Counselling',
      'Outreach',
      'Family support',
      'Pastoral',
      'Safeguarding',
    ]);
    const descending = names(sortRows(rows, { key: 'coverage', direction: 'descending' }));
    expect(descending.slice(0, 3)).toEqual(['Family support', 'Outreach', 'Counselling']);
    expect(descending.slice(5)).toEqual([
      'All compared services',
      'Benchmark: lower quartile',
      'Benchmark: median',
      'Benchmark: upper quartile',
    ]);
  });

  it('sorts headcount bands by size, not as text', () => {
    expect(bandSortValue('100–249')).toBeGreaterThan(bandSortValue('25–49')!);
    const rows = comparisonRows(data);
    expect(names(sortRows(rows, { key: 'band', direction: 'ascending' })).slice(0, 3)).toEqual([
      'Family support',
      'Outreach',
      'Counselling',
    ]);
  });

  it('exports what it shows, hidden cells with their reason', () => {
    const csv = tableCsv(comparisonColumns(), comparisonRows(data));
    expect(csv).toContain('Pastoral,Riverside Academy Trust,School,Not shown (fewer than 5 staff)');
    expect(csv).not.toMatch(/Pastoral[^\r]*\d+\.\d%/);
  });

  it('neutralises a name a spreadsheet would run as a formula', () => {
    const evil = comparison('2025-11', '2026-10', [
      { ...OUTREACH, serviceName: '=HYPERLINK("x")' },
    ]);
    const csv = tableCsv(comparisonColumns(), comparisonRows(evil));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('the benchmark band chart', () => {
  it('places each service against the band, hidden ones in words', () => {
    const chart = bandChartData(data, 'COVERAGE');
    expect(chart.benchmark).toEqual({ median: 84.4, lower: 73.45, upper: 87.7 });
    expect(chart.data.map((d) => [d.label, d.value, d.text])).toEqual([
      ['Outreach (Northside Family Support)', 84.4, '84.4%'],
      ['Counselling (Northside Family Support)', 62.5, '62.5%'],
      ['Pastoral (Riverside Academy Trust)', null, 'Not shown (fewer than 5 staff)'],
      [
        'Safeguarding (Riverside Academy Trust)',
        null,
        'Not shown (protects another hidden figure)',
      ],
      ['Family support (Northside Family Support)', 91, '91.0%'],
    ]);
    expect(chart.summary).toBe(
      'The median supervision coverage is 84.4%; the middle half of services lie between 73.5% and 87.7%. Of 3 services shown, 1 is above that band, 1 within it and 1 below it. 2 services not shown.',
    );
    // The table has the benchmark rows too.
    expect(chart.rows.map((r) => r.label).slice(-3)).toEqual([
      'Benchmark: lower quartile',
      'Benchmark: median',
      'Benchmark: upper quartile',
    ]);
  });
});

describe('the scatter of coverage against absence', () => {
  it('plots only services with both figures shown, and speaks of association', () => {
    const chart = scatterData(data, 'COVERAGE', 'ABSENCE_RATE');
    expect(chart.points.map((p) => [p.x, p.y])).toEqual([
      [84.4, 4.1],
      [62.5, 6.3],
      [91, 3],
    ]);
    expect(chart.leftOut).toBe(2);
    expect(chart.correlation).toBeLessThan(-0.9);
    expect(chart.summary).toContain('a strong negative association');
    expect(chart.summary).toContain('not evidence that one causes the other');
    expect(chart.summary).toContain('2 services left out');
  });

  it('computes Pearson’s r, and nothing from too few points or no spread', () => {
    expect(
      pearson([
        { x: 1, y: 2 },
        { x: 2, y: 4 },
        { x: 3, y: 6 },
      ]),
    ).toBeCloseTo(1);
    expect(
      pearson([
        { x: 1, y: 2 },
        { x: 2, y: 4 },
      ]),
    ).toBeNull();
    expect(
      pearson([
        { x: 1, y: 2 },
        { x: 1, y: 4 },
        { x: 1, y: 6 },
      ]),
    ).toBeNull();
    expect(associationWords(null)).toBe('too few services to say whether the two go together');
    expect(associationWords(0.1)).toBe('no clear association');
    expect(associationWords(0.5)).toBe('a moderate positive association');
  });
});

describe('the trend by month', () => {
  it('gives the band and the pooled figure by month, a hidden month in words', () => {
    const chart = trendData(data, 'COVERAGE');
    expect(chart.data.map((d) => [d.label, d.pooled, d.lower, d.median, d.upper])).toEqual([
      ['November 2025', 75, 70, 80, 85],
      ['October 2026', null, 73.45, 84.4, 87.7],
    ]);
    expect(chart.rows[1]?.cells['pooled']).toEqual({
      value: null,
      text: 'Not shown (fewer than 5 staff)',
      hidden: true,
    });
    expect(chart.summary).toBe(
      'Supervision coverage: the median across services went from 80.0% in November 2025 to 84.4% in October 2026; in October 2026 the middle half lay between 73.5% and 87.7%.',
    );
  });
});

it('keeps the fixtures honest: the hidden services carry no figures', () => {
  for (const row of [PASTORAL, SAFEGUARDING]) {
    expect(
      Object.entries(row.figures).filter(([k, v]) => k !== '__typename' && v !== null),
    ).toEqual([]);
  }
  expect([OUTREACH, COUNSELLING, FAMILY].every((r) => !r.suppressed)).toBe(true);
});
