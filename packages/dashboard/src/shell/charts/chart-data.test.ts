import {
  axisTicks,
  chartTable,
  describeTrend,
  hasNoValues,
  monthlyRows,
  niceCeiling,
  plotData,
  rowsFromBreakdown,
  rowsFromTrends,
  seriesMonthLabel,
  type ChartRow,
} from './chart-data';

const fig = (value: number | null, numerator: number, denominator: number) => ({
  value,
  numerator,
  denominator,
});

const months = [
  {
    month: '2026-01',
    from: '2026-01-01',
    to: '2026-01-31',
    suppressed: false,
    suppressionReason: null,
    coverage: fig(80, 36, 45),
    rolling: fig(12.5, 5, 40),
  },
  {
    month: '2026-02',
    from: '2026-02-01',
    to: '2026-02-28',
    suppressed: true,
    suppressionReason: 'BELOW_THRESHOLD' as const,
    coverage: null,
    rolling: null,
  },
  {
    month: '2026-03',
    from: '2026-03-01',
    to: '2026-03-22',
    suppressed: false,
    suppressionReason: null,
    coverage: fig(null, 0, 0),
    rolling: fig(10, 4, 40),
  },
];

describe('monthlyRows', () => {
  const rows = monthlyRows(
    months,
    [
      {
        key: 'coverage',
        label: 'Coverage',
        pick: (m) => m.coverage,
        detail: (f) => `${f.numerator} of ${f.denominator} people in date`,
      },
      { key: 'rolling', label: 'Rolling', pick: (m) => m.rolling },
    ],
    5,
  );

  it('gives one row per month with the value and the words', () => {
    expect(rows.map((row) => row.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(rows[0]?.cells['coverage']).toEqual({
      value: 80,
      text: '80.0%',
      detail: '36 of 45 people in date',
    });
    expect(rows[0]?.shortLabel).toBe('Jan 2026');
  });

  it('marks a hidden month and shows no number for it', () => {
    expect(rows[1]?.cells['coverage']).toEqual({
      value: null,
      text: 'Not shown: fewer than 5 people',
      hidden: true,
    });
    expect(rows[1]?.cells['rolling']?.value).toBeNull();
  });

  it('shows "—" where the denominator is 0', () => {
    expect(rows[2]?.cells['coverage']?.text).toBe('—');
    expect(rows[2]?.cells['coverage']?.value).toBeNull();
  });

  it('labels a month cut short by the period', () => {
    expect(rows[2]?.label).toBe('March 2026 (to 22 March)');
    expect(seriesMonthLabel(months[0] as (typeof months)[0])).toBe('January 2026');
  });
});

describe('the table and the chart data agree', () => {
  const rows: ChartRow[] = [
    {
      key: 'a',
      label: 'Outreach',
      cells: {
        c: { value: 75, text: '75.0%', detail: '3 of 4 people' },
        t: { value: null, text: '—' },
      },
    },
    {
      key: 'b',
      label: 'Counselling',
      cells: { c: { value: null, text: 'Not shown: fewer than 5 people', hidden: true } },
    },
  ];
  const series = [
    { key: 'c', label: 'Coverage' },
    { key: 't', label: 'Turnover' },
  ];

  it('builds the table with the same words', () => {
    expect(chartTable('Service', series, rows)).toEqual({
      header: ['Service', 'Coverage', 'Turnover'],
      body: [
        ['Outreach', '75.0% (3 of 4 people)', '—'],
        ['Counselling', 'Not shown: fewer than 5 people', '—'],
      ],
    });
  });

  it('builds the plot data from the same cells', () => {
    expect(plotData(series, rows)).toEqual([
      {
        key: 'a',
        label: 'Outreach',
        axisLabel: 'Outreach',
        s0: 75,
        t0: '75.0%',
        s1: null,
        t1: '—',
      },
      {
        key: 'b',
        label: 'Counselling',
        axisLabel: 'Counselling',
        s0: null,
        t0: 'Not shown: fewer than 5 people',
        s1: null,
        t1: '—',
      },
    ]);
  });

  it('knows when there is nothing to draw', () => {
    expect(hasNoValues(series, rows)).toBe(false);
    expect(hasNoValues(series, [rows[1] as ChartRow])).toBe(true);
  });
});

describe('adapters', () => {
  it('takes trend points shaped by another page', () => {
    const rows = rowsFromTrends([
      {
        key: 'coverage',
        points: [
          {
            month: '2026-01',
            label: 'January 2026',
            shortLabel: 'Jan 2026',
            value: 80,
            text: '80.0%',
            basis: '4 of 5',
            hidden: false,
          },
        ],
      },
    ]);
    expect(rows).toEqual([
      {
        key: '2026-01',
        label: 'January 2026',
        shortLabel: 'Jan 2026',
        cells: { coverage: { value: 80, text: '80.0%', detail: '4 of 5' } },
      },
    ]);
  });

  it('takes parts of a whole with their shares', () => {
    const rows = rowsFromBreakdown(
      [
        { key: 'ONE_TO_ONE', label: 'One-to-one', value: 3, share: 75 },
        { key: 'GROUP', label: 'Group', value: 1, share: 25 },
      ],
      'sessions',
    );
    expect(rows[0]?.cells['sessions']).toEqual({ value: 3, text: '3 (75.0%)' });
  });
});

describe('describeTrend', () => {
  const row = (key: string, value: number | null, text: string): ChartRow => ({
    key,
    label: key,
    cells: { c: { value, text } },
  });

  it('gives the latest value and the change', () => {
    expect(
      describeTrend('coverage', 'c', [row('January', 80, '80.0%'), row('March', 84.4, '84.4%')]),
    ).toBe('Coverage was 84.4% in March, up 4.4 percentage points from 80.0% in January.');
    expect(
      describeTrend('coverage', 'c', [row('January', 80, '80.0%'), row('March', 79, '79.0%')]),
    ).toBe('Coverage was 79.0% in March, down 1 percentage point from 80.0% in January.');
  });

  it('skips months without a figure', () => {
    expect(
      describeTrend('coverage', 'c', [row('January', null, '—'), row('March', 50, '50.0%')]),
    ).toBe('Coverage was 50.0% in March.');
    expect(describeTrend('coverage', 'c', [row('January', null, '—')])).toBe(
      'There is no coverage to show for these months.',
    );
  });
});

describe('niceCeiling', () => {
  it('rounds an axis up', () => {
    expect(niceCeiling(4.2)).toBe(5);
    expect(niceCeiling(37)).toBe(50);
    expect(niceCeiling(84)).toBe(100);
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(0.3)).toBe(0.5);
  });
});

describe('axisTicks', () => {
  it('spaces ticks at a round step', () => {
    expect(axisTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(axisTicks(10)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(axisTicks(25000)).toEqual([0, 5000, 10000, 15000, 20000, 25000]);
    expect(axisTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(0)).toEqual([0, 1]);
  });
});
