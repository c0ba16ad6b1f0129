import {
  breakdownChartRows,
  breakdownRows,
  countText,
  DEFAULT_PERIOD,
  formatNumber,
  formatPercent,
  largestFirst,
  listText,
  metricsInput,
  periodFor,
  periodText,
  readMetricsParams,
  scopeText,
  seriesMonthLabel,
  share,
  suppressedCell,
  suppressionText,
  trendPoints,
  trendSummary,
  withShare,
  writeMetricsParams,
  type TrendPoint,
} from './supervision-metrics-common';

describe('periodFor', () => {
  test('the last 12, 6 and 3 months end today and start the day after the same date back', () => {
    expect(periodFor('12m', '2026-11-22')).toEqual({ from: '2025-11-23', to: '2026-11-22' });
    expect(periodFor('6m', '2026-11-22')).toEqual({ from: '2026-05-23', to: '2026-11-22' });
    expect(periodFor('3m', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  test('month ends clamp (31 May minus 3 months is 28 February, so from 1 March)', () => {
    expect(periodFor('3m', '2026-05-31')).toEqual({ from: '2026-03-01', to: '2026-05-31' });
    expect(periodFor('12m', '2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });

  test('the last calendar month is the whole previous month, across a year end and in a leap year', () => {
    expect(periodFor('last-month', '2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(periodFor('last-month', '2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodFor('last-month', '2024-03-15')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  test('the financial year starts on the last 1 April', () => {
    expect(periodFor('financial-year', '2026-11-22')).toEqual({
      from: '2026-04-01',
      to: '2026-11-22',
    });
    expect(periodFor('financial-year', '2026-03-31')).toEqual({
      from: '2025-04-01',
      to: '2026-03-31',
    });
    expect(periodFor('financial-year', '2026-04-01')).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
  });
});

describe('the address', () => {
  test('reads the period, services and practitioner types, dropping anything odd', () => {
    const search = new URLSearchParams(
      'period=6m&service=281bc8ba-029b-4278-ab37-ecefe0ce0fbc&service=<script>&service=281bc8ba-029b-4278-ab37-ecefe0ce0fbc&type=Counsellor&type=%20&status=HELD',
    );
    expect(readMetricsParams(search)).toEqual({
      period: '6m',
      serviceIds: ['281bc8ba-029b-4278-ab37-ecefe0ce0fbc'],
      practitionerTypes: ['Counsellor'],
    });
  });

  test('an unknown or missing period is the default', () => {
    expect(readMetricsParams(new URLSearchParams('period=forever')).period).toBe(DEFAULT_PERIOD);
    expect(readMetricsParams(new URLSearchParams()).period).toBe('12m');
  });

  test('writing keeps the other filters on the page and leaves defaults out', () => {
    const search = new URLSearchParams('status=HELD&from=2026-01-01&period=3m&service=a1');
    expect(
      writeMetricsParams(search, {
        period: '12m',
        serviceIds: [],
        practitionerTypes: [],
      }).toString(),
    ).toBe('status=HELD&from=2026-01-01');
    expect(
      writeMetricsParams(search, {
        period: 'last-month',
        serviceIds: ['b2', 'c3'],
        practitionerTypes: ['Social worker'],
      }).toString(),
    ).toBe(
      'status=HELD&from=2026-01-01&period=last-month&service=b2&service=c3&type=Social+worker',
    );
  });

  test('round trip', () => {
    const params = { period: '3m' as const, serviceIds: ['abc-1'], practitionerTypes: ['Nurse'] };
    expect(readMetricsParams(writeMetricsParams(new URLSearchParams(), params))).toEqual(params);
  });

  test('the API input: 12 months of series, null scope lists when empty', () => {
    expect(
      metricsInput({ period: '12m', serviceIds: [], practitionerTypes: [] }, '2026-11-22'),
    ).toEqual({
      from: '2025-11-23',
      to: '2026-11-22',
      months: 12,
      serviceIds: null,
      practitionerTypes: null,
    });
    expect(
      metricsInput(
        { period: '3m', serviceIds: ['s1'], practitionerTypes: ['Nurse'] },
        '2026-11-22',
      ),
    ).toMatchObject({ serviceIds: ['s1'], practitionerTypes: ['Nurse'] });
  });
});

describe('words', () => {
  test('periods, lists and scopes', () => {
    expect(periodText({ from: '2025-11-23', to: '2026-11-22' })).toBe(
      '23 November 2025 to 22 November 2026',
    );
    expect(listText([])).toBe('');
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B'])).toBe('A and B');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
    const serviceNames = new Map([
      ['s1', 'Outreach'],
      ['s2', 'Counselling'],
    ]);
    const base = { serviceNames, organisationName: 'Northside', practitionerTypes: [] };
    expect(scopeText({ ...base, serviceIds: [] })).toBe('everyone in Northside');
    expect(scopeText({ ...base, serviceIds: ['s1', 's2'] })).toBe('Outreach and Counselling');
    expect(scopeText({ ...base, serviceIds: [], managedServiceIds: ['s1'] })).toBe(
      'your service (Outreach)',
    );
    expect(
      scopeText({ ...base, serviceIds: ['s2'], practitionerTypes: ['Nurse', 'Social worker'] }),
    ).toBe('Counselling, practitioner types Nurse and Social worker');
  });

  test('numbers, percentages and counts in en-GB', () => {
    expect(formatNumber(12392)).toBe('12,392');
    expect(formatNumber(527.9244618395303)).toBe('527.9');
    expect(formatNumber(39.5, 2)).toBe('39.5');
    expect(formatPercent(76.74418604651163)).toBe('76.7%');
    expect(formatPercent(50)).toBe('50.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('No figure');
    expect(formatPercent(undefined)).toBe('No figure');
    expect(formatPercent(Number.NaN)).toBe('No figure');
    expect(countText(1, 'session')).toBe('1 session');
    expect(countText(2.5, 'day')).toBe('2.5 days');
    expect(countText(3, 'person', 'people')).toBe('3 people');
    expect(share(1, 4)).toBe(25);
    expect(share(1, 0)).toBeNull();
    expect(withShare('329 one-to-one', 83.08)).toBe('329 one-to-one (83.1%)');
    expect(withShare('0 peer', null)).toBe('0 peer');
  });

  test('hidden figures say why, in the same words as the Overview', () => {
    expect(suppressionText('BELOW_THRESHOLD', 5)).toMatch(/fewer than 5 people/);
    expect(suppressionText('BELOW_THRESHOLD', 5)).toMatch(/no one can be identified/);
    expect(suppressionText('COMPLEMENTARY', 5)).toMatch(/cannot be worked out by subtraction/);
    expect(suppressionText(null, null)).toMatch(/too few people/);
    expect(suppressedCell('BELOW_THRESHOLD', 3)).toBe('Not shown: fewer than 3 people');
    expect(suppressedCell('COMPLEMENTARY', 3)).toMatch(/^Not shown/);
  });

  test('months', () => {
    const month = { month: '2026-11', from: '2026-11-01', suppressed: false };
    expect(seriesMonthLabel({ ...month, to: '2026-11-30' })).toBe('November 2026');
    expect(seriesMonthLabel({ ...month, to: '2026-11-22' })).toBe('November 2026 (to 22 November)');
    expect(
      seriesMonthLabel({
        month: '2024-02',
        from: '2024-02-01',
        to: '2024-02-29',
        suppressed: false,
      }),
    ).toBe('February 2024');
  });
});

describe('trends', () => {
  const series = [
    {
      month: '2026-01',
      from: '2026-01-01',
      to: '2026-01-31',
      suppressed: false,
      figure: { value: 80, numerator: 4, denominator: 5 },
    },
    {
      month: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
      suppressed: true,
      suppressionReason: 'BELOW_THRESHOLD' as const,
      figure: null,
    },
    {
      month: '2026-03',
      from: '2026-03-01',
      to: '2026-03-31',
      suppressed: false,
      figure: { value: null, numerator: 0, denominator: 0 },
    },
    {
      month: '2026-04',
      from: '2026-04-01',
      to: '2026-04-12',
      suppressed: false,
      figure: { value: 66.66666, numerator: 4, denominator: 6 },
    },
  ];
  const points = trendPoints(series, (m) => m.figure, {
    k: 5,
    basis: (f) => `${f.numerator} of ${f.denominator}`,
  });

  test('points carry the value, its words and the basis; hidden months say why', () => {
    expect(points.map((p) => [p.label, p.value, p.text, p.basis, p.hidden])).toEqual([
      ['January 2026', 80, '80.0%', '4 of 5', false],
      ['February 2026', null, 'Not shown: fewer than 5 people', '', true],
      ['March 2026', null, 'No figure', '0 of 0', false],
      ['April 2026 (to 12 April)', 66.66666, '66.7%', '4 of 6', false],
    ]);
  });

  test('the summary gives the latest value, the change, the extremes and the gaps', () => {
    expect(trendSummary('coverage', points)).toBe(
      'Coverage was 66.7% in April 2026 (to 12 April), down 13.3 percentage points from 80.0% in January 2026. ' +
        'Highest 80.0% in January 2026; lowest 66.7% in April 2026 (to 12 April). ' +
        '2 months have no figure or are hidden.',
    );
  });

  test('one point, a flat line, and nothing to show', () => {
    const one = points.slice(0, 1);
    expect(trendSummary('the absence rate', one)).toBe(
      'The absence rate was 80.0% in January 2026.',
    );
    const flat: TrendPoint[] = [
      { ...(points[0] as TrendPoint), month: '2026-01' },
      { ...(points[0] as TrendPoint), month: '2026-02', label: 'February 2026' },
    ];
    expect(trendSummary('coverage', flat)).toBe(
      'Coverage was 80.0% in February 2026, the same as in January 2026.',
    );
    expect(trendSummary('coverage', points.slice(1, 3))).toBe(
      'There is no coverage to show for these 2 months.',
    );
    expect(trendSummary('coverage', [])).toBe('There is no coverage to show for these months.');
  });

  test('a change of exactly one point is singular', () => {
    const [a] = points as [TrendPoint];
    const b = { ...a, label: 'February 2026', value: 81, text: '81.0%' };
    expect(trendSummary('coverage', [a, b])).toMatch(/up 1 percentage point from 80.0%/);
  });
});

describe('breakdowns', () => {
  test('bars labelled with their value and share', () => {
    const rows = breakdownRows([
      { key: 'ONE_TO_ONE', label: 'One-to-one', value: 329 },
      { key: 'GROUP', label: 'Group', value: 43 },
    ]);
    expect(breakdownChartRows(rows, 0)).toEqual([
      {
        key: 'ONE_TO_ONE',
        label: 'One-to-one',
        cells: { value: { value: 329, text: '329 (88.4%)' } },
      },
      { key: 'GROUP', label: 'Group', cells: { value: { value: 43, text: '43 (11.6%)' } } },
    ]);
    expect(
      breakdownChartRows(breakdownRows([{ key: 'a', label: 'A', value: 0 }]))[0]?.cells.value?.text,
    ).toBe('0');
  });

  test('shares of the whole, null when the whole is 0; largest first keeps ties in order', () => {
    const rows = breakdownRows([
      { key: 'a', label: 'A', value: 1 },
      { key: 'b', label: 'B', value: 3 },
      { key: 'c', label: 'C', value: 1 },
    ]);
    expect(rows.map((r) => r.share)).toEqual([20, 60, 20]);
    expect(largestFirst(rows).map((r) => r.key)).toEqual(['b', 'a', 'c']);
    expect(breakdownRows([{ key: 'a', label: 'A', value: 0 }])[0]?.share).toBeNull();
    expect(breakdownRows([{ key: 'a', label: 'A', value: 2 }], 8)[0]?.share).toBe(25);
  });
});
